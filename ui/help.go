package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The help screen: every binding, laid out by bubbles/help in as many
// columns as fit, then what the mouse does. When it is taller than the
// screen the movement keys scroll it; any other key closes it.

// helpLines is the whole help text for a pane width cells wide. The last
// error comes first, whole: the status line may have had to cut it.
func (m model) helpLines(width int) []string {
	mouse := m.styles.Title.Render("Mouse") + m.styles.Muted.Render(
		" · the wheel scrolls the pane under the pointer · a click selects a row, a second opens it"+
			" · a click in the reader focuses it")
	text := m.helpKeys(width) + "\n\n" + wrap(mouse, width)
	if m.status.err != "" {
		text = m.styles.Error.Render(wrap("✗ "+m.status.err, width)) + "\n\n" + text
	}
	return strings.Split(text, "\n")
}

// helpStatus is the status line under the help screen: how to leave it,
// how to scroll it when it does not fit, and where the keys are set.
func (m model) helpStatus() string {
	text := " Keys · esc closes"
	if over := m.helpOverflow(); over > 0 {
		k := m.keys
		text += fmt.Sprintf(" · %s/%s/%s scroll · %d%%", firstKey(k.Down), firstKey(k.Up),
			firstKey(k.PageDown), 100*m.helpTop/over)
	}
	text += " · rebind keys in the config's [keys] table"
	return fit(m.styles.Status.Render(text), m.width)
}

// firstKey is how a binding's first key is written in help ("space").
func firstKey(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 && ks[0] != " " {
		return ks[0]
	}
	return "space"
}

// helpKeys lays the key groups side by side, or in fewer columns and more
// rows when the terminal is narrow.
func (m model) helpKeys(width int) string {
	groups := m.keys.FullHelp()
	h := m.help
	h.Width = 0 // measure untruncated; lines() cuts what still does not fit
	var out string
	for perRow := len(groups); perRow >= 1; perRow /= 2 {
		var rows []string
		for i := 0; i < len(groups); i += perRow {
			rows = append(rows, h.FullHelpView(groups[i:min(i+perRow, len(groups))]))
		}
		out = strings.Join(rows, "\n\n")
		if lipgloss.Width(out) <= width {
			break
		}
	}
	return out
}

// helpScreen is the part of the help text that fits on the screen.
func (m model) helpScreen() string {
	w, h := max(m.width-2, 0), m.innerHeight()
	all := m.helpLines(w)
	top := clamp(m.helpTop, 0, max(len(all)-h, 0))
	return strings.Join(all[top:min(top+h, len(all))], "\n")
}

// helpOverflow is how many lines of help do not fit on the screen.
func (m model) helpOverflow() int {
	return max(len(m.helpLines(max(m.width-2, 0)))-m.innerHeight(), 0)
}

// helpKey scrolls an overflowing help screen with the movement keys; any
// other key closes it (ctrl+c quits).
func (m model) helpKey(msg tea.KeyMsg) (model, tea.Cmd) {
	if msg.Type == tea.KeyCtrlC {
		return m, tea.Quit
	}
	k, over := m.keys, m.helpOverflow()
	page := max(m.innerHeight()-1, 1)
	switch {
	case over > 0 && key.Matches(msg, k.Down):
		m.helpTop++
	case over > 0 && key.Matches(msg, k.Up):
		m.helpTop--
	case over > 0 && key.Matches(msg, k.PageDown):
		m.helpTop += page
	case over > 0 && key.Matches(msg, k.PageUp):
		m.helpTop -= page
	case over > 0 && key.Matches(msg, k.Top):
		m.helpTop = 0
	case over > 0 && key.Matches(msg, k.Bottom):
		m.helpTop = over
	default:
		m.showHelp, m.helpTop = false, 0
		return m, nil
	}
	m.helpTop = clamp(m.helpTop, 0, over)
	return m, nil
}

// helpWheel scrolls the help screen with the mouse wheel.
func (m model) helpWheel(n int) model {
	m.helpTop = clamp(m.helpTop+n, 0, m.helpOverflow())
	return m
}
