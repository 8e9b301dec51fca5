package store

import (
	"strings"
	"sync"

	"github.com/newsterm/newsterm/feeds"
)

// The search index (migration 5) records which words each item contains,
// not where (FTS5 detail=none): a query is a set of words that must all be
// present, so positions would only make the index larger. Each distinct
// word is therefore handed to FTS5 once per item, which makes indexing a
// long story cost its vocabulary rather than its length.

// itemTerms are the search terms of an item: the distinct words of its
// title and of the text its summary and content HTML show, each in its
// first spelling. Words are split as feeds.TextWords splits them: only
// where FTS5's tokenizer splits too, so the index holds exactly the tokens
// the full text would give it.
func itemTerms(title, summaryHTML, contentHTML string) string {
	seen := seenWords.Get().(map[string]struct{})
	defer func() {
		clear(seen)
		seenWords.Put(seen)
	}()
	var b strings.Builder
	b.Grow(min(len(title)+len(summaryHTML)+len(contentHTML), 1<<16) / 2)
	var key []byte // a word with its ASCII capitals lowered
	add := func(w string) {
		key = appendFoldASCII(key[:0], w)
		if _, dup := seen[string(key)]; dup { // no allocation
			return
		}
		if string(key) == w {
			seen[w] = struct{}{} // the word itself: no copy for the usual lower-case word
		} else {
			seen[string(key)] = struct{}{}
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	feeds.TextWords(title, add)
	feeds.HTMLWords(summaryHTML, add)
	feeds.HTMLWords(contentHTML, add)
	return b.String()
}

// seenWords recycles itemTerms' sets of words: a refresh splits thousands
// of stories, each with a few hundred distinct words.
var seenWords = sync.Pool{New: func() any { return make(map[string]struct{}, 512) }}

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
