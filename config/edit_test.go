package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readString(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAddFeed(t *testing.T) {
	tests := []struct {
		name string
		src  string
		feed Feed
		want string
	}{
		{
			name: "after comments and settings",
			src:  "# my feeds\n[fetch]\njobs = 4 # fewer\n\n# news\n[[feed]]\nurl = \"https://a.example/rss\"\n",
			feed: Feed{URL: "https://b.example/atom"},
			want: "# my feeds\n[fetch]\njobs = 4 # fewer\n\n# news\n[[feed]]\nurl = \"https://a.example/rss\"\n\n[[feed]]\nurl = \"https://b.example/atom\"\n",
		},
		{
			name: "CRLF file gets CRLF",
			src:  "# c\r\n[reader]\r\ntheme = \"dark\"\r\n",
			feed: Feed{URL: "https://b.example/atom", Title: "B", Tags: []string{"x"}},
			want: "# c\r\n[reader]\r\ntheme = \"dark\"\r\n\r\n[[feed]]\r\nurl = \"https://b.example/atom\"\r\ntitle = \"B\"\r\ntags = [\"x\"]\r\n",
		},
		{
			name: "no final newline",
			src:  "[reader]\ntheme = \"dark\" # last",
			feed: Feed{URL: "/srv/b.xml"},
			want: "[reader]\ntheme = \"dark\" # last\n\n[[feed]]\nurl = \"/srv/b.xml\"\n",
		},
		{
			name: "already ends with a blank line",
			src:  "# c\n\n",
			feed: Feed{URL: "file:///srv/b.xml"},
			want: "# c\n\n[[feed]]\nurl = \"file:///srv/b.xml\"\n",
		},
		{
			name: "empty file",
			src:  "",
			feed: Feed{URL: "https://b.example/"},
			want: "[[feed]]\nurl = \"https://b.example/\"\n",
		},
		{
			name: "title and tags escaped and sanitised",
			src:  "# c\n",
			feed: Feed{URL: " https://b.example/ ", Title: "Q \"quoted\" \\ back \x1b[31mred\x1b[0m ☕", Tags: []string{"a\"b", "", "日本"}},
			want: "# c\n\n[[feed]]\nurl = \"https://b.example/\"\ntitle = \"Q \\\"quoted\\\" \\\\ back red ☕\"\ntags = [\"a\\\"b\", \"日本\"]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeConfig(t, tt.src)
			added, err := AddFeed(p, tt.feed)
			if err != nil || !added {
				t.Fatalf("AddFeed = %v, %v", added, err)
			}
			if got := readString(t, p); got != tt.want {
				t.Errorf("file =\n%q\nwant\n%q", got, tt.want)
			}
			c, err := Load(p)
			if err != nil {
				t.Fatalf("edited file does not load: %v", err)
			}
			last := c.Feeds[len(c.Feeds)-1]
			if !SameURL(last.URL, tt.feed.URL) {
				t.Errorf("last feed = %+v", last)
			}
		})
	}
}

func TestAddFeedRoundTripsTitle(t *testing.T) {
	p := writeConfig(t, "")
	title := `Tab	and "quotes", back\slash, 'single' and ünïcode`
	if _, err := AddFeed(p, Feed{URL: "https://a.example/", Title: title}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := `Tab and "quotes", back\slash, 'single' and ünïcode`; c.Feeds[0].Title != want {
		t.Errorf("Title = %q, want %q", c.Feeds[0].Title, want)
	}
}

func TestAddFeedCreatesFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "newsterm")
	p := filepath.Join(dir, "config.toml")
	added, err := AddFeed(p, Feed{URL: "https://a.example/feed", Title: "A"})
	if err != nil || !added {
		t.Fatalf("AddFeed = %v, %v", added, err)
	}
	want := newFileHeader + "\n[[feed]]\nurl = \"https://a.example/feed\"\ntitle = \"A\"\n"
	if got := readString(t, p); got != want {
		t.Errorf("file =\n%q\nwant\n%q", got, want)
	}
	for path, mode := range map[string]fs.FileMode{dir: 0o700, p: 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != mode {
			t.Errorf("%s mode = %v, want %v", path, fi.Mode().Perm(), mode)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Errorf("directory holds %v (%v), want only config.toml", entries, err)
	}
}

func TestAddFeedDuplicate(t *testing.T) {
	src := "[[feed]]\nurl = \"https://a.example/feed/\"\n"
	for _, u := range []string{"https://a.example/feed/", "https://a.example/feed", " https://a.example/feed "} {
		p := writeConfig(t, src)
		added, err := AddFeed(p, Feed{URL: u})
		if err != nil || added {
			t.Errorf("AddFeed(%q) = %v, %v; want false, nil", u, added, err)
		}
		if got := readString(t, p); got != src {
			t.Errorf("file changed: %q", got)
		}
	}
}

func TestAddFeedRefuses(t *testing.T) {
	tests := []struct {
		name, src, url string
		words          []string
	}{
		{"broken file", "[fetch]\njobs = 1\n\nnope = \n", "https://a.example/", []string{":4: ", "expected value"}},
		{"invalid file", "[fetch]\njob = 1\n", "https://a.example/", []string{":2: ", "unknown key fetch.job"}},
		{"bad url", "", "gopher://a.example/", []string{`uses "gopher"`}},
		{"inline feed array", "feed = [{url = \"https://a.example/\"}]\n", "https://b.example/", []string{"would no longer load"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeConfig(t, tt.src)
			added, err := AddFeed(p, Feed{URL: tt.url})
			if err == nil || added {
				t.Fatalf("AddFeed = %v, %v; want an error", added, err)
			}
			assertOneLine(t, err.Error())
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if got := readString(t, p); got != tt.src {
				t.Errorf("file changed: %q", got)
			}
		})
	}
}

func TestAddFeedKeepsModeAndSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "config.toml")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(real, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "config.toml")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if _, err := AddFeed(link, Feed{URL: "https://a.example/"}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("link replaced: %v %v", fi.Mode(), err)
	}
	fi, err = os.Stat(real)
	if err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v (%v), want 0640", fi.Mode().Perm(), err)
	}
	if got, want := readString(t, real), "# mine\n\n[[feed]]\nurl = \"https://a.example/\"\n"; got != want {
		t.Errorf("file = %q, want %q", got, want)
	}
	if _, err := RemoveFeed(link, "https://a.example/"); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, real); got != "# mine\n" {
		t.Errorf("after remove file = %q", got)
	}
}

func TestRemoveFeed(t *testing.T) {
	const three = "# subscriptions\n" +
		"[fetch]\njobs = 4\n\n" +
		"# world news\n[[feed]]\nurl = \"https://a.example/rss\" # main\ntitle = \"A\"\n\n" +
		"# tech, checked daily\n# (two comment lines)\n[[feed]]\nurl = \"https://b.example/atom\"\ntags = [\n  \"tech\",\n]\n# old: url = \"https://b.example/old\"\n\n" +
		"[[feed]]\nurl = \"https://c.example/\"\n"
	tests := []struct {
		name, src, url string
		want           string
	}{
		{
			name: "first block keeps the next block's comments",
			src:  three, url: "https://a.example/rss",
			want: "# subscriptions\n[fetch]\njobs = 4\n\n# world news\n" +
				"# tech, checked daily\n# (two comment lines)\n[[feed]]\nurl = \"https://b.example/atom\"\ntags = [\n  \"tech\",\n]\n# old: url = \"https://b.example/old\"\n\n" +
				"[[feed]]\nurl = \"https://c.example/\"\n",
		},
		{
			name: "middle block takes its trailing comment",
			src:  three, url: "https://b.example/atom/",
			want: "# subscriptions\n[fetch]\njobs = 4\n\n# world news\n[[feed]]\nurl = \"https://a.example/rss\" # main\ntitle = \"A\"\n\n" +
				"# tech, checked daily\n# (two comment lines)\n" +
				"[[feed]]\nurl = \"https://c.example/\"\n",
		},
		{
			name: "last block takes the blank lines above it",
			src:  three, url: "https://c.example",
			want: "# subscriptions\n[fetch]\njobs = 4\n\n# world news\n[[feed]]\nurl = \"https://a.example/rss\" # main\ntitle = \"A\"\n\n" +
				"# tech, checked daily\n# (two comment lines)\n[[feed]]\nurl = \"https://b.example/atom\"\ntags = [\n  \"tech\",\n]\n# old: url = \"https://b.example/old\"\n",
		},
		{
			name: "CRLF kept",
			src:  "# c\r\n[[feed]]\r\nurl = \"https://a.example/\"\r\n\r\n# keys\r\n[keys]\r\nquit = \"q\"\r\n",
			url:  "https://a.example/",
			want: "# c\r\n# keys\r\n[keys]\r\nquit = \"q\"\r\n",
		},
		{
			name: "multi-line string that looks like a comment",
			src:  "[[feed]]\nurl = \"https://a.example/\"\ntitle = \"\"\"x\n# not a comment\"\"\"\n[[feed]]\nurl = \"https://b.example/\"\n",
			url:  "https://a.example/",
			want: "[[feed]]\nurl = \"https://b.example/\"\n",
		},
		{
			name: "no final newline",
			src:  "# c\n\n[[feed]]\nurl = \"https://a.example/\"",
			url:  "https://a.example/",
			want: "# c\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeConfig(t, tt.src)
			removed, err := RemoveFeed(p, tt.url)
			if err != nil || !removed {
				t.Fatalf("RemoveFeed = %v, %v", removed, err)
			}
			if got := readString(t, p); got != tt.want {
				t.Errorf("file =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestRemoveFeedAbsent(t *testing.T) {
	src := "[[feed]]\nurl = \"https://a.example/\"\n"
	p := writeConfig(t, src)
	removed, err := RemoveFeed(p, "https://b.example/")
	if err != nil || removed {
		t.Errorf("RemoveFeed(unknown) = %v, %v; want false, nil", removed, err)
	}
	if got := readString(t, p); got != src {
		t.Errorf("file changed: %q", got)
	}
	missing := filepath.Join(t.TempDir(), "none.toml")
	if removed, err := RemoveFeed(missing, "https://a.example/"); err != nil || removed {
		t.Errorf("RemoveFeed(missing file) = %v, %v", removed, err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("RemoveFeed created %s", missing)
	}
}

func TestRemoveFeedRefuses(t *testing.T) {
	tests := []struct {
		name, src string
		words     []string
	}{
		{"broken file", "[[feed]]\nurl = \"https://a.example/\"\ntitle = \n", []string{":3: "}},
		{"inline array", "feed = [\n{url = \"https://a.example/\"},\n]\n", []string{":2: ", "inline array"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeConfig(t, tt.src)
			removed, err := RemoveFeed(p, "https://a.example/")
			if err == nil || removed {
				t.Fatalf("RemoveFeed = %v, %v; want an error", removed, err)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if got := readString(t, p); got != tt.src {
				t.Errorf("file changed: %q", got)
			}
		})
	}
}

func TestAddThenRemoveRestoresFile(t *testing.T) {
	for _, src := range []string{
		"# c\n[reader]\ntheme = \"dark\"\n",
		"# c\r\n[[feed]]\r\nurl = \"https://a.example/\"\r\n",
		ExampleConfig,
	} {
		p := writeConfig(t, src)
		if added, err := AddFeed(p, Feed{URL: "https://new.example/", Title: "New", Tags: []string{"t"}}); err != nil || !added {
			t.Fatalf("AddFeed = %v, %v", added, err)
		}
		if removed, err := RemoveFeed(p, "https://new.example"); err != nil || !removed {
			t.Fatalf("RemoveFeed = %v, %v", removed, err)
		}
		if got := readString(t, p); got != src {
			t.Errorf("after add and remove:\n%q\nwant\n%q", got, src)
		}
	}
}
