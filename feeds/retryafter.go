package feeds

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetryAfter caps how long a server can keep newsterm away from a host,
// so a hostile or mistaken header cannot silence a feed for days.
const maxRetryAfter = 6 * time.Hour

// retryAfter reads a Retry-After value (RFC 9110 §10.2.3): delta-seconds
// or an HTTP-date, relative to now. The wait is clamped to [0, 6h]; a
// date in the past is 0. ok is false for an empty or malformed value,
// which is ignored.
func retryAfter(v string, now time.Time) (wait time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDelaySeconds(v) {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true // only overflow fails on digits
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(t.Sub(now), 0), maxRetryAfter), true
}

func isDelaySeconds(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
