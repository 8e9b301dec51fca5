package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// gauge counts requests in flight, overall and per server, and keeps the
// highest counts seen.
type gauge struct {
	mu               sync.Mutex
	now, max         int
	perHost, hostMax map[string]int
	finished         map[string]int // requests each server has answered
	released         chan struct{}
}

func newGauge() *gauge {
	return &gauge{perHost: map[string]int{}, hostMax: map[string]int{}, finished: map[string]int{},
		released: make(chan struct{})}
}

// handler blocks each request until the test releases it (or ends).
func (g *gauge) handler(srv *faultServer) http.HandlerFunc {
	host := srv.URL
	return func(w http.ResponseWriter, r *http.Request) {
		g.mu.Lock()
		g.now++
		g.max = max(g.max, g.now)
		g.perHost[host]++
		g.hostMax[host] = max(g.hostMax[host], g.perHost[host])
		g.mu.Unlock()
		select {
		case <-g.released:
		case <-srv.release:
		}
		g.mu.Lock()
		g.now--
		g.perHost[host]--
		g.finished[host]++
		g.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}
}

// drive lets the requests through one at a time. Before each release it
// waits until the one released before has been answered and as many
// requests are in flight as the limits allow for what is left:
// min(jobs, Σ over servers of min(perHost, requests not yet answered)).
// So every step reaches the most the limits allow, any excess shows in
// g.max, and no step waits for more than the remaining requests can give
// (when the last ones all belong to one server, fewer than jobs can run).
// totals is how many requests each server gets.
func (g *gauge) drive(t *testing.T, jobs, perHost int, totals map[string]int) {
	t.Helper()
	total := 0
	for _, n := range totals {
		total += n
	}
	for released := 0; released < total; released++ {
		waitFor(t, "the limits' share of requests to be in flight", func() bool {
			g.mu.Lock()
			defer g.mu.Unlock()
			answered, allowed := 0, 0
			for host, n := range totals {
				answered += g.finished[host]
				allowed += min(perHost, n-g.finished[host])
			}
			return answered == released && g.now >= min(jobs, allowed)
		})
		g.released <- struct{}{}
	}
}

func TestFetchAllLimits(t *testing.T) {
	tests := []struct {
		name               string
		opt                Options
		hosts, perHost     int
		wantMax, wantHosts int
	}{
		{"two per host by default", Options{}, 1, 6, 2, 2},
		{"per host, across hosts", Options{PerHost: 1}, 3, 3, 3, 1},
		{"jobs bound all hosts", Options{Jobs: 3, PerHost: 8}, 3, 3, 3, 3},
		{"jobs and per host together", Options{Jobs: 3, PerHost: 2}, 2, 4, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGauge()
			var reqs []Request
			totals := map[string]int{}
			for range tt.hosts {
				srv := newFaultServer(t)
				for i := range tt.perHost {
					reqs = append(reqs, Request{URL: srv.route(fmt.Sprintf("/feed%d", i), g.handler(srv))})
				}
				totals[srv.URL] = tt.perHost
			}
			c := newTestClient(t, tt.opt)
			finished := make(chan []Result, 1)
			go func() { finished <- c.FetchAll(context.Background(), reqs, nil) }()
			g.drive(t, c.opt.Jobs, c.opt.PerHost, totals)
			if got := <-finished; len(got) != len(reqs) {
				t.Fatalf("%d results for %d requests", len(got), len(reqs))
			}
			if g.max != tt.wantMax {
				t.Errorf("at most %d in flight, want %d", g.max, tt.wantMax)
			}
			for host, n := range g.hostMax {
				if n > tt.wantHosts {
					t.Errorf("%d in flight on %s, want at most %d", n, host, tt.wantHosts)
				}
			}
		})
	}
}

func TestFetchAllOrderAndFailures(t *testing.T) {
	a, b := newFaultServer(t), newFaultServer(t)
	reqs := []Request{
		{URL: a.route("/good", serve("application/rss+xml", []byte("<rss version=\"2.0\"><channel><title>A</title></channel></rss>")))},
		{URL: a.route("/gone", status(http.StatusGone))},
		{URL: "testdata/client/latin1.rss"},
		{URL: "testdata/client/missing.rss"},
		{URL: b.route("/reset", raw("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n<rss>", true))},
		{URL: b.route("/good", serve("application/rss+xml", []byte("<rss version=\"2.0\"><channel><title>B</title></channel></rss>")))},
	}
	fetchFailed := map[int]bool{1: true, 3: true, 4: true}
	var (
		inDone atomic.Bool
		calls  []string
	)
	results := newTestClient(t, Options{}).FetchAll(context.Background(), reqs, func(r Result) {
		if !inDone.CompareAndSwap(false, true) {
			t.Error("done called concurrently")
		}
		calls = append(calls, r.URL)
		inDone.Store(false)
	})
	if len(results) != len(reqs) || len(calls) != len(reqs) {
		t.Fatalf("%d results and %d done calls for %d requests", len(results), len(calls), len(reqs))
	}
	for i, res := range results {
		if res.URL != reqs[i].URL {
			t.Errorf("result %d is for %s, want %s", i, res.URL, reqs[i].URL)
		}
		var fe *FetchError
		if got := errors.As(res.Err, &fe); got != fetchFailed[i] {
			t.Errorf("%s: fetch failed = %v, want %v (err %v)", res.URL, got, fetchFailed[i], res.Err)
		}
	}
	for _, p := range []string{"/good", "/gone"} {
		if n := a.hitCount(p); n != 1 {
			t.Errorf("%s hit %d times", p, n)
		}
	}
	if n := b.hitCount("/good"); n != 1 {
		t.Errorf("second server's feed hit %d times", n)
	}
}

// A hung feed does not hold up the others: they all finish first.
func TestFetchAllSlowFeedDoesNotBlock(t *testing.T) {
	srv := newFaultServer(t)
	unblock := make(chan struct{})
	hung := srv.route("/hung", func(w http.ResponseWriter, r *http.Request) {
		<-unblock
		w.WriteHeader(http.StatusNoContent)
	})
	reqs := []Request{{URL: hung}}
	for i := range 3 {
		other := newFaultServer(t)
		reqs = append(reqs, Request{URL: other.route(fmt.Sprintf("/f%d", i), status(http.StatusNotFound))})
	}
	order := make(chan string, len(reqs))
	go newTestClient(t, Options{}).FetchAll(context.Background(), reqs, func(r Result) { order <- r.URL })
	for range 3 {
		if u := <-order; u == hung {
			t.Error("the hung feed finished before the others")
		}
	}
	close(unblock)
	if u := <-order; u != hung {
		t.Errorf("last to finish: %s, want the hung feed", u)
	}
}

func TestFetchAllCancel(t *testing.T) {
	srv := newFaultServer(t)
	arrived := make(chan struct{}, 4)
	u := srv.route("/hang", func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		srv.hang(r)
	})
	reqs := []Request{{URL: u}, {URL: u}, {URL: u}, {URL: u}}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	var calls atomic.Int32
	results := newTestClient(t, Options{Jobs: 1}).FetchAll(ctx, reqs, func(Result) { calls.Add(1) })
	for i, res := range results {
		if res.Err == nil || !strings.Contains(res.Err.Error(), "context canceled") {
			t.Errorf("result %d: err %v, want context canceled", i, res.Err)
		}
	}
	if n := srv.hitCount("/hang"); n != 1 {
		t.Errorf("server hit %d times after cancel, want 1", n)
	}
	if n := calls.Load(); n != int32(len(reqs)) {
		t.Errorf("done called %d times, want %d", n, len(reqs))
	}
}

// TestFetchAllHandsFeedsToDone: with a done callback the parsed documents
// go to done and are not kept in the results, so memory stays bounded by
// the documents in flight.
func TestFetchAllHandsFeedsToDone(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>x</title></item></channel></rss>`))
	}))
	defer srv.Close()
	reqs := []Request{{URL: srv.URL + "/a"}, {URL: srv.URL + "/b"}}
	c := NewClient(Options{})
	var got int
	results := c.FetchAll(context.Background(), reqs, func(r Result) { got += len(r.Feed.Items) })
	if got != 2 {
		t.Fatalf("done saw %d items, want 2", got)
	}
	for _, r := range results {
		if r.Err != nil || len(r.Feed.Items) != 0 {
			t.Errorf("%s: err %v, %d items kept in the result", r.URL, r.Err, len(r.Feed.Items))
		}
	}
	if without := c.FetchAll(context.Background(), reqs, nil); len(without[0].Feed.Items) != 1 {
		t.Errorf("without done the result must carry the feed")
	}
}

func TestByHostInTurn(t *testing.T) {
	reqs := []Request{{URL: "https://a/1"}, {URL: "https://a/2"}, {URL: "https://a/3"}, {URL: "https://b/1"}, {URL: "file:///x"}, {URL: "https://b/2"}}
	got := fmt.Sprint(byHostInTurn(reqs))
	if want := "[0 3 4 1 5 2]"; got != want {
		t.Fatalf("order = %s, want %s", got, want)
	}
}

// TestFetchAllBoundsWaitingResults: while done is blocked, no more than
// Jobs+cores requests are started, so parsed documents cannot pile
// up.
func TestFetchAllBoundsWaitingResults(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title></channel></rss>`))
	}))
	defer srv.Close()
	window := int32(2 + runtime.GOMAXPROCS(0))
	total := int(window) + 16
	var reqs []Request
	for i := range total {
		reqs = append(reqs, Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)})
	}
	release := make(chan struct{})
	first := make(chan struct{})
	var calls int
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		NewClient(Options{Jobs: 2, PerHost: 2}).FetchAll(context.Background(), reqs, func(Result) {
			calls++
			if calls == 1 {
				close(first)
				<-release
			}
		})
	}()
	<-first
	// done is blocked on the first result: the window holds it and at
	// most window-1 more; wait until those have been fetched, then check
	// nothing beyond the window was requested.
	for hits.Load() < window {
		runtime.Gosched()
	}
	if n := hits.Load(); n > window {
		t.Errorf("%d requests made while done was blocked, want at most %d", n, window)
	}
	close(release)
	<-finished
	if calls != total || hits.Load() != int32(total) {
		t.Fatalf("done called %d times after %d requests, want %d", calls, hits.Load(), total)
	}
}
