package feeds

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Go's XML decoder rejects a whole document for one character XML does not
// allow: a raw control byte, a reference such as &#27; or &#x1b;, invalid
// UTF-8, U+FFFE. Real feeds contain all of these, often in a single title,
// and the feed is still worth reading. repairXML rewrites them before the
// document reaches gofeed so that the feed parses and only the bad
// characters are lost.
//
// C0 controls are not dropped outright: they become placeholders from a
// private-use block and turn back into controls (restoreControls) once the
// text is out of the XML, so that sanitize sees "ESC ] 0 ; title BEL" as one
// escape sequence and removes all of it instead of leaving "]0;title"
// behind on the screen.

const (
	placeholderBase = 0xF700 // U+F700..U+F71F stand for C0 controls 0x00..0x1F
	replacement     = "\uFFFD"
	maxRefDigits    = 10
)

// repairXML returns data with illegal XML characters made legal. The BOM is
// dropped, and an encoding named in the XML declaration is replaced by
// UTF-8: Parse receives UTF-8 bytes, and letting the decoder transcode them
// again would garble every non-ASCII character. It returns data itself when
// nothing needs repair.
func repairXML(data []byte) []byte {
	data = neutraliseDeclaration(data)
	var out []byte // nil until the first repair
	start := 0     // data[start:i] is pending, unchanged
	flush := func(i int, repl string) {
		if out == nil {
			out = make([]byte, 0, len(data)+64)
		}
		out = append(out, data[start:i]...)
		out = append(out, repl...)
	}
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			flush(i, placeholder(rune(c)))
			i++
			start = i
		case c == '&' && i+1 < len(data) && data[i+1] == '#':
			n, repl, ok := illegalCharRef(data[i:])
			if !ok {
				i++
				continue
			}
			flush(i, repl)
			i += n
			start = i
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[i:])
			if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
				flush(i, replacement)
				i += size
				start = i
				continue
			}
			i += size
		default:
			i++
		}
	}
	if out == nil {
		return data
	}
	return append(out, data[start:]...)
}

// illegalCharRef looks at a numeric character reference at the start of b.
// When it is well formed but names a character XML forbids, it returns the
// reference's length and what to write instead.
func illegalCharRef(b []byte) (n int, repl string, ok bool) {
	i, base := 2, 10
	if i < len(b) && (b[i] == 'x' || b[i] == 'X') {
		i, base = 3, 16
	}
	var v uint64
	digits := 0
	for ; i < len(b) && digits <= maxRefDigits; i++ {
		d, isDigit := digitValue(b[i], base)
		if !isDigit {
			break
		}
		v = v*uint64(base) + uint64(d)
		digits++
	}
	if digits == 0 || i >= len(b) || b[i] != ';' {
		return 0, "", false
	}
	n = i + 1
	switch {
	case digits > maxRefDigits || v > utf8.MaxRune:
		return n, replacement, true
	case v < 0x20 && v != '\t' && v != '\n' && v != '\r':
		return n, placeholder(rune(v)), true
	case legalXMLChar(rune(v)):
		return 0, "", false
	default:
		return n, replacement, true
	}
}

func digitValue(c byte, base int) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case base == 16 && c >= 'a' && c <= 'f':
		return int(c-'a') + 10, true
	case base == 16 && c >= 'A' && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// legalXMLChar reports whether r is a Char in the XML 1.0 grammar.
func legalXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= utf8.MaxRune)
}

func placeholder(c rune) string { return string(placeholderBase + c) }

// restoreControls turns placeholders back into the C0 controls they stand
// for. Its output must go through sanitize before anyone sees it.
func restoreControls(s string) string {
	// U+F700..U+F71F encode as EF 9C 80..9F.
	if !strings.Contains(s, "\xef\x9c") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= placeholderBase && r < placeholderBase+0x20 {
			return r - placeholderBase
		}
		return r
	}, s)
}

// neutraliseDeclaration strips a UTF-8 byte order mark and rewrites the
// encoding pseudo-attribute of the XML declaration to UTF-8.
func neutraliseDeclaration(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return data
	}
	end := bytes.Index(data[:min(len(data), 512)], []byte("?>"))
	if end < 0 {
		return data
	}
	decl := data[:end]
	k := bytes.Index(decl, []byte("encoding"))
	if k < 0 {
		return data
	}
	v := k + len("encoding")
	for v < len(decl) && (decl[v] == ' ' || decl[v] == '=' || decl[v] == '\t') {
		v++
	}
	if v >= len(decl) || (decl[v] != '"' && decl[v] != '\'') {
		return data
	}
	q := bytes.IndexByte(decl[v+1:], decl[v])
	if q < 0 {
		return data
	}
	if strings.EqualFold(string(decl[v+1:v+1+q]), "utf-8") {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:k]...)
	out = append(out, `encoding="UTF-8"`...)
	return append(out, data[v+2+q:]...)
}

// repairJSON escapes raw C0 controls, which JSON forbids inside strings, so
// that one stray byte does not lose the feed; sanitize removes them later.
func repairJSON(data []byte) []byte {
	const hex = "0123456789abcdef"
	var out []byte
	start := 0
	for i, c := range data {
		if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(data)+64)
		}
		out = append(out, data[start:i]...)
		out = append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		start = i + 1
	}
	if out == nil {
		return data
	}
	return append(out, data[start:]...)
}
