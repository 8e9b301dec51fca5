package feeds

import (
	"context"
	"net/url"
	"runtime"
	"sync"
)

// FetchAll fetches reqs with bounded concurrency (Jobs overall, PerHost per
// host), calling done (from any goroutine, serialised) as each finishes.
// Results come back in the order of reqs. One feed's failure never stops
// the others; once ctx is done, requests still waiting for a slot finish
// at once with ctx's error, and done is still called for every request.
//
// When done is given it owns each parsed Feed: the returned results leave
// Feed empty, and at most Jobs+cores requests are between starting and the
// return of their done call. done is usually slower than fetching (it
// stores the feed), so without that window every document of a large
// refresh would be parsed and held in memory waiting for its turn.
// Requests start in an order that takes hosts in turn, so one host with
// many feeds cannot fill the window while other hosts wait.
func (c *Client) FetchAll(ctx context.Context, reqs []Request, done func(Result)) []Result {
	if done == nil {
		return FetchThen[Result](ctx, c, reqs, nil, nil)
	}
	return FetchThen(ctx, c, reqs, func(r Result) Result { return r }, done)
}

// FetchThen is FetchAll with a step between fetching and done: prepare
// runs on each result in the goroutine that fetched it, so with many
// requests at once it runs on every core, and done (serialised, as in
// FetchAll) gets what prepare made. A refresh parses and prepares feeds
// in parallel this way while one goroutine writes them. With prepare nil
// the results keep their feeds and done is not called.
func FetchThen[T any](ctx context.Context, c *Client, reqs []Request, prepare func(Result) T, done func(T)) []Result {
	results := make([]Result, len(reqs))
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex // serialises done
		window chan struct{}
	)
	if prepare != nil {
		// Jobs downloads at once and, beside them, as many feeds being
		// parsed and prepared as there are cores: parsing is CPU work, so
		// even --jobs 1 keeps every core busy while one feed is saved.
		window = make(chan struct{}, c.opt.Jobs+runtime.GOMAXPROCS(0))
	}
	for _, i := range byHostInTurn(reqs) {
		req := reqs[i]
		held := window != nil && enter(ctx, window)
		// One goroutine per request, parked on the limiter: cheap, and a
		// busy host never holds up the queue for the others.
		wg.Go(func() {
			if held {
				defer func() { <-window }()
			}
			res := c.FetchFeed(ctx, req)
			if prepare == nil {
				results[i] = res
				return
			}
			kept := res
			kept.Feed = Feed{}
			results[i] = kept
			v := prepare(res)
			mu.Lock()
			defer mu.Unlock()
			done(v)
		})
	}
	wg.Wait()
	return results
}

// enter takes a place in window, or gives up when ctx is done (the request
// then fails at once with ctx's error and needs no place).
func enter(ctx context.Context, window chan struct{}) bool {
	select {
	case window <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// byHostInTurn returns the indexes of reqs ordered round-robin by host,
// keeping each host's own requests in their original order.
func byHostInTurn(reqs []Request) []int {
	var hosts []string
	queues := map[string][]int{}
	for i, r := range reqs {
		h := ""
		if u, err := url.Parse(r.URL); err == nil {
			h = u.Host
		}
		if _, ok := queues[h]; !ok {
			hosts = append(hosts, h)
		}
		queues[h] = append(queues[h], i)
	}
	order := make([]int, 0, len(reqs))
	for len(order) < len(reqs) {
		for _, h := range hosts {
			if q := queues[h]; len(q) > 0 {
				order = append(order, q[0])
				queues[h] = q[1:]
			}
		}
	}
	return order
}
