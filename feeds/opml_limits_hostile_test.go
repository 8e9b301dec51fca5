package feeds

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// OPML from a stranger can nest any element, not only <outline>, and
// can give one outline any number of categories. Within the 32 MiB file
// cap, neither may cost more than a bounded amount of memory or time.
func TestOPMLNestingOfOtherElementsIsBounded(t *testing.T) {
	doc := `<opml version="2.0"><body>` + strings.Repeat("<x>", 1_000_000) +
		`<outline type="rss" xmlUrl="https://a.example/"/>` + `</body></opml>`
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _, err := ReadOPML(strings.NewReader(doc))
	runtime.ReadMemStats(&after)
	if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 64 {
		t.Errorf("a 3 MB OPML of nested elements allocated %d MiB (err %v); "+
			"at the 32 MiB cap that is over 10 times more", alloc, err)
	}
	if err == nil || !strings.Contains(err.Error(), "nested deeper than 256") {
		t.Errorf("err = %v, want one saying the elements are nested deeper than 256 levels", err)
	}
}

func TestOPMLNestingAtTheLimit(t *testing.T) {
	// opml, body and the outline are 3 levels of the 256.
	wrap := maxOPMLNesting - 3
	doc := `<opml version="2.0"><body>` + strings.Repeat("<x>", wrap) +
		`<outline type="rss" xmlUrl="https://a.example/"/>` + strings.Repeat("</x>", wrap) + `</body></opml>`
	outlines, _, err := ReadOPML(strings.NewReader(doc))
	if err != nil || len(outlines) != 1 {
		t.Errorf("outlines = %d, err = %v; want the feed read at the nesting limit", len(outlines), err)
	}
}

func TestOPMLManyCategoriesIsLinear(t *testing.T) {
	tests := []struct {
		name     string
		distinct int
	}{
		{"all different", 100_000},
		// Every entry after the first 32 repeats one: nothing is cut, and
		// every entry must be looked at.
		{"few different", maxOPMLTags},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cats strings.Builder
			for i := range 100_000 {
				fmt.Fprintf(&cats, "/tag%d,", i%tt.distinct)
			}
			doc := `<opml version="2.0"><body><outline type="rss" xmlUrl="https://a.example/" category="` +
				cats.String() + `"/></body></opml>`
			start := time.Now()
			outlines, skipped, err := ReadOPML(strings.NewReader(doc))
			took := time.Since(start)
			if took > 2*time.Second {
				t.Errorf("1.2 MB of categories took %v to read; the 32 MiB cap allows 25 times more input, "+
					"and the tag de-duplication is quadratic", took)
			}
			if err != nil || len(outlines) != 1 {
				t.Fatalf("outlines = %d, err = %v; want the feed kept", len(outlines), err)
			}
			if n := len(outlines[0].Tags); n != maxOPMLTags {
				t.Errorf("%d tags kept, want %d", n, maxOPMLTags)
			}
			if len(skipped) != 0 {
				t.Errorf("skipped = %q; the feed is kept, not skipped", skipped)
			}
			cutSaid := strings.Contains(outlines[0].Note, "more than 32 tags")
			if wantCut := tt.distinct > maxOPMLTags; cutSaid != wantCut {
				t.Errorf("note = %q; want the cut reported: %v", outlines[0].Note, wantCut)
			}
		})
	}
}

func TestOPMLLongTagsAreShortened(t *testing.T) {
	long := strings.Repeat("é", 500)
	doc := `<opml version="2.0"><body><outline text="` + strings.Repeat("F", 100) + `">` +
		`<outline type="rss" xmlUrl="https://a.example/" category="` + long + `,` + long + `x,short"/>` +
		`</outline></body></opml>`
	outlines, skipped, err := ReadOPML(strings.NewReader(doc))
	if err != nil || len(outlines) != 1 {
		t.Fatalf("outlines = %d, err = %v", len(outlines), err)
	}
	want := []string{strings.Repeat("F", maxOPMLTagLen), strings.Repeat("é", maxOPMLTagLen), "short"}
	if got := outlines[0].Tags; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tags = %q, want %q", got, want)
	}
	for _, tag := range outlines[0].Tags {
		if utf8.RuneCountInString(tag) > maxOPMLTagLen {
			t.Errorf("tag of %d characters kept", utf8.RuneCountInString(tag))
		}
	}
	if len(skipped) != 0 || !strings.Contains(outlines[0].Note, "longer than 64 characters shortened") {
		t.Errorf("skipped = %q, note = %q; want the shortening noted on the kept feed", skipped, outlines[0].Note)
	}
}
