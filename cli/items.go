package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

var itemsCommand = command{
	name:     "items",
	synopsis: "[--feed URL] [--unread] [--starred] [--limit N] [--json]",
	summary:  "list stories, newest first",
	help:     "List stories newest first (published, then id). The first column is the id that\nnewsterm read takes. No limit unless --limit is given.",
	run:      runItems,
}

var searchCommand = command{
	name:     "search",
	synopsis: "QUERY [--limit N] [--json]",
	summary:  "full-text search over titles, summaries and bodies",
	help:     "Find stories whose title, summary or text contains every word of QUERY, newest first.",
	run:      runSearch,
}

func runItems(ctx context.Context, a *app, args []string) error {
	var q store.Query
	fs := a.newFlags()
	fs.StringVar(&q.FeedURL, "feed", "", "only stories from the feed at `URL`")
	fs.BoolVar(&q.Unread, "unread", false, "only unread stories")
	fs.BoolVar(&q.Starred, "starred", false, "only starred stories")
	fs.IntVar(&q.Limit, "limit", 0, "at most `N` stories")
	asJSON := fs.Bool("json", false, "print a JSON array")
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 0 {
		return usageErrorf("items", "items takes no arguments, got %q", sanitize.Line(args[0]))
	}
	if err := checkLimit("items", fs, q.Limit); err != nil {
		return err
	}
	return a.withStore(ctx, func(cfg *config.Config, db *store.Store) error {
		if q.FeedURL != "" {
			u, ok := findSubscription(cfg, q.FeedURL)
			if !ok {
				return fmt.Errorf("not subscribed to %s; newsterm feeds lists the subscriptions", q.FeedURL)
			}
			q.FeedURL = u
		}
		items, err := db.Items(ctx, q)
		if err != nil {
			return fmt.Errorf("list items: %w", err)
		}
		return a.printItems(items, *asJSON, "No stories yet. newsterm refresh fetches them.")
	})
}

func runSearch(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags()
	limit := fs.Int("limit", 0, "at most `N` results")
	asJSON := fs.Bool("json", false, "print a JSON array")
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(args, " "))
	if query == "" {
		return usageErrorf("search", "search needs a QUERY")
	}
	if err := checkLimit("search", fs, *limit); err != nil {
		return err
	}
	return a.withStore(ctx, func(_ *config.Config, db *store.Store) error {
		items, err := db.Search(ctx, query, *limit)
		if err != nil {
			return err // it names the query
		}
		return a.printItems(items, *asJSON, "Nothing found.")
	})
}

// checkLimit refuses a --limit below 1: without the flag there is no
// limit, and --limit 0 asking for nothing is a mistake, not "everything".
func checkLimit(cmd string, fs *flag.FlagSet, limit int) error {
	if limit < 0 || (limit == 0 && flagGiven(fs, "limit")) {
		return usageErrorf(cmd, "--limit must be at least 1, got %d (leave it out for no limit)", limit)
	}
	return nil
}

// printItems writes items as JSON or as aligned rows: id, unread/starred
// marks, date, feed, title, comment count.
func (a *app) printItems(items []store.Item, asJSON bool, empty string) error {
	if asJSON {
		return a.writeJSON(itemsJSON(items))
	}
	if len(items) == 0 {
		a.out.printf("%s\n", empty)
		return nil
	}
	st := a.styles(a.terminal())
	var t table
	for _, it := range items {
		marks := " "
		if !it.Read {
			marks = "•"
		}
		if it.Starred {
			marks += "★"
		}
		date := ""
		if !it.Published.IsZero() {
			date = it.Published.Local().Format("2006-01-02")
		}
		title := clip(sanitize.Line(it.Title), 80)
		if !it.Read {
			title = st.render(st.bold, title)
		}
		t.add(strconv.FormatInt(it.ID, 10), marks, st.render(st.dim, date),
			clip(sanitize.Line(it.FeedTitle), 24), title, commentsLabel(it))
	}
	t.write(a.out)
	return nil
}

// commentsLabel is "23 comments", or "" when the count is unknown.
func commentsLabel(it store.Item) string {
	if it.Comments.Count == nil {
		return ""
	}
	return plural(*it.Comments.Count, "comment", "comments")
}
