package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
	"github.com/newsterm/newsterm/ui"
)

var refreshCommand = command{
	name:     "refresh",
	synopsis: "[--jobs N] [--json]",
	summary:  "fetch every feed; progress bar on a terminal, summary after",
	help: `Fetch every subscribed feed and store what is new. On a terminal a progress bar
runs; after it one summary line. Exit 0 when the run completed (a feed that failed is
reported, and newsterm feeds shows why), 1 when every feed failed.`,
	run: runRefresh,
}

// refreshGCPercent is the refresh command's GC target (GOGC).
const refreshGCPercent = 50

func runRefresh(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags()
	jobs := fs.Int("jobs", 0, "fetch `N` feeds at once, and at most N per host (default: the config's, 8 and 2)")
	asJSON := fs.Bool("json", false, `print {"feeds", "new_items", "failed": [{"url", "error"}]}`)
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 0 {
		return usageErrorf("refresh", "refresh takes no arguments, got %q", args[0])
	}
	if *jobs < 0 || (*jobs == 0 && flagGiven(fs, "jobs")) {
		return usageErrorf("refresh", "--jobs must be at least 1, got %d", *jobs)
	}
	// A refresh streams documents through memory and keeps little: a GC
	// target of half the live heap instead of all of it lowers the peak
	// (cold refresh of 200 feeds: 62 → 55 MB with --jobs 8, 51 → 47 MB
	// with --jobs 1) for about a tenth more time, which suits cron jobs
	// and small machines.
	defer debug.SetGCPercent(debug.SetGCPercent(refreshGCPercent))
	return a.withStore(ctx, func(cfg *config.Config, db *store.Store) error {
		list, err := db.Feeds(ctx)
		if err != nil {
			return fmt.Errorf("list feeds: %w", err)
		}
		if len(list) == 0 {
			return a.refreshNothing(*asJSON)
		}
		sum, err := a.refreshAll(ctx, feeds.NewClient(refreshOptions(cfg, *jobs)), db, list, !*asJSON)
		if err != nil {
			return err
		}
		for i, f := range sum.Failed {
			sum.Failed[i] = refresh.Failure{URL: sanitize.Line(f.URL), Error: sanitize.Line(f.Error)}
		}
		if *asJSON {
			if err := a.writeJSON(sum); err != nil {
				return err
			}
		} else {
			a.out.printf("%s\n", summaryLine(sum))
		}
		if len(sum.Failed) == sum.Feeds {
			return errors.New("every feed failed; newsterm feeds shows why")
		}
		return nil
	})
}

// refreshOptions are the fetcher's options for a refresh: the config's, with
// --jobs N (when given, jobs > 0) setting both limits, at once and per host.
func refreshOptions(cfg *config.Config, jobs int) feeds.Options {
	opt := clientOptions(cfg)
	if jobs > 0 {
		opt.Jobs, opt.PerHost = jobs, jobs
	}
	return opt
}

// refreshAll runs the refresh, under a progress bar when stdout is a
// terminal and the output is for people.
func (a *app) refreshAll(ctx context.Context, c *feeds.Client, db *store.Store, list []store.Feed, bar bool) (refresh.Summary, error) {
	var sum refresh.Summary
	work := func(step func(label string)) error {
		var progress refresh.Progress
		if step != nil {
			progress = func(_, _ int, url string, _ error) { step(url) }
		}
		var err error
		sum, err = refresh.Run(ctx, c, db, list, time.Now, progress)
		if err != nil {
			return fmt.Errorf("refresh: %w", err)
		}
		return nil
	}
	if !bar || !a.terminal().isTTY {
		return sum, work(nil)
	}
	if err := ui.RunProgress(a.stdout, len(list), work); err != nil {
		return sum, err
	}
	return sum, nil
}

// refreshNothing answers a refresh with no subscriptions: not an error.
func (a *app) refreshNothing(asJSON bool) error {
	const hint = "No feeds to refresh. Add one with: newsterm add URL"
	if asJSON {
		a.errOut.printf("newsterm refresh: %s\n", hint) // stdout is for the JSON
		return a.writeJSON(refresh.Summary{Failed: []refresh.Failure{}})
	}
	a.out.printf("%s\n", hint)
	return nil
}

// summaryLine is "N feeds, M new items, K failed — newsterm feeds shows
// why", the pointer to feeds only when something failed.
func summaryLine(sum refresh.Summary) string {
	line := fmt.Sprintf("%s, %s, %d failed", plural(sum.Feeds, "feed", "feeds"),
		plural(sum.NewItems, "new item", "new items"), len(sum.Failed))
	if len(sum.Failed) > 0 {
		line += " — newsterm feeds shows why"
	}
	return line
}
