package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/feeds"
)

// picker asks which of the feeds a page offers to subscribe to. It takes
// the screen like help does: one row per feed, the cursor on the first
// one not subscribed yet.
type picker struct {
	open   bool
	page   string // what the user typed (already sanitised)
	links  []feeds.Link
	have   []bool // already subscribed
	cursor int
}

func newPicker(page string, links []feeds.Link, subscribed map[string]bool) picker {
	p := picker{open: true, page: clean(page), links: links, have: make([]bool, len(links))}
	p.cursor = -1
	for i, l := range links {
		p.have[i] = subscribed[l.URL]
		if !p.have[i] && p.cursor < 0 {
			p.cursor = i
		}
	}
	p.cursor = max(p.cursor, 0)
	return p
}

// subscribed is the set of feed URLs in the config.
func (m model) subscribed() map[string]bool {
	set := make(map[string]bool, len(m.cfg.Feeds))
	for _, f := range m.cfg.Feeds {
		set[f.URL] = true
	}
	return set
}

// pickKey: the movement keys and digits choose, enter subscribes, esc (or
// any other key) cancels, ctrl+c quits.
func (m model) pickKey(msg tea.KeyMsg) (model, tea.Cmd) {
	k, p := m.keys, &m.pick
	switch {
	case msg.Type == tea.KeyCtrlC:
		return m, tea.Quit
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, len(p.links)-1)
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Open):
		return m.pickFeed(p.cursor)
	case len(msg.Runes) == 1 && msg.Runes[0] >= '1' && msg.Runes[0] <= '9':
		if n, _ := strconv.Atoi(string(msg.Runes)); n <= len(p.links) {
			return m.pickFeed(n - 1)
		}
	default:
		m.pick = picker{}
		m.status = m.status.note("nothing added")
	}
	return m, nil
}

// pickFeed subscribes to the i-th feed offered.
func (m model) pickFeed(i int) (model, tea.Cmd) {
	url := m.pick.links[i].URL
	m.pick = picker{}
	m.status = m.status.working("adding " + url + "…")
	return m, m.b.addFeed(m.cfg.Path, url)
}

// view lists the feeds, width cells wide, scrolled to keep the cursor on
// one of the height rows.
func (p picker) view(s *Styles, width, height int) string {
	head := []string{
		s.Title.Render(fmt.Sprintf("%d feeds on %s", len(p.links), p.page)),
		"",
	}
	rows := max(height-len(head), 1)
	top := clamp(p.cursor-rows+1, 0, max(len(p.links)-rows, 0))
	var b strings.Builder
	b.WriteString(fitLines(head, width))
	for i := top; i < min(top+rows, len(p.links)); i++ {
		b.WriteByte('\n')
		b.WriteString(p.row(s, i, width))
	}
	return b.String()
}

func (p picker) row(s *Styles, i, width int) string {
	l := p.links[i]
	cur := " "
	if i == p.cursor {
		cur = "›"
	}
	num := " "
	if i < 9 {
		num = strconv.Itoa(i + 1)
	}
	title := clean(l.Title)
	if title == "" {
		title = "(untitled)"
	}
	mark := ""
	if p.have[i] {
		mark = " (subscribed)"
	}
	line := fit(cur+num+" "+title+mark+"  "+clean(l.URL), width)
	switch {
	case i == p.cursor:
		return s.Selected.Render(line)
	case p.have[i]:
		return s.Read.Render(line)
	}
	return s.Unread.Render(line)
}

// status is the line under the picker.
func (p picker) status(k keyMap) string {
	return fmt.Sprintf(" Subscribe: %s/%s move · %s adds · 1-%d pick · esc cancels",
		firstKey(k.Down), firstKey(k.Up), firstKey(k.Open), min(len(p.links), 9))
}

func fitLines(ls []string, width int) string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = fit(l, width)
	}
	return strings.Join(out, "\n")
}
