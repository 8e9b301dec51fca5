package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

const feedA = "https://a.example/feed"

func TestRefreshKeepsReadAndStarred(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA})
	if n := save(t, s, feedA, story("1", 1), story("2", 2)); n != 2 {
		t.Fatalf("first fetch: %d new, want 2", n)
	}
	one, two := itemByGUID(t, s, "1"), itemByGUID(t, s, "2")
	if err := s.SetRead(ctx, one.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, two.ID, true); err != nil {
		t.Fatal(err)
	}
	changed := story("1", 1)
	changed.Title = "Story 1, corrected"
	changed.Content = "<p>new body</p>"
	if n := save(t, s, feedA, changed, story("2", 2)); n != 0 {
		t.Fatalf("refresh: %d new, want 0", n)
	}
	got1, got2 := itemByGUID(t, s, "1"), itemByGUID(t, s, "2")
	if !got1.Read || got1.Starred || got1.Title != "Story 1, corrected" {
		t.Errorf("item 1 after refresh = read %v starred %v title %q", got1.Read, got1.Starred, got1.Title)
	}
	if got2.Read || !got2.Starred {
		t.Errorf("item 2 after refresh = read %v starred %v", got2.Read, got2.Starred)
	}
	if got1.ID != one.ID || got2.ID != two.ID {
		t.Errorf("ids changed: %d,%d → %d,%d", one.ID, two.ID, got1.ID, got2.ID)
	}
}

func TestItemsThatLeaveTheFeedStay(t *testing.T) {
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA})
	save(t, s, feedA, story("old", 1), story("mid", 2))
	if n := save(t, s, feedA, story("mid", 2), story("new", 3)); n != 1 {
		t.Fatalf("second fetch: %d new, want 1", n)
	}
	if got := guids(items(t, s, Query{})); got != "[new mid old]" {
		t.Errorf("items = %s, want [new mid old]", got)
	}
}

func TestDuplicateGUIDs(t *testing.T) {
	tests := []struct {
		name    string
		items   []feeds.Item
		wantNew int
		want    string
	}{
		{"same guid twice in one fetch", []feeds.Item{story("x", 1), story("x", 1)}, 1, "[x]"},
		{"same guid, different text", []feeds.Item{story("x", 1), func() feeds.Item {
			it := story("x", 2)
			it.Title = "second copy"
			return it
		}()}, 1, "[x]"},
		{"no guid falls back to link", []feeds.Item{{Link: "https://e/1", Title: "a"},
			{Link: "https://e/1", Title: "b"}}, 1, "[https://e/1]"},
		{"no guid, no link: title and date", []feeds.Item{{Title: "a", Published: t0},
			{Title: "a", Published: t0}, {Title: "b", Published: t0}}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			subscribe(t, s, Subscription{URL: feedA})
			if n := save(t, s, feedA, tt.items...); n != tt.wantNew {
				t.Errorf("new = %d, want %d", n, tt.wantNew)
			}
			got := items(t, s, Query{})
			if len(got) != tt.wantNew {
				t.Errorf("stored %d items, want %d", len(got), tt.wantNew)
			}
			if tt.want != "" && guids(got) != tt.want {
				t.Errorf("guids = %s, want %s", guids(got), tt.want)
			}
		})
	}
}

func TestCommentsAndPhotoRoundTrip(t *testing.T) {
	tests := []struct {
		name     string
		comments feeds.Comments
		photo    *feeds.Photo
	}{
		{"unknown count", feeds.Comments{URL: "https://e/c"}, nil},
		{"zero comments", feeds.Comments{Count: intp(0)}, nil},
		{"23 comments and a photo", feeds.Comments{Count: intp(23), URL: "https://e/c"},
			&feeds.Photo{URL: "https://e/p.jpg", Caption: "Pakistani protesters in Multan",
				Credit: "Khalid Tanveer/Reuters", Width: 800, Height: 600}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			subscribe(t, s, Subscription{URL: feedA})
			it := story("c", 1)
			it.Comments, it.Photo = tt.comments, tt.photo
			save(t, s, feedA, it)
			got := itemByGUID(t, s, "c")
			if (got.Comments.Count == nil) != (tt.comments.Count == nil) ||
				(got.Comments.Count != nil && *got.Comments.Count != *tt.comments.Count) {
				t.Errorf("count = %v, want %v", got.Comments.Count, tt.comments.Count)
			}
			if got.Comments.URL != tt.comments.URL {
				t.Errorf("comments url = %q, want %q", got.Comments.URL, tt.comments.URL)
			}
			if (got.Photo == nil) != (tt.photo == nil) || (got.Photo != nil && *got.Photo != *tt.photo) {
				t.Errorf("photo = %+v, want %+v", got.Photo, tt.photo)
			}
		})
	}
}

func TestPublishedFallsBackToFirstSeen(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA})
	undated := feeds.Item{GUID: "u", Title: "undated"}
	first := t0.Add(time.Hour)
	for i, at := range []time.Time{first, first.Add(time.Hour)} {
		if _, err := s.SaveFetch(ctx, Fetched{URL: feedA, At: at, Feed: feeds.Feed{Items: []feeds.Item{undated}}}); err != nil {
			t.Fatalf("fetch %d: %v", i, err)
		}
		if got := itemByGUID(t, s, "u").Published; !got.Equal(first) {
			t.Errorf("fetch %d: published = %v, want first seen %v", i, got, first)
		}
	}
	dated := undated
	dated.Published = t0
	save(t, s, feedA, dated)
	if got := itemByGUID(t, s, "u").Published; !got.Equal(t0) {
		t.Errorf("after the feed gave a date: published = %v, want %v", got, t0)
	}
}

func TestSaveFetchOutcomes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	subscribe(t, s, Subscription{URL: feedA})
	v := feeds.Validators{ETag: `"abc"`, LastModified: "Sat, 01 Mar 2025 12:00:00 GMT"}
	if _, err := s.SaveFetch(ctx, Fetched{URL: feedA, At: t0, Validators: v,
		Feed: feeds.Feed{Title: "A feed", SiteURL: "https://a.example/", Items: []feeds.Item{story("1", 1)}}}); err != nil {
		t.Fatal(err)
	}
	fail := errors.New("fetch https://a.example/feed: 503 \x1b]0;pwned\x07Service Unavailable")
	if _, err := s.SaveFetch(ctx, Fetched{URL: feedA, At: t0.Add(time.Hour), Err: fail}); err != nil {
		t.Fatal(err)
	}
	f := feedNamed(t, s, feedA)
	if f.LastError != "fetch https://a.example/feed: 503 Service Unavailable" {
		t.Errorf("last error = %q", f.LastError)
	}
	if !f.LastFetched.Equal(t0.Add(time.Hour)) || f.Validators != v || f.Total != 1 || f.Title != "A feed" {
		t.Errorf("after error: %+v", f)
	}
	if _, err := s.SaveFetch(ctx, Fetched{URL: feedA, At: t0.Add(2 * time.Hour), NotModified: true}); err != nil {
		t.Fatal(err)
	}
	f = feedNamed(t, s, feedA)
	if f.LastError != "" || !f.LastFetched.Equal(t0.Add(2*time.Hour)) || f.Validators != v || f.Total != 1 {
		t.Errorf("after 304: %+v", f)
	}
}

func TestSaveFetchOfUnknownURLStaysHiddenUntilSubscribed(t *testing.T) {
	s := openTest(t)
	const u = "https://new.example/feed"
	if n := save(t, s, u, story("1", 1)); n != 1 {
		t.Fatalf("new = %d, want 1", n)
	}
	if fs, err := s.Feeds(context.Background()); err != nil || len(fs) != 0 {
		t.Fatalf("Feeds before subscribing = %+v, %v; want none", fs, err)
	}
	subscribe(t, s, Subscription{URL: u})
	if got := items(t, s, Query{}); len(got) != 1 {
		t.Errorf("items after subscribing = %d, want 1", len(got))
	}
}

func feedNamed(t *testing.T, s *Store, url string) Feed {
	t.Helper()
	f, err := s.Feed(context.Background(), url)
	if err != nil {
		t.Fatalf("Feed(%s): %v", url, err)
	}
	return f
}
