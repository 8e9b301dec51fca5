package article

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
)

// outputBound is the most Render may write for a page of n bytes: glamour
// styles every word and pads blocks, but nothing may grow without limit.
func outputBound(n int) int { return 64*n + 8192 }

// FuzzPipeline drives arbitrary HTML through Extract and Render: it must
// not panic, its output may hold no escape but SGR colour and OSC 8 links
// to http(s) (none at all in plain style), and its size stays bounded by
// the input's. Seeds live in testdata/fuzz/FuzzPipeline.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte(hostilePage))
	f.Add([]byte(`<p>a &#27;]0;x&#7; b <a href="javascript:x">c</a> <a href="/d">d</a></p>`))
	f.Add([]byte(strings.Repeat("<div>", 300) + "<p>deep</p>"))
	base, err := url.Parse("https://example.com/news/story")
	if err != nil {
		f.Fatal(err)
	}
	r := NewRenderer()
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := Extract(bytes.NewReader(page), base)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		for _, style := range []string{StyleNoTTY, StyleDark} {
			out, err := r.Render(a, 40, style)
			if err != nil {
				t.Fatalf("Render(%s): %v", style, err)
			}
			if bad := unsafeEscape(out); bad != "" {
				t.Fatalf("%s output carries %s", style, bad)
			}
			if style == StyleNoTTY && strings.ContainsRune(out, 0x1b) {
				t.Fatalf("plain output carries an escape: %q", out)
			}
			if len(out) > outputBound(len(page)) {
				t.Fatalf("%s output is %d bytes for a %d-byte page", style, len(out), len(page))
			}
		}
	})
}
