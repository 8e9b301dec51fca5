package feeds

import (
	"strconv"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"120", 2 * time.Minute, true},
		{"0", 0, true},
		{" 60 ", time.Minute, true},
		{"21600", 6 * time.Hour, true},
		{"21601", 6 * time.Hour, true},
		{"99999999999999999999999999", 6 * time.Hour, true},
		{"Sat, 14 Mar 2026 12:01:30 GMT", 90 * time.Second, true},    // IMF-fixdate
		{"Saturday, 14-Mar-26 12:01:30 GMT", 90 * time.Second, true}, // RFC 850
		{"Sat Mar 14 12:01:30 2026", 90 * time.Second, true},         // asctime
		{"Sat, 14 Mar 2026 11:00:00 GMT", 0, true},                   // past: now
		{"Fri, 01 Jan 2100 00:00:00 GMT", 6 * time.Hour, true},       // far future: clamped
		{"Sat, 14 Mar 2026 12:01:30 +0100", 0, false},                // not an HTTP-date
		{"", 0, false},
		{"soon", 0, false},
		{"-5", 0, false},
		{"1.5", 0, false},
		{"+60", 0, false},
		{"60s", 0, false},
		{"0x10", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := retryAfter(tt.in, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// FuzzRetryAfter: any header value gives a wait within [0, 6h] or is
// ignored, and small delta-seconds are taken exactly.
func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "0", "Sat, 14 Mar 2026 12:01:30 GMT", "soon", "99999999999999999999"} {
		f.Add(s)
	}
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		got, ok := retryAfter(v, now)
		if !ok && got != 0 {
			t.Errorf("ignored value %q gave a wait of %v", v, got)
		}
		if got < 0 || got > maxRetryAfter {
			t.Errorf("retryAfter(%q) = %v, outside [0, 6h]", v, got)
		}
		if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 21600 && isDelaySeconds(v) {
			if !ok || got != time.Duration(n)*time.Second {
				t.Errorf("retryAfter(%q) = %v, %v; want %ds", v, got, ok, n)
			}
		}
	})
}
