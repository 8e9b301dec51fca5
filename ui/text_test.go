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
