package ui

import (
	"strings"

	"github.com/newsterm/newsterm/store"
)

// viewKind is what a feed-list row selects.
type viewKind int

const (
	viewAll viewKind = iota
	viewUnread
	viewStarred
	viewTag
	viewFeed
)

// feedRow is one line of the feed list: a special view, a tag heading or
// a feed (indented under its tag).
type feedRow struct {
	kind   viewKind
	label  string // already sanitised
	tag    string
	feed   store.Feed
	unread int
	failed bool
	indent bool
}

// query is the item query this row selects.
func (r feedRow) query() store.Query {
	switch r.kind {
	case viewUnread:
		return store.Query{Unread: true}
	case viewStarred:
		return store.Query{Starred: true}
	case viewTag:
		return store.Query{Tag: r.tag}
	case viewFeed:
		return store.Query{FeedURL: r.feed.URL}
	}
	return store.Query{}
}

// feedList is the left pane: All / Unread / Starred, then each tag with its
// feeds, then the untagged feeds.
type feedList struct {
	styles        *Styles
	width, height int
	rows          []feedRow
	cursor, top   int
	feeds         []store.Feed
	starred       int
}

func newFeedList(s *Styles) feedList { return feedList{styles: s} }

func (f feedList) setSize(w, h int) feedList {
	f.width, f.height = w, h
	return f.scrolled()
}

// setFeeds rebuilds the rows, keeping the cursor on the same row, or
// where it was when that row is gone (a removed feed).
func (f feedList) setFeeds(list []store.Feed, starred int) feedList {
	old := f.selected()
	f.feeds, f.starred = list, starred
	f.rows = buildFeedRows(list, starred)
	f.cursor = clamp(f.cursor, 0, len(f.rows)-1)
	for i, r := range f.rows {
		if r.kind == old.kind && r.tag == old.tag && r.feed.URL == old.feed.URL {
			f.cursor = i
			break
		}
	}
	return f.scrolled()
}

func buildFeedRows(list []store.Feed, starred int) []feedRow {
	total := 0
	for _, fd := range list {
		total += fd.Unread
	}
	rows := []feedRow{
		{kind: viewAll, label: "All", unread: total},
		{kind: viewUnread, label: "Unread", unread: total},
		{kind: viewStarred, label: "Starred", unread: starred},
	}
	var tags []string
	byTag := map[string][]store.Feed{}
	var untagged []store.Feed
	for _, fd := range list {
		if len(fd.Tags) == 0 {
			untagged = append(untagged, fd)
		}
		for _, t := range fd.Tags {
			if _, seen := byTag[t]; !seen {
				tags = append(tags, t)
			}
			byTag[t] = append(byTag[t], fd)
		}
	}
	for _, t := range tags {
		n := 0
		for _, fd := range byTag[t] {
			n += fd.Unread
		}
		rows = append(rows, feedRow{kind: viewTag, tag: t, label: clean(t), unread: n})
		for _, fd := range byTag[t] {
			rows = append(rows, feedListRow(fd, true))
		}
	}
	for _, fd := range untagged {
		rows = append(rows, feedListRow(fd, false))
	}
	return rows
}

func feedListRow(fd store.Feed, indent bool) feedRow {
	label := clean(fd.Title)
	if label == "" {
		label = clean(fd.URL)
	}
	return feedRow{kind: viewFeed, feed: fd, label: label, unread: fd.Unread,
		failed: fd.LastError != "", indent: indent}
}

func (f feedList) selected() feedRow {
	if f.cursor < 0 || f.cursor >= len(f.rows) {
		return feedRow{kind: viewAll, label: "All"}
	}
	return f.rows[f.cursor]
}

// move shifts the cursor by n rows (negative: up).
func (f feedList) move(n int) feedList {
	f.cursor = clamp(f.cursor+n, 0, len(f.rows)-1)
	return f.scrolled()
}

func (f feedList) moveTo(i int) feedList {
	f.cursor = clamp(i, 0, len(f.rows)-1)
	return f.scrolled()
}

// clickRow selects the row at line y of the pane's content.
func (f feedList) clickRow(y int) feedList {
	if i := f.top + y; i >= 0 && i < len(f.rows) {
		f.cursor = i
	}
	return f.scrolled()
}

func (f feedList) scrolled() feedList {
	h := max(f.height, 1)
	if f.cursor < f.top {
		f.top = f.cursor
	}
	if f.cursor >= f.top+h {
		f.top = f.cursor - h + 1
	}
	f.top = clamp(f.top, 0, max(len(f.rows)-h, 0))
	return f
}

// view draws the visible rows only.
func (f feedList) view(focused bool) string {
	var b strings.Builder
	end := min(f.top+f.height, len(f.rows))
	for i := f.top; i < end; i++ {
		if i > f.top {
			b.WriteByte('\n')
		}
		b.WriteString(f.rowView(f.rows[i], i == f.cursor, focused))
	}
	return lines(b.String(), f.width, f.height)
}

func (f feedList) rowView(r feedRow, selected, focused bool) string {
	count := ""
	if r.unread > 0 {
		count = compact(r.unread)
	}
	mark := " "
	if r.failed {
		mark = "!"
	}
	label := r.label
	switch {
	case r.indent:
		label = "  " + label
	case r.kind == viewTag:
		label = "▾ " + label
	case r.kind == viewStarred:
		label = "★ " + label
	}
	cur := " "
	if selected {
		cur = "›"
	}
	cw := max(len(count), 1)
	line := cur + fit(label, f.width-cw-3) + mark + " " + fitLeft(count, cw)
	switch {
	case selected && focused:
		return f.styles.Selected.Render(line)
	case selected:
		return f.styles.Title.Render(line)
	case r.kind == viewTag || r.kind <= viewStarred:
		return f.styles.Group.Render(line)
	case r.unread == 0:
		return f.styles.Read.Render(line)
	}
	return f.styles.Status.Render(line)
}
