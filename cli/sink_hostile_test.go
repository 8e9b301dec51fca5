package cli_test

import (
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	_ "modernc.org/sqlite" // registers "sqlite" for writing hostile rows directly
)

// sinkPayloads are texts that would act on a terminal. "pwned" marks text
// that must vanish with its sequence. C1, DEL and bidi controls matter most
// for --json: encoding/json escapes C0 controls itself but passes these raw.
var sinkPayloads = []struct{ name, s string }{
	{"OSC title", "\x1b]0;pwned\x07Shown"},
	{"unterminated OSC 52", "Shown\x1b]52;c;cHduZWQ="},
	{"CSI clear", "Sh\x1b[2Jown"},
	{"C1 CSI", "Sh\u009b2Jown"},
	{"C1 OSC", "\u009d0;pwned\u009cShown"},
	{"DEL and BEL", "Sh\x7fo\x07wn"},
	{"bidi override", "Sh\u202eown\u202c"},
	{"OSC 8 file link", "\x1b]8;;file:///etc/passwd\x07Shown\x1b]8;;\x07"},
}

// poisonStore writes payload p straight into every text column of the
// database, as a database from an older newsterm (or a tampered one) could
// hold: the sinks must filter on their own, not trust ingestion.
func poisonStore(t *testing.T, dbPath, p string) {
	t.Helper()
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The content body is stored zstd-compressed (store migration 5).
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	body := enc.EncodeAll([]byte("<p>"+p+"</p>"), nil)
	stmts := []string{
		`UPDATE feeds SET title = ?1, feed_title = ?1, site_url = ?1, last_error = ?1, tags = json_array(?1)`,
		`UPDATE items SET title = 'Seawall ' || ?1, link = ?1, author = ?1, photo_url = ?1,
			photo_caption = ?1, photo_credit = ?1, comments_url = ?1, comments_count = 3, starred = 1,
			categories = json_array(?1), summary = '<p>' || ?1 || '</p>', body = ?2`,
	}
	for _, s := range stmts {
		if _, err := db.Exec(s, p, body); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// jsonStrings returns every string value (and key) in a JSON document.
func jsonStrings(t *testing.T, doc string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			out = append(out, x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				out = append(out, k)
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// opmlStrings returns every attribute value and text in an OPML document.
func opmlStrings(t *testing.T, doc string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("export is not XML: %v\n%s", err, doc)
			}
			return out
		}
		switch x := tok.(type) {
		case xml.StartElement:
			for _, a := range x.Attr {
				out = append(out, a.Value)
			}
		case xml.CharData:
			out = append(out, string(x))
		}
	}
}

// TestEverySinkFiltersOnItsOwn runs every listing command, plain and
// --json, against a store whose rows hold raw payloads, and checks the raw
// output, each decoded JSON string and each exported OPML value.
func TestEverySinkFiltersOnItsOwn(t *testing.T) {
	commands := [][]string{
		{"feeds"}, {"feeds", "--json"}, {"items"}, {"items", "--json"}, {"items", "--starred", "--json"},
		{"search", "seawall"}, {"search", "seawall", "--json"}, {"read", "1"}, {"read", "1", "--style", "dark"},
		{"export"},
	}
	for _, p := range sinkPayloads {
		t.Run(p.name, func(t *testing.T) {
			w := newWorld(t).with(t)
			w.mustRun("add", w.url("news.rss"))
			poisonStore(t, w.db, p.s)
			for _, args := range commands {
				r := w.run(args...)
				if r.code != 0 {
					t.Errorf("newsterm %q: exit %d, stderr %q", args, r.code, r.stderr)
				}
				texts := map[string]string{"stdout": r.stdout, "stderr": r.stderr}
				var fields []string
				switch {
				case strings.Contains(strings.Join(args, " "), "--json"):
					fields = jsonStrings(t, r.stdout)
				case args[0] == "export":
					fields = opmlStrings(t, r.stdout)
				}
				for i, f := range fields {
					texts[fmt.Sprintf("field %d", i)] = f
				}
				if (args[0] == "feeds" || args[0] == "items") && !strings.Contains(r.stdout, "Shown") {
					t.Errorf("newsterm %q does not show the poisoned rows' visible text:\n%s", args, r.stdout)
				}
				for where, s := range texts {
					if c := controlIn(s); c != "" {
						t.Errorf("newsterm %q: %s carries %s: %q", args, where, c, s)
					}
					if strings.Contains(s, "pwned") || strings.Contains(s, "cHduZWQ") {
						t.Errorf("newsterm %q: %s shows a removed sequence's body: %q", args, where, s)
					}
				}
			}
		})
	}
}

// A config whose titles and tags carry TOML-escaped controls: feeds and
// export must not pass them on.
func TestConfigTitlesAreFilteredAtEverySink(t *testing.T) {
	w := newWorld(t)
	cfg := fmt.Sprintf("[[feed]]\nurl = %q\ntitle = \"\\u001b]0;pwned\\u0007Harbour \\u009b2J\\u202eGazette\"\n"+
		"tags = [\"\\u001b[31mnews\", \"lo\\u0085cal\"]\n", w.url("news.rss"))
	if err := os.WriteFile(w.config, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"feeds"}, {"feeds", "--json"}, {"export"}, {"refresh"}, {"items", "--json"}} {
		r := w.run(args...)
		if r.code != 0 {
			t.Fatalf("newsterm %q: exit %d, stderr %q", args, r.code, r.stderr)
		}
		fields := []string{r.stdout, r.stderr}
		if args[0] == "export" {
			fields = append(fields, opmlStrings(t, r.stdout)...)
		} else if len(args) > 1 {
			fields = append(fields, jsonStrings(t, r.stdout)...)
		}
		for _, s := range fields {
			if c := controlIn(s); c != "" || strings.Contains(s, "pwned") {
				t.Errorf("newsterm %q: %q carries %s", args, s, c)
			}
		}
	}
}
