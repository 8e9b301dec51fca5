// Package config reads and edits newsterm's config file (TOML), resolves
// XDG paths and supplies defaults.
//
// The file lives at $XDG_CONFIG_HOME/newsterm/config.toml (else
// ~/.config/newsterm/config.toml); --config names another. A missing file
// is not an error: every setting has a default and the first `newsterm add`
// creates it. ExampleConfig shows every setting with its default:
//
//	db = "~/.local/share/newsterm/newsterm.db"   # optional
//
//	[fetch]
//	jobs = 8                # requests at once, 1–100
//	per_host = 2            # requests at once to one host, 1–100
//	connect_timeout = "10s" # durations: "500ms", "30s", "2m", "1m30s"; at most 1h
//	header_timeout = "15s"
//	timeout = "30s"         # the whole request
//	max_body = "32MiB"      # or bytes as an integer; B, KB, MB, GB, KiB, MiB, GiB
//	max_redirects = 10      # 0–30
//	max_items = 5000        # items taken from one feed document
//
//	[reader]
//	theme = "auto"          # auto | dark | light
//	mark_read_on_open = true
//	refresh_on_start = true
//
//	[store]
//	keep_days = 0           # 0–36500; 0 keeps every story
//
//	[keys]                  # action = "key" or ["key", ...]; see Actions
//	quit = ["q", "ctrl+c"]
//	page_down = ["space", "pgdown"]
//
//	[[feed]]                # one block per subscription
//	url = "https://example.com/feed.xml"
//	title = "Example"       # optional
//	tags = ["news", "tech"] # optional
//
// db: "~/" is expanded; a relative path is taken relative to the config
// file's directory.
//
// keep_days: a story that has left its feed stays in the database until
// it is this many days gone — and only if it is read and not starred; 0
// (the default) keeps every story. A story still in its feed is never
// deleted. The rule runs as each feed's refresh is stored.
//
// Feeds: url is an http or https URL, a file:// URL, or an absolute (or
// "~/") path. Two URLs that differ only by a trailing slash or surrounding
// spaces are the same subscription, and so are a path and its file:// URL: listing both is an error, and AddFeed
// and RemoveFeed treat them as one.
//
// Keys are written as people say them and stored as Bubble Tea v1 key
// strings (see NormalizeKey): "space" becomes " ", "pagedown" and "pgdn"
// become "pgdown", "escape" becomes "esc", "Ctrl+C" becomes "ctrl+c".
// A key may be bound to one action only.
//
// Errors are one line, "<file>:<line>: <what is wrong> — <the fix>", and
// cover TOML syntax, unknown keys (with a suggestion), wrong types, bad
// durations and sizes, out-of-range numbers, bad feed URLs, duplicate feeds,
// bad keys, invalid UTF-8 and lines over 64 KiB. Nothing in the file is
// silently ignored. CRLF line endings and a UTF-8 byte order mark are fine.
//
// AddFeed and RemoveFeed edit the file as text, so comments, order, blank
// lines and line endings survive; they write through a temporary file and a
// rename, and refuse to touch a file that does not load.
package config

// ExampleConfig is a complete config file with every setting at its
// default, two rebound keys and one feed. It loads without error.
const ExampleConfig = `# newsterm config: subscriptions and settings.
# Every setting is optional; these are the defaults.

db = "~/.local/share/newsterm/newsterm.db"

[fetch]
jobs = 8                # requests at once (--jobs N sets jobs and per_host)
per_host = 2            # requests at once to one host
connect_timeout = "10s"
header_timeout = "15s"
timeout = "30s"         # the whole request
max_body = "32MiB"      # or an integer number of bytes; KB, MB, GB, KiB, MiB, GiB
max_redirects = 10
max_items = 5000        # items taken from one feed document

[reader]
theme = "auto"          # auto | dark | light
mark_read_on_open = true
refresh_on_start = true

[store]
keep_days = 0           # delete a read, unstarred story this many days after it
                        # left its feed; 0 keeps every story

[keys]                  # action = "key" or ["key", ...]
quit = ["q", "ctrl+c"]
page_down = ["space", "pgdown"]

[[feed]]
url = "https://example.com/feed.xml"
title = "Example"       # optional
tags = ["news", "tech"] # optional
`
