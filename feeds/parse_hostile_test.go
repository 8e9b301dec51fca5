package feeds

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsterm/newsterm/sanitize"
)

func TestParseIllegalCharacterReferences(t *testing.T) {
	feed := mustParseFile(t, "illegal_refs.rss", "https://refs.example/feed")
	if len(feed.Items) != 2 {
		t.Fatalf("items = %d, want 2 (the feed must not be dropped)", len(feed.Items))
	}
	it := feed.Items[0]
	tests := []struct{ name, got, want string }{
		{"feed title", feed.Title, "Bad refs"},
		{"escape sequence removed whole", it.Title, "Real Title"},
		{"controls dropped", it.Author, "Eve"},
		{"non-characters replaced", it.Summary, "before \uFFFD \uFFFD \uFFFD \uFFFD after é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestParseRawControlBytes(t *testing.T) {
	feed := mustParseFile(t, "controls.rss", "")
	if len(feed.Items) != 1 {
		t.Fatalf("items = %d", len(feed.Items))
	}
	it := feed.Items[0]
	if feed.Title != "Raw controls" || it.Title != "Raw Title" {
		t.Errorf("titles %q / %q", feed.Title, it.Title)
	}
	if it.Summary != "abc \uFFFD\uFFFD d" {
		t.Errorf("summary = %q", it.Summary)
	}
}

func TestParseJSONControls(t *testing.T) {
	doc := "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[{\"id\":\"1\"," +
		"\"title\":\"\x1b]0;pwned\x07Shown\",\"content_html\":\"<p>\\u001b[2Jok</p>\"}]}"
	feed, err := Parse(strings.NewReader(doc), nil, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if it := feed.Items[0]; it.Title != "Shown" || it.Content != "<p>ok</p>" {
		t.Errorf("title %q content %q", it.Title, it.Content)
	}
}

func TestParseNeverExpandsOrFetchesEntities(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "FETCHED")
	}))
	defer srv.Close()
	doc := `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY boom "BOOM">
  <!ENTITY lol "&boom;&boom;&boom;&boom;&boom;&boom;&boom;&boom;">
  <!ENTITY ext SYSTEM "` + srv.URL + `/evil.dtd">
  <!ENTITY % pe SYSTEM "` + srv.URL + `/pe.dtd"> %pe;
]>
<rss version="2.0"><channel><title>T &lol; &ext;</title>
<item><title>I &boom;</title><guid>g</guid><description>&ext;</description></item>
</channel></rss>`
	feed, err := Parse(strings.NewReader(doc), nil, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the parser fetched an external entity %d times", n)
	}
	all := feed.Title + feed.Items[0].Title + feed.Items[0].Summary
	if strings.Contains(all, "BOOM") || strings.Contains(all, "FETCHED") {
		t.Errorf("entities were expanded: %q", all)
	}
}

func TestParseCapsHostileSizes(t *testing.T) {
	t.Run("field cut to 1 MiB", func(t *testing.T) {
		big := strings.Repeat("é", 3<<20/2) // 3 MiB of two-byte runes
		doc := `<rss version="2.0"><channel><item><guid>g</guid><title>` + big + `</title><description>` + big + `</description></item></channel></rss>`
		feed, err := Parse(strings.NewReader(doc), nil, ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		it := feed.Items[0]
		if len(it.Summary) > maxHTML || len(it.Title) > maxLine {
			t.Errorf("summary %d bytes, title %d bytes", len(it.Summary), len(it.Title))
		}
		if !strings.HasPrefix(it.Summary, "éé") || !strings.HasSuffix(it.Summary, "é") {
			t.Error("cut split a character")
		}
	})
	t.Run("items capped", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>many</title>`)
		for i := range 12000 {
			fmt.Fprintf(&b, "<item><guid>%d</guid></item>", i)
		}
		b.WriteString(`</channel></rss>`)
		feed, err := Parse(strings.NewReader(b.String()), nil, ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(feed.Items) != 5000 {
			t.Errorf("items = %d, want the default cap 5000", len(feed.Items))
		}
	})
	t.Run("unsafe link schemes dropped", func(t *testing.T) {
		doc := `<rss version="2.0"><channel><item><guid>g</guid><link>javascript:alert(1)</link>
<comments>data:text/html,x</comments><enclosure url="file:///etc/passwd" type="image/png"/></item></channel></rss>`
		feed, err := Parse(strings.NewReader(doc), mustURL(t, "https://safe.example/feed"), ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		it := feed.Items[0]
		if it.Link != "" || it.Comments.URL != "" || len(it.Enclosures) != 0 || it.Photo != nil {
			t.Errorf("kept an unsafe URL: %+v", it)
		}
	})
}

func TestParseBrokenDates(t *testing.T) {
	dates := []string{"0000-00-00T00:00:00Z", "Mon, 01 Jan 0001 00:00:00 GMT", "yesterday", "", "9999-12-31T23:59:59Z", "-1"}
	var b strings.Builder
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"><title>d</title>`)
	for i, d := range dates {
		fmt.Fprintf(&b, "<entry><id>%d</id><updated>%s</updated></entry>", i, d)
	}
	b.WriteString(`</feed>`)
	feed, err := Parse(strings.NewReader(b.String()), nil, ParseOptions{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range feed.Items {
		if !it.Published.IsZero() && (it.Published.After(testNow) || it.Published.Year() < 1900) {
			t.Errorf("%q gave %v", dates[i], it.Published)
		}
	}
	if got := feed.Items[4].Published; !got.Equal(testNow) {
		t.Errorf("year 9999 gave %v, want it clamped to now", got)
	}
}

// checkClean fails when any text field of feed could put a control in
// front of the terminal.
func checkClean(t *testing.T, feed Feed) {
	t.Helper()
	lines := []string{feed.Title, feed.SiteURL, feed.Description}
	for _, it := range feed.Items {
		lines = append(lines, it.GUID, it.Title, it.Link, it.Author, it.Comments.URL)
		lines = append(lines, it.Categories...)
		for _, e := range it.Enclosures {
			lines = append(lines, e.URL, e.Type)
		}
		if it.Photo != nil {
			lines = append(lines, it.Photo.URL, it.Photo.Caption, it.Photo.Credit)
		}
		for _, s := range []string{it.Summary, it.Content} {
			if sanitize.Text(s) != s {
				t.Errorf("unsanitised text %q", s)
			}
		}
	}
	for _, s := range lines {
		if sanitize.Line(s) != s {
			t.Errorf("unsanitised line %q", s)
		}
	}
}

func TestParseOutputIsClean(t *testing.T) {
	for _, name := range []string{"illegal_refs.rss", "controls.rss", "comments.rss", "photos.rss", "atom.xml", "jsonfeed.json"} {
		t.Run(name, func(t *testing.T) {
			checkClean(t, mustParseFile(t, name, "https://example.test/"))
		})
	}
}
