package cli

import (
	"encoding/json"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// table lays out rows in columns aligned by display width (wide runes and
// emoji count as two, styling as none). The last column is not padded.
type table struct {
	rows [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(p *printer) {
	var widths []int
	for _, row := range t.rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], lipgloss.Width(cell))
		}
	}
	var b strings.Builder
	for _, row := range t.rows {
		b.Reset()
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-lipgloss.Width(cell)+2))
			}
		}
		p.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
}

// clip shortens s to at most n columns, ending it with "…" when cut.
func clip(s string, n int) string { return ansi.Truncate(s, n, "…") }

// styles colour plain output; without colour every style is a no-op.
type styles struct {
	color bool
	bold  lipgloss.Style
	dim   lipgloss.Style
	warn  lipgloss.Style
}

func (a *app) styles(t terminal) styles {
	r := lipgloss.NewRenderer(a.stdout)
	return styles{
		color: t.color,
		bold:  r.NewStyle().Bold(true),
		dim:   r.NewStyle().Faint(true),
		warn:  r.NewStyle().Foreground(lipgloss.Color("1")), // the terminal's own red: no background query
	}
}

func (s styles) render(st lipgloss.Style, text string) string {
	if !s.color || text == "" {
		return text
	}
	return st.Render(text)
}

// writeJSON prints v as indented JSON. HTML characters stay as they are:
// the output is for programs and people, not for a web page.
func (a *app) writeJSON(v any) error {
	enc := json.NewEncoder(a.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
