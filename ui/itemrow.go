package ui

import (
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/newsterm/newsterm/store"
)

// Column widths of an item row, in cells.
const (
	markCols     = 3 // cursor, unread dot, star
	ageCols      = 4
	commentCols  = 6 // "💬" + up to four digits
	photoCols    = 2
	minFeedCols  = 8
	maxFeedCols  = 18
	feedColsFrom = 50 // narrower rows drop the feed column
)

// rowView lays out one story: the cursor, unread mark and star, title, feed, age,
// comment count (blank when unknown) and a photo mark. Every field is
// untrusted and passes the line filter; every column is cut by grapheme
// cluster so wide runes never push the row past the border. The cursor
// is a character as well as a colour, so it shows without colours too.
func (l itemList) rowView(it store.Item, selected, focused bool, now time.Time) string {
	mark := " "
	if !it.Read {
		mark = "●"
	}
	star := " "
	if it.Starred {
		star = "★"
	}
	comments := ""
	if it.Comments.Count != nil {
		comments = "💬" + compact(*it.Comments.Count)
	}
	photo := ""
	if it.Photo != nil {
		photo = "📷"
	}
	tail := " " + fitLeft(age(now, it.Published), ageCols) +
		" " + fit(comments, commentCols) + fit(photo, photoCols)
	titleCols := l.width - markCols - 1 - lipgloss.Width(tail)
	feedCols := 0
	if l.width >= feedColsFrom {
		feedCols = clamp(l.width/5, minFeedCols, maxFeedCols)
		titleCols -= feedCols + 1
	}
	title := clean(it.Title)
	if title == "" {
		title = "(untitled)"
	}
	cur := " "
	if selected {
		cur = "›"
	}
	line := cur + mark + star + " " + fit(title, titleCols)
	if feedCols > 0 {
		line += " " + fit(clean(it.FeedTitle), feedCols)
	}
	line = fit(line+tail, l.width)
	switch {
	case selected && focused:
		return l.styles.Selected.Render(line)
	case selected:
		return l.styles.Title.Render(line)
	case it.Read:
		return l.styles.Read.Render(line)
	}
	return l.styles.Unread.Render(line)
}
