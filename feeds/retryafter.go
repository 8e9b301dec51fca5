package feeds

import (
	"net/http"
	"net/url"
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

// HoldOff makes c treat rawURL's host as having asked newsterm to wait
// until until — a Retry-After remembered from an earlier run, so a refresh
// from cron does not knock again before the server said to. Until then a
// request to that host fails with a FetchError carrying RetryAt, without
// touching the network. A time further ahead than any Retry-After newsterm
// accepts (6 hours) is clamped to that, so a clock change cannot silence a
// feed for long; file URLs and paths are not held.
func (c *Client) HoldOff(rawURL string, until time.Time) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return
	}
	now := c.opt.Now()
	if !until.After(now) {
		return
	}
	if limit := now.Add(maxRetryAfter); until.After(limit) {
		until = limit
	}
	c.limits.holdOff(hostKey(u), until)
}
