// Package sanitize makes untrusted text (feed fields, page text, server
// error strings) safe to put in front of a terminal.
//
// Everything newsterm shows comes from strangers on the network. A title
// carrying "\x1b]0;pwned\x07" would retitle the window; a C1 byte or a bidi
// override can hide or reorder what the user reads. Text passes through
// Text or Line when it is ingested and again at every sink, because later
// stages (HTML entity decoding, glamour) can re-create escapes.
package sanitize

import (
	"strings"
	"unicode/utf8"
)

const esc = 0x1b

// Text removes every terminal control from s: ESC sequences of any kind
// (CSI, OSC, DCS, APC, PM, SOS; terminated or not), C0 controls other than
// tab and newline, DEL, C1 controls (U+0080–U+009F, however encoded) and
// bidirectional overrides and isolates. Invalid UTF-8 becomes U+FFFD.
// CRLF and lone CR become LF. Text is idempotent.
func Text(s string) string {
	start := firstChange(s)
	if start < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:start])
	for i := start; i < len(s); {
		c := s[i]
		if c == esc {
			i = skipEscape(s, i)
			continue
		}
		if c == '\r' {
			if i+1 >= len(s) || s[i+1] != '\n' {
				b.WriteByte('\n')
			}
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if keepASCII(c) {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			continue
		}
		if r == 0x9b || r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f || r == 0x98 {
			// C1 CSI/OSC/DCS/PM/APC/SOS introduce a sequence just as ESC does.
			i = skipC1Body(s, i, r)
			continue
		}
		if dropRune(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Line is Text for single-line fields (titles, feed names, status and error
// lines): tabs and newlines become spaces, runs of spaces collapse and the
// ends are trimmed.
func Line(s string) string {
	s = Text(s)
	if !strings.ContainsAny(s, "\t\n") && !strings.Contains(s, "  ") &&
		strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// firstChange returns the index of the first byte Text would drop or
// change, or -1 when s is already clean, the common case that needs no
// copy. Feed bodies are large, so ASCII is a table lookup per byte; other
// characters are decoded only to check them.
func firstChange(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !cleanByte[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || dropRune(r) {
			return i // invalid UTF-8, C1 controls and format characters
		}
		i += size
	}
	return -1
}

// cleanByte marks the ASCII bytes Text keeps as they are: tab, newline and
// 0x20–0x7e.
var cleanByte = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\t'], t['\n'] = true, true
	return t
}()

func keepASCII(c byte) bool {
	return c == '\t' || c == '\n' || (c >= 0x20 && c != 0x7f)
}

// dropRune reports runes that are never shown: C1 controls, bidi
// embeddings/overrides/isolates, and the line/paragraph separators some
// terminals treat as controls.
func dropRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	}
	return false
}

// skipEscape returns the index just past the escape sequence starting at
// s[i] (which is ESC). An unterminated string sequence swallows the rest
// of s: showing half of an attacker's sequence is worse than showing none.
func skipEscape(s string, i int) int {
	i++
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', '_', '^', 'X':
		return skipString(s, i+1)
	default:
		// Two-byte (ESC c) or nF sequences: intermediates 0x20–0x2f then a final byte.
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	}
}

// skipCSI skips parameter and intermediate bytes and the final byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c > 0x3f && c < 0x40 || c >= 0x7f {
			// Not a CSI byte: the sequence is malformed; stop here.
			return i
		}
	}
	return i
}

// skipString skips an OSC/DCS/APC/PM/SOS body up to BEL, ST (ESC \) or
// C1 ST (U+009C).
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == esc && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}

func skipC1Body(s string, i int, r rune) int {
	if r == 0x9b {
		return skipCSI(s, i)
	}
	return skipString(s, i)
}
