package refresh

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

// TestRetryAfterOutlivesTheRun: a host that answered 429 with Retry-After
// is not asked again by the next run — a new process, as from cron — until
// the wait is over, for any of its feeds.
func TestRetryAfterOutlivesTheRun(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "600")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}))
	defer srv.Close()
	db := openStore(t)
	subscribe(t, db, srv.URL+"/a.rss", srv.URL+"/b.rss")
	runs := []struct {
		at       time.Duration // after now
		wantHits int32         // requests this run
	}{
		{0, 1},                // the first request meets the 429; the second feed waits
		{5 * time.Minute, 0},  // a new run inside the ten minutes asks nobody
		{11 * time.Minute, 1}, // after them it asks again (and is told to wait again)
	}
	for i, r := range runs {
		at := now.Add(r.at)
		clock := func() time.Time { return at }
		c := feeds.NewClient(feeds.Options{Jobs: 1, PerHost: 1, Now: clock})
		list, err := db.Feeds(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		before := hits.Load()
		sum, err := Run(context.Background(), c, db, list, clock, nil)
		c.CloseIdleConnections()
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if got := hits.Load() - before; got != r.wantHits || len(sum.Failed) != 2 {
			t.Errorf("run %d at +%v: %d requests, %d failed; want %d requests, 2 failed",
				i, r.at, got, len(sum.Failed), r.wantHits)
		}
	}
}
