package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

var removeCommand = command{
	name:     "remove",
	synopsis: "URL",
	summary:  "unsubscribe from a feed and delete its stories",
	help:     "Unsubscribe from the feed at URL (as newsterm feeds lists it) and delete its stories.\nAn unknown URL exits 1.",
	run:      runRemove,
}

var feedsCommand = command{
	name:     "feeds",
	synopsis: "[--json]",
	summary:  "list subscriptions: unread/total, title, URL, last error",
	help:     "List subscriptions in config order: unread/total, title, URL and the last fetch's error.",
	run:      runFeeds,
}

func runRemove(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags()
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageErrorf("remove", "remove takes one URL, got %d arguments", len(args))
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	target, ok := findSubscription(cfg, args[0])
	if !ok {
		return fmt.Errorf("not subscribed to %s; newsterm feeds lists the subscriptions", args[0])
	}
	removed, err := config.RemoveFeed(cfg.Path, target)
	if err != nil {
		return fmt.Errorf("remove %s: %w", target, err) // err names the config file
	}
	if !removed {
		return fmt.Errorf("not subscribed to %s; newsterm feeds lists the subscriptions", target)
	}
	err = a.withStore(ctx, func(_ *config.Config, db *store.Store) error {
		if err := db.DeleteFeed(ctx, target); err != nil && !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("delete %s's stories: %w", target, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	a.out.printf("Removed %s\n", sanitize.Line(target))
	return nil
}

// findSubscription matches what the user typed against the config's URLs,
// as typed or, for a path, made absolute as add stored it.
func findSubscription(cfg *config.Config, arg string) (string, bool) {
	candidates := []string{arg}
	if u, err := subscriptionURL(arg); err == nil {
		candidates = append(candidates, u)
	}
	for _, f := range cfg.Feeds {
		for _, c := range candidates {
			if config.SameURL(f.URL, c) {
				return f.URL, true
			}
		}
	}
	return "", false
}

func runFeeds(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags()
	asJSON := fs.Bool("json", false, "print a JSON array")
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 0 {
		return usageErrorf("feeds", "feeds takes no arguments, got %q", sanitize.Line(args[0]))
	}
	return a.withStore(ctx, func(_ *config.Config, db *store.Store) error {
		list, err := db.Feeds(ctx)
		if err != nil {
			return fmt.Errorf("list feeds: %w", err)
		}
		if *asJSON {
			return a.writeJSON(feedsJSON(list))
		}
		a.printFeeds(list)
		return nil
	})
}

// printFeeds writes one row per feed: unread/total, title, URL, error.
func (a *app) printFeeds(list []store.Feed) {
	if len(list) == 0 {
		a.out.printf("No feeds yet. Add one with: newsterm add URL\n")
		return
	}
	st := a.styles(a.terminal())
	var t table
	for _, f := range list {
		counts := fmt.Sprintf("%d/%d", f.Unread, f.Total)
		if f.Unread > 0 {
			counts = st.render(st.bold, counts)
		}
		title := sanitize.Line(f.Title)
		if title == sanitize.Line(f.URL) {
			title = "(untitled)" // no title yet: the URL is the next column
		}
		row := []string{counts, clip(title, 40), sanitize.Line(f.URL)}
		if f.LastError != "" {
			row = append(row, st.render(st.warn, "error: "+clip(sanitize.Line(f.LastError), 120)))
		}
		t.add(row...)
	}
	t.write(a.out)
}
