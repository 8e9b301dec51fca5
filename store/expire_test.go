package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

const day = 24 * time.Hour

// fetchAt saves a successful fetch of feedA at t0 plus after.
func fetchAt(t *testing.T, s *Store, after time.Duration, list ...feeds.Item) {
	t.Helper()
	_, err := s.SaveFetch(context.Background(), Fetched{URL: feedA, At: t0.Add(after), Feed: feeds.Feed{Items: list}})
	if err != nil {
		t.Fatalf("SaveFetch at +%v: %v", after, err)
	}
}

// expiryWorld is a feed whose stories a, b, c and d were all fetched at
// t0; a (read), b (read and starred) and c (unread) left the feed a day
// later, while d (read) stays in it.
func expiryWorld(t *testing.T, keep time.Duration) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	s.SetExpiry(keep)
	subscribe(t, s, Subscription{URL: feedA})
	fetchAt(t, s, 0, story("a", 1), story("b", 2), story("c", 3), story("d", 4))
	for _, g := range []string{"a", "b", "d"} {
		if err := s.SetRead(ctx, itemByGUID(t, s, g).ID, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetStarred(ctx, itemByGUID(t, s, "b").ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveArticle(ctx, itemByGUID(t, s, "a").ID, []byte(`{}`), "a capybara crossed"); err != nil {
		t.Fatal(err)
	}
	fetchAt(t, s, day, story("d", 4))
	return s
}

func TestExpiry(t *testing.T) {
	tests := []struct {
		name  string
		keep  time.Duration
		then  func(t *testing.T, s *Store)
		guids string
	}{
		{"keep forever by default", 0, func(t *testing.T, s *Store) { fetchAt(t, s, 400*day, story("d", 4)) }, "[d c b a]"},
		{"not yet", 7 * day, func(t *testing.T, s *Store) { fetchAt(t, s, 7*day, story("d", 4)) }, "[d c b a]"},
		{"read and unstarred goes after keep", 7 * day, func(t *testing.T, s *Store) {
			fetchAt(t, s, 9*day, story("d", 4))
		}, "[d c b]"},
		{"a 304 applies the rule too", 7 * day, func(t *testing.T, s *Store) {
			_, err := s.SaveFetch(context.Background(), Fetched{URL: feedA, At: t0.Add(9 * day), NotModified: true})
			if err != nil {
				t.Fatal(err)
			}
		}, "[d c b]"},
		{"a failed fetch deletes nothing", 7 * day, func(t *testing.T, s *Store) {
			_, err := s.SaveFetch(context.Background(), Fetched{URL: feedA, At: t0.Add(9 * day), Err: errors.New("down")})
			if err != nil {
				t.Fatal(err)
			}
		}, "[d c b a]"},
		{"a story back in the feed starts again", 7 * day, func(t *testing.T, s *Store) {
			fetchAt(t, s, 5*day, story("a", 1), story("d", 4))
			fetchAt(t, s, 9*day, story("a", 1), story("d", 4))
			fetchAt(t, s, 10*day, story("d", 4)) // gone again: the clock restarts
			fetchAt(t, s, 16*day, story("d", 4))
		}, "[d c b a]"},
		{"back and gone again, then expired", 7 * day, func(t *testing.T, s *Store) {
			fetchAt(t, s, 5*day, story("a", 1), story("d", 4))
			fetchAt(t, s, 6*day, story("d", 4))
			fetchAt(t, s, 14*day, story("d", 4))
		}, "[d c b]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := expiryWorld(t, tt.keep)
			tt.then(t, s)
			if got := guids(items(t, s, Query{})); got != tt.guids {
				t.Errorf("items = %s, want %s", got, tt.guids)
			}
			found, err := s.Search(context.Background(), "capybara", 0)
			if err != nil {
				t.Fatal(err)
			}
			var articles int
			if err := s.db.QueryRow("SELECT count(*) FROM articles").Scan(&articles); err != nil {
				t.Fatal(err)
			}
			if kept := tt.guids == "[d c b a]"; kept != (len(found) == 1) || kept != (articles == 1) {
				t.Errorf("a kept = %v, but search finds %d and %d articles are cached", kept, len(found), articles)
			}
		})
	}
}

// A story still in its feed is never counted as gone, and one that leaves
// is, whatever bytes its GUID holds.
func TestExpiryFollowsEveryKey(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	s.SetExpiry(day)
	subscribe(t, s, Subscription{URL: feedA})
	odd := story("caf\xe9 \"quoted\" \\ [1]", 1)
	noGUID := story("", 2)
	fetchAt(t, s, 0, odd, noGUID)
	for _, it := range items(t, s, Query{}) {
		if err := s.SetRead(ctx, it.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	gone := func() int {
		t.Helper()
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM items_left").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	fetchAt(t, s, 30*day, odd, noGUID)
	fetchAt(t, s, 60*day, odd, noGUID)
	if got := items(t, s, Query{}); len(got) != 2 || gone() != 0 {
		t.Fatalf("while listed: %d items, %d counted as gone; want 2 and 0", len(got), gone())
	}
	fetchAt(t, s, 61*day, noGUID)
	if gone() != 1 {
		t.Fatalf("after the odd key left: %d counted as gone, want 1", gone())
	}
	fetchAt(t, s, 63*day, noGUID)
	if got := items(t, s, Query{}); len(got) != 1 || got[0].Link != noGUID.Link {
		t.Errorf("after expiry: %s, want only the item without a GUID", guids(got))
	}
}

// Items stored before the expiry rule existed count as listed, so the first
// fetch after the upgrade notices the ones already gone from the feed.
func TestExpiryAfterMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	oldDatabase(t, path) // feedA with g1 (read) and g2 (unread)
	s := openAt(t, path)
	s.SetExpiry(day)
	subscribe(t, s, Subscription{URL: feedA})
	fetchAt(t, s, 0, story("g2", 1))
	if got := guids(items(t, s, Query{})); got != "[g2 g1]" {
		t.Fatalf("right after the upgrade: %s, want [g2 g1]", got)
	}
	fetchAt(t, s, 2*day, story("g2", 1))
	if got := guids(items(t, s, Query{})); got != "[g2]" {
		t.Errorf("two days later: %s, want [g2]: g1 is read and gone from the feed", got)
	}
}
