package feeds

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readOPMLFile(t *testing.T, name string) ([]Outline, []string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "opml", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	outlines, skipped, err := ReadOPML(f)
	if err != nil {
		t.Fatalf("ReadOPML(%s): %v", name, err)
	}
	return outlines, skipped
}

func TestReadOPML(t *testing.T) {
	outlines, skipped := readOPMLFile(t, "subscriptions.opml")
	want := []Outline{
		{URL: "https://news.example/security.rss", Title: "Terrorism & Security", Site: "https://news.example/"},
		{URL: "https://go.dev/blog/feed.atom", Title: "Go blog", Tags: []string{"Tech", "golang", "programming"}},
		{URL: "http://deep.example/feed", Title: "Deep", Tags: []string{"Tech", "Nested", "reading"}},
		{URL: "file:///home/me/feeds/local.xml", Title: "Local"},
		{URL: "https://clean.example/feed", Title: "Clean title"},
	}
	if !reflect.DeepEqual(outlines, want) {
		t.Errorf("outlines:\n got %+v\nwant %+v", outlines, want)
	}
	wantSkipped := []string{"Evil JS", "Data", "Command", "Pipe", "Empty", "Missing", "Bookmark", "duplicate"}
	if len(skipped) != len(wantSkipped) {
		t.Fatalf("skipped %d: %q", len(skipped), skipped)
	}
	for i, s := range skipped {
		if !strings.Contains(s, wantSkipped[i]) {
			t.Errorf("skipped[%d] = %q, want it to name %q", i, s, wantSkipped[i])
		}
		if strings.ContainsAny(s, "\x1b\n") {
			t.Errorf("skipped[%d] is not one clean line: %q", i, s)
		}
	}
}

func TestReadOPMLFeedly(t *testing.T) {
	outlines, skipped := readOPMLFile(t, "feedly.opml")
	if len(outlines) != 2 || len(skipped) != 0 {
		t.Fatalf("outlines %+v skipped %q", outlines, skipped)
	}
	if got := outlines[1]; got.Site != "" || !reflect.DeepEqual(got.Tags, []string{"News"}) {
		t.Errorf("second outline = %+v (javascript: site must be dropped, folder must tag)", got)
	}
}

func TestReadOPMLLimits(t *testing.T) {
	deep := strings.Repeat(`<outline text="f">`, MaxOPMLDepth) + `<outline type="rss" xmlUrl="https://a.example/"/>` + strings.Repeat(`</outline>`, MaxOPMLDepth)
	atLimit := strings.Repeat(`<outline text="f">`, MaxOPMLDepth-1) + `<outline type="rss" xmlUrl="https://a.example/"/>` + strings.Repeat(`</outline>`, MaxOPMLDepth-1)
	many := strings.Repeat(`<outline type="rss" xmlUrl="https://a.example/"/>`, MaxOPMLOutlines+1)
	tests := []struct {
		name, body, wantErr string
	}{
		{"depth at the limit", atLimit, ""},
		{"too deep", deep, "nested deeper than 32 levels"},
		{"too many", many, "more than 10000 outlines"},
		{"not opml", "", "not an OPML document"},
		{"empty", "", "empty"},
		{"broken", "", "read OPML:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `<?xml version="1.0"?><opml version="2.0"><body>` + tt.body + `</body></opml>`
			switch tt.name {
			case "not opml":
				doc = `<html><body/></html>`
			case "empty":
				doc = ``
			case "broken":
				doc = `<opml><body><outline xmlUrl="https://a.example/"`
			}
			_, _, err := ReadOPML(strings.NewReader(doc))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestWriteOPMLRoundTrip(t *testing.T) {
	in := []Outline{
		{URL: "https://news.example/security.rss", Title: `Terrorism & Security <"quoted">`, Site: "https://news.example/", Tags: []string{"news", "world"}},
		{URL: "https://go.dev/blog/feed.atom?a=1&b=2", Title: "Go\nblog", Tags: []string{"golang"}},
		{URL: "file:///home/me/local.xml", Title: "\x1b]0;pwned\x07Local"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "newsterm \x1b[31msubscriptions", in); err != nil {
		t.Fatal(err)
	}
	doc := buf.String()
	for _, bad := range []string{"\x1b", "\x07", "pwned"} {
		if strings.Contains(doc, bad) {
			t.Errorf("exported OPML contains %q:\n%s", bad, doc)
		}
	}
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, `<title>newsterm subscriptions</title>`,
		`type="rss"`, `xmlUrl="https://go.dev/blog/feed.atom?a=1&amp;b=2"`, `category="/news,/world"`, `htmlUrl="https://news.example/"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("exported OPML lacks %s:\n%s", want, doc)
		}
	}
	out, skipped, err := ReadOPML(strings.NewReader(doc))
	if err != nil || len(skipped) != 0 {
		t.Fatalf("read back: %v, skipped %q", err, skipped)
	}
	want := []Outline{
		{URL: in[0].URL, Title: in[0].Title, Site: in[0].Site, Tags: in[0].Tags},
		{URL: in[1].URL, Title: "Go blog", Tags: in[1].Tags},
		{URL: in[2].URL, Title: "Local"},
	}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, want)
	}
}

func TestWriteOPMLError(t *testing.T) {
	if err := WriteOPML(failingWriter{}, "t", []Outline{{URL: "https://a.example/"}}); err == nil || !strings.Contains(err.Error(), "write OPML") {
		t.Errorf("err = %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }
