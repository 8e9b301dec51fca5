// Package config reads and edits newsterm's config file (TOML), resolves
// XDG paths and supplies defaults.
package config

// Temporary stubs: each is replaced by its real implementation.

import (
	"errors"
	"time"
)

var errTODO = errors.New("not implemented")

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

// Config is a loaded config file with defaults applied.
type Config struct {
	Path   string // the file it came from (may not exist)
	DBPath string // from db = "..." or the XDG data default; --db overrides in main
	Feeds  []Feed
	Fetch  Fetch
	Reader Reader
	// Keys maps an action name to the key strings bound to it, from the
	// [keys] table; only actions the user set appear. Key strings are
	// Bubble Tea v1 names ("ctrl+c", "pgdown", " ").
	Keys map[string][]string
}

// Actions are the [keys] action names a user may rebind.
var Actions = []string{}

// Default returns a config with defaults and no feeds.
func Default() *Config { return &Config{} }

// DefaultPath is $XDG_CONFIG_HOME/newsterm/config.toml.
func DefaultPath() string { return "" }

// DefaultDBPath is $XDG_DATA_HOME/newsterm/newsterm.db.
func DefaultDBPath() string { return "" }

// Load reads path. A missing file gives Default() with Path set. Errors name
// file:line, what is wrong and the fix.
func Load(path string) (*Config, error) { return nil, errTODO }

// AddFeed appends a [[feed]] block to the file at path (creating it and its
// directory if missing), keeping everything already in the file byte for
// byte. added is false when the URL is already there.
func AddFeed(path string, f Feed) (added bool, err error) { return false, errTODO }

// RemoveFeed deletes the [[feed]] block with this URL, keeping the rest of
// the file byte for byte. removed is false when no block has that URL.
func RemoveFeed(path, url string) (removed bool, err error) { return false, errTODO }
