package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/newsterm/newsterm/article"
	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/store"
)

// fakeRender is a stand-in for article.Render that shows what it was
// asked: the title, the width and the body.
func fakeRender(a article.Article, width int, _ string) (string, error) {
	return fmt.Sprintf("%s\n(rendered at %d)\n\n%s", a.Title, width, a.Body), nil
}

// testBackend wires a backend over fs with fakes for the network.
func testBackend(fs *fakeStore) backend {
	return backend{
		ctx: context.Background(),
		db:  fs,
		refresh: func(ctx context.Context, list []store.Feed, p refresh.Progress) (refresh.Summary, error) {
			for i, f := range list {
				if p != nil {
					p(i+1, len(list), f.URL, nil)
				}
			}
			return refresh.Summary{Feeds: len(list), Failed: []refresh.Failure{}}, nil
		},
		loadArticle: func(_ context.Context, it article.FeedItem) (article.Article, string, error) {
			return article.Article{Title: it.Title, URL: it.Link, Body: "Body of " + it.Title, Source: "page"}, "", nil
		},
		render:  fakeRender,
		marshal: func(a article.Article) ([]byte, error) { return json.Marshal(a) },
		unmarshal: func(data []byte) (article.Article, error) {
			var a article.Article
			err := json.Unmarshal(data, &a)
			return a, err
		},
		plainText:        func(a article.Article) string { return a.Title + "\n" + a.Body },
		fetchPage:        func(context.Context, string) (feeds.Page, error) { return feeds.Page{}, fmt.Errorf("offline") },
		addToConfig:      func(string, config.Feed) (bool, error) { return true, nil },
		removeFromConfig: func(string, string) (bool, error) { return true, nil },
		loadConfig:       config.Load,
		reload:           func() (*config.Config, error) { return config.Default(), nil },
		openURL:          func([]string) error { return nil },
		clipboard:        &strings.Builder{},
		getenv:           func(string) string { return "" },
		now:              func() time.Time { return testNow },
	}
}

// testConfig is the defaults with refresh-on-start off, so tests decide
// when a refresh happens.
func testConfig() *config.Config {
	c := config.Default()
	c.Path = "/nonexistent/config.toml"
	c.Reader.RefreshOnStart = false
	return c
}

// drive runs cmd and every command its messages lead to, feeding each
// message to the model, until nothing is left. Spinner ticks are dropped
// (they would tick forever) and so is quitting.
func drive(t testing.TB, m model, cmd tea.Cmd) model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, spinner.TickMsg, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			next, more := m.Update(msg)
			m = next.(model)
			queue = append(queue, more)
		}
	}
	return m
}

// send delivers msg and runs what follows from it.
func send(t testing.TB, m model, msg tea.Msg) model {
	t.Helper()
	next, cmd := m.Update(msg)
	return drive(t, next.(model), cmd)
}

// press types keys: names such as "enter", "esc", "tab", or single runes.
func press(t testing.TB, m model, keys ...string) model {
	t.Helper()
	for _, k := range keys {
		m = send(t, m, keyMsg(k))
	}
	return m
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace, " ": tea.KeySpace,
	}
	if t, ok := named[k]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: t, Runes: []rune{' '}}
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// started is a model over fs at w×h with its first load done.
func started(t testing.TB, fs *fakeStore, w, h int) model {
	t.Helper()
	m := newModel(testBackend(fs), testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// sampleStore has two tagged feeds, one untagged, and a few stories.
func sampleStore() *fakeStore {
	fs := newFakeStore()
	fs.addFeed("https://news.example/rss", "World News", "news")
	fs.addFeed("https://tech.example/atom", "Tech Daily", "tech")
	fs.addFeed("https://blog.example/feed.json", "A Blog")
	titles := []string{"Markets rally", "新しい研究が発表された", "Launch day 🚀", "Elections", "Café opens", "Rust 2.0"}
	urls := []string{"https://news.example/rss", "https://tech.example/atom", "https://blog.example/feed.json"}
	for i, title := range titles {
		fs.addItem(urls[i%3], title, time.Duration(i+1)*3*time.Hour+time.Duration(i)*24*time.Hour)
	}
	// Known and unknown comment counts, and a photo.
	zero, many := 0, 1234
	fs.items[0].Comments.Count = &many
	fs.items[2].Comments.Count = &zero
	fs.items[1].Photo = &feeds.Photo{URL: "https://tech.example/a.jpg", Caption: "A lab"}
	fs.items[3].Starred = true
	return fs
}

// Short names for signatures the tests replace.
type (
	contextT        = context.Context
	articleFeedItem = article.FeedItem
	articleT        = article.Article
)

func fakeArticle(title string) article.Article {
	return article.Article{Title: title, Body: title + " body", Source: "page"}
}

func visibleWidth(s string) int { return lipgloss.Width(s) }

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func keyCtrl(name string) tea.KeyMsg {
	for t := tea.KeyCtrlAt; t <= tea.KeyCtrlUnderscore; t++ {
		if t.String() == name {
			return tea.KeyMsg{Type: t}
		}
	}
	panic("no key " + name)
}
