package feeds

import (
	"bytes"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/newsterm/newsterm/sanitize"
)

// FuzzOPML checks that no document makes ReadOPML panic, that it only ever
// accepts http, https and file feed URLs, that every text it returns is
// terminal-safe, and that what it reads survives a write and a re-read.
func FuzzOPML(f *testing.F) {
	addSeedFiles(f, filepath.Join("testdata", "opml", "*.opml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		outlines, skipped, err := ReadOPML(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, s := range skipped {
			if sanitize.Line(s) != s {
				t.Errorf("skipped reason not clean: %q", s)
			}
		}
		for _, o := range outlines {
			u, err := url.Parse(o.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file") {
				t.Errorf("accepted feed URL %q", o.URL)
			}
			for _, s := range append([]string{o.URL, o.Title, o.Site}, o.Tags...) {
				if sanitize.Line(s) != s {
					t.Errorf("unclean text %q", s)
				}
			}
		}
		var buf bytes.Buffer
		if err := WriteOPML(&buf, "fuzz", outlines); err != nil {
			t.Fatal(err)
		}
		again, _, err := ReadOPML(&buf)
		if err != nil {
			t.Fatalf("re-reading our own export: %v\n%s", err, buf.String())
		}
		if len(again) != len(outlines) {
			t.Errorf("round trip kept %d of %d outlines", len(again), len(outlines))
		}
		for i := range again {
			if i < len(outlines) && again[i].URL != outlines[i].URL {
				t.Errorf("round trip changed %q to %q", outlines[i].URL, again[i].URL)
			}
		}
	})
}
