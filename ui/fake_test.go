package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

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
	cacheErr error // reading the article cache fails with this when set
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
	if f.cacheErr != nil {
		return nil, false, f.cacheErr
	}
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
