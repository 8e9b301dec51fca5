package cli

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsterm/newsterm/feeds"

	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

// The --json shapes, exactly as DESIGN.md lists them. Every string passes
// sanitize.Line: a script piping this into a terminal gets no escapes.

type itemJSON struct {
	ID        int64        `json:"id"`
	Feed      feedRefJSON  `json:"feed"`
	Title     string       `json:"title"`
	Link      string       `json:"link"`
	Author    string       `json:"author"`
	Published *string      `json:"published"`
	Summary   string       `json:"summary"`
	Image     *imageJSON   `json:"image"`
	Comments  commentsJSON `json:"comments"`
	Read      bool         `json:"read"`
	Starred   bool         `json:"starred"`
}

type feedRefJSON struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

type imageJSON struct {
	URL     string `json:"url"`
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
}

type commentsJSON struct {
	Count *int    `json:"count"`
	URL   *string `json:"url"`
}

type feedJSON struct {
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Site        string   `json:"site"`
	Tags        []string `json:"tags"`
	Unread      int      `json:"unread"`
	Total       int      `json:"total"`
	LastFetched *string  `json:"last_fetched"`
	Error       *string  `json:"error"`
}

func itemsJSON(items []store.Item) []itemJSON {
	out := make([]itemJSON, len(items))
	for i, it := range items {
		out[i] = itemJSON{
			ID:        it.ID,
			Feed:      feedRefJSON{URL: sanitize.Line(it.FeedURL), Title: sanitize.Line(it.FeedTitle)},
			Title:     sanitize.Line(it.Title),
			Link:      sanitize.Line(it.Link),
			Author:    sanitize.Line(it.Author),
			Published: timeJSON(it.Published),
			Summary:   plainSummary(it.Summary),
			Comments:  commentsJSON{Count: it.Comments.Count, URL: nonEmpty(sanitize.Line(it.Comments.URL))},
			Read:      it.Read,
			Starred:   it.Starred,
		}
		if p := it.Photo; p != nil {
			out[i].Image = &imageJSON{
				URL:     sanitize.Line(p.URL),
				Caption: sanitize.Line(p.Caption),
				Credit:  sanitize.Line(p.Credit),
			}
		}
	}
	return out
}

func feedsJSON(list []store.Feed) []feedJSON {
	out := make([]feedJSON, len(list))
	for i, f := range list {
		tags := make([]string, len(f.Tags))
		for j, t := range f.Tags {
			tags[j] = sanitize.Line(t)
		}
		out[i] = feedJSON{
			URL:         sanitize.Line(f.URL),
			Title:       sanitize.Line(f.Title),
			Site:        sanitize.Line(f.SiteURL),
			Tags:        tags,
			Unread:      f.Unread,
			Total:       f.Total,
			LastFetched: timeJSON(f.LastFetched),
			Error:       nonEmpty(sanitize.Line(f.LastError)),
		}
	}
	return out
}

// timeJSON is RFC 3339 in UTC, or nil (null) for the zero time.
func timeJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// summaryMax is the most characters (runes) of summary --json prints.
const summaryMax = 500

// plainSummary turns a summary's HTML into one line of plain text: tags
// dropped (script and style with their content), entities decoded,
// whitespace collapsed, controls removed, at most summaryMax runes.
func plainSummary(s string) string {
	return cutRunes(sanitize.Line(feeds.HTMLText(s)), summaryMax)
}

// cutRunes returns s's first n runes.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimRight(s[:j], " ")
		}
		i++
	}
	return s
}
