package ui

import (
	"strings"
	"time"

	"github.com/newsterm/newsterm/store"
)

// windowSize is how many rows the item list keeps loaded around the
// cursor; the rest stay in the store until the cursor gets near them.
const windowSize = 256

// itemList is the middle pane. It knows how many items its query matches
// but holds only a window of them (rows, starting at absolute index
// offset); View draws the visible slice of that window, so its cost does
// not depend on how many items the store holds.
type itemList struct {
	styles        *Styles
	now           func() time.Time
	width, height int

	title   string      // what the list shows: "All", a feed's name, "Search: q"
	query   store.Query // the store query (paged mode)
	fixed   bool        // search results: every row is loaded, no paging
	gen     int         // bumped when the query changes; older loads are dropped
	loaded  bool        // the first load for gen has arrived
	total   int
	offset  int
	rows    []store.Item
	cursor  int   // absolute index
	pinned  int64 // the story the cursor is on, followed across reloads
	top     int   // absolute index of the first visible row
	pending bool
	seq     int // newest window request sent
	applied int // newest window request applied
}

func newItemList(s *Styles, now func() time.Time) itemList {
	return itemList{styles: s, now: now, title: "All"}
}

func (l itemList) setSize(w, h int) itemList {
	l.width, l.height = w, h
	return l.scrolled()
}

// show switches to a new store query; the caller loads its first window.
func (l itemList) show(title string, q store.Query) itemList {
	l.title, l.query, l.fixed = title, q, false
	l.gen++
	l.loaded, l.total, l.offset, l.rows = false, 0, 0, nil
	l.cursor, l.top, l.pending, l.pinned = 0, 0, false, 0
	return l
}

// showResults switches to a fixed list (search results), first selected.
func (l itemList) showResults(title string, items []store.Item) itemList {
	l.title, l.fixed = title, true
	l.gen++
	l.loaded, l.total, l.offset, l.rows = true, len(items), 0, items
	l.cursor, l.top, l.pending = 0, 0, false
	return l.pin()
}

// itemsLoadedMsg is one window of a query: rows from absolute index offset
// out of total. anchor is where the story the cursor was on now sits (-1
// when unknown or gone).
type itemsLoadedMsg struct {
	gen, seq int
	total    int
	offset   int
	rows     []store.Item
	anchorID int64 // the story the reload looked for
	anchor   int   // where that story is now, -1 unknown
	err      error
}

// apply takes a window for the current query; stale ones are ignored.
// The cursor follows the story it is pinned to wherever the new rows put
// it, so stories arriving above it never move the user's place.
func (l itemList) apply(msg itemsLoadedMsg) itemList {
	if l.fixed || msg.gen != l.gen || msg.seq < l.applied {
		return l
	}
	l.applied = msg.seq
	if msg.seq >= l.seq {
		l.pending = false
	}
	if msg.err != nil {
		return l
	}
	l.loaded, l.total, l.offset, l.rows = true, msg.total, msg.offset, msg.rows
	to := -1
	if l.pinned != 0 {
		for i, it := range l.rows {
			if it.ID == l.pinned {
				to = l.offset + i
				break
			}
		}
		if to < 0 && msg.anchorID == l.pinned {
			to = msg.anchor
		}
	}
	if to >= 0 {
		l.top += to - l.cursor
		l.cursor = to
	}
	l.cursor = clamp(l.cursor, 0, l.total-1)
	if l.pinned == 0 {
		return l.scrolled().pin()
	}
	return l.scrolled()
}

// pin remembers the story under the cursor (none when its row is not
// loaded yet; the next window pins it).
func (l itemList) pin() itemList {
	l.pinned = 0
	if it, ok := l.selected(); ok {
		l.pinned = it.ID
	}
	return l
}

// needsWindow reports whether the rows around the visible part are not
// loaded, and the window to ask for.
func (l itemList) needsWindow() (offset, limit int, ok bool) {
	if l.fixed || l.pending || l.total == 0 {
		return 0, 0, false
	}
	h := max(l.height, 1)
	lo, hi := max(l.top-h, 0), min(l.top+2*h, l.total)
	if lo >= l.offset && hi <= l.offset+len(l.rows) {
		return 0, 0, false
	}
	size := max(windowSize, 4*h)
	return max(l.cursor-size/2, 0), size, true
}

// requested records that a window load went out.
func (l itemList) requested() (itemList, int) {
	l.seq++
	l.pending = true
	return l, l.seq
}

// at is the loaded row at absolute index i.
func (l itemList) at(i int) (store.Item, bool) {
	j := i - l.offset
	if j < 0 || j >= len(l.rows) {
		return store.Item{}, false
	}
	return l.rows[j], true
}

func (l itemList) selected() (store.Item, bool) { return l.at(l.cursor) }

// update replaces a loaded row (after marking it read or starred).
func (l itemList) update(it store.Item) itemList {
	for i := range l.rows {
		if l.rows[i].ID == it.ID {
			rows := make([]store.Item, len(l.rows))
			copy(rows, l.rows)
			rows[i] = it
			l.rows = rows
			break
		}
	}
	return l
}

func (l itemList) moveTo(i int) itemList {
	l.cursor = clamp(i, 0, l.total-1)
	return l.scrolled().pin()
}

func (l itemList) move(n int) itemList { return l.moveTo(l.cursor + n) }

// scroll moves the view by n rows (mouse wheel), dragging the cursor along
// only when it would leave the screen.
func (l itemList) scroll(n int) itemList {
	h := max(l.height, 1)
	l.top = clamp(l.top+n, 0, max(l.total-h, 0))
	l.cursor = clamp(l.cursor, l.top, l.top+h-1)
	l.cursor = clamp(l.cursor, 0, l.total-1)
	return l.pin()
}

func (l itemList) clickRow(y int) itemList {
	if i := l.top + y; i >= 0 && i < l.total {
		l.cursor = i
	}
	return l.scrolled().pin()
}

func (l itemList) scrolled() itemList {
	h := max(l.height, 1)
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+h {
		l.top = l.cursor - h + 1
	}
	l.top = clamp(l.top, 0, max(l.total-h, 0))
	return l
}

// nextUnreadLoaded finds the next (dir 1) or previous (dir -1) unread row
// among the loaded ones; ok is false when the answer may lie outside them.
func (l itemList) nextUnreadLoaded(dir int) (index int, ok bool) {
	for i := l.cursor + dir; ; i += dir {
		it, loaded := l.at(i)
		if !loaded {
			return -1, i < 0 || i >= l.total
		}
		if !it.Read {
			return i, true
		}
	}
}

// view draws the visible rows only: O(height), whatever the total.
func (l itemList) view(focused bool, empty string) string {
	if l.loaded && l.total == 0 {
		return lines(l.styles.Muted.Render(wrap(empty, l.width)), l.width, l.height)
	}
	var b strings.Builder
	end := min(l.top+l.height, l.total)
	now := l.now()
	for i := l.top; i < end; i++ {
		if i > l.top {
			b.WriteByte('\n')
		}
		it, ok := l.at(i)
		if !ok {
			b.WriteString(l.styles.Muted.Render(fit("  …", l.width)))
			continue
		}
		b.WriteString(l.rowView(it, i == l.cursor, focused, now))
	}
	return lines(b.String(), l.width, l.height)
}
