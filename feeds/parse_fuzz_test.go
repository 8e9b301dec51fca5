package feeds

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzParse checks that no document makes Parse panic and that whatever it
// returns is terminal-safe.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "feeds", "*"))
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
