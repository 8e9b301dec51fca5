package cli

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

var importCommand = command{
	name:     "import",
	synopsis: "FILE.opml",
	summary:  "subscribe to every feed in an OPML file",
	help: `Subscribe to every feed in an OPML file ("-" reads stdin). Only http, https and
file feeds are taken; the rest are skipped and listed with the reason. Nothing is
fetched: newsterm refresh does that.`,
	run: runImport,
}

var exportCommand = command{
	name:     "export",
	synopsis: "> FILE.opml",
	summary:  "write the subscriptions as OPML 2.0 to stdout",
	help:     "Write every subscription as an OPML 2.0 document to stdout, tags as categories.",
	run:      runExport,
}

func runImport(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags()
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageErrorf("import", "import takes one OPML file, got %d arguments", len(args))
	}
	outlines, skipped, err := a.readOPML(args[0])
	if err != nil {
		return err
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	list := make([]config.Feed, len(outlines))
	for i, o := range outlines {
		title := o.Title
		if title == o.URL { // OPML needs a text; an untitled feed's is its URL
			title = ""
		}
		list[i] = config.Feed{URL: o.URL, Title: title, Tags: o.Tags}
	}
	// One edit of the file for the whole list: all of it is added or none.
	ok, err := config.AddFeeds(cfg.Path, list)
	if err != nil {
		return fmt.Errorf("import %s: %w", args[0], err)
	}
	added := 0
	for _, a := range ok {
		if a {
			added++
		}
	}
	already := len(outlines) - added
	// Opening the store brings its subscriptions in line with the file.
	if err := a.withStore(ctx, func(*config.Config, *store.Store) error { return nil }); err != nil {
		return err
	}
	a.out.printf("Imported %s: %d already subscribed, %d skipped.", plural(added, "feed", "feeds"), already, len(skipped))
	if added > 0 {
		a.out.printf(" newsterm refresh fetches them.")
	}
	a.out.printf("\n")
	for _, s := range skipped {
		a.out.printf("  skipped: %s\n", sanitize.Line(s))
	}
	for _, o := range outlines {
		if o.Note != "" {
			a.out.printf("  note: %s: %s\n", sanitize.Line(o.URL), sanitize.Line(o.Note))
		}
	}
	return nil
}

// readOPML reads the subscriptions in the file at path, or stdin for "-".
func (a *app) readOPML(path string) ([]feeds.Outline, []string, error) {
	var r io.Reader = a.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err // "open FILE: reason"
		}
		defer f.Close() // read only: a close error loses nothing
		r = f
	}
	outlines, skipped, err := feeds.ReadOPML(r)
	if err != nil {
		name := path
		if path == "-" {
			name = "stdin"
		}
		return nil, nil, fmt.Errorf("%s: %w", name, err) // err starts "read OPML: "
	}
	return outlines, skipped, nil
}

func runExport(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags()
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 0 {
		return usageErrorf("export", "export takes no arguments (it writes to stdout: newsterm export > FILE.opml)")
	}
	return a.withStore(ctx, func(cfg *config.Config, db *store.Store) error {
		list, err := db.Feeds(ctx)
		if err != nil {
			return fmt.Errorf("list feeds: %w", err)
		}
		known := make(map[string]store.Feed, len(list))
		for _, f := range list {
			known[f.URL] = f
		}
		outlines := make([]feeds.Outline, len(cfg.Feeds))
		for i, f := range cfg.Feeds {
			stored := known[f.URL]
			title := firstNonBlank(f.Title, stored.Title)
			if title == f.URL { // the store's stand-in for a feed never fetched
				title = ""
			}
			outlines[i] = feeds.Outline{
				URL:   opmlURL(f.URL),
				Title: sanitize.Line(title),
				Site:  sanitize.Line(stored.SiteURL),
				Tags:  f.Tags,
			}
		}
		if err := feeds.WriteOPML(a.out, "newsterm subscriptions", outlines); err != nil {
			return fmt.Errorf("write OPML: %w", err)
		}
		return nil
	})
}

// opmlURL is a subscription as an OPML xmlUrl: a local path becomes a
// file:// URL, which import (here or in another reader) accepts.
func opmlURL(u string) string {
	if !filepath.IsAbs(u) {
		return u
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(u)}).String()
}
