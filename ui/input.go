package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// action is what a key does, given the key that was pressed.
type action func(m model, msg tea.KeyMsg) (model, tea.Cmd)

// actions maps the bindings that mean the same in every pane; the rest
// (movement, open, back) depend on the focused pane.
func (m model) actions() []struct {
	b  key.Binding
	do action
} {
	return []struct {
		b  key.Binding
		do action
	}{
		{m.keys.Quit, func(m model, _ tea.KeyMsg) (model, tea.Cmd) { return m, tea.Quit }},
		{m.keys.Help, func(m model, _ tea.KeyMsg) (model, tea.Cmd) { m.showHelp = true; return m, nil }},
		{m.keys.Search, model.startSearch},
		{m.keys.AddFeed, model.startAddFeed},
		{m.keys.RemoveFeed, model.startRemoveFeed},
		{m.keys.EditConfig, func(m model, _ tea.KeyMsg) (model, tea.Cmd) { return m, m.b.editConfig(m.cfg.Path) }},
		{m.keys.RefreshAll, func(m model, _ tea.KeyMsg) (model, tea.Cmd) { return m.beginRefresh(m.feeds.feeds) }},
		{m.keys.Refresh, func(m model, _ tea.KeyMsg) (model, tea.Cmd) { return m.beginRefresh(m.refreshTargets()) }},
		{m.keys.ToggleFeeds, model.toggleFeeds},
		{m.keys.NextPane, func(m model, _ tea.KeyMsg) (model, tea.Cmd) { return m.cycleFocus(1) }},
		{m.keys.PrevPane, func(m model, _ tea.KeyMsg) (model, tea.Cmd) { return m.cycleFocus(-1) }},
		{m.keys.ToggleRead, model.toggleRead},
		{m.keys.MarkAllRead, model.markAllRead},
		{m.keys.Star, model.toggleStar},
		{m.keys.OpenBrowser, model.openBrowser},
		{m.keys.OpenComments, model.openComments},
		{m.keys.Link, model.openNumberedLink},
		{m.keys.CopyLink, model.copyLink},
		{m.keys.ToggleSource, model.toggleSource},
	}
}

// handleKey routes a key: an open prompt takes every key as text; the
// help screen closes on any key; then the shared actions; then the
// focused pane.
func (m model) handleKey(msg tea.KeyMsg) (model, tea.Cmd) {
	if m.prompt.kind != promptNone {
		return m.handlePromptKey(msg)
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		return m.handleRunes(msg)
	}
	if m.pick.open {
		return m.pickKey(msg)
	}
	m.status = m.status.quiet()
	if m.showHelp {
		return m.helpKey(msg)
	}
	for _, a := range m.actions() {
		if key.Matches(msg, a.b) {
			return a.do(m, msg)
		}
	}
	switch m.focus {
	case paneFeeds:
		return m.feedsKey(msg)
	case paneReader:
		return m.readerKey(msg)
	}
	return m.itemsKey(msg)
}

// handleRunes takes keys that arrived together (fast typing, a script
// driving the terminal) one at a time, so "/Haqqani" opens the search
// prompt and types the rest into it.
func (m model) handleRunes(msg tea.KeyMsg) (model, tea.Cmd) {
	var cmds []tea.Cmd
	for i, r := range msg.Runes {
		if m.prompt.kind != promptNone {
			rest := msg
			rest.Runes = msg.Runes[i:]
			var cmd tea.Cmd
			m, cmd = m.handlePromptKey(rest)
			return m, tea.Batch(append(cmds, cmd)...)
		}
		one := msg
		one.Runes = []rune{r}
		var cmd tea.Cmd
		m, cmd = m.handleKey(one)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// handlePromptKey: enter submits, esc cancels, ctrl+c quits, and every
// other key (printable ones included: a, n, q, j...) edits the text.
func (m model) handlePromptKey(msg tea.KeyMsg) (model, tea.Cmd) {
	if msg.Type == tea.KeyCtrlC {
		return m, tea.Quit
	}
	if m.prompt.kind == promptConfirm { // only y removes; enter, esc, n… keep
		if msg.String() == "y" || msg.String() == "Y" {
			return m.submitPrompt()
		}
		return m.cancelPrompt()
	}
	switch msg.Type {
	case tea.KeyEsc:
		return m.cancelPrompt()
	case tea.KeyEnter:
		return m.submitPrompt()
	}
	var cmd tea.Cmd
	var changed bool
	m.prompt, cmd, changed = m.prompt.typed(msg)
	if changed && m.prompt.kind == promptSearch {
		var search tea.Cmd
		m, search = m.liveSearch()
		return m, tea.Batch(cmd, search)
	}
	return m, cmd
}

// handleMouse: the wheel scrolls the pane under the pointer, a click
// selects the row under it (a click on the selected story opens it), a
// click in the reader focuses it.
func (m model) handleMouse(msg tea.MouseMsg) (model, tea.Cmd) {
	if !m.ready || m.prompt.kind != promptNone || m.pick.open {
		return m, nil
	}
	if m.showHelp {
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			return m.helpWheel(-3), nil
		case tea.MouseButtonWheelDown:
			return m.helpWheel(3), nil
		}
		return m, nil
	}
	box, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return m, nil
	}
	row := msg.Y - 1 // below the top border
	switch {
	case msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelDown:
		n := 3
		if msg.Button == tea.MouseButtonWheelUp {
			n = -3
		}
		return m.wheel(box.pane, n)
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		return m.click(box, row)
	}
	return m, nil
}

func (m model) wheel(p pane, n int) (model, tea.Cmd) {
	switch p {
	case paneFeeds:
		m.feeds = m.feeds.move(n)
	case paneItems:
		m.items = m.items.scroll(n)
		return m, m.ensureWindow()
	case paneReader:
		m.reader = m.reader.scroll(n)
	}
	return m, nil
}

func (m model) click(box paneBox, row int) (model, tea.Cmd) {
	inside := row >= 0 && row < m.innerHeight()
	switch box.pane {
	case paneFeeds:
		m.focus = paneFeeds
		if inside {
			m.feeds = m.feeds.clickRow(row)
			return m.selectView()
		}
	case paneItems:
		m.focus = paneItems
		if inside {
			was := m.items.cursor
			m.items = m.items.clickRow(row)
			if it, ok := m.items.selected(); ok && m.items.cursor == was && m.items.top+row == was {
				if it.ID == m.reader.id { // already open: just go and read it
					m.focus = paneReader
					return m.layoutChildren(), m.renderIfNeeded()
				}
				return m.openSelected() // a click on the selected story opens it
			}
			return m, m.ensureWindow()
		}
	case paneReader:
		m.focus = paneReader
	}
	return m, nil
}
