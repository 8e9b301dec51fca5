package ui

import (
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
