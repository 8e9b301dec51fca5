package feeds

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	page := readFixture(t, "html_page.html")
	tests := []struct {
		name, page, base string
		want             []Link
	}{
		{"fixture page", page, "https://news.example/section/index.html", []Link{
			{URL: "https://news.example/feed.rss", Title: "All stories", Type: "application/rss+xml"},
			{URL: "https://news.example/atom.xml", Title: "Atom & more", Type: "application/atom+xml"},
			{URL: "https://news.example/section/feed.json", Title: "JSON", Type: "application/feed+json"},
			{URL: "https://news.example/comments.rss", Title: "Comments", Type: "application/rss+xml"},
		}},
		{"base element", `<head><base href="https://cdn.example/b/"><link rel=alternate type="application/rss+xml" href="f.xml"></head>`,
			"https://site.example/", []Link{{URL: "https://cdn.example/b/f.xml", Type: "application/rss+xml"}}},
		{"hostile title", "<link rel=alternate type=application/atom+xml title=\"\x1b]0;x\x07Feed\" href=/a>",
			"https://site.example/", []Link{{URL: "https://site.example/a", Title: "Feed", Type: "application/atom+xml"}}},
		{"no feeds", `<html><head><link rel="icon" href="/favicon.ico"></head></html>`, "https://site.example/", nil},
		{"not html at all", "just text", "https://site.example/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Discover(strings.NewReader(tt.page), mustURL(t, tt.base))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Discover:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDiscoverReadError(t *testing.T) {
	r := errReader{data: `<link rel="alternate" type="application/rss+xml" href="https://a.example/f">`}
	links, err := Discover(&r, nil)
	if err == nil || !strings.Contains(err.Error(), "discover feeds") {
		t.Errorf("err = %v", err)
	}
	if len(links) != 1 {
		t.Errorf("links before the error were lost: %+v", links)
	}
}

// errReader returns data, then an error other than EOF.
type errReader struct {
	data string
	done bool
}

func (r *errReader) Read(p []byte) (int, error) {
	if r.done {
		return 0, errors.New("connection reset")
	}
	r.done = true
	return copy(p, r.data), nil
}
