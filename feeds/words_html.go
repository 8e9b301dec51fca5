package feeds

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanHTMLWords is HTMLWords' one pass. It yields a word only once what
// follows it shows the word is whole, and reports false, having yielded
// exactly the first words of the long way's, when s holds markup it leaves
// to HTMLText: comments, doctypes and other "<!" or "<?" constructs,
// raw-text elements other than script and style, template and noscript,
// entities that decode to anything but a word break, and a word joined
// across inline tags ("H<b>e</b>llo" is one word to HTMLText).
func scanHTMLWords(s string, yield func(string)) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '<':
			next, _, ok := skipMarkup(s, i)
			if !ok {
				return false
			}
			i = next
		case c == '&':
			next, ok := skipBreakEntity(s, i)
			if !ok {
				return false
			}
			i = next
		case c < utf8.RuneSelf && asciiBreak[c]:
			i++
		default:
			if c >= utf8.RuneSelf {
				if r, n := utf8.DecodeRuneInString(s[i:]); isBreakRune(r) {
					i += n
					continue
				}
			}
			j := skipWord(s, i)
			next, ok := afterWord(s, j)
			if !ok {
				return false
			}
			yield(s[i:j])
			i = next
		}
	}
	return true
}

// afterWord checks that the word ending at j is whole and returns where to
// go on: past a break entity or a run of tags that ends the word.
func afterWord(s string, j int) (int, bool) {
	if j >= len(s) {
		return j, true
	}
	switch s[j] {
	case '&':
		return skipBreakEntity(s, j)
	case '<':
		for {
			next, breaks, ok := skipMarkup(s, j)
			if !ok {
				return 0, false
			}
			if breaks || next >= len(s) {
				return next, true
			}
			if s[next] != '<' {
				if isWordStart(s, next) {
					return 0, false // an inline tag inside a word
				}
				return next, true
			}
			j = next // another tag: the word may still go on after it
		}
	}
	return j, true
}

// skipMarkup returns the index just past the markup starting at s[i]
// ('<'): a tag, or a script or style element whole. A '<' that starts no
// tag is text (a word break) and is skipped alone. breaks reports whether
// HTMLText puts a space there: a block tag, or that lone '<'.
func skipMarkup(s string, i int) (next int, breaks, ok bool) {
	j := i + 1
	end := false
	if j < len(s) && s[j] == '/' {
		end, j = true, j+1
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		if end || (j < len(s) && (s[j] == '!' || s[j] == '?')) {
			return 0, false, false // "</ ", "<!--", "<!DOCTYPE", "<?xml": the tokenizer's rules
		}
		return i + 1, true, true // "a < b": text
	}
	k := j
	for k < len(s) && (isASCIILetter(s[k]) || '0' <= s[k] && s[k] <= '9') {
		k++
	}
	if k < len(s) && !isTagNameEnd(s[k]) {
		return 0, false, false // a name with other characters in it
	}
	var buf [16]byte
	name := lowerName(buf[:0], s[j:k])
	close := tagEnd(s, k)
	if close < 0 {
		return 0, false, false // an unterminated tag
	}
	switch {
	case end:
	case string(name) == "script" || string(name) == "style":
		next, ok := skipRawText(s, close, string(name))
		return next, false, ok
	case rawOrHidden[string(name)]:
		return 0, false, false
	}
	return close, blockTag[string(name)], true
}

// lowerName appends name lower-cased to dst; names longer than dst's
// capacity (no tag newsterm knows) come back as they are.
func lowerName(dst []byte, name string) []byte {
	if len(name) > cap(dst) {
		return []byte(name)
	}
	for i := 0; i < len(name); i++ {
		dst = append(dst, name[i]|0x20) // ASCII letters and digits only
	}
	return dst
}

// rawOrHidden are elements the tokenizer reads as raw text, or HTMLText
// hides, other than script and style.
var rawOrHidden = map[string]bool{
	"template": true, "noscript": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "plaintext": true,
}

// tagEnd returns the index just past the '>' closing the tag whose name
// ends at k, reading attributes as x/net/html's tokenizer does (an '='
// starting a name is part of it; values quoted, unquoted or absent); -1
// when the document ends first.
func tagEnd(s string, k int) int {
	for k = skipHTMLSpace(s, k); k < len(s); k = skipHTMLSpace(s, k) {
		if s[k] == '>' {
			return k + 1
		}
		for start := k; k < len(s); k++ { // the attribute's name
			c := s[k]
			if c == '=' && k == start {
				continue
			}
			if c == '=' || c == '/' || c == '>' || isHTMLSpace(c) {
				break
			}
		}
		if k = skipHTMLSpace(s, k); k >= len(s) {
			return -1
		}
		switch s[k] {
		case '/':
			k++
			continue
		case '=':
		default:
			continue
		}
		if k = skipHTMLSpace(s, k+1); k >= len(s) {
			return -1
		}
		switch q := s[k]; q {
		case '>':
		case '"', '\'':
			end := strings.IndexByte(s[k+1:], q)
			if end < 0 {
				return -1
			}
			k += end + 2
		default:
			for k < len(s) && s[k] != '>' && !isHTMLSpace(s[k]) {
				k++
			}
		}
	}
	return -1
}

// skipRawText returns the index just past the end tag of the raw-text
// element name whose content starts at i.
func skipRawText(s string, i int, name string) (int, bool) {
	if strings.Contains(s[i:], "<!--") {
		return 0, false // the tokenizer's escaped-script states
	}
	for {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return 0, false
		}
		k := i + j + 2
		if k+len(name) <= len(s) && strings.EqualFold(s[k:k+len(name)], name) &&
			(k+len(name) == len(s) || isTagNameEnd(s[k+len(name)])) {
			if close := tagEnd(s, k+len(name)); close >= 0 {
				return close, true
			}
			return 0, false
		}
		i = k
	}
}

// skipBreakEntity returns the index just past the character reference at
// s[i] ('&') when it decodes to a word break; false for any other. A '&'
// that starts no reference is itself a break.
func skipBreakEntity(s string, i int) (int, bool) {
	j := i + 1
	if j >= len(s) || !(isASCIILetter(s[j]) || s[j] == '#') {
		return j, true
	}
	semi := strings.IndexByte(s[j:min(len(s), j+12)], ';')
	if semi < 0 {
		return 0, false
	}
	ref := s[j : j+semi]
	r, ok := breakEntities[ref]
	if !ok && ref[0] == '#' {
		r, ok = numericRef(ref[1:])
	}
	if !ok || !isBreak(r) {
		return 0, false
	}
	return j + semi + 1, true
}

// breakEntities are the named references of spaces and punctuation that
// feeds use most.
var breakEntities = map[string]rune{
	"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\'', "nbsp": '\u00a0',
	"mdash": '—', "ndash": '–', "hellip": '…', "lsquo": '‘', "rsquo": '’',
	"ldquo": '“', "rdquo": '”', "bull": '•', "thinsp": '\u2009', "ensp": '\u2002', "emsp": '\u2003',
}

// numericRef decodes the digits of "&#...;" ("x" first for hex).
func numericRef(d string) (rune, bool) {
	base := 10
	if d != "" && (d[0] == 'x' || d[0] == 'X') {
		base, d = 16, d[1:]
	}
	n, err := strconv.ParseUint(d, base, 32)
	if err != nil || n == 0 || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}

func isBreak(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiBreak[r]
	}
	return isBreakRune(r)
}

// isWordStart reports whether the character at s[i] starts a word.
func isWordStart(s string, i int) bool {
	if s[i] == '&' {
		return true // a reference right after a tag: the long way decides
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isBreak(r)
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isTagNameEnd(c byte) bool { return isHTMLSpace(c) || c == '/' || c == '>' }
