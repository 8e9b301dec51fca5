package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// status is the bottom line: the current view and its counts, refresh
// progress, and the last error or note. Every string in it is sanitised
// when it is set, so remote error text cannot reach the terminal raw.
type status struct {
	err   string // last error, one line
	info  string // last note ("3 new stories", "link copied")
	busy  string // long work in progress ("adding …")
	done  int    // refresh progress
	total int
}

func (s status) fail(err error) status {
	if err == nil {
		return s
	}
	s.err, s.info = clean(err.Error()), ""
	return s
}

func (s status) note(text string) status {
	s.info, s.err = clean(text), ""
	return s
}

// quiet drops the last note (not an error): it answered an earlier action.
func (s status) quiet() status {
	s.info = ""
	return s
}

func (s status) working(text string) status {
	s.busy = clean(text)
	return s
}

func (s status) progress(done, total int) status {
	s.done, s.total = done, total
	return s
}

// statusCounts is what the left side reports about the list shown.
type statusCounts struct {
	view     string
	unread   int
	total    int
	loaded   bool
	scrolled string // how far down the story the reader is ("42%")
}

// view lays the line out in width cells: left the view and counts, then
// progress, then the error or note, then the help key at the right end.
// An error too long for the line is cut in the middle, and the hint then
// says that help shows it whole.
func (s status) view(st *Styles, width int, c statusCounts, helpKey string) string {
	left := " " + clean(c.view)
	if c.loaded {
		left += " · " + compact(c.total) + plural(c.total, " story", " stories")
		if c.unread > 0 {
			left += fmt.Sprintf(" · %s unread", compact(c.unread))
		}
	}
	if c.scrolled != "" {
		left += " · " + c.scrolled
	}
	if s.total > 0 {
		left += fmt.Sprintf(" · refreshing %d/%d", s.done, s.total)
	}
	if s.busy != "" {
		left += " · " + s.busy
	}
	left = st.Status.Render(left)
	right := helpKey + " help "
	if cut := width - lipgloss.Width(left) - lipgloss.Width(right) - 3; s.err != "" && lipgloss.Width("✗ "+s.err) > cut {
		right = helpKey + " shows it all "
	}
	rw := lipgloss.Width(right)
	right = st.Muted.Render(right)
	room := width - lipgloss.Width(left) - rw - 3 // two spaces before the message, one after
	var msg string
	switch {
	case s.err != "":
		msg = st.Error.Render(fitMiddle("✗ "+s.err, max(room, 0)))
	case s.info != "":
		msg = st.Note.Render(fit(s.info, max(room, 0)))
	default:
		msg = strings.Repeat(" ", max(room, 0))
	}
	if room < 0 {
		return fit(left, width)
	}
	return left + "  " + msg + " " + right
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
