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
			results[i] = res
			if done != nil {
				mu.Lock()
				defer mu.Unlock()
				done(res)
			}
		})
	}
	wg.Wait()
	return results
}
