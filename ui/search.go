package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// Search: "/" opens the prompt; each keystroke runs a search tagged with
// its query, and only the answer for the query now wanted is shown. enter
// runs the whole query again (an earlier keystroke's search may still be
// running, and its answer will be dropped) and keeps the results, first
// selected; esc clears the search and goes back to the view before it.

func (m model) startSearch(tea.KeyMsg) (model, tea.Cmd) {
	if m.searchQuery == "" {
		m.beforeSearch = m.feeds.selected()
	}
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.open(promptSearch, m.width)
	return m, cmd
}

// liveSearch runs the prompt's text as it stands.
func (m model) liveSearch() (model, tea.Cmd) {
	q := m.prompt.value()
	m.searchQuery = q
	if q == "" {
		return m, nil
	}
	return m, m.b.search(q)
}

func (m model) handleSearched(msg searchedMsg) model {
	if msg.query != m.searchQuery || msg.query == "" {
		return m // an answer to a query the user has typed past
	}
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
		return m
	}
	m.items = m.items.showResults("Search: "+msg.query, msg.items)
	m.status = m.status.note(fmt.Sprintf("%d found", len(msg.items)))
	return m
}

// clearSearch goes back to the view the search started from.
func (m model) clearSearch() (model, tea.Cmd) {
	m.searchQuery = ""
	m.prompt = m.prompt.close()
	want := m.beforeSearch
	for i, r := range m.feeds.rows {
		if r.kind == want.kind && r.tag == want.tag && r.feed.URL == want.feed.URL {
			m.feeds = m.feeds.moveTo(i)
			break
		}
	}
	return m.selectView()
}

func (m model) cancelPrompt() (model, tea.Cmd) {
	if m.prompt.kind == promptSearch {
		return m.clearSearch()
	}
	m.prompt = m.prompt.close()
	return m, nil
}

func (m model) submitPrompt() (model, tea.Cmd) {
	kind, value, target := m.prompt.kind, m.prompt.value(), m.prompt.target
	m.prompt = m.prompt.close()
	switch kind {
	case promptSearch:
		if value == "" {
			return m.clearSearch()
		}
		m.searchQuery = value
		m.focus = paneItems
		m = m.layoutChildren()
		return m, m.b.search(value)
	case promptAddFeed:
		m.status = m.status.working("adding " + value + "…")
		return m, m.b.addFeed(m.cfg.Path, value)
	case promptConfirm:
		m.status = m.status.working("removing " + target + "…")
		return m, m.b.removeFeed(m.cfg.Path, target)
	}
	return m, nil
}

func (m model) startAddFeed(tea.KeyMsg) (model, tea.Cmd) {
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.open(promptAddFeed, m.width)
	return m, cmd
}

// startRemoveFeed asks before removing the feed selected in the feed list,
// else the feed shown, else the selected story's feed.
func (m model) startRemoveFeed(tea.KeyMsg) (model, tea.Cmd) {
	var url, name string
	row := m.feeds.selected()
	it, haveItem := m.items.selected()
	switch {
	case row.kind == viewFeed && (m.focus == paneFeeds || m.items.query.FeedURL == row.feed.URL):
		url, name = row.feed.URL, row.label
	case haveItem:
		url, name = it.FeedURL, clean(it.FeedTitle)
	default:
		m.status = m.status.note("select a feed to remove")
		return m, nil
	}
	if name == "" {
		name = clean(url)
	}
	m.prompt = m.prompt.confirm(url, "Remove "+name+" and its stories?")
	return m, nil
}
