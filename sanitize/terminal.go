package sanitize

import (
	"strings"
	"unicode/utf8"
)

// Terminal is the last filter before rendered output reaches the terminal.
// It keeps only SGR sequences (ESC [ … m: colour and weight) and OSC 8
// hyperlinks whose target is http or https (plus the empty OSC 8 that ends a
// link); every other control is removed as Text removes it. Renderers such
// as glamour decode entities like &#27; into live escapes, so this runs on
// their output, not only on their input.
func Terminal(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == esc {
			end := skipEscape(s, i)
			if keepSequence(s[i:end]) {
				b.WriteString(s[i:end])
			}
			i = end
			continue
		}
		j := i
		for j < len(s) && s[j] != esc {
			j++
		}
		b.WriteString(Text(s[i:j]))
		i = j
	}
	return b.String()
}

// Strip removes every escape sequence and control, SGR included: for output
// to a pipe or a file, and for NO_COLOR.
func Strip(s string) string { return Text(s) }

func keepSequence(seq string) bool {
	if isSGR(seq) {
		return true
	}
	return isSafeOSC8(seq)
}

// isSGR reports ESC [ digits/semicolons/colons m.
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		c := seq[i]
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// isSafeOSC8 accepts ESC ] 8 ; params ; URI (BEL | ESC \) where URI is
// empty (end of link) or an http(s) URL made only of printable ASCII.
func isSafeOSC8(seq string) bool {
	if !strings.HasPrefix(seq, "\x1b]8;") {
		return false
	}
	body := strings.TrimPrefix(seq, "\x1b]8;")
	switch {
	case strings.HasSuffix(body, "\x07"):
		body = strings.TrimSuffix(body, "\x07")
	case strings.HasSuffix(body, "\x1b\\"):
		body = strings.TrimSuffix(body, "\x1b\\")
	default:
		return false // unterminated
	}
	semi := strings.IndexByte(body, ';')
	if semi < 0 {
		return false
	}
	params, uri := body[:semi], body[semi+1:]
	if !printableASCII(params) || !printableASCII(uri) {
		return false
	}
	if uri == "" {
		return true
	}
	lower := strings.ToLower(uri)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e || s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
