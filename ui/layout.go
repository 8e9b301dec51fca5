package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/newsterm/newsterm/sanitize"
)

// Terminal widths at which the layout changes.
const (
	twoPaneFrom   = 80  // items and reader side by side
	threePaneFrom = 120 // feeds, items and reader

	// Below this the panes and their borders do not fit.
	minWidth  = 20
	minHeight = 5
)

// paneBox is a pane on screen: its left column and outer width (borders
// included). Every pane spans the rows above the status line.
type paneBox struct {
	pane pane
	x, w int
}

// panes lists the panes shown, left to right, for the current width.
func (m model) panes() []paneBox {
	w := m.width
	var ps []pane
	switch {
	case w >= threePaneFrom && !m.feedsHidden:
		ps = []pane{paneFeeds, paneItems, paneReader}
	case w >= threePaneFrom:
		ps = []pane{paneItems, paneReader}
	case w >= twoPaneFrom && m.feedsShown:
		ps = []pane{paneFeeds, paneItems}
	case w >= twoPaneFrom:
		ps = []pane{paneItems, paneReader}
	default:
		ps = []pane{m.focus}
	}
	boxes := make([]paneBox, len(ps))
	x := 0
	for i, p := range ps {
		bw := m.paneWidth(p)
		if i == len(ps)-1 {
			bw = w - x // the last pane takes what rounding left
		}
		boxes[i] = paneBox{pane: p, x: x, w: bw}
		x += bw
	}
	return boxes
}

// paneWidth is p's outer width in the current layout (for a hidden pane:
// the width it has when shown, so the reader keeps its render).
func (m model) paneWidth(p pane) int {
	w := m.width
	if w < twoPaneFrom {
		return w
	}
	feeds := clamp(w/6, 20, 32)
	if w < threePaneFrom {
		feeds = clamp(w/4, 20, 32)
	}
	if p == paneFeeds {
		return feeds
	}
	if p == paneItems && w < threePaneFrom && m.feedsShown {
		return w - feeds // the reader is hidden behind the feed list
	}
	rest := w
	if w >= threePaneFrom && !m.feedsHidden {
		rest = w - feeds
	}
	items := itemsWidth(rest)
	if p == paneItems {
		return items
	}
	return rest - items
}

// itemsWidth splits room columns between the item list and the reader.
// The reader gets half, and 60 columns as soon as that leaves the list 50;
// the list never grows past what its titles use (64, or two fifths of very
// wide terminals), and the reader takes the rest.
func itemsWidth(room int) int {
	reader := max(room/2, min(60, room-50))
	return min(room-reader, max(64, room*2/5))
}

func (m model) paneShown(p pane) bool {
	for _, b := range m.panes() {
		if b.pane == p {
			return true
		}
	}
	return false
}

func (m model) feedsVisible() bool { return m.paneShown(paneFeeds) }

// innerHeight is the rows inside a pane's border.
func (m model) innerHeight() int { return max(m.height-1-2, 0) }

// layoutChildren gives every child its inner size for the current layout.
func (m model) layoutChildren() model {
	if !m.ready {
		return m
	}
	if !m.paneShown(m.focus) {
		m.focus = paneItems
	}
	h := m.innerHeight()
	m.feeds = m.feeds.setSize(max(m.paneWidth(paneFeeds)-2, 0), h)
	m.items = m.items.setSize(max(m.paneWidth(paneItems)-2, 0), h)
	m.reader = m.reader.setSize(max(m.paneWidth(paneReader)-2, 0), h)
	m.prompt = m.prompt.setWidth(m.width)
	return m
}

// paneAt finds the pane under a screen cell.
func (m model) paneAt(x, y int) (paneBox, bool) {
	if y < 0 || y >= m.height-1 {
		return paneBox{}, false
	}
	for _, b := range m.panes() {
		if x >= b.x && x < b.x+b.w {
			return b, true
		}
	}
	return paneBox{}, false
}

// View draws the panes and the status line. Nothing is drawn before the
// first size message. The finished frame passes the terminal filter: only
// SGR and http(s) OSC 8 leave the reader, whatever a feed sent.
func (m model) View() string {
	if !m.ready || m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return lines("Terminal too small", m.width, m.height)
	}
	var body string
	switch {
	case m.pick.open:
		body = m.frame(true, "Add a feed", m.pick.view(m.styles, m.width-2, m.innerHeight()), m.width)
	case m.showHelp:
		body = m.frame(true, "Keys", m.helpScreen(), m.width)
	default:
		boxes := m.panes()
		parts := make([]string, len(boxes))
		for i, b := range boxes {
			parts[i] = m.paneView(b)
		}
		body = lipgloss.JoinHorizontal(lipgloss.Top, parts...)
	}
	return sanitize.Terminal(body + "\n" + m.statusLine())
}

func (m model) paneView(b paneBox) string {
	focused := b.pane == m.focus
	switch b.pane {
	case paneFeeds:
		return m.frame(focused, "Feeds", m.feeds.view(focused), b.w)
	case paneItems:
		return m.frame(focused, clean(m.items.title), m.items.view(focused, m.emptyText()), b.w)
	}
	content := m.reader.view(m.readerHint(), m.keys.ToggleSource.Help().Key)
	return m.frame(focused, "Reader", content, b.w)
}

// frame draws content inside a border of outer width w with title in its
// top edge, so the pane shown says what it is even one at a time. The
// focused pane's border is thicker as well as coloured, for NO_COLOR.
func (m model) frame(focused bool, title, content string, w int) string {
	style, edge, head := m.styles.Pane, m.styles.Edge, m.styles.Muted
	if focused {
		style, edge, head = m.styles.FocusedPane, m.styles.FocusedEdge, m.styles.Title
	}
	iw, ih := max(w-2, 0), m.innerHeight()
	box := style.BorderTop(false).Render(lines(content, iw, ih))
	b := style.GetBorderStyle()
	top := edge.Render(b.TopLeft + strings.Repeat(b.Top, iw) + b.TopRight)
	if room := iw - 4; room >= 3 && title != "" {
		t := ansi.Truncate(title, room, "…")
		top = edge.Render(b.TopLeft+b.Top+" ") + head.Render(t) +
			edge.Render(" "+strings.Repeat(b.Top, iw-3-lipgloss.Width(t))+b.TopRight)
	}
	return top + "\n" + box
}

func (m model) emptyText() string {
	refresh := " Press " + m.keys.RefreshAll.Help().Key + " to refresh."
	switch q := m.items.query; {
	case m.searchQuery != "" && m.items.fixed:
		return "Nothing matches “" + clean(m.searchQuery) + "”. Press " +
			m.keys.Back.Help().Key + " to go back."
	case m.feedsLoaded && len(m.feeds.feeds) == 0:
		return "No feeds yet.\n\nPress " + m.keys.AddFeed.Help().Key +
			" to add one, or run:\n  newsterm add URL"
	case !m.items.loaded:
		return "Loading…"
	case q.Starred:
		return "No starred stories. Press " + m.keys.Star.Help().Key + " on a story to star it."
	case q.Unread:
		return "No unread stories." + refresh
	}
	return "No stories here." + refresh
}

func (m model) readerHint() string {
	return "Select a story and press " + m.keys.Open.Help().Key + " to read it."
}

// statusLine is the prompt when one is open, else the status bar. With
// the feed list focused on a feed whose last fetch failed, that failure
// shows when there is no newer error.
func (m model) statusLine() string {
	if m.prompt.kind != promptNone {
		return m.prompt.view(m.styles, m.width)
	}
	if m.pick.open {
		return fit(m.styles.Status.Render(m.pick.status(m.keys)), m.width)
	}
	if m.showHelp {
		return m.helpStatus()
	}
	st := m.status
	if row := m.feeds.selected(); st.err == "" && m.focus == paneFeeds && row.failed {
		st.err = row.label + ": " + clean(row.feed.LastError)
	}
	counts := statusCounts{view: m.items.title, total: m.items.total, unread: m.viewUnread(), loaded: m.items.loaded}
	if m.focus == paneReader && m.reader.rendered.id != 0 {
		counts.scrolled = fmt.Sprintf("%d%%", int(m.reader.vp.ScrollPercent()*100))
	}
	return fit(st.view(m.styles, m.width, counts, m.keys.Help.Help().Key), m.width)
}

// viewUnread is the unread count of the view shown, as the feed list
// counts it (0 for search results).
func (m model) viewUnread() int {
	if m.items.fixed {
		return 0
	}
	for _, r := range m.feeds.rows {
		if r.kind != viewStarred && r.query() == m.items.query { // Starred counts stars
			return r.unread
		}
	}
	return 0
}
