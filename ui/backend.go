package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsterm/newsterm/article"
	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/store"
)

// itemStore is the part of *store.Store the reader uses. Tests hand the
// model an in-memory fake; the program hands it the real store.
type itemStore interface {
	Feeds(ctx context.Context) ([]store.Feed, error)
	Items(ctx context.Context, q store.Query) ([]store.Item, error)
	CountItems(ctx context.Context, q store.Query) (int, error)
	Item(ctx context.Context, id int64) (store.Item, error)
	Body(ctx context.Context, id int64) (summary, content string, err error)
	Search(ctx context.Context, query string, limit int) ([]store.Item, error)
	SetRead(ctx context.Context, id int64, read bool) error
	SetStarred(ctx context.Context, id int64, starred bool) error
	MarkRead(ctx context.Context, q store.Query) (int, error)
	SaveArticle(ctx context.Context, itemID int64, data []byte, text string) error
	Article(ctx context.Context, itemID int64) (data []byte, ok bool, err error)
	SyncSubscriptions(ctx context.Context, subs []store.Subscription) error
	DeleteFeed(ctx context.Context, url string) error
}

// refreshFunc fetches list and stores the results, telling progress about
// each feed as it finishes.
type refreshFunc func(ctx context.Context, list []store.Feed, progress refresh.Progress) (refresh.Summary, error)

// backend is every outside effect the reader can cause, each a plain
// function so tests can replace it. Only tea.Cmds call these.
type backend struct {
	ctx     context.Context
	db      itemStore
	refresh refreshFunc
	// loadArticle is article.Load: the whole story, or the feed text and a
	// one-line note when the page could not be had.
	loadArticle func(ctx context.Context, it article.FeedItem) (article.Article, string, error)
	render      func(a article.Article, width int, style string) (string, error)
	// renderer is the one article renderer render uses: it keeps a
	// glamour renderer per width and style, so a resize back to a width
	// seen before does not build one again.
	renderer *article.Renderer
	// marshal, unmarshal and plainText are the article cache's format.
	marshal   func(article.Article) ([]byte, error)
	unmarshal func([]byte) (article.Article, error)
	plainText func(article.Article) string
	fetchPage func(ctx context.Context, rawURL string) (feeds.Page, error)
	// configFile adds and removes [[feed]] blocks in the user's file.
	addToConfig      func(path string, f config.Feed) (bool, error)
	removeFromConfig func(path, url string) (bool, error)
	// loadConfig re-reads the file after a feed was added or removed.
	loadConfig func(path string) (*config.Config, error)
	reload     func() (*config.Config, error)
	// openURL starts the browser on an already-checked link.
	openURL func(argv []string) error
	// clipboard receives OSC 52 sequences (the terminal).
	clipboard io.Writer
	getenv    func(string) string
	now       func() time.Time
}

// newBackend wires the real store, client and config file from d.
func newBackend(ctx context.Context, d Deps) backend {
	now := d.Now
	if now == nil {
		now = time.Now
	}
	r := article.NewRenderer()
	b := backend{
		ctx: ctx,
		refresh: func(context.Context, []store.Feed, refresh.Progress) (refresh.Summary, error) {
			return refresh.Summary{}, errNoStore
		},
		loadArticle: func(context.Context, article.FeedItem) (article.Article, string, error) {
			return article.Article{}, "", errNoClient
		},
		render:           r.Render,
		renderer:         r,
		marshal:          article.Marshal,
		unmarshal:        article.Unmarshal,
		plainText:        article.PlainText,
		fetchPage:        func(context.Context, string) (feeds.Page, error) { return feeds.Page{}, errNoClient },
		addToConfig:      config.AddFeed,
		removeFromConfig: config.RemoveFeed,
		loadConfig:       config.Load,
		reload:           d.Reload,
		openURL:          startBrowser,
		clipboard:        os.Stdout,
		getenv:           os.Getenv,
		now:              now,
	}
	if d.Store != nil {
		b.db = d.Store
	}
	if d.Client != nil {
		c := d.Client
		b.loadArticle = func(ctx context.Context, it article.FeedItem) (article.Article, string, error) {
			return article.Load(ctx, c, it)
		}
		b.fetchPage = c.FetchPage
		if d.Store != nil {
			db := d.Store
			b.refresh = func(ctx context.Context, list []store.Feed, p refresh.Progress) (refresh.Summary, error) {
				return refresh.Run(ctx, c, db, list, now, p)
			}
		}
	}
	if b.reload == nil {
		b.reload = func() (*config.Config, error) { return nil, errNoReload }
	}
	return b
}

var (
	errNoStore  = fmt.Errorf("no store open")
	errNoClient = fmt.Errorf("no network client")
	errNoReload = fmt.Errorf("config reload is not available")
)
