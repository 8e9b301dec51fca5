package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// feedAddedMsg answers the add-feed prompt.
type feedAddedMsg struct {
	url   string
	added bool // false: it was already subscribed
	// feeds is the file's feed list re-read after the change (nil when
	// it was not re-read); only the feeds of the model's config change.
	feeds []config.Feed
	warn  string
	err   error
	// choices are the feeds a page offers when there are several: nothing
	// was subscribed, the user picks one.
	choices []feeds.Link
}

// feedRemovedMsg answers a confirmed remove.
type feedRemovedMsg struct {
	url   string
	feeds []config.Feed // as feedAddedMsg.feeds
	err   error
}

// editorClosedMsg says $EDITOR exited.
type editorClosedMsg struct{ err error }

// configReloadedMsg carries the re-read config, or why it was refused.
type configReloadedMsg struct {
	cfg *config.Config
	err error
}

// withFeeds is a copy of cfg with a new feed list; the model's config is
// never written to from a command. A nil list keeps cfg.
func withFeeds(cfg *config.Config, list []config.Feed) *config.Config {
	if list == nil {
		return cfg
	}
	c := *cfg
	c.Feeds = list
	return &c
}

// syncFromFile re-reads the config file at path after the feed list in it
// changed and makes the store's subscriptions match what it holds now.
// The file, not a copy taken when the key was pressed, is the truth: two
// adds in flight, or an edit in between, each see the other's change.
func (b backend) syncFromFile(path string) ([]config.Feed, error) {
	cfg, err := b.loadConfig(path)
	if err != nil {
		return nil, fmt.Errorf("re-read %s: %w", path, err)
	}
	list := cfg.Feeds
	if list == nil {
		list = []config.Feed{}
	}
	if err := b.db.SyncSubscriptions(b.ctx, subscriptions(list)); err != nil {
		return list, fmt.Errorf("apply subscriptions: %w", err)
	}
	return list, nil
}

func subscriptions(list []config.Feed) []store.Subscription {
	subs := make([]store.Subscription, len(list))
	for i, f := range list {
		subs[i] = store.Subscription{URL: f.URL, Title: f.Title, Tags: f.Tags}
	}
	return subs
}

// addFeed subscribes to raw: a feed URL, or a page whose first advertised
// feed is taken. The config file gets the [[feed]] block, the store the
// subscription, and the new feed is fetched at once. A page that cannot be
// fetched is subscribed anyway with a warning, as `newsterm add` does.
func (b backend) addFeed(path, raw string) tea.Cmd {
	raw = strings.TrimSpace(raw)
	return guard(func() tea.Msg {
		msg := feedAddedMsg{url: raw}
		if raw == "" || strings.HasPrefix(raw, "-") {
			msg.err = fmt.Errorf("add feed: %q is not a URL", raw)
			return msg
		}
		links, warn, err := b.discoverFeed(raw)
		if err != nil {
			msg.err = err
			return msg
		}
		if len(links) > 1 {
			msg.choices = links
			return msg
		}
		url := links[0].URL
		msg.url, msg.warn = url, warn
		msg.added, err = b.addToConfig(path, config.Feed{URL: url})
		if err != nil {
			msg.err = fmt.Errorf("add %s to %s: %w", url, path, err)
			return msg
		}
		if msg.feeds, err = b.syncFromFile(path); err != nil {
			msg.err = fmt.Errorf("subscribe %s: %w", url, err)
			return msg
		}
		if msg.added && warn == "" {
			msg.warn = b.fetchNow(url)
		}
		return msg
	})
}

// discoverFeed turns what the user typed into the feeds it names: the URL
// itself when it is a feed (or cannot be fetched: warn says why), else
// every feed the page links to, at least one.
func (b backend) discoverFeed(raw string) (links []feeds.Link, warn string, err error) {
	page, err := b.fetchPage(b.ctx, raw)
	if err != nil {
		return []feeds.Link{{URL: raw}}, fmt.Sprintf("subscribed, but %v", err), nil
	}
	if !looksLikeHTML(page) {
		return []feeds.Link{{URL: raw}}, "", nil
	}
	links, err = feeds.Discover(bytes.NewReader(page.Body), page.URL)
	if err != nil {
		return nil, "", fmt.Errorf("find feeds on %s: %w", raw, err)
	}
	if len(links) == 0 {
		return nil, "", fmt.Errorf("no feed found at %s: give the feed's own URL", raw)
	}
	return links, "", nil
}

func looksLikeHTML(p feeds.Page) bool {
	if strings.Contains(p.ContentType, "html") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(p.Body[:min(len(p.Body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// fetchNow fetches one new feed; what went wrong comes back as a warning.
func (b backend) fetchNow(url string) string {
	list, err := b.db.Feeds(b.ctx)
	if err != nil {
		return fmt.Sprintf("subscribed, but: %v", err)
	}
	for _, f := range list {
		if f.URL != url {
			continue
		}
		sum, err := b.refresh(b.ctx, []store.Feed{f}, nil)
		if err != nil {
			return fmt.Sprintf("subscribed, but: %v", err)
		}
		if len(sum.Failed) > 0 {
			return "subscribed, but: " + sum.Failed[0].Error
		}
		return ""
	}
	return ""
}

// removeFeed drops url from the config file and its stories from the store.
func (b backend) removeFeed(path, url string) tea.Cmd {
	return guard(func() tea.Msg {
		msg := feedRemovedMsg{url: url}
		if _, err := b.removeFromConfig(path, url); err != nil {
			msg.err = fmt.Errorf("remove %s from %s: %w", url, path, err)
			return msg
		}
		var err error
		if msg.feeds, err = b.syncFromFile(path); err != nil {
			msg.err = fmt.Errorf("remove %s: %w", url, err)
			return msg
		}
		if err := b.db.DeleteFeed(b.ctx, url); err != nil && !errors.Is(err, store.ErrNotFound) {
			msg.err = fmt.Errorf("remove %s: %w", url, err)
		}
		return msg
	})
}

// editConfig hands the terminal to the user's editor on the config file.
func (b backend) editConfig(path string) tea.Cmd {
	argv := editorArgv(b.getenv("VISUAL"), b.getenv("EDITOR"))
	cmd := exec.Command(argv[0], append(argv[1:], path)...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		if err != nil {
			err = fmt.Errorf("editor %s: %w", argv[0], err)
		}
		return editorClosedMsg{err: err}
	})
}

// editorArgv splits $VISUAL or $EDITOR into words (no shell), else vi.
func editorArgv(visual, editor string) []string {
	for _, e := range []string{visual, editor} {
		if f := strings.Fields(e); len(f) > 0 {
			return f
		}
	}
	return []string{"vi"}
}

// reloadConfig re-reads the config; the subscriptions follow it.
func (b backend) reloadConfig() tea.Cmd {
	return guard(func() tea.Msg {
		cfg, err := b.reload()
		if err != nil {
			return configReloadedMsg{err: fmt.Errorf("config not reloaded, keeping the old one: %w", err)}
		}
		if _, err := newKeyMap(cfg.Keys); err != nil {
			return configReloadedMsg{err: fmt.Errorf("config not reloaded, keeping the old one: %w", err)}
		}
		if err := b.db.SyncSubscriptions(b.ctx, subscriptions(cfg.Feeds)); err != nil {
			return configReloadedMsg{err: fmt.Errorf("apply subscriptions: %w", err)}
		}
		return configReloadedMsg{cfg: cfg}
	})
}
