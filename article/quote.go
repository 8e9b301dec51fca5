package article

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/newsterm/newsterm/sanitize"
)

// quotePrefix is the left edge of a line of a quotation: the margin and
// one bar per level.
var quotePrefix = regexp.MustCompile(`^ *(?:[│|] )+`)

// reflowQuotes rewraps the paragraphs of a quotation that glamour made a
// column too wide (it counts its two-column bar "│ " as one) so that no
// word is pushed alone onto a line without its bar.
func reflowQuotes(s string, width int) string {
	if !strings.ContainsAny(s, "│|") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		// Glamour pads every line to the width with coloured spaces.
		lines[i] = trimLine(emptySGR.ReplaceAllString(l, "$1"))
	}
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		prefix := quotePrefix.FindString(sanitize.Strip(lines[i]))
		j, broken := i+1, false
		for prefix != "" && j < len(lines) {
			if isWrappedWord(lines[j], prefix) {
				broken = true
			} else if !sameQuoteLine(lines[j], prefix) {
				break
			}
			j++
		}
		if prefix == "" || !broken && !anyWider(lines[i:j], width) {
			out = append(out, lines[i:j]...)
			i = j
			continue
		}
		out = append(out, rewrapQuote(lines[i:j], prefix, width)...)
		i = j
	}
	return strings.Join(out, "\n")
}

// sameQuoteLine reports a line that continues a quotation paragraph:
// the same bars, and text after them.
func sameQuoteLine(line, prefix string) bool {
	plain := sanitize.Strip(line)
	return quotePrefix.FindString(plain) == prefix && strings.TrimSpace(plain[len(prefix):]) != ""
}

// isWrappedWord reports the word glamour pushes onto a line of its own,
// without the bars, right under a quotation's line that is a column too
// wide for it.
func isWrappedWord(line, prefix string) bool {
	plain := sanitize.Strip(line)
	margin := len(prefix) - len(strings.TrimLeft(prefix, " "))
	word := strings.TrimSpace(plain)
	return word != "" && !strings.Contains(word, " ") && !strings.HasPrefix(word, "│") &&
		!strings.HasPrefix(word, "|") && strings.HasPrefix(plain, strings.Repeat(" ", margin))
}

func anyWider(lines []string, width int) bool {
	for _, l := range lines {
		if ansi.StringWidth(l) > width {
			return true
		}
	}
	return false
}

// rewrapQuote joins a paragraph's lines after their bars and wraps the
// text again to the width the bars leave.
func rewrapQuote(lines []string, prefix string, width int) []string {
	head := rawPrefix(lines[0], len(prefix))
	var words []string
	for _, l := range lines {
		if quotePrefix.MatchString(sanitize.Strip(l)) {
			l = l[len(rawPrefix(l, len(prefix))):]
		}
		words = append(words, trimLeadingSpace(strings.TrimSpace(l)))
	}
	room := width - ansi.StringWidth(prefix)
	if room < 1 {
		return lines
	}
	wrapped := strings.Split(ansi.Wordwrap(strings.Join(words, " "), room, ""), "\n")
	for i, w := range wrapped {
		wrapped[i] = head + strings.TrimLeft(w, " ")
	}
	return wrapped
}

// trimLeadingSpace removes the spaces (and colour resets among them) at
// the start of a styled line.
func trimLeadingSpace(line string) string {
	var kept strings.Builder
	i := 0
	for i < len(line) {
		switch {
		case line[i] == ' ':
			i++
		case line[i] == 0x1b:
			j := escapeEnd(line, i)
			if seq := line[i:j]; seq != "\x1b[0m" && seq != "\x1b[m" {
				kept.WriteString(seq)
			}
			i = j
		default:
			return kept.String() + line[i:]
		}
	}
	return kept.String()
}

// rawPrefix returns the start of line that shows the first n bytes of
// its plain text (the prefix is ASCII and box bars), escapes included.
func rawPrefix(line string, n int) string {
	plain := 0
	i := 0
	for i < len(line) && plain < n {
		if line[i] == 0x1b {
			i = escapeEnd(line, i)
			continue
		}
		i++
		plain++
	}
	// Keep the reset that closes the bars' colour, not the text's own.
	for i < len(line) && line[i] == 0x1b {
		j := escapeEnd(line, i)
		seq := line[i:j]
		if seq != "\x1b[0m" && seq != "\x1b[m" {
			break
		}
		i = j
	}
	return line[:i]
}
