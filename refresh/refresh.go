// Package refresh fetches subscribed feeds and records the results in the
// store: the one path shared by `newsterm refresh`, the reader's r/R keys,
// `add` and the demo's first load.
package refresh

import (
	"context"
	"fmt"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

// Failure is one feed that could not be fetched or stored.
type Failure struct {
	URL   string `json:"url"`
	Error string `json:"error"`
}

// Summary is what a refresh did. Failed is never nil, so it encodes as [].
type Summary struct {
	Feeds    int       `json:"feeds"`
	NewItems int       `json:"new_items"`
	Failed   []Failure `json:"failed"`
}

// Progress is told about each feed as it finishes (from one goroutine at a
// time): how many are done out of total, and that feed's URL and error.
type Progress func(done, total int, url string, err error)

// Run fetches every feed in list with c's concurrency limits and stores each
// result in its own transaction as it arrives. A host that asked newsterm to
// wait (Retry-After, remembered in the store) is not asked again before
// then: its feeds fail with that reason and keep the wait. One feed's failure never
// stops the others; the returned error is only for the store failing as a
// whole (ctx cancelled included).
func Run(ctx context.Context, c *feeds.Client, db *store.Store, list []store.Feed, now func() time.Time, progress Progress) (Summary, error) {
	sum := Summary{Feeds: len(list), Failed: []Failure{}}
	reqs := make([]feeds.Request, len(list))
	for i, f := range list {
		reqs[i] = feeds.Request{URL: f.URL, Validators: f.Validators}
		if !f.RetryAt.IsZero() { // a wait a host asked for in an earlier run
			c.HoldOff(f.URL, f.RetryAt)
		}
	}
	var storeErr error
	done := 0
	// Each feed is prepared for the store (sanitized, compressed, split
	// into search terms) in the goroutine that fetched it; saves run one
	// at a time, in the order feeds finish.
	prepare := func(r feeds.Result) store.Prepared {
		return store.Prepare(store.Fetched{
			URL: r.URL, At: now(), Feed: r.Feed, NotModified: r.NotModified,
			Validators: r.Validators, Err: r.Err,
		})
	}
	feeds.FetchThen(ctx, c, reqs, prepare, func(p store.Prepared) {
		done++
		n, err := db.SavePrepared(ctx, p)
		failed := p.FetchErr()
		if err != nil {
			// The feed was fetched but could not be stored: it failed too.
			failed = fmt.Errorf("save %s: %w", p.URL(), err)
			if storeErr == nil {
				storeErr = failed
			}
		}
		if failed != nil {
			sum.Failed = append(sum.Failed, Failure{URL: p.URL(), Error: sanitize.Line(failed.Error())})
		} else {
			sum.NewItems += n
		}
		if progress != nil {
			progress(done, len(list), p.URL(), failed)
		}
	})
	if storeErr != nil {
		return sum, storeErr
	}
	return sum, ctx.Err()
}
