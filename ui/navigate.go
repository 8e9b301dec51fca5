package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

func (m model) feedsKey(msg tea.KeyMsg) (model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.feeds = m.feeds.move(-1)
	case key.Matches(msg, k.Down):
		m.feeds = m.feeds.move(1)
	case key.Matches(msg, k.PageUp):
		m.feeds = m.feeds.move(-max(m.feeds.height-1, 1))
	case key.Matches(msg, k.PageDown):
		m.feeds = m.feeds.move(max(m.feeds.height-1, 1))
	case key.Matches(msg, k.Top):
		m.feeds = m.feeds.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.feeds = m.feeds.moveTo(len(m.feeds.rows) - 1)
	case key.Matches(msg, k.Open):
		m, cmd := m.selectView()
		m.focus = paneItems
		m = m.layoutChildren()
		return m, cmd
	}
	return m, nil
}

func (m model) itemsKey(msg tea.KeyMsg) (model, tea.Cmd) {
	k := m.keys
	page := max(m.items.height-1, 1)
	switch {
	case key.Matches(msg, k.Up):
		m.items = m.items.move(-1)
	case key.Matches(msg, k.Down):
		m.items = m.items.move(1)
	case key.Matches(msg, k.PageUp):
		m.items = m.items.move(-page)
	case key.Matches(msg, k.PageDown):
		m.items = m.items.move(page)
	case key.Matches(msg, k.Top):
		m.items = m.items.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.items = m.items.moveTo(m.items.total - 1)
	case key.Matches(msg, k.NextUnread):
		return m.nextUnread(1, false)
	case key.Matches(msg, k.PrevUnread):
		return m.nextUnread(-1, false)
	case key.Matches(msg, k.Open):
		return m.openSelected()
	case key.Matches(msg, k.Back):
		return m.itemsBack()
	}
	return m, m.ensureWindow()
}

func (m model) readerKey(msg tea.KeyMsg) (model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.reader = m.reader.scroll(-1)
	case key.Matches(msg, k.Down):
		m.reader = m.reader.scroll(1)
	case key.Matches(msg, k.PageUp):
		m.reader = m.reader.page(false)
	case key.Matches(msg, k.PageDown):
		m.reader = m.reader.page(true)
	case key.Matches(msg, k.Top):
		m.reader.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.reader.vp.GotoBottom()
	case key.Matches(msg, k.NextUnread):
		return m.nextUnread(1, true)
	case key.Matches(msg, k.PrevUnread):
		return m.nextUnread(-1, true)
	case key.Matches(msg, k.Back):
		m.focus = paneItems
		m = m.layoutChildren()
	}
	return m, nil
}

// itemsBack leaves search results, else goes to the feed list.
func (m model) itemsBack() (model, tea.Cmd) {
	if m.searchQuery != "" {
		return m.clearSearch()
	}
	switch {
	case m.width >= threePaneFrom:
		m.feedsHidden = false // toggle_feeds may have hidden it
	case m.width >= twoPaneFrom:
		m.feedsShown = true
	}
	m.focus = paneFeeds
	m = m.layoutChildren()
	return m, m.renderIfNeeded() // the reader may have narrowed
}

// cycleFocus moves focus to the next (dir 1) or previous pane shown; with
// one pane at a time it walks feeds → items → reader.
func (m model) cycleFocus(dir int) (model, tea.Cmd) {
	order := []pane{paneFeeds, paneItems, paneReader}
	if m.width >= twoPaneFrom {
		order = order[:0]
		for _, b := range m.panes() {
			order = append(order, b.pane)
		}
	}
	at := 0
	for i, p := range order {
		if p == m.focus {
			at = i
		}
	}
	m.focus = order[(at+dir+len(order))%len(order)]
	m = m.layoutChildren()
	return m, m.renderIfNeeded()
}

// toggleFeeds shows or hides the feed list; with one pane at a time it
// jumps to the feed list and back.
func (m model) toggleFeeds(tea.KeyMsg) (model, tea.Cmd) {
	switch {
	case m.width >= threePaneFrom:
		m.feedsHidden = !m.feedsHidden
	case m.width >= twoPaneFrom:
		m.feedsShown = !m.feedsShown
	default:
		if m.focus == paneFeeds {
			m.focus = paneItems
		} else {
			m.focus = paneFeeds
		}
	}
	if !m.paneShown(m.focus) {
		m.focus = paneItems
	}
	if m.feedsVisible() && m.width >= twoPaneFrom && m.focus != paneFeeds && !m.paneShown(paneReader) {
		m.focus = paneFeeds
	}
	m = m.layoutChildren()
	return m, tea.Batch(m.ensureWindow(), m.renderIfNeeded())
}

// selectView shows the stories of the feed-list row under the cursor.
func (m model) selectView() (model, tea.Cmd) {
	row := m.feeds.selected()
	m.searchQuery = ""
	title := row.label
	if row.kind == viewTag {
		title = "#" + row.label
	}
	m.items = m.items.show(title, row.query())
	return m, m.loadItems(0, 0)
}

// openSelected opens the story under the cursor in the reader.
func (m model) openSelected() (model, tea.Cmd) {
	it, ok := m.items.selected()
	if !ok {
		return m, nil
	}
	m.focus = paneReader
	m.feedsShown = false
	m = m.layoutChildren()
	m.reader = m.reader.open(it)
	cmds := []tea.Cmd{m.b.openArticle(it), m.reader.spin.Tick}
	if m.cfg.Reader.MarkReadOnOpen && !it.Read {
		// The write starts from the row as it was, so a failed one puts
		// the row back to unread, as m does.
		read := it
		read.Read = true
		var write tea.Cmd
		m, write = m.writeFlags(it, read)
		cmds = append(cmds, write)
	}
	return m, tea.Batch(cmds...)
}

// openPending opens the selected story if n/N asked for it and its row
// has arrived.
func (m model) openPending() (model, tea.Cmd) {
	if !m.pendingOpen {
		return m, nil
	}
	if _, ok := m.items.selected(); !ok {
		return m, nil
	}
	m.pendingOpen = false
	return m.openSelected()
}

// nextUnread moves to the nearest unread story in direction dir, asking
// the store when the loaded rows do not say; open opens it too.
func (m model) nextUnread(dir int, open bool) (model, tea.Cmd) {
	i, ok := m.items.nextUnreadLoaded(dir)
	if ok {
		if i < 0 {
			m.status = m.status.note("no more unread stories")
			return m, nil
		}
		m.items = m.items.moveTo(i)
		win := m.ensureWindow()
		if !open {
			return m, win
		}
		m, cmd := m.openSelected()
		return m, tea.Batch(win, cmd)
	}
	return m, m.b.findUnread(m.items.gen, m.items.query, m.items.cursor+dir, dir, open)
}
