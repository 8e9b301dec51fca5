package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA}, Subscription{URL: feedB})
	bodyOnly := story("body", 1)
	bodyOnly.Content = `<div class="xylophone"><p>The <b>Haqqani</b> network&#39;s reach.</p>` +
		`<script>var secretword = 1;</script></div>`
	summaryOnly := story("summary", 2)
	summaryOnly.Summary = "Talks in <em>Islamabad</em>"
	both := story("both", 3)
	both.Title = "Haqqani network and Islamabad"
	cpp := story("cpp", 4)
	cpp.Title = `C++ "quoted" talk`
	hidden := story("hidden", 5)
	hidden.Content = "<p>Haqqani</p>"
	save(t, s, feedA, bodyOnly, summaryOnly, both, cpp)
	save(t, s, feedC, hidden) // never subscribed
	article := story("article", 0)
	save(t, s, feedB, article)
	if err := s.SaveArticle(ctx, itemByGUID(t, s, "article").ID, []byte(`{}`), "The full text mentions quinoa."); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		query string
		want  string
	}{
		{"haqqani", "[both body]"},
		{"Haqqani islamabad", "[both]"},
		{"network's reach", "[body]"}, // "network", "s" and "reach", anywhere
		{"network's", "[both body]"},  // "both" has "network" and a word starting with s
		{"islamabad", "[both summary]"},
		{"xylophone", "[]"},  // attribute, not text
		{"secretword", "[]"}, // script
		{"div", "[]"},        // tag name
		{"quinoa", "[article]"},
		{`C++ "foo`, "[]"},
		{`C++ "quoted`, "[cpp]"},
		{`"`, "[]"},
		{"", "[]"},
		{"AND OR NOT", "[]"},
		{"title:haqqani", "[]"},
		{"haq", "[both body]"}, // the last word is a prefix while typing
		{"haq ", "[]"},         // a trailing space makes it a whole word
		{"haq* net", "[]"},     // only the last word is a prefix; * is never syntax
		{"haqqani net", "[both body]"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := s.Search(ctx, tt.query, 0)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			if guids(got) != tt.want {
				t.Errorf("Search(%q) = %s, want %s", tt.query, guids(got), tt.want)
			}
		})
	}
	if got, _ := s.Search(ctx, "haqqani", 1); guids(got) != "[both]" {
		t.Errorf("limit 1 = %s", guids(got))
	}
}

func TestSearchFollowsRefreshAndArticle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA})
	it := story("x", 1)
	it.Content = "<p>first edition mentions walrus</p>"
	save(t, s, feedA, it)
	id := itemByGUID(t, s, "x").ID
	if err := s.SaveArticle(ctx, id, []byte(`{}`), "extracted text about narwhal"); err != nil {
		t.Fatal(err)
	}
	it.Content = "<p>second edition mentions otter</p>"
	save(t, s, feedA, it)
	tests := map[string]string{"walrus": "[]", "otter": "[x]", "narwhal": "[x]"}
	for q, want := range tests {
		got, err := s.Search(ctx, q, 0)
		if err != nil || guids(got) != want {
			t.Errorf("Search(%q) = %s, %v; want %s", q, guids(got), err, want)
		}
	}
	data, ok, err := s.Article(ctx, id)
	if err != nil || !ok || string(data) != "{}" {
		t.Errorf("Article = %q, %v, %v", data, ok, err)
	}
}

func TestMatchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hello", `"hello"*`},
		{"  two   words ", `"two" AND "words"`},
		{`C++ "foo`, `"C" AND "foo"*`},
		{`- * ( )`, ``},
		{"NEAR(a b)", `"NEAR" AND "a" AND "b"*`},
		{"network's", `"network" AND "s"*`},
		{"a—b", `"a" AND "b"*`},
		{"émigré 東京", `"émigré" AND "東京"*`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := matchQuery(tt.in); got != tt.want {
				t.Errorf("matchQuery(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestSearchCommonWordNewestFirst: when a word is in most stories, a
// search with a limit walks stories newest first instead of sorting every
// match; it must give exactly the first rows of the unlimited search,
// skipping stories of feeds no longer subscribed.
func TestSearchCommonWordNewestFirst(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA}, Subscription{URL: feedB})
	var a, b, c []feeds.Item
	for i := range 300 {
		it := story(fmt.Sprintf("s%d", i), (i*37)%300) // published out of insertion order
		it.Content = "<p>A common word.</p>"
		if i%10 == 0 {
			it.Content = "<p>Rare.</p>"
		}
		switch i % 3 {
		case 0:
			a = append(a, it)
		case 1:
			b = append(b, it)
		default:
			it.Published = it.Published.Add(time.Hour) // the newest, but hidden
			c = append(c, it)
		}
	}
	save(t, s, feedA, a...)
	save(t, s, feedB, b...)
	save(t, s, feedC, c...) // never subscribed
	all, err := s.Search(ctx, "common", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{1, 7, 10, 50} {
		got, err := s.Search(ctx, "common", limit)
		if err != nil {
			t.Fatal(err)
		}
		if want := all[:limit]; guids(got) != guids(want) {
			t.Errorf("Search(common, %d) = %s, want %s", limit, guids(got), guids(want))
		}
	}
	if len(all) != 180 { // 300 stories, a tenth rare, a third hidden
		t.Errorf("Search(common) found %d stories, want 180", len(all))
	}
}

// TestSearchLetterTheIndexSplits: a few letters (New Tai Lue vowel
// signs, letters to Go's Unicode tables) separate words for SQLite's
// tokenizer; a word holding one cannot be matched without positions, and
// the search says so in one line instead of showing an SQL error. A
// decomposed accent splits a word for both, so it searches fine.
func TestSearchLetterTheIndexSplits(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA})
	it := story("cafe", 1)
	it.Content = "<p>Two cafe\u0301s opened.</p>"
	save(t, s, feedA, it)
	if got, err := s.Search(ctx, "cafe\u0301s", 0); err != nil || guids(got) != "[cafe]" {
		t.Errorf("Search(decomposed accent) = %s, %v; want [cafe]", guids(got), err)
	}
	q := "ab\u19B0cd"
	if got := matchQuery(q); got != `"ab`+"\u19B0"+`cd"*` {
		t.Fatalf("matchQuery(%q) = %s", q, got)
	}
	if _, err := s.Search(ctx, q, 0); err != nil {
		if msg := err.Error(); strings.Contains(msg, "SQL") || !strings.Contains(msg, "search for the parts") {
			t.Errorf("Search(%q) error = %q", q, msg)
		}
	}
}
