package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
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

// testNow is the injected clock of every test.
var testNow = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// fakeStore is an in-memory itemStore: the same ordering and filters as
// the real store, without SQLite.
type fakeStore struct {
	mu       sync.Mutex
	feeds    []store.Feed
	items    []store.Item // any order; queries sort
	bodies   map[int64][2]string
	articles map[int64][]byte
	subs     []store.Subscription
	failWith error // every write fails with this when set
	nextID   int64
}

func newFakeStore() *fakeStore {
	return &fakeStore{bodies: map[int64][2]string{}, articles: map[int64][]byte{}}
}

func (f *fakeStore) addFeed(url, title string, tags ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.feeds = append(f.feeds, store.Feed{ID: int64(len(f.feeds) + 1), URL: url, Title: title, Tags: tags})
}

// addItem stores a story of feed url published ago before testNow.
func (f *fakeStore) addItem(url, title string, ago time.Duration) store.Item {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	it := store.Item{ID: f.nextID, FeedURL: url, Title: title, Link: fmt.Sprintf("https://example.com/%d", f.nextID),
		Published: testNow.Add(-ago)}
	for _, fd := range f.feeds {
		if fd.URL == url {
			it.FeedID, it.FeedTitle = fd.ID, fd.Title
		}
	}
	f.items = append(f.items, it)
	f.bodies[it.ID] = [2]string{"<p>Summary of " + title + "</p>", ""}
	return it
}

func (f *fakeStore) match(it store.Item, q store.Query) bool {
	if q.FeedURL != "" && it.FeedURL != q.FeedURL || q.Unread && it.Read || q.Starred && !it.Starred {
		return false
	}
	if q.Tag != "" {
		for _, fd := range f.feeds {
			if fd.URL == it.FeedURL && hasTag(fd, q.Tag) {
				return true
			}
		}
		return false
	}
	return true
}

func (f *fakeStore) sorted(q store.Query) []store.Item {
	var out []store.Item
	for _, it := range f.items {
		if f.match(it, q) {
			out = append(out, it)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Published.Equal(out[j].Published) {
			return out[i].Published.After(out[j].Published)
		}
		return out[i].ID > out[j].ID
	})
	return out
}

func (f *fakeStore) Feeds(context.Context) ([]store.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]store.Feed, len(f.feeds))
	for i, fd := range f.feeds {
		fd.Unread, fd.Total = 0, 0
		for _, it := range f.items {
			if it.FeedURL == fd.URL {
				fd.Total++
				if !it.Read {
					fd.Unread++
				}
			}
		}
		out[i] = fd
	}
	return out, nil
}

func (f *fakeStore) Items(_ context.Context, q store.Query) ([]store.Item, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	all := f.sorted(q)
	lo := min(q.Offset, len(all))
	hi := len(all)
	if q.Limit > 0 {
		hi = min(lo+q.Limit, hi)
	}
	return append([]store.Item(nil), all[lo:hi]...), nil
}

func (f *fakeStore) CountItems(_ context.Context, q store.Query) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, it := range f.items {
		if f.match(it, q) {
			n++
		}
	}
	return n, nil
}

func (f *fakeStore) Item(_ context.Context, id int64) (store.Item, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, it := range f.items {
		if it.ID == id {
			return it, nil
		}
	}
	return store.Item{}, store.ErrNotFound
}

func (f *fakeStore) Body(_ context.Context, id int64) (string, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b := f.bodies[id]
	return b[0], b[1], nil
}

// Search matches every word of query in title or body, case-insensitive.
func (f *fakeStore) Search(_ context.Context, query string, limit int) ([]store.Item, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.Item
	for _, it := range f.sorted(store.Query{}) {
		text := strings.ToLower(it.Title + " " + f.bodies[it.ID][0] + " " + f.bodies[it.ID][1])
		ok := true
		for _, w := range strings.Fields(strings.ToLower(query)) {
			ok = ok && strings.Contains(text, w)
		}
		if ok && len(out) < limit {
			out = append(out, it)
		}
	}
	return out, nil
}

func (f *fakeStore) set(id int64, change func(*store.Item)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failWith != nil {
		return f.failWith
	}
	for i := range f.items {
		if f.items[i].ID == id {
			change(&f.items[i])
			return nil
		}
	}
	return store.ErrNotFound
}

func (f *fakeStore) SetRead(_ context.Context, id int64, read bool) error {
	return f.set(id, func(it *store.Item) { it.Read = read })
}

func (f *fakeStore) SetStarred(_ context.Context, id int64, starred bool) error {
	return f.set(id, func(it *store.Item) { it.Starred = starred })
}

func (f *fakeStore) MarkRead(_ context.Context, q store.Query) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for i := range f.items {
		if f.match(f.items[i], q) && !f.items[i].Read {
			f.items[i].Read = true
			n++
		}
	}
	return n, nil
}

func (f *fakeStore) SaveArticle(_ context.Context, id int64, data []byte, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.articles[id] = data
	return nil
}

func (f *fakeStore) Article(_ context.Context, id int64) ([]byte, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.articles[id]
	return d, ok, nil
}

// SyncSubscriptions records subs and adds feeds it has not seen.
func (f *fakeStore) SyncSubscriptions(_ context.Context, subs []store.Subscription) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.subs = subs
	for _, s := range subs {
		known := false
		for _, fd := range f.feeds {
			known = known || fd.URL == s.URL
		}
		if !known {
			f.feeds = append(f.feeds, store.Feed{ID: int64(len(f.feeds) + 1), URL: s.URL, Title: s.Title, Tags: s.Tags})
		}
	}
	return nil
}

func (f *fakeStore) DeleteFeed(_ context.Context, url string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	var keep []store.Item
	for _, it := range f.items {
		if it.FeedURL != url {
			keep = append(keep, it)
		}
	}
	f.items = keep
	var feedsLeft []store.Feed
	for _, fd := range f.feeds {
		if fd.URL != url {
			feedsLeft = append(feedsLeft, fd)
		}
	}
	f.feeds = feedsLeft
	return nil
}

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
