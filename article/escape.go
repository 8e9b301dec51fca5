package article

import (
	"html"
	"strconv"
	"strings"
)

// Glamour prints a paragraph's text as the markdown source spells it:
// a backslash escape keeps its backslash ("06:40 \& the late one"),
// while character references and even bare "&copy" are decoded, in code
// spans too. glamourText rewrites a markdown body so that glamour shows
// what a CommonMark reader would: outside code blocks, escapes become
// numeric character references, and an ampersand that does not begin a
// character reference becomes "&amp;".
func glamourText(md string) string {
	if !strings.ContainsAny(md, `\&`) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md) + len(md)/8)
	fence := ""
	for _, line := range strings.SplitAfter(md, "\n") {
		if fence != "" {
			b.WriteString(line)
			if closesFence(line, fence) {
				fence = ""
			}
			continue
		}
		if fence = opensFence(line); fence != "" {
			b.WriteString(line)
			continue
		}
		inlineText(&b, line)
	}
	return b.String()
}

// fenceStart is a line with its indentation and quotation marks removed.
func fenceStart(line string) string {
	return strings.TrimLeft(line, " \t>")
}

// opensFence returns the fence (``` or ~~~, or longer) a line opens.
func opensFence(line string) string {
	t := fenceStart(line)
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(t) && t[n] == c {
			n++
		}
		if n >= 3 && (c == '~' || !strings.Contains(t[n:], "`")) {
			return t[:n]
		}
	}
	return ""
}

func closesFence(line, fence string) bool {
	t := strings.TrimRight(fenceStart(line), " \t\r\n")
	return len(t) >= len(fence) && strings.Trim(t, fence[:1]) == ""
}

// inlineText writes one line of a paragraph, heading, list item or
// table row in the form glamour shows faithfully.
func inlineText(b *strings.Builder, line string) {
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && isASCIIPunct(line[i+1]):
			b.WriteString("&#" + strconv.Itoa(int(line[i+1])) + ";")
			i += 2
		case c == '`':
			i = codeSpan(b, line, i)
		case c == '&':
			n := charRefLen(line[i:])
			if n == 0 {
				b.WriteString("&amp;")
				i++
				continue
			}
			b.WriteString(line[i : i+n])
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
}

// codeSpan writes the code span that starts at line[i], whose text is
// literal in markdown but which glamour decodes, and returns the index
// after it. A backtick run without its closing run is plain text.
func codeSpan(b *strings.Builder, line string, i int) int {
	n := 0
	for i+n < len(line) && line[i+n] == '`' {
		n++
	}
	ticks := line[i : i+n]
	for j := i + n; j < len(line); {
		k := strings.Index(line[j:], ticks)
		if k < 0 {
			break
		}
		end := j + k
		m := 0
		for end+m < len(line) && line[end+m] == '`' {
			m++
		}
		if m == n {
			b.WriteString(ticks)
			b.WriteString(strings.ReplaceAll(line[i+n:end], "&", "&amp;"))
			b.WriteString(ticks)
			return end + n
		}
		j = end + m
	}
	b.WriteString(ticks)
	return i + n
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// charRefLen returns the length of the CommonMark character reference
// at the start of s ("&amp;", "&#35;", "&#x1F600;"), or 0.
func charRefLen(s string) int {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 33 {
		return 0
	}
	ref := s[:semi+1]
	body := ref[1:semi]
	if body[0] == '#' {
		digits, base := body[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || len(digits) > 7 {
			return 0
		}
		if _, err := strconv.ParseUint(digits, base, 32); err != nil {
			return 0
		}
		return len(ref)
	}
	for _, r := range body {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return 0
		}
	}
	if html.UnescapeString(ref) == ref {
		return 0 // not a known entity name
	}
	return len(ref)
}
