package ui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// promptKind is what the bottom line is asking for.
type promptKind int

const (
	promptNone    promptKind = iota
	promptSearch             // "/": full-text search
	promptAddFeed            // "a": a feed or site URL
	promptConfirm            // "d": remove the feed? y/n
)

// prompt is the one-line input that replaces the status bar. While it is
// open every printable key is text: the keymap is not consulted.
type prompt struct {
	kind   promptKind
	input  textinput.Model
	target string // for promptConfirm: the feed URL to remove
	label  string // for promptConfirm: what is asked
}

func newPrompt(s *Styles) prompt {
	in := textinput.New()
	in.Prompt = ""
	in.PromptStyle = s.Prompt
	in.CharLimit = 2048
	// Pasting shells out to a clipboard tool; terminals paste on their own.
	in.KeyMap.Paste = key.NewBinding(key.WithDisabled())
	in.Cursor.SetMode(cursor.CursorStatic) // a blink would tick forever
	return prompt{input: in}
}

// open shows the prompt of kind with an empty line.
func (p prompt) open(kind promptKind, width int) (prompt, tea.Cmd) {
	p.kind = kind
	p.input.Reset()
	p.input.Prompt = promptLabel(kind)
	p = p.setWidth(width)
	return p, p.input.Focus()
}

func (p prompt) confirm(url, label string) prompt {
	p.kind, p.target, p.label = promptConfirm, url, label
	p.input.Blur()
	return p
}

func (p prompt) close() prompt {
	p.kind = promptNone
	p.input.Blur()
	p.input.Reset()
	return p
}

func promptLabel(kind promptKind) string {
	switch kind {
	case promptSearch:
		return "/"
	case promptAddFeed:
		return "Add feed (URL): "
	}
	return ""
}

// typed feeds a key to the text input and reports whether the text changed.
func (p prompt) typed(msg tea.KeyMsg) (prompt, tea.Cmd, bool) {
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd, p.input.Value() != before
}

func (p prompt) value() string { return p.input.Value() }

func (p prompt) setWidth(w int) prompt {
	p.input.Width = max(w-lipgloss.Width(p.input.Prompt)-1, 1)
	return p
}

func (p prompt) view(s *Styles, width int) string {
	if p.kind == promptConfirm {
		return fit(s.Prompt.Render(p.label+" [y/N]"), width)
	}
	return fit(p.input.View(), width)
}
