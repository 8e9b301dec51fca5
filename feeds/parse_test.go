package feeds

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testNow is the clock every parse test runs at.
var testNow = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// parseFile parses testdata/feeds/name as if fetched from baseURL.
func parseFile(t *testing.T, name, baseURL string) (Feed, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f, mustURL(t, baseURL), ParseOptions{Now: testNow})
}

// mustParseFile is parseFile for documents that must parse.
func mustParseFile(t *testing.T, name, baseURL string) Feed {
	t.Helper()
	feed, err := parseFile(t, name, baseURL)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return feed
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// itemByGUID finds an item or fails the test.
func itemByGUID(t *testing.T, feed Feed, guid string) Item {
	t.Helper()
	for _, it := range feed.Items {
		if it.GUID == guid {
			return it
		}
	}
	t.Fatalf("no item with GUID %q in %d items", guid, len(feed.Items))
	return Item{}
}

func TestParseSecurityExample(t *testing.T) {
	feed := mustParseFile(t, "security.rss", "http://127.0.0.1:8080/security.rss")
	if len(feed.Items) != 1 {
		t.Fatalf("items = %d, want 1", len(feed.Items))
	}
	it := feed.Items[0]
	checks := []struct{ name, got, want string }{
		{"feed title", feed.Title, "Terrorism & Security"},
		{"link", it.Link, "http://127.0.0.1:8080/csmonitor-haqqani.html"},
		{"author", it.Author, "Staff writer"},
		{"comments URL", it.Comments.URL, "http://127.0.0.1:8080/csmonitor-haqqani.html#comments"},
		{"photo URL", photoField(it, "url"), "http://127.0.0.1:8080/photos/multan-protest.jpg"},
		{"photo credit", photoField(it, "credit"), "Khalid Tanveer/Reuters"},
		{"published", it.Published.Format(time.RFC3339), "2011-09-26T14:05:00Z"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %q, want %q", c.got, c.want)
			}
		})
	}
	if it.Comments.Count == nil || *it.Comments.Count != 23 {
		t.Errorf("comments count = %v, want 23", it.Comments.Count)
	}
	if c := photoField(it, "caption"); !strings.HasPrefix(c, "Pakistani protesters in Multan") {
		t.Errorf("caption = %q", c)
	}
}

func photoField(it Item, field string) string {
	if it.Photo == nil {
		return "<nil photo>"
	}
	switch field {
	case "url":
		return it.Photo.URL
	case "caption":
		return it.Photo.Caption
	}
	return it.Photo.Credit
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file, base       string
		title, siteURL   string
		items            int
		firstTitle       string
		firstLink        string
		firstAuthor      string
		firstPublished   string // RFC 3339, "" for zero
		firstCategories  string
		firstEnclosure   string
		firstSummaryHTML string
	}{
		{file: "rss091.xml", base: "http://gazette.example/rss.xml", title: "Harbour Gazette", siteURL: "http://gazette.example/",
			items: 2, firstTitle: "Café reopens on the quay", firstLink: "http://gazette.example/cafe", firstAuthor: "Mary Quay",
			firstSummaryHTML: "The café on the quay is open again."},
		{file: "rss10.rdf", base: "https://science.example/index.rdf", title: "Science Notes", siteURL: "https://science.example/",
			items: 2, firstTitle: "Comet fragments found in Antarctic ice", firstLink: "https://science.example/notes/1",
			firstAuthor: "R. Ortega", firstPublished: "2024-03-01T09:30:00Z", firstCategories: "astronomy",
			firstSummaryHTML: "Micrometeorites from a comet."},
		{file: "rss20.xml", base: "https://weekly.example/feed.xml", title: "Tom & Jerry’s Weekly", siteURL: "https://weekly.example/",
			items: 4, firstTitle: "AT&amp;T buys a cartoon studio", firstLink: "https://weekly.example/stories/att-studio.html",
			firstAuthor: "Jo Reporter", firstPublished: "2024-03-05T07:00:00Z", firstCategories: "Business,Animation",
			firstEnclosure: "https://weekly.example/audio/att.mp3", firstSummaryHTML: "<p>The <b>deal</b> is done.</p>"},
		{file: "atom.xml", base: "https://dev.example/atom.xml", title: "Dev <Notes>", siteURL: "https://dev.example/",
			items: 3, firstTitle: "AT&T ships Go", firstLink: "https://dev.example/att-go", firstAuthor: "Alex Writer",
			firstPublished: "2024-03-03T10:00:00Z", firstCategories: "Go,news",
			firstSummaryHTML: "<p>Short <b>summary</b>.</p>"},
		{file: "jsonfeed.json", base: "https://micro.example/feed.json", title: "Micro Blog", siteURL: "https://micro.example/",
			items: 2, firstTitle: "Fish & chips", firstLink: "https://micro.example/posts/1", firstAuthor: "Sam Micro",
			firstPublished: "2024-02-10T12:00:00Z", firstCategories: "food,uk",
			firstEnclosure: "https://micro.example/audio/fish.mp3", firstSummaryHTML: "Fish &lt;3 chips"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			feed := mustParseFile(t, tt.file, tt.base)
			if feed.Title != tt.title || feed.SiteURL != tt.siteURL {
				t.Errorf("feed = %q %q, want %q %q", feed.Title, feed.SiteURL, tt.title, tt.siteURL)
			}
			if len(feed.Items) != tt.items {
				t.Fatalf("items = %d, want %d", len(feed.Items), tt.items)
			}
			it := feed.Items[0]
			pub := ""
			if !it.Published.IsZero() {
				pub = it.Published.Format(time.RFC3339)
			}
			enc := ""
			if len(it.Enclosures) > 0 {
				enc = it.Enclosures[0].URL
			}
			got := []string{it.Title, it.Link, it.Author, pub, strings.Join(it.Categories, ","), enc, it.Summary}
			want := []string{tt.firstTitle, tt.firstLink, tt.firstAuthor, tt.firstPublished, tt.firstCategories, tt.firstEnclosure, tt.firstSummaryHTML}
			names := []string{"title", "link", "author", "published", "categories", "enclosure", "summary"}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", names[i], got[i], want[i])
				}
			}
		})
	}
}

func TestParseTitlesDecodedOnce(t *testing.T) {
	tests := []struct {
		file, guid, want string
	}{
		{"rss20.xml", "weekly-1001", "AT&amp;T buys a cartoon studio"},   // escaped RSS title: XML decoding only
		{"atom.xml", "tag:dev.example,2024:1", "AT&T ships Go"},          // type="html": tags stripped, decoded once
		{"atom.xml", "tag:dev.example,2024:2", "Rock &amp; roll"},        // type="xhtml": markup stripped
		{"atom.xml", "tag:dev.example,2024:3", "AT&amp;T in plain text"}, // type="text"
		{"jsonfeed.json", "1", "Fish & chips"},                           // JSON Feed titles are plain text
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.guid, func(t *testing.T) {
			feed := mustParseFile(t, tt.file, "https://example.test/feed")
			if got := itemByGUID(t, feed, tt.guid).Title; got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseItemRules(t *testing.T) {
	feed := mustParseFile(t, "rss20.xml", "https://weekly.example/feed.xml")
	t.Run("permalink guid is the link", func(t *testing.T) {
		it := itemByGUID(t, feed, "https://weekly.example/episodes/12")
		if it.Link != "https://weekly.example/episodes/12" || !it.Published.IsZero() {
			t.Errorf("link %q published %v", it.Link, it.Published)
		}
	})
	t.Run("future date clamped to now", func(t *testing.T) {
		if got := itemByGUID(t, feed, "https://weekly.example/future").Published; !got.Equal(testNow) {
			t.Errorf("published = %v, want %v", got, testNow)
		}
	})
	t.Run("guid falls back to a hash of title and date", func(t *testing.T) {
		last := feed.Items[3]
		if !strings.HasPrefix(last.GUID, "sha1:") || last.Link != "" {
			t.Errorf("GUID %q link %q", last.GUID, last.Link)
		}
		again := mustParseFile(t, "rss20.xml", "https://weekly.example/feed.xml")
		if again.Items[3].GUID != last.GUID {
			t.Error("hash GUID is not stable across parses")
		}
	})
	t.Run("feed author when the item has none", func(t *testing.T) {
		if got := feed.Items[1].Author; got != "The Desk" {
			t.Errorf("author = %q", got)
		}
	})
	t.Run("atom entries inherit the feed author", func(t *testing.T) {
		atom := mustParseFile(t, "atom.xml", "")
		if got := atom.Items[1].Author; got != "Dana Dev" {
			t.Errorf("author = %q", got)
		}
	})
	t.Run("atom text content is escaped to HTML", func(t *testing.T) {
		atom := mustParseFile(t, "atom.xml", "")
		if got := atom.Items[1].Content; got != "Plain text with a &lt;tag&gt; in it." {
			t.Errorf("content = %q", got)
		}
	})
	t.Run("json content_text is escaped, external_url is the link", func(t *testing.T) {
		jf := mustParseFile(t, "jsonfeed.json", "https://micro.example/feed.json")
		it := jf.Items[1]
		if it.Content != "Plain &lt;text&gt; &amp; more" || it.Link != "https://elsewhere.example/story" || it.Author != "Guest Writer" {
			t.Errorf("got %q %q %q", it.Content, it.Link, it.Author)
		}
	})
}

func TestParseRelativeLinksAndXMLBase(t *testing.T) {
	tests := []struct {
		file, base                       string
		link, enclosure, photo, comments string
		secondLink                       string
	}{
		{file: "xmlbase.atom", base: "http://127.0.0.1/feeds/xmlbase.atom",
			link: "https://base.example/blog/2024/post.html", enclosure: "https://base.example/blog/2024/audio.mp3",
			photo: "https://base.example/blog/2024/thumb.jpg", secondLink: "https://base.example/about"},
		{file: "xmlbase.rss", base: "http://127.0.0.1/feeds/xmlbase.rss",
			link: "https://cdn.example/news/2024/story.html", enclosure: "https://cdn.example/news/2024/pod.mp3",
			photo: "https://cdn.example/news/2024/pic.jpg", comments: "https://cdn.example/news/2024/story.html#c",
			secondLink: "https://cdn.example/news/other.html"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			feed := mustParseFile(t, tt.file, tt.base)
			if len(feed.Items) != 2 || len(feed.Items[0].Enclosures) != 1 {
				t.Fatalf("unexpected shape: %+v", feed.Items)
			}
			it := feed.Items[0]
			got := []string{it.Link, it.Enclosures[0].URL, photoField(it, "url"), it.Comments.URL, feed.Items[1].Link}
			want := []string{tt.link, tt.enclosure, tt.photo, tt.comments, tt.secondLink}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d = %q, want %q", i, got[i], want[i])
				}
			}
		})
	}
}

func TestParseDuplicatesAndLimit(t *testing.T) {
	feed := mustParseFile(t, "duplicates.rss", "")
	var titles []string
	for _, it := range feed.Items {
		titles = append(titles, it.Title)
	}
	if got := strings.Join(titles, "|"); got != "first copy|by link|unique" {
		t.Errorf("titles = %q", got)
	}
	for _, max := range []int{1, 2} {
		f, err := os.Open(filepath.Join("testdata", "feeds", "duplicates.rss"))
		if err != nil {
			t.Fatal(err)
		}
		limited, err := Parse(f, nil, ParseOptions{MaxItems: max})
		f.Close()
		if err != nil || len(limited.Items) != max {
			t.Errorf("MaxItems %d: %d items, %v", max, len(limited.Items), err)
		}
	}
}

func TestParseNotAFeed(t *testing.T) {
	tests := []struct {
		name, doc string
		notFeed   bool
		want      string
	}{
		{"empty", "", true, "not a feed: the document is empty"},
		{"whitespace", " \n\t ", true, "not a feed: the document is empty"},
		{"html page", readFixture(t, "html_page.html"), true,
			"not a feed: looks like an HTML page — try newsterm add with the site URL for autodiscovery"},
		{"xhtml page", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, true, "looks like an HTML page"},
		{"other xml", `<?xml version="1.0"?><note><to>you</to></note>`, true, "no RSS, Atom or JSON Feed root element"},
		{"plain text", "hello", true, "neither XML nor JSON"},
		{"json not a feed", `{"error": "rate limited"}`, true, "JSON without a JSON Feed version"},
		{"truncated rss", readFixture(t, "truncated.rss"), false, "parse RSS: truncated document"},
		{"truncated json", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, false, "parse JSON Feed: truncated document"},
		{"broken atom", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry><<</feed>`, false, "parse Atom: malformed document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.doc), nil, ParseOptions{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if errors.Is(err, ErrNotFeed) != tt.notFeed {
				t.Errorf("errors.Is(err, ErrNotFeed) = %v, want %v", !tt.notFeed, tt.notFeed)
			}
			if strings.ContainsAny(err.Error(), "\n\r\x1b") {
				t.Errorf("error is not one clean line: %q", err)
			}
		})
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseDeclaredEncodingNotApplied(t *testing.T) {
	// The client has already transcoded to UTF-8; a declaration that still
	// says ISO-8859-1 must not make the decoder transcode a second time.
	feed := mustParseFile(t, "rss091.xml", "")
	if got := feed.Items[0].Title; got != "Café reopens on the quay" {
		t.Errorf("title = %q", got)
	}
	doc := "\xef\xbb\xbf<?xml version='1.0' encoding='windows-1252'?><rss version=\"2.0\"><channel><title>Zoë — “quotes”</title></channel></rss>"
	f, err := Parse(strings.NewReader(doc), nil, ParseOptions{})
	if err != nil || f.Title != "Zoë — “quotes”" {
		t.Errorf("got %q, %v", f.Title, err)
	}
}
