package article

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/newsterm/newsterm/sanitize"
)

// margin matches glamour's document margin so the header, the photo block
// and the body share one left edge.
const margin = 2

// layout holds the styles of one render.
type layout struct {
	width, inner             int
	kicker, title, dek, meta lipgloss.Style
	image, caption, credit   lipgloss.Style
	linkHead, linkNum, plain lipgloss.Style
	hyperlinks               bool
}

func newLayout(width int, style string) layout {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetHasDarkBackground(style != StyleLight)
	if style == StyleNoTTY {
		r.SetColorProfile(termenv.Ascii)
	} else {
		r.SetColorProfile(termenv.ANSI256)
	}
	color := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	inner := width - 2*margin
	return layout{
		width:      width,
		inner:      inner,
		kicker:     r.NewStyle().Bold(true).Foreground(color("161", "204")),
		title:      r.NewStyle().Bold(true).Foreground(color("232", "231")),
		dek:        r.NewStyle().Foreground(color("238", "250")),
		meta:       r.NewStyle().Foreground(color("242", "245")),
		image:      r.NewStyle().Foreground(color("242", "245")),
		caption:    r.NewStyle().Italic(true).Foreground(color("238", "250")),
		credit:     r.NewStyle().Foreground(color("242", "245")),
		linkHead:   r.NewStyle().Bold(true).Foreground(color("232", "231")),
		linkNum:    r.NewStyle().Foreground(color("242", "245")),
		plain:      r.NewStyle(),
		hyperlinks: style != StyleNoTTY,
	}
}

// block wraps text to the inner width and indents it by the margin.
func (l layout) block(s lipgloss.Style, text string) string {
	return indent(s.Width(l.inner).Render(text))
}

func indent(s string) string {
	pad := strings.Repeat(" ", margin)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// header returns the kicker, title, dek and "Byline · date · comments"
// blocks that the article has.
func (l layout) header(a Article) []string {
	var out []string
	if s := sanitize.Line(a.Section); s != "" {
		out = append(out, l.block(l.kicker, s))
	}
	if s := sanitize.Line(a.Title); s != "" {
		out = append(out, l.block(l.title, s))
	}
	if s := sanitize.Line(a.Dek); s != "" {
		out = append(out, l.block(l.dek, s))
	}
	if s := metaLine(a); s != "" {
		// Each part wraps as a whole: "23 comments" stays on one line.
		out = append(out, strings.ReplaceAll(l.block(l.meta, s), nbsp, " "))
	}
	return out
}

// metaLine is "Byline · Jan 2, 2006 · 23 comments"; an unknown comment
// count is left out, never shown as 0.
func metaLine(a Article) string {
	var parts []string
	if s := sanitize.Line(a.Byline); s != "" {
		parts = append(parts, s)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("Jan 2, 2006"))
	}
	if a.Comments.Count != nil {
		parts = append(parts, commentCount(*a.Comments.Count))
	}
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(p, " ", nbsp)
	}
	return strings.Join(parts, " · ")
}

const nbsp = "\u00a0"

func commentCount(n int) string {
	if n == 1 {
		return "1 comment"
	}
	return groupThousands(n) + " comments"
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// photo is the image placeholder line with its alt text and size, the
// caption, and the credit right-aligned on its own line.
func (l layout) photo(p Photo) string {
	line := "▣ image"
	if alt := sanitize.Line(p.Alt); alt != "" {
		line += ": " + alt
	}
	if p.Width > 0 && p.Height > 0 {
		line += " (" + strconv.Itoa(p.Width) + "×" + strconv.Itoa(p.Height) + ")"
	}
	parts := []string{l.block(l.image, line)}
	if c := sanitize.Line(p.Caption); c != "" {
		parts = append(parts, l.block(l.caption, c))
	}
	if c := sanitize.Line(p.Credit); c != "" {
		parts = append(parts, l.block(l.credit.Align(lipgloss.Right), c))
	}
	return strings.Join(parts, "\n")
}

// links lists the numbered references. Long URLs are not broken, so
// that they can still be copied whole.
func (l layout) links(links []string) string {
	if len(links) == 0 {
		return ""
	}
	lines := []string{indent(l.linkHead.Render("Links"))}
	for i, u := range links {
		u = sanitize.Line(u)
		shown := u
		if l.hyperlinks && isHTTP(u) && printableASCII(u) {
			shown = termenv.Hyperlink(u, u)
		}
		lines = append(lines, indent(l.linkNum.Render("["+strconv.Itoa(i+1)+"]")+" "+shown))
	}
	return strings.Join(lines, "\n")
}

func isHTTP(u string) bool {
	lower := strings.ToLower(u)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// fitLines breaks any line wider than width (long words, wide scripts,
// code) so that every line fits.
func fitLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		line = trimLine(line)
		if lipgloss.Width(line) <= width {
			out = append(out, line)
			continue
		}
		for _, part := range strings.Split(ansi.Hardwrap(line, width, true), "\n") {
			out = append(out, trimLine(part))
		}
	}
	return strings.Join(out, "\n")
}

var emptySGR = regexp.MustCompile(`(?:\x1b\[[0-9;:]*m)+(\x1b\[0?m)`)

// tidyLines trims trailing padding and drops colour changes that style
// nothing, which glamour emits for every padded cell, and resets at the
// start of a line when no colour is open.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	open := false
	for i, line := range lines {
		line = trimLine(emptySGR.ReplaceAllString(line, "$1"))
		if !open {
			for _, reset := range []string{"\x1b[0m", "\x1b[m"} {
				for strings.HasPrefix(line, reset) {
					line = line[len(reset):]
				}
			}
		}
		if m := lastSGR.FindStringSubmatch(line); m != nil {
			open = m[1] != "\x1b[0m" && m[1] != "\x1b[m"
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

var lastSGR = regexp.MustCompile(`(\x1b\[[0-9;:]*m)(?:[^\x1b]|\x1b[^\[])*$`)

// trimLine removes trailing spaces, keeping escape sequences other than
// colour changes and closing any colour with a reset.
func trimLine(line string) string {
	end, i := 0, 0
	for i < len(line) {
		if line[i] == 0x1b {
			i = escapeEnd(line, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		if r != ' ' && r != '\t' {
			end = i
		}
	}
	if end == len(line) {
		return line
	}
	var b strings.Builder
	b.WriteString(line[:end])
	sgr := false
	for i = end; i < len(line); {
		if line[i] != 0x1b {
			i++
			continue
		}
		j := escapeEnd(line, i)
		if seq := line[i:j]; strings.HasPrefix(seq, "\x1b[") {
			sgr = true
		} else {
			b.WriteString(seq)
		}
		i = j
	}
	if sgr {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// escapeEnd returns the index after the escape sequence at s[i]: CSI or
// OSC (the only kinds left after sanitize.Terminal), else two bytes.
func escapeEnd(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		for j := i + 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']':
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return i + 2
}
