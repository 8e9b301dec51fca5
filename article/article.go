// Package article turns a story into something to read: it decides whether
// the feed text is the whole story, fetches and extracts the page when not,
// finds the lead photo's caption and credit and the comment count, strips
// page chrome, and renders the result for a terminal.
//
// The pipeline is pure where it can be: Extract reads HTML and returns an
// Article, Render lays an Article out at a width. Only Load touches the
// network, through the shared feeds.Client.
package article

import (
	"time"

	"github.com/newsterm/newsterm/feeds"
)

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

// Where an Article's body came from.
const (
	SourcePage = "page"
	SourceFeed = "feed"
)

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
