package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// TestHoldOff: a wait remembered from an earlier run keeps every request
// to that host off the network until it ends, is clamped to the longest
// Retry-After newsterm accepts, and leaves other hosts alone.
func TestHoldOff(t *testing.T) {
	start := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		until    time.Duration // after start
		at       time.Duration // when the request is made
		held     bool
		wantWait time.Duration // RetryAt - start, when held
	}{
		{"held", 10 * time.Minute, time.Minute, true, 10 * time.Minute},
		{"over", 10 * time.Minute, 11 * time.Minute, false, 0},
		{"in the past", -time.Minute, 0, false, 0},
		{"clamped to six hours", 100 * time.Hour, 5 * time.Hour, true, 6 * time.Hour},
		{"clamp ends", 100 * time.Hour, 7 * time.Hour, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Write([]byte(`<rss version="2.0"><channel><title>t</title></channel></rss>`))
			}))
			defer srv.Close()
			now := start
			c := newTestClient(t, Options{Now: func() time.Time { return now }})
			c.HoldOff(srv.URL+"/a.rss", start.Add(tt.until))
			now = start.Add(tt.at)
			res := c.FetchFeed(context.Background(), Request{URL: srv.URL + "/b.rss"})
			var fe *FetchError
			switch {
			case !tt.held && (res.Err != nil || hits.Load() != 1):
				t.Errorf("not held: err %v, %d requests; want the feed fetched", res.Err, hits.Load())
			case tt.held && (!errors.As(res.Err, &fe) || hits.Load() != 0):
				t.Errorf("held: err %v, %d requests; want a FetchError and no request", res.Err, hits.Load())
			case tt.held && !fe.RetryAt.Equal(start.Add(tt.wantWait)):
				t.Errorf("RetryAt %v, want %v", fe.RetryAt, start.Add(tt.wantWait))
			}
		})
	}
}

// TestHoldOffIgnoresLocalAndOtherHosts: a held host does not hold another
// one, and file URLs are never held.
func TestHoldOffIgnoresLocalAndOtherHosts(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<rss version="2.0"><channel><title>t</title></channel></rss>`))
	}))
	defer srv.Close()
	c := newTestClient(t, Options{})
	c.HoldOff("http://elsewhere.example/feed", time.Now().Add(time.Hour))
	c.HoldOff("file:///tmp/feed.rss", time.Now().Add(time.Hour))
	if res := c.FetchFeed(context.Background(), Request{URL: srv.URL}); res.Err != nil {
		t.Errorf("another host was held: %v", res.Err)
	}
}
