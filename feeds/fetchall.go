package feeds

import (
	"context"
	"sync"
)

// FetchAll fetches reqs with bounded concurrency (Jobs overall, PerHost per
// host), calling done (from any goroutine, serialised) as each finishes.
// Results come back in the order of reqs. One feed's failure never stops
// the others; once ctx is done, requests still waiting for a slot finish
// at once with ctx's error, and done is still called for every request.
// When done is given it owns each parsed Feed: the returned results leave
// Feed empty, so a refresh of thousands of feeds holds in memory only the
// documents in flight, not every document fetched.
func (c *Client) FetchAll(ctx context.Context, reqs []Request, done func(Result)) []Result {
	results := make([]Result, len(reqs))
	var (
		wg sync.WaitGroup
		mu sync.Mutex // serialises done
	)
	for i, req := range reqs {
		// One goroutine per request, parked on the limiter: cheap, and a
		// busy host never holds up the queue for the others.
		wg.Go(func() {
			res := c.FetchFeed(ctx, req)
			if done == nil {
				results[i] = res
				return
			}
			kept := res
			kept.Feed = Feed{}
			results[i] = kept
			mu.Lock()
			defer mu.Unlock()
			done(res)
		})
	}
	wg.Wait()
	return results
}
