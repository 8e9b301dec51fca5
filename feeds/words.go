package feeds

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words for the search index. TextWords splits plain text only where
// SQLite FTS5's unicode61 tokenizer certainly splits too (ASCII other than
// letters and digits, white space, the General Punctuation block); any
// other character stays inside a word for the tokenizer to split its own
// way, so indexing the words gives exactly the tokens the text would.

// TextWords calls yield with each word of s, in order.
func TextWords(s string, yield func(string)) {
	for i := 0; i < len(s); {
		i = skipBreaks(s, i)
		j := skipWord(s, i)
		if j == i {
			return
		}
		yield(s[i:j])
		i = j
	}
}

// HTMLWords calls yield with the words of the text an HTML fragment shows:
// the words TextWords finds in HTMLText(s), in order. Common markup
// (tags, script and style, the entities of punctuation and spaces) is read
// in one pass without building the text; anything else goes the long way.
func HTMLWords(s string, yield func(string)) {
	if !strings.ContainsAny(s, "<&") {
		TextWords(s, yield)
		return
	}
	done := 0
	if scanHTMLWords(s, func(w string) { done++; yield(w) }) {
		return
	}
	// The words so far are the long way's first ones: yield the rest.
	TextWords(HTMLText(s), func(w string) {
		if done > 0 {
			done--
			return
		}
		yield(w)
	})
}

// asciiBreak marks the ASCII bytes that separate words: all but letters
// and digits.
var asciiBreak = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9')
	}
	return t
}()

// isBreakRune reports whether a non-ASCII character certainly separates
// words for unicode61: white space and the General Punctuation block.
func isBreakRune(r rune) bool {
	return 0x2000 <= r && r <= 0x206F || unicode.IsSpace(r)
}

// skipBreaks returns the index of the first word character at or after i.
func skipBreaks(t string, i int) int {
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf {
			if !asciiBreak[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isBreakRune(r) {
			return i
		}
		i += n
	}
	return i
}

// skipWord returns the index just past the word starting at i.
func skipWord(t string, i int) int {
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf {
			if asciiBreak[c] { // '<' and '&' among them
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if isBreakRune(r) {
			return i
		}
		i += n
	}
	return i
}
