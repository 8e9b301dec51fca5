package feeds

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Slowloris servers: the deadline fires, and once the connection is gone
// no goroutine of the client or the server is left behind.
func TestSlowServers(t *testing.T) {
	tests := []struct {
		name    string
		opt     Options
		handler func(*faultServer) http.HandlerFunc
		want    string
	}{
		{name: "headers never come", opt: Options{HeaderTimeout: 100 * time.Millisecond},
			handler: (*faultServer).hangHeaders, want: "timeout awaiting response headers"},
		{name: "body trickles", opt: Options{Timeout: 150 * time.Millisecond},
			handler: func(s *faultServer) http.HandlerFunc { return s.trickle("<rss><channel>") },
			want:    "body not complete within 150ms (timeout)"},
		{name: "whole request deadline before headers", opt: Options{Timeout: 100 * time.Millisecond},
			handler: (*faultServer).hangHeaders, want: "no complete response within 100ms (timeout)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			u := srv.route("/slow", tt.handler(srv))
			c := newTestClient(t, tt.opt)
			before := runtime.NumGoroutine()

			res := c.FetchFeed(context.Background(), Request{URL: u})

			checkFetchError(t, res.Err, u, tt.want)
			c.CloseIdleConnections()
			waitFor(t, fmt.Sprintf("goroutines back to %d", before), func() bool {
				return runtime.NumGoroutine() <= before
			})
		})
	}
}

func TestCancelInFlight(t *testing.T) {
	srv := newFaultServer(t)
	arrived := make(chan struct{})
	u := srv.route("/slow", func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		srv.hang(r)
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	res := newTestClient(t, Options{}).FetchFeed(ctx, Request{URL: u})
	checkFetchError(t, res.Err, u, "context canceled")
}

func TestRetryAfter(t *testing.T) {
	clock := newFakeClock()
	start := clock.Now()
	tests := []struct {
		name      string
		code      int
		header    string
		wantUntil time.Time // zero: the host is not held off
	}{
		{"429 with delta-seconds", 429, "120", start.Add(120 * time.Second)},
		{"503 with an HTTP-date", 503, start.Add(time.Hour).Format(http.TimeFormat), start.Add(time.Hour)},
		{"clamped to six hours", 429, "999999999999999999999", start.Add(6 * time.Hour)},
		{"a date in the past holds nothing", 503, start.Add(-time.Hour).Format(http.TimeFormat), time.Time{}},
		{"garbage is ignored", 429, "soon", time.Time{}},
		{"a 500 is not asked to wait", 500, "120", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			srv := newFaultServer(t)
			limited := srv.route("/limited", status(tt.code, "Retry-After", tt.header))
			other := srv.route("/other", serve("application/rss+xml", []byte("<rss/>")))
			c := newTestClient(t, Options{Now: clock.Now})

			res := c.FetchFeed(context.Background(), Request{URL: limited})
			fe := checkFetchError(t, res.Err, limited, fmt.Sprintf("HTTP %d", tt.code))
			if !fe.RetryAt.Equal(tt.wantUntil) {
				t.Errorf("RetryAt = %v, want %v", fe.RetryAt, tt.wantUntil)
			}
			res = c.FetchFeed(context.Background(), Request{URL: other})
			if tt.wantUntil.IsZero() {
				if n := srv.hitCount("/other"); n != 1 {
					t.Errorf("host held off: /other hit %d times (err %v)", n, res.Err)
				}
				return
			}
			host := strings.TrimPrefix(srv.URL, "http://")
			want := fmt.Sprintf("%s asked newsterm to wait until %s", host, tt.wantUntil.Format(time.RFC3339))
			checkFetchError(t, res.Err, other, want)
			if n := srv.hitCount("/other"); n != 0 {
				t.Errorf("a held-off host was asked %d times", n)
			}

			clock.advance(tt.wantUntil.Sub(start))
			c.FetchFeed(context.Background(), Request{URL: other})
			if n := srv.hitCount("/other"); n != 1 {
				t.Errorf("after the wait, /other hit %d times, want 1", n)
			}
			if n := srv.hitCount("/limited"); n != 1 {
				t.Errorf("/limited hit %d times, want exactly 1", n)
			}
		})
	}
}

// Many feeds on a host that answers 429: exactly one request reaches it.
func TestRetryAfterStopsTheQueue(t *testing.T) {
	srv := newFaultServer(t)
	var reqs []Request
	for i := range 5 {
		u := srv.route(fmt.Sprintf("/feed%d", i), status(http.StatusTooManyRequests, "Retry-After", "60"))
		reqs = append(reqs, Request{URL: u})
	}
	c := newTestClient(t, Options{PerHost: 1, Now: newFakeClock().Now})
	results := c.FetchAll(context.Background(), reqs, nil)
	hits, refused := 0, 0
	for i, res := range results {
		hits += srv.hitCount(fmt.Sprintf("/feed%d", i))
		if res.Err != nil && strings.Contains(res.Err.Error(), "not fetched") {
			refused++
		}
	}
	if hits != 1 || refused != 4 {
		t.Errorf("%d requests reached the server and %d were refused locally; want 1 and 4", hits, refused)
	}
}

// A redirect to a host that asked newsterm to wait is not followed.
func TestRetryAfterOnRedirect(t *testing.T) {
	busy, other := newFaultServer(t), newFaultServer(t)
	busyURL := busy.route("/feed", status(http.StatusServiceUnavailable, "Retry-After", "30"))
	c := newTestClient(t, Options{Now: newFakeClock().Now})
	c.FetchFeed(context.Background(), Request{URL: busyURL})

	u := other.route("/moved", redirect(busyURL))
	res := c.FetchFeed(context.Background(), Request{URL: u})
	fe := checkFetchError(t, res.Err, u, "asked newsterm to wait until")
	if fe.RetryAt.IsZero() {
		t.Error("RetryAt not set")
	}
	if n := busy.hitCount("/feed"); n != 1 {
		t.Errorf("held-off host hit %d times, want 1", n)
	}
}
