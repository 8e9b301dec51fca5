package config

import (
	"os"
	"path/filepath"
	"time"
)

// Feed is one [[feed]] entry.
type Feed struct {
	URL   string
	Title string
	Tags  []string
	Line  int // line of the [[feed]] header in the file, 0 if not from a file
}

// Fetch is the [fetch] table.
type Fetch struct {
	Jobs           int           // jobs = 8
	PerHost        int           // per_host = 2
	ConnectTimeout time.Duration // connect_timeout = "10s"
	HeaderTimeout  time.Duration // header_timeout = "15s"
	Timeout        time.Duration // timeout = "30s"
	MaxBody        int64         // max_body = "32MiB" (or an integer of bytes)
	MaxRedirects   int           // max_redirects = 10
	MaxItems       int           // max_items = 5000
}

// Reader is the [reader] table.
type Reader struct {
	Theme          string // theme = "auto" | "dark" | "light"
	MarkReadOnOpen bool   // mark_read_on_open = true
	RefreshOnStart bool   // refresh_on_start = true
}

// Storage is the [store] table: what the database keeps.
type Storage struct {
	// KeepDays is how many days a read, unstarred story stays after it has
	// left its feed (keep_days = 0: forever). Unread and starred stories,
	// and stories still in their feed, are never deleted.
	KeepDays int
}

// Config is a loaded config file with defaults applied.
type Config struct {
	Path    string // the file it came from (may not exist)
	DBPath  string // from db = "..." or the XDG data default; --db overrides in main
	Feeds   []Feed
	Fetch   Fetch
	Reader  Reader
	Storage Storage
	// Keys maps an action name to the key strings bound to it, from the
	// [keys] table; only actions the user set appear. Key strings are
	// Bubble Tea v1 names ("ctrl+c", "pgdown", " ").
	Keys map[string][]string
}

// KeepFor is how long the store keeps a read, unstarred story after it
// has left its feed; 0 means forever.
func (s Storage) KeepFor() time.Duration { return time.Duration(s.KeepDays) * 24 * time.Hour }

// Themes are the values reader.theme accepts.
var Themes = []string{"auto", "dark", "light"}

// Default returns a config with defaults and no feeds. Its Path is
// DefaultPath(); the values are the ones DESIGN.md promises.
func Default() *Config {
	return &Config{
		Path:   DefaultPath(),
		DBPath: DefaultDBPath(),
		Feeds:  []Feed{},
		Fetch: Fetch{
			Jobs:           8,
			PerHost:        2,
			ConnectTimeout: 10 * time.Second,
			HeaderTimeout:  15 * time.Second,
			Timeout:        30 * time.Second,
			MaxBody:        32 << 20,
			MaxRedirects:   10,
			MaxItems:       5000,
		},
		Reader: Reader{Theme: "auto", MarkReadOnOpen: true, RefreshOnStart: true},
		Keys:   map[string][]string{},
	}
}

// DefaultPath is $XDG_CONFIG_HOME/newsterm/config.toml, or
// ~/.config/newsterm/config.toml when XDG_CONFIG_HOME is unset or relative.
func DefaultPath() string {
	return filepath.Join(xdgDir("XDG_CONFIG_HOME", ".config"), "newsterm", "config.toml")
}

// DefaultDBPath is $XDG_DATA_HOME/newsterm/newsterm.db, or
// ~/.local/share/newsterm/newsterm.db when XDG_DATA_HOME is unset or relative.
func DefaultDBPath() string {
	return filepath.Join(xdgDir("XDG_DATA_HOME", filepath.Join(".local", "share")), "newsterm", "newsterm.db")
}

// xdgDir follows the XDG base directory spec: the variable if it holds an
// absolute path, else fallback under the home directory. Without a home
// directory the fallback is relative to the working directory.
func xdgDir(env, fallback string) string {
	if d := os.Getenv(env); d != "" && filepath.IsAbs(d) {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return fallback
	}
	return filepath.Join(home, fallback)
}

// expandHome turns a leading "~/" (or a lone "~") into the home directory.
func expandHome(p string) (string, bool) {
	if p != "~" && !hasHomePrefix(p) {
		return p, true
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return p, false
	}
	return filepath.Join(home, p[1:]), true
}

func hasHomePrefix(p string) bool {
	return len(p) >= 2 && p[0] == '~' && (p[1] == '/' || p[1] == filepath.Separator)
}
