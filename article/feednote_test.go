package article

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// unparsableHTML nests formatting elements that the parser reopens at
// each new block until its stack of open elements passes 512, which it
// refuses to build, however flat the markup is made first.
func unparsableHTML() string {
	var b strings.Builder
	for r := range 30 {
		b.WriteString("<div>")
		for i := range 30 {
			fmt.Fprintf(&b, "<b id=b%d-%d>", r, i)
		}
		b.WriteString("t</div>")
	}
	return b.String() + "<div>x</div>"
}

func TestFeedTextThatCannotBeConvertedSaysWhy(t *testing.T) {
	it := FeedItem{Title: "Council votes", Link: "https://citydesk.example/story", Content: unparsableHTML()}
	tests := []struct {
		name string
		load func() (Article, string)
	}{
		{"FromFeedNote", func() (Article, string) { return FromFeedNote(it) }},
		{"LoadFrom without a fetcher", func() (Article, string) {
			a, note, err := LoadFrom(context.Background(), nil, it)
			if err != nil {
				t.Fatalf("LoadFrom: %v", err)
			}
			return a, note
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, note := tt.load()
			if a.Body != "" || a.Title != "Council votes" {
				t.Errorf("article = %q / %q, want the header and no body", a.Title, a.Body)
			}
			if !strings.Contains(note, "open stack of elements") || strings.Contains(note, "\n") {
				t.Errorf("note = %q, want one line naming the parse failure", note)
			}
		})
	}
}

func TestFromFeedNoteEmptyForGoodText(t *testing.T) {
	a, note := FromFeedNote(wholeFeedItem(t))
	if note != "" || a.Body == "" {
		t.Errorf("note = %q, body %d bytes; want no note and a body", note, len(a.Body))
	}
}
