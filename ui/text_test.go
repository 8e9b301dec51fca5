package ui

import (
	"strings"
	"testing"
	"time"
)

func TestAgeFitsThreeCells(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		ago  time.Duration
		want string
	}{
		{30 * time.Second, "now"},
		{-time.Hour, "now"}, // a date in the future
		{59 * time.Minute, "59m"},
		{23 * time.Hour, "23h"},
		{13 * 24 * time.Hour, "13d"},
		{14 * 24 * time.Hour, "2w"},
		{364 * 24 * time.Hour, "52w"},
		{15 * 365 * 24 * time.Hour, "15y"},
		{200 * 365 * 24 * time.Hour, "99y"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			got := age(now, now.Add(-tc.ago))
			if got != tc.want {
				t.Fatalf("age(%v) = %q, want %q", tc.ago, got, tc.want)
			}
			if len(got) > ageCols {
				t.Fatalf("age %q is wider than its %d-cell column", got, ageCols)
			}
		})
	}
	if got := age(now, time.Time{}); got != "" {
		t.Fatalf("unknown date shows %q, want nothing", got)
	}
}

func TestFitMiddleKeepsBothEnds(t *testing.T) {
	err := "config not reloaded, keeping the old one: /tmp/x/config.toml:33: unknown key reader.bogus"
	tests := []struct {
		w          int
		start, end string
	}{
		{60, "config not rel", "unknown key reader.bogus"},
		{30, "config ", "reader.bogus"},
		{200, err, err},
	}
	for _, tc := range tests {
		got := fitMiddle(err, tc.w)
		if visibleWidth(got) != tc.w {
			t.Fatalf("fitMiddle(_, %d) is %d cells: %q", tc.w, visibleWidth(got), got)
		}
		if !strings.HasPrefix(got, tc.start) || !strings.HasSuffix(strings.TrimRight(got, " "), tc.end) {
			t.Fatalf("fitMiddle(_, %d) = %q, want it to start %q and end %q", tc.w, got, tc.start, tc.end)
		}
	}
	if got := fitMiddle("日本語のエラーメッセージです", 9); visibleWidth(got) != 9 {
		t.Fatalf("wide runes: %q is %d cells, want 9", got, visibleWidth(got))
	}
}

func TestWrapBreaksLongHints(t *testing.T) {
	got := wrap("Nothing matches “anq”. Press esc to go back.", 20)
	for _, line := range strings.Split(got, "\n") {
		if visibleWidth(line) > 20 {
			t.Fatalf("line %q is wider than 20 cells", line)
		}
	}
	if !strings.Contains(strings.ReplaceAll(got, "\n", " "), "go back.") {
		t.Fatalf("wrapping lost text: %q", got)
	}
}

func TestCompactFitsFourCells(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"},
		{1000, "1.0k"}, {1234, "1.2k"}, {9949, "9.9k"}, {9950, "9.9k"}, {9999, "9.9k"},
		{10_000, "10k"}, {999_999, "999k"},
		{1_000_000, "1.0M"}, {2_150_000, "2.1M"}, {9_950_000, "9.9M"}, {9_999_999, "9.9M"},
		{10_000_000, "10M"}, {999_999_999, "999M"},
		{1_000_000_000, "1G"}, {5_000_000_000_000, "999G"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			got := compact(tc.n)
			if got != tc.want {
				t.Fatalf("compact(%d) = %q, want %q", tc.n, got, tc.want)
			}
			if w := visibleWidth(got); w > 4 {
				t.Fatalf("compact(%d) = %q is %d cells, more than 4", tc.n, got, w)
			}
		})
	}
}

func TestNearlyTenThousandCommentsKeepTheRowsColumn(t *testing.T) {
	fs := sampleStore()
	n := 9_999
	fs.items[0].Comments.Count = &n
	m := started(t, fs, 160, 40)
	v := m.View()
	checkFrame(t, v, 160, 40)
	if !strings.Contains(v, "💬9.9k") || strings.Contains(v, "10.0k") {
		t.Fatalf("9,999 comments are not shown as 💬9.9k:\n%s", v)
	}
}
