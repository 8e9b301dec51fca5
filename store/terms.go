package store

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The search index (migration 5) records which words each item contains,
// not where (FTS5 detail=none): a query is a set of words that must all be
// present, so positions would only make the index larger. Each distinct
// word is therefore handed to FTS5 once per item, which makes indexing a
// long story cost its vocabulary rather than its length.
//
// searchTerms splits plain texts into words and keeps the first spelling
// of each. It splits only where FTS5's unicode61 tokenizer certainly does
// (ASCII other than letters and digits, white space, the General
// Punctuation block); anything else stays inside a chunk for FTS5 to split
// its own way, so the index holds exactly the tokens the full text would
// give it.
func searchTerms(texts ...string) string {
	seen := seenWords.Get().(map[string]struct{})
	defer func() {
		clear(seen)
		seenWords.Put(seen)
	}()
	var b strings.Builder
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.Grow(min(size, 1<<16))
	var key []byte // a word with its ASCII capitals lowered
	for _, t := range texts {
		for i := 0; i < len(t); {
			i = skipBreaks(t, i)
			j := skipWord(t, i)
			if j == i {
				break
			}
			w := t[i:j]
			i = j
			key = appendFoldASCII(key[:0], w)
			if _, dup := seen[string(key)]; dup { // no allocation
				continue
			}
			seen[string(key)] = struct{}{}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// seenWords recycles searchTerms' sets of words: a refresh splits
// thousands of stories, each with a few hundred distinct words.
var seenWords = sync.Pool{New: func() any { return make(map[string]struct{}, 512) }}

// asciiBreak marks the ASCII bytes that separate words: all but letters
// and digits.
var asciiBreak = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9')
	}
	return t
}()

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
			if asciiBreak[c] {
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

// isBreakRune reports whether a non-ASCII character certainly separates
// words for unicode61: white space and the General Punctuation block.
func isBreakRune(r rune) bool {
	return 0x2000 <= r && r <= 0x206F || unicode.IsSpace(r)
}

// appendFoldASCII appends w to dst with ASCII letters lower-cased only:
// words differing in other letters' case are kept apart, since FTS5's
// folding of them is its own.
func appendFoldASCII(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
