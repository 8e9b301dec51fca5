// Package feeds fetches, parses and normalises news feeds (RSS 0.9x/1.0/2.0,
// Atom, JSON Feed) into Items, finds feeds linked from web pages, and reads
// and writes OPML subscription lists.
package feeds

import "time"

// Feed is one parsed feed document, normalised.
type Feed struct {
	Title       string
	SiteURL     string // the feed's <link>: the website, absolute
	Description string
	Items       []Item
}

// Item is one story, normalised: text fields are terminal-safe, HTML
// entities in titles are decoded exactly once, and every URL is absolute.
type Item struct {
	GUID       string // the feed's id, else the link, else a hash of title+date
	Title      string // plain text
	Link       string
	Author     string    // the item's, else the feed's
	Published  time.Time // published, else updated; zero when the feed gives neither (the store then uses first-seen); never in the future
	Summary    string    // HTML as given (description / summary)
	Content    string    // HTML as given (content:encoded / atom content)
	Categories []string
	Enclosures []Enclosure
	Photo      *Photo // nil when the feed names no image
	Comments   Comments
}

// Enclosure is an attached file (podcast audio, image).
type Enclosure struct {
	URL    string
	Type   string
	Length int64
}

// Photo is the story's lead image as the feed describes it.
type Photo struct {
	URL     string
	Caption string
	Credit  string
	Width   int
	Height  int
}

// Comments is what the feed says about the story's discussion. Count is nil
// when the feed does not say (unknown is not zero); URL is the comments page
// (<comments> before wfw:commentRss), empty when unknown.
type Comments struct {
	Count *int
	URL   string
}
