package ui

import (
	"errors"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Update is the table of contents: one line per message kind.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m, cmd = m.handleWindowSize(msg)
	case tea.KeyMsg:
		m, cmd = m.handleKey(msg)
	case tea.MouseMsg:
		m, cmd = m.handleMouse(msg)
	case feedsLoadedMsg:
		m, cmd = m.handleFeedsLoaded(msg)
	case itemsLoadedMsg:
		m, cmd = m.handleItemsLoaded(msg)
	case unreadFoundMsg:
		m, cmd = m.handleUnreadFound(msg)
	case articleLoadedMsg:
		m, cmd = m.handleArticleLoaded(msg)
	case articleRenderedMsg:
		m.reader = m.reader.applyRender(msg)
	case spinner.TickMsg:
		m.reader, cmd = m.reader.tick(msg)
	case searchedMsg:
		m = m.handleSearched(msg)
	case itemChangedMsg:
		m, cmd = m.handleItemChanged(msg)
	case markedAllMsg:
		m, cmd = m.handleMarkedAll(msg)
	case refreshSteppedMsg:
		m, cmd = m.handleRefreshStepped(msg)
	case refreshFinishedMsg:
		m, cmd = m.handleRefreshFinished(msg)
	case feedAddedMsg:
		m, cmd = m.handleFeedAdded(msg)
	case feedRemovedMsg:
		m, cmd = m.handleFeedRemoved(msg)
	case editorClosedMsg:
		m, cmd = m.handleEditorClosed(msg)
	case configReloadedMsg:
		m, cmd = m.handleConfigReloaded(msg)
	case browserOpenedMsg:
		m = m.handleDone(msg.err, "opened "+msg.link)
	case failedMsg:
		m.status = m.status.fail(msg.err)
	}
	return m, cmd
}

// handleWindowSize is the only place sizes come from.
func (m model) handleWindowSize(msg tea.WindowSizeMsg) (model, tea.Cmd) {
	m.width, m.height, m.ready = msg.Width, msg.Height, true
	m = m.layoutChildren()
	win, render := m.ensureWindow(), m.renderIfNeeded()
	m, startup := m.startupRefresh()
	return m, tea.Batch(win, render, startup)
}

func (m model) handleFeedsLoaded(msg feedsLoadedMsg) (model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
		if msg.feeds == nil {
			return m, nil
		}
	}
	m.feeds = m.feeds.setFeeds(msg.feeds, msg.starred)
	m.feedsLoaded = true
	return m.startupRefresh()
}

// startupRefresh starts refresh-on-start once, when the first frame can
// be drawn from the store: the size is known and the feed list is in.
func (m model) startupRefresh() (model, tea.Cmd) {
	if m.startedOnce || !m.ready || !m.feedsLoaded {
		return m, nil
	}
	m.startedOnce = true
	if !m.cfg.Reader.RefreshOnStart || len(m.feeds.feeds) == 0 {
		return m, nil
	}
	return m.beginRefresh(m.feeds.feeds)
}

func (m model) handleItemsLoaded(msg itemsLoadedMsg) (model, tea.Cmd) {
	if msg.err != nil && msg.gen == m.items.gen {
		m.status = m.status.fail(msg.err)
	}
	m.items = m.items.apply(msg)
	win := m.ensureWindow()
	m, open := m.openPending()
	return m, tea.Batch(win, open)
}

func (m model) handleUnreadFound(msg unreadFoundMsg) (model, tea.Cmd) {
	if msg.gen != m.items.gen {
		return m, nil
	}
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
		return m, nil
	}
	if msg.index < 0 {
		m.status = m.status.note("no more unread stories")
		return m, nil
	}
	m.items = m.items.moveTo(msg.index)
	m.pendingOpen = msg.open
	win := m.ensureWindow()
	m, open := m.openPending()
	return m, tea.Batch(win, open)
}

func (m model) handleArticleLoaded(msg articleLoadedMsg) (model, tea.Cmd) {
	if msg.id != m.reader.id {
		return m, nil
	}
	m.reader = m.reader.loaded(msg)
	m.status = m.status.fail(errors.Join(msg.err, msg.cacheErr))
	return m, m.renderIfNeeded()
}

// handleDone reports the outcome of a fire-and-forget action.
func (m model) handleDone(err error, ok string) model {
	if err != nil {
		m.status = m.status.fail(err)
		return m
	}
	m.status = m.status.note(ok)
	return m
}

// renderIfNeeded asks for a render of the story shown at the reader's
// width, unless that exact render is already there or on its way.
func (m *model) renderIfNeeded() tea.Cmd {
	k, a, need := m.reader.wantRender()
	if !need || k == m.reader.requested {
		return nil
	}
	m.reader.requested = k
	return m.b.renderArticle(k, a, m.styles.ArticleStyle)
}
