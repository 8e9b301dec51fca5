package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

var addCommand = command{
	name:     "add",
	synopsis: "URL [--tag T]... [--title T] [--first] [--force]",
	summary:  "subscribe to a feed, a site that links to one, or a file",
	help: `Subscribe to URL: a feed, a web page that links to its feeds, a local path or a
file:// URL. The feed is fetched once and its title and item count reported.
Several feeds on a page: exit 1 listing them (--first takes the first). Not a feed
and no feed links: exit 1 (--force subscribes anyway). A network or HTTP error:
subscribed anyway with a warning; newsterm feeds shows the error.`,
	run: runAdd,
}

// addOptions are add's flags.
type addOptions struct {
	tags  stringList
	title string
	first bool
	force bool
}

func runAdd(ctx context.Context, a *app, args []string) error {
	var opt addOptions
	fs := a.newFlags()
	fs.Var(&opt.tags, "tag", "file the feed under `TAG` (repeatable)")
	fs.StringVar(&opt.title, "title", "", "show the feed as `TITLE` instead of its own title")
	fs.BoolVar(&opt.first, "first", false, "when a page links to several feeds, take the first")
	fs.BoolVar(&opt.force, "force", false, "subscribe even if URL is not a feed")
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageErrorf("add", "add takes one URL, got %d arguments", len(args))
	}
	for _, t := range opt.tags {
		if strings.TrimSpace(t) == "" {
			return usageErrorf("add", "--tag needs a non-empty tag")
		}
	}
	target, err := subscriptionURL(args[0])
	if err != nil {
		return usageErrorf("add", "%v", err)
	}
	if err := checkLocal(target); err != nil {
		return err
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	if subscribed(cfg, target) {
		a.out.printf("Already subscribed to %s\n", sanitize.Line(target))
		return nil
	}
	plan, err := a.planAdd(ctx, feeds.NewClient(clientOptions(cfg)), target, opt)
	if err != nil {
		return err
	}
	if plan.url != target && subscribed(cfg, plan.url) {
		a.out.printf("Already subscribed to %s\n", sanitize.Line(plan.url))
		return nil
	}
	return a.subscribe(ctx, cfg, plan, opt)
}

// addPlan is what add decided to subscribe to after fetching.
type addPlan struct {
	url     string       // the feed URL to subscribe
	res     feeds.Result // its fetch, recorded in the store (Err included)
	warning string       // said on stderr; the subscription is still made
}

// planAdd fetches target as a feed. A network or HTTP failure subscribes
// anyway with a warning; a document that is not a feed is read as a page:
// the one feed it links to is taken (the first with --first), several are
// listed, none is an error unless --force.
func (a *app) planAdd(ctx context.Context, c *feeds.Client, target string, opt addOptions) (addPlan, error) {
	res := c.FetchFeed(ctx, feeds.Request{URL: target})
	var fetchErr *feeds.FetchError
	switch {
	case res.Err == nil:
		return addPlan{url: target, res: res}, nil
	case errors.As(res.Err, &fetchErr):
		return addPlan{url: target, res: res, warning: fetchWarning(res.Err)}, nil
	}
	page, err := c.FetchPage(ctx, target)
	if err != nil {
		return addPlan{url: target, res: res, warning: fetchWarning(err)}, nil
	}
	base := page.URL
	if base == nil {
		if base, err = url.Parse(target); err != nil {
			return addPlan{}, fmt.Errorf("parse %s: %w", target, err)
		}
	}
	links, err := feeds.Discover(bytes.NewReader(page.Body), base)
	if err != nil {
		links = nil // not HTML: no links to follow
	}
	switch {
	case len(links) == 0 && opt.force:
		return addPlan{url: target, res: res,
			warning: notAFeed(target, page, res.Err) + "; subscribed anyway (--force)"}, nil
	case len(links) == 0:
		return addPlan{}, fmt.Errorf("%s; give the feed's own URL, or --force subscribes anyway", notAFeed(target, page, res.Err))
	case len(links) > 1 && !opt.first:
		a.errOut.printf("newsterm add: %s links to %d feeds; add one of them, or pass --first to take the first:\n",
			sanitize.Line(target), len(links))
		var t table
		for _, l := range links {
			t.add("  "+sanitize.Line(l.URL), sanitize.Line(l.Title))
		}
		t.write(a.errOut)
		return addPlan{}, errReported
	}
	feedURL := links[0].URL
	res = c.FetchFeed(ctx, feeds.Request{URL: feedURL})
	plan := addPlan{url: feedURL, res: res}
	if res.Err != nil {
		plan.warning = fetchWarning(res.Err)
	}
	return plan, nil
}

// notAFeed says what target is instead of a feed: a web page without
// feed links, or a document the feed parser refused (parseErr says why).
func notAFeed(target string, page feeds.Page, parseErr error) string {
	kind := page.ContentType
	if kind == "" {
		kind = http.DetectContentType(page.Body)
	}
	if strings.Contains(strings.ToLower(kind), "html") {
		return fmt.Sprintf(`%s is a web page that links to no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed)`, target)
	}
	return fmt.Sprintf("%s is not a feed (%v)", target, parseErr)
}

func fetchWarning(err error) string {
	return fmt.Sprintf("%s; subscribed anyway: newsterm refresh tries again, newsterm feeds shows the error", err)
}

// subscribe writes the feed into the config file, brings the store in line
// and records the fetch so its items are there at once.
func (a *app) subscribe(ctx context.Context, cfg *config.Config, plan addPlan, opt addOptions) error {
	added, err := config.AddFeed(cfg.Path, config.Feed{URL: plan.url, Title: opt.title, Tags: opt.tags})
	if err != nil {
		return fmt.Errorf("add %s: %w", plan.url, err) // err names the config file
	}
	if !added {
		a.out.printf("Already subscribed to %s\n", sanitize.Line(plan.url))
		return nil
	}
	cfg, err = a.loadConfig()
	if err != nil {
		return err
	}
	db, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	res := plan.res
	_, err = db.SaveFetch(ctx, store.Fetched{
		URL: plan.url, At: time.Now(), Feed: res.Feed, NotModified: res.NotModified,
		Validators: res.Validators, Err: res.Err,
	})
	if err != nil {
		return closeAfter(db, fmt.Errorf("save %s: %w", plan.url, err))
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	if plan.warning != "" {
		a.errOut.printf("newsterm add: warning: %s\n", sanitize.Line(plan.warning))
	}
	title := firstNonBlank(opt.title, res.Feed.Title, plan.url)
	if res.Err != nil {
		a.out.printf("Added %s (no items yet)\n", sanitize.Line(title))
		return nil
	}
	a.out.printf("Added %s (%s)\n", sanitize.Line(title), plural(len(res.Feed.Items), "item", "items"))
	return nil
}

// firstNonBlank returns the first non-blank string.
func firstNonBlank(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func subscribed(cfg *config.Config, u string) bool {
	return slices.ContainsFunc(cfg.Feeds, func(f config.Feed) bool { return config.SameURL(f.URL, u) })
}

// subscriptionURL turns what the user typed into what the config stores:
// http, https and file URLs as given, a path made absolute.
func subscriptionURL(arg string) (string, error) {
	if strings.TrimSpace(arg) == "" {
		return "", errors.New("empty URL")
	}
	u, err := url.Parse(arg)
	if err == nil && len(u.Scheme) > 1 { // one letter is a Windows drive
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			if u.Host == "" {
				return "", fmt.Errorf("%s has no host", arg)
			}
			return arg, nil
		case "file":
			return arg, nil
		default:
			return "", fmt.Errorf("cannot subscribe to a %s: URL; use http, https, file:// or a path", u.Scheme)
		}
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		return "", fmt.Errorf("resolve path %s: %w", arg, err)
	}
	return abs, nil
}

// checkLocal reports a missing file before anything is subscribed, with a
// hint for a web address typed without its scheme.
func checkLocal(target string) error {
	path := target
	if u, err := url.Parse(target); err == nil && len(u.Scheme) > 1 {
		if !strings.EqualFold(u.Scheme, "file") {
			return nil
		}
		path = u.Path
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no such file %s (for a web address, write https://...)", path)
		}
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
