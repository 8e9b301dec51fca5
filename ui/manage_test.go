package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/store"
)

func page(rawURL, contentType, body string) feeds.Page {
	u, err := url.Parse(rawURL)
	if err != nil {
		panic(err)
	}
	return feeds.Page{URL: u, ContentType: contentType, Body: []byte(body)}
}

// configOnDisk writes a config file subscribed to urls, with refresh on
// start off, and points b's config edits at the real file functions.
func configOnDisk(t *testing.T, b *backend, urls ...string) *config.Config {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	text := "[reader]\nrefresh_on_start = false\n"
	for _, u := range urls {
		text += fmt.Sprintf("\n[[feed]]\nurl = %q\n", u)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	b.addToConfig, b.removeFromConfig, b.loadConfig = config.AddFeed, config.RemoveFeed, config.Load
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestAddFeed(t *testing.T) {
	const site = `<html><head><link rel="alternate" type="application/rss+xml" href="/qj/feed.xml"></head><body>hi</body></html>`
	tests := []struct {
		name      string
		typed     string
		page      feeds.Page
		fetchErr  error
		inConfig  bool // already subscribed
		wantURL   string
		wantFetch bool
		status    string
	}{
		{name: "a feed URL", typed: "https://quiz.example/rss.xml",
			page:    page("https://quiz.example/rss.xml", "application/rss+xml", "<rss></rss>"),
			wantURL: "https://quiz.example/rss.xml", wantFetch: true, status: "subscribed to https://quiz.example/rss.xml"},
		{name: "a site page with autodiscovery", typed: "https://quiz.example/",
			page:    page("https://quiz.example/", "text/html; charset=utf-8", site),
			wantURL: "https://quiz.example/qj/feed.xml", wantFetch: true, status: "subscribed to https://quiz.example/qj/feed.xml"},
		{name: "a page without a feed", typed: "https://quiz.example/",
			page:   page("https://quiz.example/", "text/html", "<html><body>no feeds</body></html>"),
			status: "no feed found"},
		{name: "unreachable: subscribed with a warning", typed: "https://down.example/feed",
			fetchErr: errors.New("dial tcp: connection refused"),
			wantURL:  "https://down.example/feed", status: "connection refused"},
		{name: "already subscribed", typed: "https://quiz.example/rss.xml",
			page:     page("https://quiz.example/rss.xml", "application/rss+xml", "<rss></rss>"),
			inConfig: true, status: "already subscribed"},
		{name: "an option is not a URL", typed: "--force", status: "not a URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			b := testBackend(fs)
			b.fetchPage = func(context.Context, string) (feeds.Page, error) { return tc.page, tc.fetchErr }
			cfg := configOnDisk(t, &b)
			if tc.inConfig {
				cfg = configOnDisk(t, &b, tc.typed)
			}
			var written []string
			b.addToConfig = func(path string, f config.Feed) (bool, error) {
				written = append(written, f.URL)
				return config.AddFeed(path, f)
			}
			var fetched []string
			b.refresh = func(_ context.Context, list []store.Feed, _ refresh.Progress) (refresh.Summary, error) {
				for _, f := range list {
					fetched = append(fetched, f.URL)
				}
				return refresh.Summary{Feeds: len(list), Failed: []refresh.Failure{}}, nil
			}
			m := newModel(b, cfg, darkTheme())
			m = drive(t, m, m.Init())
			m = send(t, m, sizeMsg(160, 40))
			m = press(t, m, "a")
			for _, r := range tc.typed {
				m = press(t, m, string(r))
			}
			if got := m.prompt.value(); got != tc.typed {
				t.Fatalf("prompt holds %q", got)
			}
			m = press(t, m, "enter")
			line := m.status.err + m.status.info
			if !strings.Contains(line, tc.status) {
				t.Fatalf("status %q, want it to mention %q", line, tc.status)
			}
			if tc.wantURL == "" {
				if len(written) > 0 && !tc.inConfig {
					t.Fatalf("wrote %q to the config", written)
				}
				return
			}
			if !slices.Equal(written, []string{tc.wantURL}) {
				t.Fatalf("config got %q, want %q", written, tc.wantURL)
			}
			if i := slices.IndexFunc(fs.subs, func(s store.Subscription) bool { return s.URL == tc.wantURL }); i < 0 {
				t.Fatalf("store subscriptions %v lack %s", fs.subs, tc.wantURL)
			}
			if tc.wantFetch != (len(fetched) == 1 && fetched[0] == tc.wantURL) {
				t.Fatalf("fetched %q right after adding", fetched)
			}
			if !slices.ContainsFunc(m.feeds.feeds, func(f store.Feed) bool { return f.URL == tc.wantURL }) {
				t.Fatal("the new feed is not in the feed list")
			}
		})
	}
}

func TestRemoveFeedAsksFirst(t *testing.T) {
	fs := sampleStore()
	b := testBackend(fs)
	cfg := configOnDisk(t, &b, "https://news.example/rss", "https://tech.example/atom")
	var removed []string
	b.removeFromConfig = func(path, url string) (bool, error) {
		removed = append(removed, url)
		return config.RemoveFeed(path, url)
	}
	m := newModel(b, cfg, darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	m = press(t, m, "h", "j", "j", "j", "j", "j", "j", "d") // Tech Daily
	if m.prompt.kind != promptConfirm || !strings.Contains(m.View(), "Remove Tech Daily and its stories? [y/N]") {
		t.Fatalf("no confirmation:\n%s", m.View())
	}
	for _, no := range []string{"n", "enter", "esc", "q"} {
		m = press(t, m, no)
		if len(removed) != 0 || m.prompt.kind != promptNone {
			t.Fatalf("%q did not cancel", no)
		}
		if no != "q" {
			m = press(t, m, "d")
		}
	}
	m = press(t, m, "d", "y")
	if !slices.Equal(removed, []string{"https://tech.example/atom"}) {
		t.Fatalf("removed %q", removed)
	}
	if slices.ContainsFunc(m.feeds.feeds, func(f store.Feed) bool { return f.URL == "https://tech.example/atom" }) {
		t.Fatal("the feed is still listed")
	}
	if len(m.cfg.Feeds) != 1 || m.cfg.Feeds[0].URL != "https://news.example/rss" {
		t.Fatalf("config feeds now %v", m.cfg.Feeds)
	}
	if m.items.total != 4 {
		t.Fatalf("%d stories left, want 4", m.items.total)
	}
	if m.feeds.cursor != len(m.feeds.rows)-1 {
		t.Fatalf("the feed list cursor went to row %d (%q), not to the removed feed's place",
			m.feeds.cursor, m.feeds.selected().label)
	}
}

func TestEditConfigReload(t *testing.T) {
	good := testConfig()
	good.Keys = map[string][]string{"quit": {"x"}}
	tests := []struct {
		name     string
		reload   func() (*config.Config, error)
		wantQuit string
		status   string
	}{
		{"good edit applies, keys included", func() (*config.Config, error) { return good, nil }, "x", "config reloaded"},
		{"bad edit keeps the old config", func() (*config.Config, error) {
			return nil, errors.New("config.toml:3: unknown key \"jbos\"")
		}, "q", "config.toml:3: unknown key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := testBackend(sampleStore())
			b.reload = tc.reload
			m := newModel(b, testConfig(), darkTheme())
			m = drive(t, m, m.Init())
			m = send(t, m, sizeMsg(160, 40))
			old := m.cfg
			m = send(t, m, editorClosedMsg{})
			if got := m.keys.Quit.Keys()[0]; got != tc.wantQuit {
				t.Fatalf("quit is %q, want %q", got, tc.wantQuit)
			}
			if line := m.status.err + m.status.info; !strings.Contains(line, tc.status) {
				t.Fatalf("status %q", line)
			}
			if tc.wantQuit == "q" && m.cfg != old {
				t.Fatal("a bad edit replaced the config")
			}
		})
	}
}

func TestEditorArgv(t *testing.T) {
	tests := []struct {
		visual, editor string
		want           []string
	}{
		{"", "", []string{"vi"}},
		{"", "nano", []string{"nano"}},
		{"code --wait", "nano", []string{"code", "--wait"}},
		{"  ", "hx", []string{"hx"}},
	}
	for _, tc := range tests {
		if got := editorArgv(tc.visual, tc.editor); !slices.Equal(got, tc.want) {
			t.Errorf("editorArgv(%q, %q) = %q, want %q", tc.visual, tc.editor, got, tc.want)
		}
	}
}

// pageOfSeveral is a site page advertising three feeds; the first is
// subscribed already.
const pageOfSeveral = `<html><head><title>Demo</title>
<link rel="alternate" type="application/rss+xml" title="World News" href="/rss">
<link rel="alternate" type="application/atom+xml" title="Sport &#x1b;[31m" href="/sport.atom">
<link rel="alternate" type="application/feed+json" title="Culture" href="/culture.json">
</head><body>hi</body></html>`

// addFromPageOfSeveral types the page's URL into the add prompt; written
// collects what goes into the config.
func addFromPageOfSeveral(t *testing.T) (model, *[]string) {
	t.Helper()
	b := testBackend(sampleStore())
	b.fetchPage = func(_ context.Context, raw string) (feeds.Page, error) {
		if raw == "https://news.example/" {
			return page(raw, "text/html", pageOfSeveral), nil
		}
		return page(raw, "application/rss+xml", "<rss></rss>"), nil
	}
	written := &[]string{}
	b.addToConfig = func(_ string, f config.Feed) (bool, error) {
		*written = append(*written, f.URL)
		return true, nil
	}
	cfg := testConfig()
	cfg.Feeds = []config.Feed{{URL: "https://news.example/rss"}}
	m := newModel(b, cfg, darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(100, 20))
	m = press(t, m, "a")
	m = press(t, m, strings.Split("https://news.example/", "")...)
	return press(t, m, "enter"), written
}

func TestAddFeedFromAPageOfSeveral(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want string // the feed subscribed, "" none
	}{
		{"enter takes the first not subscribed", []string{"enter"}, "https://news.example/sport.atom"},
		{"j moves down", []string{"j", "enter"}, "https://news.example/culture.json"},
		{"a digit picks", []string{"3"}, "https://news.example/culture.json"},
		{"esc adds nothing", []string{"esc"}, ""},
		{"typing on adds nothing", []string{"x", "enter"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, written := addFromPageOfSeveral(t)
			if !m.pick.open || len(*written) != 0 {
				t.Fatalf("no choice offered (written %q):\n%s", *written, m.View())
			}
			v := m.View()
			checkFrame(t, v, 100, 20)
			for _, want := range []string{"3 feeds on https://news.example/", "World News (subscribed)",
				"›2 Sport  https://news.example/sport.atom", "esc cancels"} {
				if !strings.Contains(v, want) {
					t.Fatalf("the choice lacks %q:\n%s", want, v)
				}
			}
			if strings.Contains(v, "[31m") {
				t.Fatalf("a page's feed title reached the screen unfiltered:\n%s", v)
			}
			m = press(t, m, tc.keys...)
			var want []string
			if tc.want != "" {
				want = []string{tc.want}
			}
			if m.pick.open || !slices.Equal(*written, want) {
				t.Fatalf("choice open %v, subscribed to %q; want closed, %q", m.pick.open, *written, want)
			}
		})
	}
}

func TestRemovingAFeedClosesItsStory(t *testing.T) {
	tests := []struct {
		name string
		open []string // keys that open a story
		gone bool     // its feed is the one removed
	}{
		{"the story's feed", []string{"j", "enter"}, true},
		{"another feed", []string{"enter"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := started(t, sampleStore(), 160, 40)
			m = press(t, m, tc.open...)
			m = press(t, m, "h", "h", "j", "j", "j", "j", "j", "j", "d", "y") // Tech Daily
			if got := m.reader.id == 0; got != tc.gone {
				t.Fatalf("reader emptied: %v, want %v:\n%s", got, tc.gone, m.View())
			}
			if got := strings.Contains(m.View(), "Select a story"); got != tc.gone {
				t.Fatalf("reader shows its hint: %v, want %v:\n%s", got, tc.gone, m.View())
			}
		})
	}
}

// startAdd types url into the add prompt and presses enter, holding back
// the command that subscribes.
func startAdd(t *testing.T, m model, url string) (model, tea.Cmd) {
	t.Helper()
	m = press(t, m, "a")
	m = press(t, m, strings.Split(url, "")...)
	next, cmd := m.Update(keyMsg("enter"))
	return next.(model), cmd
}

func TestFeedChangesInFlightKeepEachOther(t *testing.T) {
	const one, two, old = "https://one.example/rss", "https://two.example/rss", "https://news.example/rss"
	tests := []struct {
		name     string
		reversed bool // the second command lands first
	}{{"in order", false}, {"second lands first", true}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			b := testBackend(fs)
			cfg := configOnDisk(t, &b, old)
			m := newModel(b, cfg, darkTheme())
			m = drive(t, m, m.Init())
			m = send(t, m, sizeMsg(160, 40))
			m, first := startAdd(t, m, one)
			m, second := startAdd(t, m, two)
			third := m.b.removeFeed(m.cfg.Path, old) // what confirming d sends
			cmds := []tea.Cmd{first, second, third}
			if tc.reversed {
				slices.Reverse(cmds)
			}
			for _, c := range cmds {
				m = drive(t, m, c)
			}
			want := []string{one, two}
			var got, subs []string
			for _, f := range m.cfg.Feeds {
				got = append(got, f.URL)
			}
			for _, s := range fs.subs {
				subs = append(subs, s.URL)
			}
			slices.Sort(got)
			slices.Sort(subs)
			if !slices.Equal(got, want) || !slices.Equal(subs, want) {
				t.Fatalf("config feeds %q, store subscriptions %q; want both %q", got, subs, want)
			}
		})
	}
}

func TestFeedAddedKeepsSettingsReloadedMeanwhile(t *testing.T) {
	fs := sampleStore()
	b := testBackend(fs)
	cfg := configOnDisk(t, &b)
	m := newModel(b, cfg, darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	m, add := startAdd(t, m, "https://one.example/rss")
	edited := *cfg
	edited.Reader.MarkReadOnOpen = !cfg.Reader.MarkReadOnOpen
	m = send(t, m, configReloadedMsg{cfg: &edited})
	m = drive(t, m, add)
	if m.cfg.Reader.MarkReadOnOpen != edited.Reader.MarkReadOnOpen {
		t.Fatal("adding a feed put back the settings from before the reload")
	}
	if len(m.cfg.Feeds) != 1 || m.cfg.Feeds[0].URL != "https://one.example/rss" {
		t.Fatalf("config feeds %v, want the one added", m.cfg.Feeds)
	}
}
