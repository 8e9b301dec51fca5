package ui

import (
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/newsterm/newsterm/store"
)

// Column widths of an item row, in cells.
const (
	markCols    = 3 // cursor, unread dot, star
	ageCols     = 3 // "now", "59m", "23h", "13d", "51w", "12y"
	commentCols = 6 // "💬" + up to four digits
	photoCols   = 2
	minFeedCols = 8
	maxFeedCols = 18
	// The feed column shows only when the title keeps this many cells
	// beside it: a title is worth more than the feed's name.
	minTitleCols = 30
)

// showsFeeds reports whether rows name their feed: not when the list is
// one feed's stories, where every row would say the same.
func (l itemList) showsFeeds() bool {
	return l.fixed || l.query.FeedURL == ""
}

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
	if l.showsFeeds() {
		feedCols = clamp(l.width/5, minFeedCols, maxFeedCols)
		if titleCols-feedCols-1 < minTitleCols {
			feedCols = 0
		} else {
			titleCols -= feedCols + 1
		}
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
