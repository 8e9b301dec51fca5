package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

// t0 is the clock the tests start from.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func openTest(t *testing.T) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "newsterm.db"))
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func intp(n int) *int { return &n }

// story builds an item dated minutes after t0.
func story(guid string, minutes int) feeds.Item {
	return feeds.Item{
		GUID:      guid,
		Title:     "Story " + guid,
		Link:      "https://example.com/" + guid,
		Author:    "Staff writer",
		Published: t0.Add(time.Duration(minutes) * time.Minute),
		Summary:   "<p>Summary of " + guid + "</p>",
		Content:   "<p>Content of " + guid + "</p>",
	}
}

func subscribe(t *testing.T, s *Store, subs ...Subscription) {
	t.Helper()
	if err := s.SyncSubscriptions(context.Background(), subs); err != nil {
		t.Fatalf("SyncSubscriptions: %v", err)
	}
}

func save(t *testing.T, s *Store, url string, items ...feeds.Item) int {
	t.Helper()
	n, err := s.SaveFetch(context.Background(), Fetched{
		URL:  url,
		At:   t0.Add(24 * time.Hour),
		Feed: feeds.Feed{Title: "Feed " + url, SiteURL: url + "/site", Items: items},
	})
	if err != nil {
		t.Fatalf("SaveFetch %s: %v", url, err)
	}
	return n
}

func items(t *testing.T, s *Store, q Query) []Item {
	t.Helper()
	got, err := s.Items(context.Background(), q)
	if err != nil {
		t.Fatalf("Items(%+v): %v", q, err)
	}
	return got
}

func guids(list []Item) string {
	var out []string
	for _, it := range list {
		out = append(out, it.GUID)
	}
	return fmt.Sprint(out)
}

func itemByGUID(t *testing.T, s *Store, guid string) Item {
	t.Helper()
	var id int64
	if err := s.db.QueryRow("SELECT id FROM items WHERE guid = ?", guid).Scan(&id); err != nil {
		t.Fatalf("find %s: %v", guid, err)
	}
	it, err := s.Item(context.Background(), id)
	if err != nil {
		t.Fatalf("Item(%d): %v", id, err)
	}
	return it
}
