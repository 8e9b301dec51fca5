package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The core engine's "done means": add, refresh, then the story with its
// comment count, caption, credit, author and absolute link.
func TestAddRefreshItems(t *testing.T) {
	w := newWorld(t)
	feedURL := w.url("security.rss")
	r := w.mustRun("add", feedURL)
	if want := "Added Terrorism & Security (1 item)\n"; r.stdout != want {
		t.Errorf("add printed %q, want %q", r.stdout, want)
	}
	r = w.mustRun("refresh")
	oneLine(t, "refresh summary", r.stdout)
	if !strings.HasPrefix(r.stdout, "1 feed, 0 new items, 0 failed") || strings.Contains(r.stdout, "shows why") {
		t.Errorf("refresh summary = %q", r.stdout)
	}

	items := w.items()
	if len(items) != 1 {
		t.Fatalf("items --json gave %d items, want 1", len(items))
	}
	it := items[0]
	checks := []struct{ name, got, want string }{
		{"title", it.Title, "Pakistan refuses to battle Haqqani network"},
		{"author", it.Author, "Staff writer"},
		{"link", it.Link, w.url("csmonitor-haqqani.html")},
		{"feed.url", it.Feed.URL, feedURL},
		{"feed.title", it.Feed.Title, "Terrorism & Security"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if it.Comments.Count == nil || *it.Comments.Count != 23 {
		t.Errorf("comments.count = %v, want 23", it.Comments.Count)
	}
	if it.Comments.URL == nil || *it.Comments.URL != w.url("csmonitor-haqqani.html#comments") {
		t.Errorf("comments.url = %v, want the <comments> page", it.Comments.URL)
	}
	if it.Image == nil || !strings.HasPrefix(it.Image.Caption, "Pakistani protesters in Multan") ||
		it.Image.Credit != "Khalid Tanveer/Reuters" || it.Image.URL != w.url("photos/multan-protest.jpg") {
		t.Errorf("image = %+v", it.Image)
	}
	if it.Published == nil || *it.Published != "2011-09-26T14:05:00Z" {
		t.Errorf("published = %v, want 2011-09-26T14:05:00Z", it.Published)
	}
	if it.Read || it.Starred {
		t.Errorf("a new story is read=%v starred=%v", it.Read, it.Starred)
	}

	list := w.feeds()
	if len(list) != 1 || list[0].Unread != 1 || list[0].Total != 1 || list[0].Error != nil ||
		list[0].LastFetched == nil || list[0].Tags == nil {
		t.Errorf("feeds --json = %+v", list)
	}
	r = w.mustRun("feeds")
	if !strings.Contains(r.stdout, "1/1") || !strings.Contains(r.stdout, "Terrorism & Security") || !strings.Contains(r.stdout, feedURL) {
		t.Errorf("feeds printed %q, want 1/1 unread, the title and the URL", r.stdout)
	}
}

func TestAddDuplicateChangesNothing(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("security.rss"), "--tag", "world")
	before := readFile(t, w.config)
	for _, again := range []string{w.url("security.rss"), w.url("security.rss") + "/"} {
		r := w.mustRun("add", again, "--tag", "other")
		if !strings.Contains(r.stdout, "Already subscribed") {
			t.Errorf("add %s again printed %q", again, r.stdout)
		}
	}
	if after := readFile(t, w.config); !bytes.Equal(before, after) {
		t.Errorf("config changed:\n%s\n---\n%s", before, after)
	}
	if list := w.feeds(); len(list) != 1 || len(list[0].Tags) != 1 || list[0].Tags[0] != "world" {
		t.Errorf("feeds = %+v", list)
	}
}

func TestAddDiscovery(t *testing.T) {
	tests := []struct {
		name     string
		page     string
		flags    []string
		wantCode int
		wantFeed string // subscribed URL, "" for none
		stderr   []string
	}{
		{name: "one feed on the page", page: "csmonitor-haqqani.html", wantFeed: "security.rss"},
		{name: "two feeds listed", page: "two-feeds.html", wantCode: 1,
			stderr: []string{"news.rss", "comments.atom", "--first"}},
		{name: "two feeds --first", page: "two-feeds.html", flags: []string{"--first"}, wantFeed: "news.rss"},
		{name: "not a feed", page: "no-feed.html", wantCode: 1,
			stderr: []string{"is a web page that links to no feed", "feed's own URL", "--force"}},
		{name: "neither a feed nor a page", page: "notes.txt", wantCode: 1,
			stderr: []string{"notes.txt is not a feed (", "neither XML nor JSON", "--force"}},
		{name: "not a feed --force", page: "no-feed.html", flags: []string{"--force"}, wantFeed: "no-feed.html",
			stderr: []string{"warning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			r := w.run(append([]string{"add", w.url(tt.page)}, tt.flags...)...)
			if r.code != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.wantCode, r.stdout, r.stderr)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr %q lacks %q", r.stderr, s)
				}
			}
			list := w.feeds()
			if tt.wantFeed == "" {
				if len(list) != 0 {
					t.Errorf("subscribed to %+v after a failed add", list)
				}
				if _, err := os.Stat(w.config); err == nil && strings.Contains(string(readFile(t, w.config)), "[[feed]]") {
					t.Errorf("config gained a feed after a failed add")
				}
				return
			}
			if len(list) != 1 || list[0].URL != w.url(tt.wantFeed) {
				t.Errorf("feeds = %+v, want one subscription to %s", list, tt.wantFeed)
			}
		})
	}
}

func TestAddNotAFeedForcedShowsError(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", "--force", w.url("no-feed.html"))
	list := w.feeds()
	if len(list) != 1 || list[0].Error == nil {
		t.Errorf("feeds = %+v, want the forced subscription with its error", list)
	}
}

func TestAddNetworkError(t *testing.T) {
	w := newWorld(t)
	for _, u := range []string{w.url("broken.rss"), closedURL(t)} {
		r := w.run("add", u)
		if r.code != 0 {
			t.Fatalf("add %s: exit %d, want 0 (subscribed anyway)\nstderr: %s", u, r.code, r.stderr)
		}
		oneLine(t, "add warning", r.stderr)
		if !strings.Contains(r.stderr, "warning") {
			t.Errorf("add %s: stderr %q has no warning", u, r.stderr)
		}
	}
	list := w.feeds()
	if len(list) != 2 {
		t.Fatalf("feeds = %+v, want both subscriptions", list)
	}
	for _, f := range list {
		if f.Error == nil || strings.Contains(*f.Error, "\n") {
			t.Errorf("feed %s error = %v, want one line", f.URL, f.Error)
		}
	}
	r := w.mustRun("feeds")
	if !strings.Contains(r.stdout, "error") {
		t.Errorf("feeds printed %q, want the errors", r.stdout)
	}
	for _, f := range list {
		// A feed never fetched has no title: its URL shows once, not twice.
		if n := strings.Count(r.stdout, f.URL+" "); n != 1 || !strings.Contains(r.stdout, "(untitled)") {
			t.Errorf("feeds printed %q: %s %d times, want once beside (untitled)", r.stdout, f.URL, n)
		}
	}
}

func TestAddPaths(t *testing.T) {
	w := newWorld(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "security.rss")
	if err := os.WriteFile(path, readFile(t, "testdata/security.rss"), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Abs("testdata/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	w.mustRun("add", "file://"+path)
	w.mustRun("add", "testdata/news.rss")
	r := w.run("add", filepath.Join(dir, "missing.rss"))
	if r.code != 1 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("add of a missing file: exit %d, stderr %q", r.code, r.stderr)
	}
	list := w.feeds()
	if len(list) != 2 || list[0].URL != "file://"+path || list[1].URL != rel {
		t.Fatalf("feeds = %+v, want the file URL and the absolute path", list)
	}
	if list[0].Total != 1 || list[1].Total != 2 {
		t.Errorf("totals = %d, %d, want 1, 2", list[0].Total, list[1].Total)
	}
}

func TestRemove(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("security.rss"))
	r := w.run("remove", w.url("news.rss"))
	if r.code != 1 {
		t.Errorf("remove of an unknown URL: exit %d, want 1", r.code)
	}
	oneLine(t, "remove error", r.stderr)
	w.mustRun("remove", w.url("security.rss"))
	if list := w.feeds(); len(list) != 0 {
		t.Errorf("feeds after remove = %+v", list)
	}
	if items := w.items(); len(items) != 0 {
		t.Errorf("items after remove = %+v", items)
	}
	if strings.Contains(string(readFile(t, w.config)), "security.rss") {
		t.Errorf("config still names the feed")
	}
}
