package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

const (
	feedB = "https://b.example/feed"
	feedC = "https://c.example/feed"
)

// library has three subscribed feeds: A (tag news, title override), B (tags
// news and tech), C (no tags), each with two stories at distinct times.
func library(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	subscribe(t, s,
		Subscription{URL: feedA, Title: "Alpha", Tags: []string{"news"}},
		Subscription{URL: feedB, Tags: []string{"News", "tech"}},
		Subscription{URL: feedC},
	)
	save(t, s, feedA, story("a1", 10), story("a2", 40))
	save(t, s, feedB, story("b1", 20), story("b2", 50))
	save(t, s, feedC, story("c1", 30), story("c2", 60))
	return s
}

func TestItemsOrderingAndFilters(t *testing.T) {
	ctx := context.Background()
	s := library(t)
	if err := s.SetRead(ctx, itemByGUID(t, s, "b2").ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, itemByGUID(t, s, "a1").ID, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		q     Query
		want  string
		count int
	}{
		{"all, newest first", Query{}, "[c2 b2 a2 c1 b1 a1]", 6},
		{"one feed", Query{FeedURL: feedB}, "[b2 b1]", 2},
		{"tag, any case", Query{Tag: "news"}, "[b2 a2 b1 a1]", 4},
		{"tag only on B", Query{Tag: "tech"}, "[b2 b1]", 2},
		{"unknown tag", Query{Tag: "sport"}, "[]", 0},
		{"unread", Query{Unread: true}, "[c2 a2 c1 b1 a1]", 5},
		{"starred", Query{Starred: true}, "[a1]", 1},
		{"limit", Query{Limit: 2}, "[c2 b2]", 6},
		{"limit and offset", Query{Limit: 2, Offset: 2}, "[a2 c1]", 6},
		{"offset past the end", Query{Offset: 10}, "[]", 6},
		{"unread in tag", Query{Tag: "news", Unread: true}, "[a2 b1 a1]", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := items(t, s, tt.q)
			if guids(got) != tt.want {
				t.Errorf("Items = %s, want %s", guids(got), tt.want)
			}
			n, err := s.CountItems(ctx, tt.q)
			if err != nil || n != tt.count {
				t.Errorf("CountItems = %d, %v; want %d", n, err, tt.count)
			}
		})
	}
}

func TestSameTimeOrdersByIDDescending(t *testing.T) {
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA})
	save(t, s, feedA, story("first", 5), story("second", 5), story("third", 5))
	if got := guids(items(t, s, Query{})); got != "[third second first]" {
		t.Errorf("Items = %s", got)
	}
}

func TestItemFields(t *testing.T) {
	ctx := context.Background()
	s := library(t)
	it := itemByGUID(t, s, "a2")
	want := story("a2", 40)
	if it.Title != want.Title || it.Link != want.Link || it.Author != want.Author ||
		!it.Published.Equal(want.Published) || it.Summary != want.Summary ||
		it.FeedURL != feedA || it.FeedTitle != "Alpha" || it.Photo != nil || it.Comments.Count != nil {
		t.Errorf("Item = %+v", it)
	}
	if b := itemByGUID(t, s, "b1"); b.FeedTitle != "Feed "+feedB {
		t.Errorf("feed title without override = %q", b.FeedTitle)
	}
	sum, content, err := s.Body(ctx, it.ID)
	if err != nil || sum != want.Summary || content != want.Content {
		t.Errorf("Body = %q, %q, %v", sum, content, err)
	}
	byLink, err := s.ItemByLink(ctx, want.Link)
	if err != nil || byLink.ID != it.ID {
		t.Errorf("ItemByLink = %+v, %v", byLink, err)
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	s := library(t)
	checks := map[string]error{
		"Item":        func() error { _, err := s.Item(ctx, 999); return err }(),
		"ItemByLink":  func() error { _, err := s.ItemByLink(ctx, "https://nowhere/"); return err }(),
		"Body":        func() error { _, _, err := s.Body(ctx, 999); return err }(),
		"SetRead":     s.SetRead(ctx, 999, true),
		"SetStarred":  s.SetStarred(ctx, 999, true),
		"DeleteFeed":  s.DeleteFeed(ctx, "https://nowhere/"),
		"SaveArticle": s.SaveArticle(ctx, 999, []byte("{}"), "x"),
		"Feed":        func() error { _, err := s.Feed(ctx, "https://nowhere/"); return err }(),
	}
	for name, err := range checks {
		t.Run(name, func(t *testing.T) {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", err)
			}
		})
	}
	if _, ok, err := s.Article(ctx, 999); ok || err != nil {
		t.Errorf("Article(999) = ok %v, %v; want false, nil", ok, err)
	}
}

func TestFeedsOrderTitlesAndCounts(t *testing.T) {
	ctx := context.Background()
	s := library(t)
	subscribe(t, s, // reorder; B loses its tags; D is new and never fetched
		Subscription{URL: feedC, Title: "Gamma"},
		Subscription{URL: "https://d.example/feed"},
		Subscription{URL: feedA, Title: "Alpha", Tags: []string{"news"}},
		Subscription{URL: feedB},
	)
	if err := s.SetRead(ctx, itemByGUID(t, s, "c1").ID, true); err != nil {
		t.Fatal(err)
	}
	got, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got {
		lines = append(lines, fmt.Sprintf("%s %v %d/%d %v", f.Title, f.Tags, f.Unread, f.Total, f.LastFetched.IsZero()))
	}
	want := []string{"Gamma [] 1/2 false", "https://d.example/feed [] 0/0 true",
		"Alpha [news] 2/2 false", "Feed " + feedB + " [] 2/2 false"}
	if fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("Feeds =\n%q\nwant\n%q", lines, want)
	}
}

func TestUnsubscribedFeedsAreHiddenAndKept(t *testing.T) {
	ctx := context.Background()
	s := library(t)
	star := itemByGUID(t, s, "b1").ID
	if err := s.SetStarred(ctx, star, true); err != nil {
		t.Fatal(err)
	}
	subscribe(t, s, Subscription{URL: feedA}, Subscription{URL: feedC})
	if got := guids(items(t, s, Query{})); got != "[c2 a2 c1 a1]" {
		t.Errorf("Items after dropping B = %s", got)
	}
	if fs, _ := s.Feeds(ctx); len(fs) != 2 {
		t.Errorf("Feeds after dropping B = %d feeds, want 2", len(fs))
	}
	subscribe(t, s, Subscription{URL: feedA}, Subscription{URL: feedB}, Subscription{URL: feedC})
	if it, err := s.Item(ctx, star); err != nil || !it.Starred {
		t.Errorf("B's starred item after resubscribing = %+v, %v", it, err)
	}
}

func TestDeleteFeedRemovesItemsArticlesAndIndex(t *testing.T) {
	ctx := context.Background()
	s := library(t)
	a1 := itemByGUID(t, s, "a1").ID
	if err := s.SaveArticle(ctx, a1, []byte(`{"t":1}`), "zeppelin"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteFeed(ctx, feedA); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT (SELECT count(*) FROM items WHERE feed_id NOT IN (SELECT id FROM feeds))
		+ (SELECT count(*) FROM articles) + (SELECT count(*) FROM items_fts WHERE items_fts MATCH 'zeppelin')`).
		Scan(&n); err != nil || n != 0 {
		t.Errorf("left behind %d rows (%v)", n, err)
	}
	if got := guids(items(t, s, Query{})); got != "[c2 b2 c1 b1]" {
		t.Errorf("Items = %s", got)
	}
	subscribe(t, s, Subscription{URL: feedA})
	save(t, s, feedA, story("a1", 10))
	if id := itemByGUID(t, s, "a1").ID; id <= a1 {
		t.Errorf("re-added item got id %d, want a fresh one above %d", id, a1)
	}
}

func TestMarkRead(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		q       Query
		changed int
		unread  string
	}{
		{"one feed", Query{FeedURL: feedA}, 2, "[c2 b2 c1 b1]"},
		{"tag", Query{Tag: "tech"}, 2, "[c2 a2 c1 a1]"},
		{"everything", Query{}, 6, "[]"},
		{"newest two", Query{Limit: 2}, 2, "[a2 c1 b1 a1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := library(t)
			n, err := s.MarkRead(ctx, tt.q)
			if err != nil || n != tt.changed {
				t.Errorf("MarkRead = %d, %v; want %d", n, err, tt.changed)
			}
			if got := guids(items(t, s, Query{Unread: true})); got != tt.unread {
				t.Errorf("unread = %s, want %s", got, tt.unread)
			}
			if n, _ := s.MarkRead(ctx, tt.q); n != 0 {
				t.Errorf("second MarkRead changed %d", n)
			}
		})
	}
}

func TestEmptyListsAreNotNil(t *testing.T) {
	s := openTest(t)
	if got := items(t, s, Query{}); got == nil {
		t.Error("Items on an empty store = nil, want empty slice")
	}
	got, err := s.Search(context.Background(), "anything", 10)
	if err != nil || got == nil {
		t.Errorf("Search on an empty store = %v, %v", got, err)
	}
}

func TestContextCancelled(t *testing.T) {
	s := library(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Items(ctx, Query{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Items: err = %v, want context.Canceled", err)
	}
	_, err := s.SaveFetch(ctx, Fetched{URL: feedA, At: time.Now(), Feed: feeds.Feed{Items: []feeds.Item{story("z", 1)}}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("SaveFetch: err = %v, want context.Canceled", err)
	}
}

func TestSyncSubscriptionsDuplicatesAndBlanks(t *testing.T) {
	s := openTest(t)
	subscribe(t, s,
		Subscription{URL: feedB, Title: "first"},
		Subscription{URL: "  "},
		Subscription{URL: feedA, Tags: []string{"", "\x1b[31mred\x1b[0m"}},
		Subscription{URL: feedB, Title: "second"},
	)
	got, err := s.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].URL != feedB || got[0].Title != "first" || got[1].URL != feedA ||
		fmt.Sprint(got[1].Tags) != "[red]" {
		t.Errorf("Feeds = %+v", got)
	}
}

// TestSyncSubscriptionsUnchangedOnlyReads: every command syncs at start,
// so a config that matches the table must not need the write lock (which
// a refresh in another process may hold); a changed one still waits for it.
func TestSyncSubscriptionsUnchangedOnlyReads(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "newsterm.db")
	s := openAt(t, path)
	subs := []Subscription{{URL: feedA, Title: "A", Tags: []string{"news"}}, {URL: feedB}}
	subscribe(t, s, subs...)

	other := openAt(t, path)
	conn, err := other.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")

	if err := s.SyncSubscriptions(ctx, subs); err != nil {
		t.Errorf("unchanged subscriptions while another writer holds the lock: %v", err)
	}
	short, cancel := context.WithCancel(ctx)
	cancel()
	changed := []Subscription{{URL: feedB}, {URL: feedA, Title: "A", Tags: []string{"news"}}}
	if err := s.SyncSubscriptions(short, changed); err == nil {
		t.Error("a changed order was saved without the write lock")
	}
}
