// Package article turns a story into something to read: it decides whether
// the feed text is the whole story, fetches and extracts the page when not,
// finds the lead photo's caption and credit and the comment count, strips
// page chrome, and renders the result for a terminal.
package article

// Temporary stubs: each is replaced by its real implementation.

import (
	"context"
	"errors"
	"io"
	"net/url"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

var errTODO = errors.New("not implemented")

// Photo is the story's lead image.
type Photo struct {
	URL     string
	Alt     string
	Caption string
	Credit  string
	Width   int
	Height  int
}

// Comments: Count nil means unknown.
type Comments struct {
	Count *int
	URL   string
}

// Article is one story ready to render.
type Article struct {
	URL       string
	Title     string
	Section   string // kicker
	Dek       string // standfirst
	Byline    string
	Published time.Time
	Photo     *Photo
	Comments  Comments
	Body      string   // markdown, terminal-safe
	Links     []string // numbered references, 1-based in the text
	Source    string   // "page" (extracted) or "feed" (the feed's own text)
}

// Extract reads a HTML page and returns its article: pure, no network.
func Extract(r io.Reader, base *url.URL) (Article, error) { return Article{}, errTODO }

// FeedItem is what the feed said about a story.
type FeedItem struct {
	Title     string
	Link      string
	Author    string
	Published time.Time
	Summary   string // HTML
	Content   string // HTML
	Section   string // first category or the feed title
	Photo     *feeds.Photo
	Comments  feeds.Comments
}

// FromFeed builds an Article from the feed's own text.
func FromFeed(it FeedItem) Article { return Article{} }

// IsWholeStory reports whether the feed's text is the complete story (no
// truncation signs), so no page fetch is needed.
func IsWholeStory(it FeedItem) bool { return false }

// Merge fills what the page left empty with what the feed said (comment
// count, photo credit, author...).
func Merge(page Article, it FeedItem) Article { return page }

// Load returns the story for it: the feed text when it is whole, else the
// extracted page. When the page cannot be fetched it returns the feed text
// and a one-line note saying why (err stays nil).
func Load(ctx context.Context, c *feeds.Client, it FeedItem) (a Article, note string, err error) {
	return Article{}, "", errTODO
}

// Style names: "auto", "dark", "light", "notty".

// Render lays out a at width columns: header, photo block, body through
// glamour, numbered links. The result has passed sanitize.Terminal; with
// style "notty" it carries no escape sequences at all.
func Render(a Article, width int, style string) (string, error) { return "", errTODO }

// Marshal and Unmarshal are the store's cache format.
func Marshal(a Article) ([]byte, error)      { return nil, errTODO }
func Unmarshal(data []byte) (Article, error) { return Article{}, errTODO }

// PlainText is the article's text for the search index.
func PlainText(a Article) string { return "" }
