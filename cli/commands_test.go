package cli_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestFlagsAfterArguments(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("news.rss"))
	tests := []struct {
		name string
		args []string
	}{
		{"flags first", []string{"items", "--json", "--limit", "1"}},
		{"flags last", []string{"items", "--limit", "1", "--json"}},
		{"equals form", []string{"items", "--limit=1", "--json=true"}},
		{"one dash", []string{"items", "-json", "-limit", "1"}},
		{"global flags after the command", []string{"items", "--json", "--limit", "1", "--config", w.config, "--db", w.db}},
	}
	var first string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r result
			if strings.HasPrefix(tt.name, "global") {
				r = w.runRaw(tt.args...)
			} else {
				r = w.run(tt.args...)
			}
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if got := decode[[]item](t, r.stdout); len(got) != 1 || got[0].Title != "Seawall repairs begin on the north quay" {
				t.Errorf("got %+v, want the newest story only", got)
			}
			if first == "" {
				first = r.stdout
			} else if r.stdout != first {
				t.Errorf("output differs from the flags-first run:\n%s\n---\n%s", r.stdout, first)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		cmd  string // the command whose --help the error points to
	}{
		{[]string{"frobnicate"}, ""},
		{[]string{"--nonsense"}, ""},
		{[]string{"add"}, "add"},
		{[]string{"add", "http://a.example/x", "http://b.example/y"}, "add"},
		{[]string{"add", "ftp://a.example/feed"}, "add"},
		{[]string{"add", "http://a.example/x", "--tag"}, "add"},
		{[]string{"add", "http://a.example/x", "--tag", " "}, "add"},
		{[]string{"remove"}, "remove"},
		{[]string{"feeds", "extra"}, "feeds"},
		{[]string{"refresh", "--jobs", "0"}, "refresh"},
		{[]string{"refresh", "--jobs", "many"}, "refresh"},
		{[]string{"items", "--limit", "-1"}, "items"},
		{[]string{"items", "--limit", "ten"}, "items"},
		{[]string{"items", "--bogus"}, "items"},
		{[]string{"items", "--limit"}, "items"},
		{[]string{"items", "--limit", "0"}, "items"},
		{[]string{"search", "quay", "--limit=0"}, "search"},
		{[]string{"help", "frobnicate"}, ""},
		{[]string{"read"}, "read"},
		{[]string{"read", "1", "--style", "neon"}, "read"},
		{[]string{"read", "1", "--width", "0"}, "read"},
		{[]string{"search"}, "search"},
		{[]string{"import"}, "import"},
		{[]string{"export", "out.opml"}, "export"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			w := newWorld(t)
			r := w.run(tt.args...)
			if r.code != 2 {
				t.Fatalf("exit %d, want 2\nstderr: %s", r.code, r.stderr)
			}
			oneLine(t, "usage error", r.stderr)
			help := strings.TrimSpace("newsterm " + tt.cmd + " --help")
			if tt.cmd == "" {
				help = "newsterm --help"
			}
			if !strings.Contains(r.stderr, help) {
				t.Errorf("stderr %q does not point to %s", r.stderr, help)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"", "add", "remove", "feeds", "refresh", "items", "read", "search", "import", "export"} {
		for _, flag := range []string{"--help", "-h"} {
			t.Run(cmd+" "+flag, func(t *testing.T) {
				w := newWorld(t)
				args := []string{flag}
				if cmd != "" {
					args = []string{cmd, "some-arg", flag}
				}
				r := w.runRaw(args...)
				want := strings.TrimSpace("Usage: newsterm " + cmd)
				if r.code != 0 || !strings.HasPrefix(r.stdout, want) || r.stderr != "" {
					t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
				}
			})
		}
	}
}

func TestHelpCommand(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"help", "add"}, {"--db", "x.db", "help", "items"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			w := newWorld(t)
			r := w.runRaw(args...)
			want := "Usage: newsterm " + args[len(args)-1]
			if len(args) == 1 {
				want = "Usage: newsterm [--demo]"
			}
			if r.code != 0 || !strings.HasPrefix(r.stdout, want) || r.stderr != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 0 and %q", r.code, r.stdout, r.stderr, want)
			}
		})
	}
}

// TestFlagErrorsNameTheFlagAsWritten: the flag package says -json; the
// help and every other message write --json.
func TestFlagErrorsNameTheFlagAsWritten(t *testing.T) {
	w := newWorld(t)
	for _, args := range [][]string{{"items", "--json=maybe"}, {"items", "--limit", "ten"}} {
		r := w.run(args...)
		name := strings.SplitN(strings.TrimPrefix(args[1], "--"), "=", 2)[0]
		if r.code != 2 || !strings.Contains(r.stderr, "--"+name) || strings.Contains(r.stderr, " -"+name) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 naming --%s", args, r.code, r.stderr, name)
		}
	}
}

func TestVersion(t *testing.T) {
	w := newWorld(t)
	r := w.runRaw("--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "newsterm ") {
		t.Errorf("--version: exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestReaderNeedsTerminal(t *testing.T) {
	w := newWorld(t)
	r := w.run()
	if r.code != 1 || !strings.Contains(r.stderr, "terminal") {
		t.Errorf("newsterm on a pipe: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestEmptyJSON(t *testing.T) {
	w := newWorld(t)
	for _, args := range [][]string{
		{"items", "--json"},
		{"feeds", "--json"},
		{"search", "anything", "--json"},
		{"items", "--json", "--unread", "--starred"},
	} {
		r := w.mustRun(args...)
		if strings.TrimSpace(r.stdout) != "[]" {
			t.Errorf("%s printed %q, want []", strings.Join(args, " "), r.stdout)
		}
	}
	r := w.mustRun("refresh", "--json")
	var sum map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("refresh --json: %v\n%s", err, r.stdout)
	}
	if failed, ok := sum["failed"].([]any); !ok || len(failed) != 0 || sum["feeds"] != 0.0 {
		t.Errorf("refresh --json with no feeds = %s", r.stdout)
	}
}

func TestRefresh(t *testing.T) {
	t.Run("no feeds", func(t *testing.T) {
		w := newWorld(t)
		r := w.mustRun("refresh")
		if !strings.Contains(r.stdout, "newsterm add") {
			t.Errorf("refresh with no feeds printed %q, want how to add one", r.stdout)
		}
		r = w.mustRun("refresh", "--json")
		sum := decode[map[string]any](t, r.stdout)
		if len(sum) != 3 || sum["feeds"] != 0.0 || !strings.Contains(r.stderr, "newsterm add") {
			t.Errorf("refresh --json with no feeds: stdout %q, stderr %q; want the empty summary and how to add a feed", r.stdout, r.stderr)
		}
	})
	t.Run("every feed failed", func(t *testing.T) {
		w := newWorld(t)
		w.mustRun("add", w.url("broken.rss"))
		w.mustRun("add", closedURL(t))
		r := w.run("refresh")
		if r.code != 1 {
			t.Errorf("exit %d, want 1", r.code)
		}
		if !strings.Contains(r.stdout, "2 feeds, 0 new items, 2 failed — newsterm feeds shows why") {
			t.Errorf("summary = %q", r.stdout)
		}
		oneLine(t, "error", r.stderr)
		r = w.run("refresh", "--json")
		sum := decode[struct {
			Feeds    int `json:"feeds"`
			NewItems int `json:"new_items"`
			Failed   []struct{ URL, Error string }
		}](t, r.stdout)
		if r.code != 1 || sum.Feeds != 2 || len(sum.Failed) != 2 || sum.Failed[0].Error == "" {
			t.Errorf("refresh --json: exit %d, %+v", r.code, sum)
		}
	})
	t.Run("one of two failed", func(t *testing.T) {
		w := newWorld(t)
		w.mustRun("add", w.url("broken.rss"))
		w.mustRun("add", w.url("news.rss"))
		r := w.mustRun("refresh", "--jobs", "1")
		if !strings.Contains(r.stdout, "2 feeds, 0 new items, 1 failed — newsterm feeds shows why") {
			t.Errorf("summary = %q", r.stdout)
		}
	})
}

func TestItemsAndSearch(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("news.rss"))
	w.mustRun("add", w.url("security.rss"))

	all := w.items()
	if len(all) != 3 || all[0].Title != "Seawall repairs begin on the north quay" || all[2].Feed.Title != "Terrorism & Security" {
		t.Fatalf("items not newest first: %+v", all)
	}
	if got := w.items("--feed", w.url("security.rss")); len(got) != 1 {
		t.Errorf("--feed gave %d items, want 1", len(got))
	}
	if got := w.items("--limit", "2"); len(got) != 2 {
		t.Errorf("--limit 2 gave %d items", len(got))
	}
	if got := w.items("--starred"); len(got) != 0 {
		t.Errorf("--starred gave %+v", got)
	}
	ferry := all[1]
	if ferry.Summary != "The early crossing moves to 06:40 & the late one is dropped." {
		t.Errorf("summary = %q, want plain text with entities decoded", ferry.Summary)
	}
	if ferry.Comments.Count != nil || ferry.Comments.URL != nil || ferry.Image != nil {
		t.Errorf("unknown comments/image should be null: %+v", ferry)
	}

	// "marmalade" is only in the seawall story's content:encoded.
	found := decode[[]item](t, w.mustRun("search", "marmalade", "--json").stdout)
	if len(found) != 1 || found[0].Title != "Seawall repairs begin on the north quay" {
		t.Errorf("search by a body-only word found %+v", found)
	}
	r := w.mustRun("search", "marmalade")
	if !strings.Contains(r.stdout, "Seawall repairs") || !strings.HasPrefix(r.stdout, strconv.FormatInt(found[0].ID, 10)) {
		t.Errorf("search printed %q", r.stdout)
	}
	r = w.mustRun("items")
	if got := len(lines(r.stdout)); got != 3 || !strings.Contains(r.stdout, "23 comments") {
		t.Errorf("items printed %d lines:\n%s", got, r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("items on a pipe printed escapes: %q", r.stdout)
	}
}

func TestImportExport(t *testing.T) {
	w := newWorld(t)
	r := w.mustRun("import", "testdata/subscriptions.opml")
	if !strings.Contains(r.stdout, "Imported 2 feeds") || !strings.Contains(r.stdout, "1 skipped") ||
		!strings.Contains(r.stdout, "javascript:") {
		t.Errorf("import printed %q", r.stdout)
	}
	list := w.feeds()
	if len(list) != 2 || list[0].URL != "https://harbour.example/news.rss" || !slices.Contains(list[0].Tags, "local") {
		t.Fatalf("feeds after import = %+v", list)
	}
	exported := w.mustRun("export").stdout
	for _, want := range []string{`version="2.0"`, "https://harbour.example/news.rss", "https://world.example/security.rss", "local"} {
		if !strings.Contains(exported, want) {
			t.Errorf("export lacks %q:\n%s", want, exported)
		}
	}
	if strings.Contains(exported, "javascript") {
		t.Errorf("export carries the skipped outline:\n%s", exported)
	}

	// Again: everything is already there.
	r = w.mustRun("import", "testdata/subscriptions.opml")
	if !strings.Contains(r.stdout, "Imported 0 feeds: 2 already subscribed") {
		t.Errorf("second import printed %q", r.stdout)
	}
	// Round trip into a fresh config through stdin.
	w2 := newWorld(t)
	var out, errOut strings.Builder
	code := runWithStdin(w2, exported, &out, &errOut, "import", "-")
	if code != 0 || !strings.Contains(out.String(), "Imported 2 feeds") {
		t.Fatalf("import of the export: exit %d, %q %q", code, out.String(), errOut.String())
	}
	if again := w2.mustRun("export").stdout; again != exported {
		t.Errorf("round trip changed the OPML:\n%s\n---\n%s", exported, again)
	}
}
