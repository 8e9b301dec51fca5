package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
)

// Prepared is a fetch whose items are ready to write: sanitized, encoded,
// compressed and split into search terms. Preparing is pure CPU work with
// no database access, so a refresh prepares feeds on every core while one
// goroutine writes them (SavePrepared).
type Prepared struct {
	f     Fetched
	items []itemRow
	err   error // from preparing; the save fails with it
}

// URL is the fetched feed's URL.
func (p Prepared) URL() string { return p.f.URL }

// FetchErr is the fetch's own error (nil when the feed was fetched).
func (p Prepared) FetchErr() error { return p.f.Err }

// itemRow is one item's column values, in upsertSQL's order.
type itemRow struct {
	guid, title, link, author      string
	published                      int64
	dated                          int // 1: the feed gave a date
	photoURL, caption, credit      string
	width, height                  int
	count                          any // int64, or nil when the feed does not say
	commentsURL, categories, encls string
	summary                        string
	body                           []byte // packBody(content)
	terms                          string // itemTerms of title, summary and content
}

// Prepare does the CPU work of saving f ahead of SavePrepared; it is safe
// to call from many goroutines at once.
func Prepare(f Fetched) Prepared {
	if f.At.IsZero() {
		f.At = time.Now()
	}
	p := Prepared{f: f}
	if f.Err != nil || f.NotModified {
		return p
	}
	p.items = make([]itemRow, len(f.Feed.Items))
	for i := range f.Feed.Items {
		row, err := prepareItem(f, &f.Feed.Items[i])
		if err != nil {
			p.err = fmt.Errorf("save item %q: %w", f.Feed.Items[i].GUID, err)
			return p
		}
		p.items[i] = row
	}
	// The rows hold everything the save needs; dropping the parsed items
	// lets a feed waiting for its turn to be written keep only its
	// compressed form in memory.
	p.f.Feed.Items = nil
	return p
}

func prepareItem(f Fetched, it *feeds.Item) (itemRow, error) {
	cats, err := json.Marshal(nonNil(it.Categories))
	if err != nil {
		return itemRow{}, fmt.Errorf("encode categories: %w", err)
	}
	encl, err := json.Marshal(nonNil(it.Enclosures))
	if err != nil {
		return itemRow{}, fmt.Errorf("encode enclosures: %w", err)
	}
	published, dated := f.At, 0
	if !it.Published.IsZero() {
		published, dated = it.Published, 1
	}
	var p feeds.Photo
	if it.Photo != nil {
		p = *it.Photo
	}
	var count any
	if it.Comments.Count != nil {
		count = int64(*it.Comments.Count)
	}
	summary, content := sanitize.Text(it.Summary), sanitize.Text(it.Content)
	body, err := packBody(content)
	if err != nil {
		return itemRow{}, err
	}
	title := sanitize.Line(it.Title)
	return itemRow{
		guid: itemGUID(it), title: title, link: sanitize.Line(it.Link),
		author: sanitize.Line(it.Author), published: toMicro(published), dated: dated,
		photoURL: sanitize.Line(p.URL), caption: sanitize.Line(p.Caption), credit: sanitize.Line(p.Credit),
		width: p.Width, height: p.Height, count: count,
		commentsURL: sanitize.Line(it.Comments.URL), categories: string(cats), encls: string(encl),
		summary: summary, body: body,
		terms: itemTerms(title, summary, content),
	}, nil
}
