package feeds

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// addSeedFiles adds each file matching pattern to f's seed corpus.
func addSeedFiles(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzParse checks that no document makes Parse panic and that whatever it
// returns is terminal-safe.
func FuzzParse(f *testing.F) {
	addSeedFiles(f, filepath.Join("testdata", "feeds", "*"))
	f.Add([]byte(`<rss version="2.0"><channel xml:base="file:///etc/"><title>t</title>
<item><guid>1</guid><title>a</title><link>passwd</link><comments>shadow</comments></item></channel></rss>`))
	base, err := url.Parse("https://fuzz.example/dir/feed.xml")
	if err != nil {
		f.Fatal(err)
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(bytes.NewReader(data), base, ParseOptions{Now: now, MaxItems: 50})
		if err != nil {
			if bytes.ContainsAny([]byte(err.Error()), "\x1b\n\r\x07") {
				t.Errorf("error is not one clean line: %q", err)
			}
			return
		}
		if len(feed.Items) > 50 {
			t.Errorf("%d items, cap 50", len(feed.Items))
		}
		checkClean(t, feed)
		checkRemoteLinks(t, feed)
		for _, it := range feed.Items {
			if it.Published.After(now) {
				t.Errorf("published %v is in the future", it.Published)
			}
			if it.Comments.Count != nil && *it.Comments.Count < 0 {
				t.Errorf("negative comment count %d", *it.Comments.Count)
			}
		}
	})
}

// checkRemoteLinks fails when a feed fetched over https gave any link that
// is not http or https.
func checkRemoteLinks(t *testing.T, feed Feed) {
	t.Helper()
	check := func(field, u string) {
		if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			t.Errorf("%s = %q: a remote feed produced a non-http link", field, u)
		}
	}
	check("site", feed.SiteURL)
	for _, it := range feed.Items {
		check("link", it.Link)
		check("comments", it.Comments.URL)
		for _, e := range it.Enclosures {
			check("enclosure", e.URL)
		}
		if it.Photo != nil {
			check("photo", it.Photo.URL)
		}
	}
}
