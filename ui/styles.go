package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// theme is the palette: what each colour means, not which colour it is.
type theme struct {
	accent, muted, text, unread, star, errc, border, focus lipgloss.Color
	dark                                                   bool
}

func darkTheme() theme {
	return theme{
		accent: "#7aa2f7", muted: "#737aa2", text: "#c0caf5", unread: "#9ece6a",
		star: "#e0af68", errc: "#f7768e", border: "#3b4261", focus: "#7aa2f7", dark: true,
	}
}

func lightTheme() theme {
	return theme{
		accent: "#2e59a8", muted: "#6b6f85", text: "#1f2335", unread: "#387a1f",
		star: "#8f5e00", errc: "#b3213f", border: "#a8aecb", focus: "#2e59a8",
	}
}

// Styles is every style the reader draws with, built once from one theme
// and shared by the child models.
type Styles struct {
	Pane, FocusedPane lipgloss.Style // the focused pane's border differs in shape too, for NO_COLOR
	Edge, FocusedEdge lipgloss.Style // a pane's top edge, drawn around its title
	Title             lipgloss.Style // pane headings
	Selected          lipgloss.Style // the cursor row
	Unread, Read      lipgloss.Style
	Muted, Star       lipgloss.Style
	Group             lipgloss.Style // tag headings in the feed list
	Status, StatusKey lipgloss.Style
	Error, Note       lipgloss.Style
	Prompt            lipgloss.Style
	Help              help.Styles
	// ArticleStyle is the article renderer's style name.
	ArticleStyle string
}

// newStyles builds the Styles for t. With no colours available (NO_COLOR,
// a dumb terminal, tests) articles render in the "notty" style.
func newStyles(t theme) *Styles {
	pane := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(t.border)
	s := &Styles{
		Pane:        pane,
		FocusedPane: pane.Border(lipgloss.ThickBorder()).BorderForeground(t.focus),
		Edge:        lipgloss.NewStyle().Foreground(t.border),
		FocusedEdge: lipgloss.NewStyle().Foreground(t.focus),
		Title:       lipgloss.NewStyle().Bold(true).Foreground(t.accent),
		Selected:    lipgloss.NewStyle().Reverse(true),
		Unread:      lipgloss.NewStyle().Bold(true).Foreground(t.text),
		Read:        lipgloss.NewStyle().Foreground(t.muted),
		Muted:       lipgloss.NewStyle().Foreground(t.muted),
		Star:        lipgloss.NewStyle().Foreground(t.star),
		Group:       lipgloss.NewStyle().Bold(true).Foreground(t.accent),
		Status:      lipgloss.NewStyle().Foreground(t.text),
		StatusKey:   lipgloss.NewStyle().Bold(true).Foreground(t.accent),
		Error:       lipgloss.NewStyle().Foreground(t.errc),
		Note:        lipgloss.NewStyle().Italic(true).Foreground(t.star),
		Prompt:      lipgloss.NewStyle().Bold(true).Foreground(t.accent),
		Help:        help.New().Styles,
	}
	s.Help.ShortKey = s.StatusKey
	s.Help.FullKey = s.StatusKey
	s.Help.ShortDesc = s.Muted
	s.Help.FullDesc = s.Muted
	s.ArticleStyle = "light"
	if t.dark {
		s.ArticleStyle = "dark"
	}
	if lipgloss.ColorProfile() == termenv.Ascii {
		s.ArticleStyle = "notty"
	}
	return s
}

// pickTheme reads the config's choice; "auto" asks the terminal (once, at
// start-up, before the program owns the terminal).
func pickTheme(name string, detectDark func() bool) theme {
	switch name {
	case "dark":
		return darkTheme()
	case "light":
		return lightTheme()
	}
	if detectDark() {
		return darkTheme()
	}
	return lightTheme()
}
