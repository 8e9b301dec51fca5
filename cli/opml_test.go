package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigOPML is an OPML file with n feeds, then the given extra outlines.
func bigOPML(t *testing.T, n int, extra ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>many</title></head><body>\n")
	for i := range n {
		fmt.Fprintf(&b, "<outline type=\"rss\" text=\"Feed %d\" xmlUrl=\"http://127.0.0.1:9/feed%d.xml\"/>\n", i, i)
	}
	for _, u := range extra {
		fmt.Fprintf(&b, "<outline type=\"rss\" text=\"again\" xmlUrl=%q/>\n", u)
	}
	b.WriteString("</body></opml>\n")
	p := filepath.Join(t.TempDir(), "many.opml")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportMany(t *testing.T) {
	w := newWorld(t)
	const mine = "# my feeds\r\n[[feed]]\r\nurl = \"https://mine.example/rss\" # keep\r\n"
	if err := os.WriteFile(w.config, []byte(mine), 0o600); err != nil {
		t.Fatal(err)
	}
	// One outline is already in the config; one is an earlier outline with a
	// trailing slash (the OPML reader drops exact repeats itself).
	opml := bigOPML(t, 300, "https://mine.example/rss/", "http://127.0.0.1:9/feed7.xml/")
	r := w.mustRun("import", opml)
	if want := "Imported 300 feeds: 2 already subscribed, 0 skipped."; !strings.HasPrefix(r.stdout, want) {
		t.Errorf("import printed %q, want it to start %q", r.stdout, want)
	}
	text := string(readFile(t, w.config))
	if !strings.HasPrefix(text, mine+"\r\n[[feed]]\r\nurl = \"http://127.0.0.1:9/feed0.xml\"\r\ntitle = \"Feed 0\"\r\n\r\n") {
		t.Errorf("config does not keep its text and CRLF:\n%q", text[:min(len(text), 300)])
	}
	if n := strings.Count(text, "[[feed]]"); n != 301 {
		t.Errorf("config has %d [[feed]] blocks, want 301", n)
	}
	list := w.feeds()
	if len(list) != 301 || list[0].URL != "https://mine.example/rss" {
		t.Fatalf("feeds after import: %d, first %+v", len(list), list[0])
	}
	r = w.mustRun("import", opml)
	if want := "Imported 0 feeds: 302 already subscribed, 0 skipped.\n"; r.stdout != want {
		t.Errorf("second import printed %q, want %q", r.stdout, want)
	}
}

// TestImportAllOrNothing: when the feeds cannot all be added, none are.
func TestImportAllOrNothing(t *testing.T) {
	w := newWorld(t)
	// An inline feed array loads, but [[feed]] blocks after it would not.
	const inline = "feed = [{url = \"https://mine.example/rss\"}]\n"
	if err := os.WriteFile(w.config, []byte(inline), 0o600); err != nil {
		t.Fatal(err)
	}
	r := w.run("import", bigOPML(t, 20))
	if r.code == 0 || !strings.Contains(r.stderr, "would no longer load") {
		t.Fatalf("import: exit %d, stdout %q, stderr %q; want a failure", r.code, r.stdout, r.stderr)
	}
	if got := string(readFile(t, w.config)); got != inline {
		t.Errorf("config changed: %q", got)
	}
	if list := w.feeds(); len(list) != 1 {
		t.Errorf("feeds after a failed import = %+v", list)
	}
}

// TestExportImportEveryKind: a local file, a feed never fetched and a
// tagged web feed all survive export and import: the path as a file://
// URL, the untitled feed without its URL turned into a title.
func TestExportImportEveryKind(t *testing.T) {
	w := newWorld(t)
	local := filepath.Join(t.TempDir(), "security.rss")
	if err := os.WriteFile(local, readFile(t, "testdata/security.rss"), 0o644); err != nil {
		t.Fatal(err)
	}
	down := closedURL(t)
	w.mustRun("add", local)
	w.mustRun("add", down)
	w.mustRun("add", w.url("news.rss"), "--tag", "harbour")
	exported := w.mustRun("export").stdout
	if !strings.Contains(exported, `xmlUrl="file://`+filepath.ToSlash(local)+`"`) {
		t.Errorf("the local feed is not exported as a file:// URL:\n%s", exported)
	}

	opml := filepath.Join(t.TempDir(), "out.opml")
	if err := os.WriteFile(opml, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	// Into the same config: the file:// URL is the path already there.
	if r := w.mustRun("import", opml); !strings.HasPrefix(r.stdout, "Imported 0 feeds: 3 already subscribed") {
		t.Errorf("importing the export again printed %q", r.stdout)
	}
	if r := w.mustRun("add", "file://"+filepath.ToSlash(local)); !strings.HasPrefix(r.stdout, "Already subscribed") {
		t.Errorf("adding the path as a file:// URL printed %q", r.stdout)
	}

	w2 := newWorld(t)
	if r := w2.mustRun("import", opml); !strings.HasPrefix(r.stdout, "Imported 3 feeds: 0 already subscribed, 0 skipped.") {
		t.Errorf("import printed %q", r.stdout)
	}
	if conf := string(readFile(t, w2.config)); strings.Contains(conf, `title = "`+down+`"`) {
		t.Errorf("import made the untitled feed's URL its title:\n%s", conf)
	}
	w2.run("refresh") // the feed that is down fails; the others fill in their sites
	if again := w2.mustRun("export").stdout; again != exported {
		t.Errorf("round trip changed the OPML:\n%s\n---\n%s", exported, again)
	}
}
