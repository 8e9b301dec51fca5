package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/store"
)

// current is the story an action applies to: the one in the reader when
// the reader has focus, else the one under the list cursor.
func (m model) current() (store.Item, bool) {
	if m.focus == paneReader && m.reader.id != 0 {
		return m.reader.item, true
	}
	return m.items.selected()
}

// changed shows a new state of it everywhere it is on screen.
func (m model) changed(it store.Item) model {
	m.items = m.items.update(it)
	if m.reader.id == it.ID {
		m.reader.item = it
	}
	return m
}

func (m model) toggleRead(tea.KeyMsg) (model, tea.Cmd) {
	it, ok := m.current()
	if !ok {
		return m, nil
	}
	was := it
	it.Read = !it.Read
	return m.writeFlags(was, it)
}

func (m model) toggleStar(tea.KeyMsg) (model, tea.Cmd) {
	it, ok := m.current()
	if !ok {
		return m, nil
	}
	was := it
	it.Starred = !it.Starred
	return m.writeFlags(was, it)
}

// markAllRead marks every story in the view read: the store query, or the
// search results shown.
func (m model) markAllRead(tea.KeyMsg) (model, tea.Cmd) {
	if !m.items.fixed {
		return m, m.b.markAllRead(m.items.query, nil)
	}
	ids := make([]int64, 0, len(m.items.rows))
	for _, it := range m.items.rows {
		if !it.Read {
			ids = append(ids, it.ID)
		}
		it.Read = true
		m = m.changed(it)
	}
	return m, m.b.markAllRead(store.Query{}, ids)
}

func (m model) handleMarkedAll(msg markedAllMsg) (model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
	} else {
		m.status = m.status.note(fmt.Sprintf("marked %d read", msg.n))
	}
	return m, tea.Batch(m.b.loadFeeds(), m.reloadKeepingCursor())
}

func (m model) openBrowser(tea.KeyMsg) (model, tea.Cmd) {
	it, ok := m.current()
	if !ok {
		return m, nil
	}
	return m, m.b.openLink(it.Link)
}

// openComments opens the comments page: the article's if the reader
// found one, else the feed's.
func (m model) openComments(tea.KeyMsg) (model, tea.Cmd) {
	it, ok := m.current()
	if !ok {
		return m, nil
	}
	link := it.Comments.URL
	if a := m.reader.showing(); a != nil && m.reader.id == it.ID && a.Comments.URL != "" {
		link = a.Comments.URL
	}
	if link == "" {
		m.status = m.status.note("no comments page is known for this story")
		return m, nil
	}
	return m, m.b.openLink(link)
}

func (m model) openNumberedLink(msg tea.KeyMsg) (model, tea.Cmd) {
	n := linkNumber(msg.String())
	links := m.reader.links()
	if n > len(links) {
		m.status = m.status.note(fmt.Sprintf("no link %d in this story", n))
		return m, nil
	}
	return m, m.b.openLink(links[n-1])
}

func (m model) copyLink(tea.KeyMsg) (model, tea.Cmd) {
	it, ok := m.current()
	if !ok {
		return m, nil
	}
	return m.handleDone(m.b.copyLink(it.Link), "copied "+it.Link), nil
}

func (m model) toggleSource(tea.KeyMsg) (model, tea.Cmd) {
	if m.reader.id == 0 {
		return m, nil
	}
	m.reader = m.reader.toggleSource()
	return m, m.renderIfNeeded()
}

func (m model) handleFeedAdded(msg feedAddedMsg) (model, tea.Cmd) {
	m.status = m.status.working("")
	if len(msg.choices) > 0 {
		m.pick = newPicker(msg.url, msg.choices, m.subscribed())
		return m, nil
	}
	switch {
	case msg.err != nil:
		m.status = m.status.fail(msg.err)
	case msg.warn != "":
		m.status = m.status.fail(fmt.Errorf("%s: %s", msg.url, msg.warn))
	case !msg.added:
		m.status = m.status.note("already subscribed to " + msg.url)
	default:
		m.status = m.status.note("subscribed to " + msg.url)
	}
	m.cfg = withFeeds(m.cfg, msg.feeds)
	return m, tea.Batch(m.b.loadFeeds(), m.reloadKeepingCursor())
}

func (m model) handleFeedRemoved(msg feedRemovedMsg) (model, tea.Cmd) {
	m.status = m.status.working("")
	m.cfg = withFeeds(m.cfg, msg.feeds)
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
	} else {
		m.status = m.status.note("removed " + msg.url)
		m = m.closeStoryOf(msg.url)
	}
	if m.items.query.FeedURL == msg.url {
		m.feeds = m.feeds.moveTo(0)
		m, cmd := m.selectView()
		return m, tea.Batch(cmd, m.b.loadFeeds())
	}
	return m, tea.Batch(m.b.loadFeeds(), m.reloadKeepingCursor())
}

// closeStoryOf empties the reader when it shows a story of the feed at
// url, which is gone from the store with its feed.
func (m model) closeStoryOf(url string) model {
	if m.reader.id == 0 || m.reader.item.FeedURL != url {
		return m
	}
	m.reader = newReader(m.styles)
	if m.focus == paneReader {
		m.focus = paneItems
	}
	return m.layoutChildren()
}

func (m model) handleEditorClosed(msg editorClosedMsg) (model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
	}
	return m, m.b.reloadConfig()
}

// handleConfigReloaded takes the new config and its keys; a bad one was
// refused in the command and the old config stays.
func (m model) handleConfigReloaded(msg configReloadedMsg) (model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
		return m, nil
	}
	keys, err := newKeyMap(msg.cfg.Keys)
	if err != nil {
		m.status = m.status.fail(err)
		return m, nil
	}
	m.cfg, m.keys = msg.cfg, keys
	m.status = m.status.note("config reloaded")
	return m, tea.Batch(m.b.loadFeeds(), m.reloadKeepingCursor())
}
