package config

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDefault(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/xdg/config")
	t.Setenv("XDG_DATA_HOME", "/xdg/data")
	c := Default()
	want := &Config{
		Path:   "/xdg/config/newsterm/config.toml",
		DBPath: "/xdg/data/newsterm/newsterm.db",
		Feeds:  []Feed{},
		Fetch: Fetch{Jobs: 8, PerHost: 2, ConnectTimeout: 10 * time.Second, HeaderTimeout: 15 * time.Second,
			Timeout: 30 * time.Second, MaxBody: 32 << 20, MaxRedirects: 10, MaxItems: 5000},
		Reader: Reader{Theme: "auto", MarkReadOnOpen: true, RefreshOnStart: true},
		Keys:   map[string][]string{},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Default() = %+v\nwant %+v", c, want)
	}
}

func TestXDGPaths(t *testing.T) {
	tests := []struct {
		name, config, data, home string
		wantPath, wantDB         string
	}{
		{"xdg set", "/c", "/d", "/home/u", "/c/newsterm/config.toml", "/d/newsterm/newsterm.db"},
		{"xdg unset", "", "", "/home/u", "/home/u/.config/newsterm/config.toml", "/home/u/.local/share/newsterm/newsterm.db"},
		{"xdg relative is ignored", "rel/c", "rel/d", "/home/u", "/home/u/.config/newsterm/config.toml", "/home/u/.local/share/newsterm/newsterm.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", tt.config)
			t.Setenv("XDG_DATA_HOME", tt.data)
			t.Setenv("HOME", tt.home)
			if got := DefaultPath(); got != tt.wantPath {
				t.Errorf("DefaultPath() = %q, want %q", got, tt.wantPath)
			}
			if got := DefaultDBPath(); got != tt.wantDB {
				t.Errorf("DefaultDBPath() = %q, want %q", got, tt.wantDB)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/xdg/data")
	p := filepath.Join(t.TempDir(), "nested", "config.toml")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Path = p
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Load(missing) = %+v\nwant %+v", c, want)
	}
}

func TestLoadEmptyPathUsesDefault(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "newsterm", "config.toml"); c.Path != want {
		t.Errorf("Path = %q, want %q", c.Path, want)
	}
}

func TestExampleConfigLoads(t *testing.T) {
	t.Setenv("HOME", "/home/u")
	c, err := Load(writeConfig(t, ExampleConfig))
	if err != nil {
		t.Fatalf("ExampleConfig does not load: %v", err)
	}
	d := Default()
	if c.Fetch != d.Fetch || c.Reader != d.Reader || c.Storage != d.Storage {
		t.Errorf("ExampleConfig settings differ from the defaults: %+v %+v %+v", c.Fetch, c.Reader, c.Storage)
	}
	if c.DBPath != "/home/u/.local/share/newsterm/newsterm.db" {
		t.Errorf("DBPath = %q", c.DBPath)
	}
	wantFeeds := []Feed{{URL: "https://example.com/feed.xml", Title: "Example", Tags: []string{"news", "tech"}, Line: 29}}
	if !reflect.DeepEqual(c.Feeds, wantFeeds) {
		t.Errorf("Feeds = %+v, want %+v", c.Feeds, wantFeeds)
	}
	wantKeys := map[string][]string{"quit": {"q", "ctrl+c"}, "page_down": {" ", "pgdown"}}
	if !reflect.DeepEqual(c.Keys, wantKeys) {
		t.Errorf("Keys = %q, want %q", c.Keys, wantKeys)
	}
}

// loadValueCases are valid config files and checks on what they load to.
var loadValueCases = []struct {
	name  string
	src   string
	check func(t *testing.T, c *Config)
}{
	{"sizes", "[fetch]\nmax_body = \"1.5 MiB\"\n", func(t *testing.T, c *Config) {
		if c.Fetch.MaxBody != 3<<19 {
			t.Errorf("MaxBody = %d", c.Fetch.MaxBody)
		}
	}},
	{"size in KB", "[fetch]\nmax_body = \"64kb\"\n", func(t *testing.T, c *Config) {
		if c.Fetch.MaxBody != 64000 {
			t.Errorf("MaxBody = %d", c.Fetch.MaxBody)
		}
	}},
	{"size as integer", "[fetch]\nmax_body = 1_048_576\n", func(t *testing.T, c *Config) {
		if c.Fetch.MaxBody != 1<<20 {
			t.Errorf("MaxBody = %d", c.Fetch.MaxBody)
		}
	}},
	{"durations and ints", "[fetch]\njobs = 3\nper_host = 1\ntimeout = \"1m30s\"\nmax_redirects = 0\n", func(t *testing.T, c *Config) {
		f := c.Fetch
		if f.Jobs != 3 || f.PerHost != 1 || f.Timeout != 90*time.Second || f.MaxRedirects != 0 {
			t.Errorf("Fetch = %+v", f)
		}
	}},
	{"reader", "[reader]\ntheme = \"Dark\"\nmark_read_on_open = false\nrefresh_on_start = false\n", func(t *testing.T, c *Config) {
		if c.Reader != (Reader{Theme: "dark"}) {
			t.Errorf("Reader = %+v", c.Reader)
		}
	}},
	{"store", "[store]\nkeep_days = 30\n", func(t *testing.T, c *Config) {
		if c.Storage.KeepDays != 30 || c.Storage.KeepFor() != 30*24*time.Hour {
			t.Errorf("Storage = %+v, KeepFor = %v", c.Storage, c.Storage.KeepFor())
		}
	}},
	{"db with tilde", "db = \"~/news.db\"\n", func(t *testing.T, c *Config) {
		if c.DBPath != "/home/u/news.db" {
			t.Errorf("DBPath = %q", c.DBPath)
		}
	}},
	{"db relative to the config file", "db = \"data/news.db\"\n", func(t *testing.T, c *Config) {
		if want := filepath.Join(filepath.Dir(c.Path), "data", "news.db"); c.DBPath != want {
			t.Errorf("DBPath = %q, want %q", c.DBPath, want)
		}
	}},
	{"inline tables and dotted keys", "fetch = { jobs = 4 }\nreader.theme = \"light\"\n", func(t *testing.T, c *Config) {
		if c.Fetch.Jobs != 4 || c.Reader.Theme != "light" {
			t.Errorf("Fetch = %+v Reader = %+v", c.Fetch, c.Reader)
		}
	}},
	{"feeds in order with lines", "[[feed]]\nurl = \" https://a.example/feed \"\n\n[[feed]]\nurl = \"file:///srv/b.xml\"\ntitle = \"B \\u001b]0;x\\u0007News\"\ntags = [\"x\", \"x\", \"y\"]\n[[feed]]\nurl = \"~/c.xml\"\n", func(t *testing.T, c *Config) {
		want := []Feed{
			{URL: "https://a.example/feed", Line: 1},
			{URL: "file:///srv/b.xml", Title: "B News", Tags: []string{"x", "y"}, Line: 4},
			{URL: "/home/u/c.xml", Line: 8},
		}
		if !reflect.DeepEqual(c.Feeds, want) {
			t.Errorf("Feeds = %+v\nwant %+v", c.Feeds, want)
		}
	}},
	{"inline feed array", "feed = [\n  { url = \"https://a.example\" },\n  { url = \"/srv/b.xml\", tags = [\"t\"] },\n]\n", func(t *testing.T, c *Config) {
		if len(c.Feeds) != 2 || c.Feeds[1].Line != 3 || c.Feeds[1].URL != "/srv/b.xml" {
			t.Errorf("Feeds = %+v", c.Feeds)
		}
	}},
	{"CRLF and BOM", "\xef\xbb\xbf# c\r\n[fetch]\r\njobs = 5\r\n\r\n[[feed]]\r\nurl = \"https://a.example\"\r\n", func(t *testing.T, c *Config) {
		if c.Fetch.Jobs != 5 || len(c.Feeds) != 1 || c.Feeds[0].Line != 5 {
			t.Errorf("Fetch = %+v Feeds = %+v", c.Fetch, c.Feeds)
		}
	}},
	{"keys as string and array", "[keys]\nhelp = \"?\"\nquit = [\"Q\", \"Ctrl+C\", \"ctrl+c\"]\n", func(t *testing.T, c *Config) {
		want := map[string][]string{"help": {"?"}, "quit": {"Q", "ctrl+c"}}
		if !reflect.DeepEqual(c.Keys, want) {
			t.Errorf("Keys = %q", c.Keys)
		}
	}},
}

func TestLoadValues(t *testing.T) {
	t.Setenv("HOME", "/home/u")
	for _, tt := range loadValueCases {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(writeConfig(t, tt.src))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

func TestActions(t *testing.T) {
	want := "up down open back next_pane prev_pane page_down page_up top bottom next_unread prev_unread refresh refresh_all toggle_read mark_all_read toggle_star open_browser open_comments copy_link search add_feed remove_feed edit_config toggle_feeds toggle_source help quit"
	if got := strings.Join(Actions, " "); got != want {
		t.Errorf("Actions = %s", got)
	}
}

func TestSameURL(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://a.example/feed", "https://a.example/feed", true},
		{"https://a.example/feed/", "https://a.example/feed", true},
		{" https://a.example/feed ", "https://a.example/feed/", true},
		{"https://a.example/feed", "https://a.example/feed.xml", false},
		{"https://a.example/Feed", "https://a.example/feed", false},
		{"http://a.example/feed", "https://a.example/feed", false},
		{"file:///srv/feeds/a.xml", "/srv/feeds/a.xml", true},
		{"file://localhost/srv/feeds/a%20b.xml", "/srv/feeds/a b.xml", true},
		{"file:///srv/feeds/a.xml", "/srv/feeds/b.xml", false},
		{"file://other.example/srv/a.xml", "/srv/a.xml", false},
	}
	for _, tt := range tests {
		if got := SameURL(tt.a, tt.b); got != tt.want {
			t.Errorf("SameURL(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
