package feeds

import (
	"strings"
	"testing"
)

// A feed fetched over the network may only produce http and https links,
// whatever xml:base it declares: a file: link from a stranger would make
// the article loader read a local file (or block on a FIFO or /dev/tty).
func TestRemoteFeedXMLBaseCannotReachLocalFiles(t *testing.T) {
	docs := []struct{ name, doc string }{
		{"RSS channel base", `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel xml:base="file:///etc/"><title>t</title><link>index.html</link>
<item><guid>1</guid><title>a</title><link>passwd</link><comments>shadow</comments>
<enclosure url="group" type="image/png" length="1"/><media:content url="hosts" medium="image"/></item>
</channel></rss>`},
		{"RSS item base", `<rss version="2.0"><channel><title>t</title>
<item xml:base="file:///etc/"><guid>1</guid><title>a</title><link>passwd</link><comments>shadow</comments></item>
</channel></rss>`},
		{"RSS item base to a FIFO path", `<rss version="2.0"><channel><title>t</title>
<item xml:base="file:///dev/"><guid>1</guid><title>a</title><link>tty</link></item>
</channel></rss>`},
		{"Atom feed base", `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="file:///etc/"><title>t</title>
<entry><id>1</id><title>a</title><link href="passwd"/><link rel="replies" href="shadow"/>
<link rel="enclosure" type="image/png" href="group"/></entry></feed>`},
		{"Atom entry base", `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry xml:base="file:///etc/"><id>1</id><title>a</title><link href="passwd"/></entry></feed>`},
	}
	for _, tt := range docs {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := Parse(strings.NewReader(tt.doc), mustURL(t, "https://news.example/feed.xml"), ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(feed.Items) != 1 {
				t.Fatalf("items = %d, want 1", len(feed.Items))
			}
			it := feed.Items[0]
			urls := map[string]string{"site": feed.SiteURL, "link": it.Link, "comments": it.Comments.URL}
			for _, e := range it.Enclosures {
				urls["enclosure"] = e.URL
			}
			if it.Photo != nil {
				urls["photo"] = it.Photo.URL
			}
			for field, u := range urls {
				if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
					t.Errorf("%s = %q: a remote feed produced a non-http link", field, u)
				}
			}
		})
	}
}

// A remote page's <base href> must not turn its feed links into local files.
func TestRemotePageBaseCannotReachLocalFiles(t *testing.T) {
	page := `<html><head><base href="file:///etc/">
<link rel="alternate" type="application/rss+xml" title="x" href="passwd"></head><body></body></html>`
	links, err := Discover(strings.NewReader(page), mustURL(t, "https://news.example/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if !strings.HasPrefix(l.URL, "https://") && !strings.HasPrefix(l.URL, "http://") {
			t.Errorf("a remote page advertised a local feed: %q", l.URL)
		}
	}
}
