package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/newsterm/newsterm/article"
	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

var readCommand = command{
	name:     "read",
	synopsis: "URL|PATH|ID [--width N] [--style auto|dark|light|notty]",
	summary:  "print one story, extracted and rendered",
	help: `Print one story: header, lead photo with caption and credit, the whole text,
comment count and numbered links. ID is a story's id from newsterm items; anything
else is a web address or a file. A story from the store merges what its feed said
(comment count, credit, author) with its page, and is kept for reading offline.
Without --width: the terminal's width, or 80 when stdout is not a terminal.`,
	run: runRead,
}

var readStyles = []string{"auto", "dark", "light", "notty"}

func runRead(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags()
	width := fs.Int("width", 0, "wrap at `N` columns")
	style := fs.String("style", "auto", "colours: `auto`, dark, light or notty (no escapes)")
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageErrorf("read", "read takes one URL, path or id, got %d arguments", len(args))
	}
	if *width < 0 || (*width == 0 && flagGiven(fs, "width")) {
		return usageErrorf("read", "--width must be at least 1, got %d", *width)
	}
	if !slices.Contains(readStyles, *style) {
		return usageErrorf("read", "--style must be one of %s, got %q", strings.Join(readStyles, ", "), *style)
	}
	term := a.terminal()
	w := *width
	if w == 0 {
		w = term.width
	}
	if w <= 0 {
		w = 80
	}
	return a.withStore(ctx, func(cfg *config.Config, db *store.Store) error {
		art, err := a.loadArticle(ctx, cfg, db, args[0])
		if err != nil {
			return err
		}
		hasDark := lipgloss.NewRenderer(a.stdout).HasDarkBackground
		text, err := article.Render(art, w, renderStyle(*style, cfg, term, hasDark))
		if err != nil {
			return fmt.Errorf("render %s: %w", art.URL, err)
		}
		if term.color {
			text = sanitize.Terminal(text)
		} else {
			text = sanitize.Strip(text)
		}
		a.out.printf("%s\n", strings.TrimRight(text, "\n"))
		return nil
	})
}

// renderStyle picks glamour's style: the one asked for, else no escapes at
// all off a terminal or under NO_COLOR, else the config's theme, else
// (auto on a colour terminal) dark or light as hasDark says of the
// terminal's background. hasDark is asked at most once, and only then.
func renderStyle(asked string, cfg *config.Config, t terminal, hasDark func() bool) string {
	switch {
	case asked != article.StyleAuto:
		return asked
	case !t.color:
		return article.StyleNoTTY
	case cfg.Reader.Theme == article.StyleDark || cfg.Reader.Theme == article.StyleLight:
		return cfg.Reader.Theme
	case hasDark():
		return article.StyleDark
	}
	return article.StyleLight
}

// loadArticle finds the story arg names: a store id, a link of a stored
// story, or else a page fetched and extracted on its own.
func (a *app) loadArticle(ctx context.Context, cfg *config.Config, db *store.Store, arg string) (article.Article, error) {
	client := feeds.NewClient(clientOptions(cfg))
	if isDigits(arg) {
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil {
			return article.Article{}, fmt.Errorf("no story with id %s; newsterm items lists the ids", arg)
		}
		it, err := db.Item(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return article.Article{}, fmt.Errorf("no story with id %d; newsterm items lists the ids", id)
		}
		if err != nil {
			return article.Article{}, fmt.Errorf("look up story %d: %w", id, err)
		}
		return a.storyArticle(ctx, cfg, db, client, it)
	}
	target, err := subscriptionURL(arg)
	if err != nil {
		return article.Article{}, usageErrorf("read", "%v", err)
	}
	for _, link := range []string{arg, target} {
		it, err := db.ItemByLink(ctx, link)
		if err == nil {
			return a.storyArticle(ctx, cfg, db, client, it)
		}
		if !errors.Is(err, store.ErrNotFound) {
			return article.Article{}, fmt.Errorf("look up %s: %w", link, err)
		}
	}
	if err := checkLocal(target); err != nil {
		return article.Article{}, err
	}
	return pageArticle(ctx, client, target)
}

// pageArticle fetches a page that is not in the store and extracts it.
func pageArticle(ctx context.Context, c *feeds.Client, target string) (article.Article, error) {
	page, err := c.FetchPage(ctx, target)
	if err != nil {
		return article.Article{}, err // "fetch URL: reason"
	}
	art, err := article.Extract(bytes.NewReader(page.Body), page.URL)
	if err != nil {
		return article.Article{}, fmt.Errorf("extract %s: %w", target, err)
	}
	if art.URL == "" && page.URL != nil {
		art.URL = page.URL.String()
	}
	return art, nil
}

// storyArticle returns a stored story's article: the cached one, else
// loaded (feed text or extracted page) and cached. A fallback to the feed
// text is said on stderr and not cached, so the next read tries the page.
func (a *app) storyArticle(ctx context.Context, cfg *config.Config, db *store.Store, c *feeds.Client, it store.Item) (article.Article, error) {
	summary, content, err := db.Body(ctx, it.ID)
	if err != nil {
		return article.Article{}, fmt.Errorf("read story %d: %w", it.ID, err)
	}
	fi := feedItem(it, summary, content)
	art, cached, err := cachedArticle(ctx, db, it.ID)
	if err != nil {
		return article.Article{}, err
	}
	if !cached {
		var note string
		art, note, err = article.Load(ctx, c, fi)
		if err != nil {
			return article.Article{}, fmt.Errorf("load story %d: %w", it.ID, err)
		}
		if note != "" {
			a.errOut.printf("newsterm read: %s\n", sanitize.Line(note))
		} else if err := saveArticle(ctx, db, it.ID, art); err != nil {
			return article.Article{}, err
		}
	}
	if cfg.Reader.MarkReadOnOpen && !it.Read {
		if err := db.SetRead(ctx, it.ID, true); err != nil {
			return article.Article{}, fmt.Errorf("mark story %d read: %w", it.ID, err)
		}
	}
	return article.Merge(art, fi), nil
}

// feedItem is what the store knows about a story, as package article
// wants it: the stored fields with the body's summary and content, and the
// feed's title as the section.
func feedItem(it store.Item, summary, content string) article.FeedItem {
	return article.FeedItem{
		Title: it.Title, Link: it.Link, Author: it.Author, Published: it.Published,
		Summary: summary, Content: content, Section: it.FeedTitle,
		Photo: it.Photo, Comments: it.Comments,
	}
}

// cachedArticle returns the article kept for item id. A cache entry this
// version cannot decode counts as absent: the story is loaded afresh and
// the entry overwritten.
func cachedArticle(ctx context.Context, db *store.Store, id int64) (article.Article, bool, error) {
	data, ok, err := db.Article(ctx, id)
	if err != nil {
		return article.Article{}, false, fmt.Errorf("read cached article %d: %w", id, err)
	}
	if !ok {
		return article.Article{}, false, nil
	}
	art, err := article.Unmarshal(data)
	if err != nil {
		return article.Article{}, false, nil // an older format: load afresh
	}
	return art, true, nil
}

func saveArticle(ctx context.Context, db *store.Store, id int64, art article.Article) error {
	data, err := article.Marshal(art)
	if err != nil {
		return fmt.Errorf("encode article %d: %w", id, err)
	}
	if err := db.SaveArticle(ctx, id, data, article.PlainText(art)); err != nil {
		return fmt.Errorf("cache article %d: %w", id, err)
	}
	return nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
