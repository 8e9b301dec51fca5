package cli_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// TestRefreshExpiresOldStories checks that [store] keep_days reaches the
// store: a read story that left its feed ten days ago is deleted by the
// next refresh when keep_days is 7, and kept when the setting is absent.
func TestRefreshExpiresOldStories(t *testing.T) {
	tests := []struct {
		name     string
		settings string
		want     int // stories of the left-behind kind still stored
	}{
		{"keep forever by default", "", 1},
		{"keep_days = 30", "[store]\nkeep_days = 30\n\n", 1},
		{"keep_days = 7", "[store]\nkeep_days = 7\n\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t).with(t)
			feedURL := w.url("news.rss")
			conf := tt.settings + "[[feed]]\nurl = \"" + feedURL + "\"\n"
			if err := os.WriteFile(w.config, []byte(conf), 0o600); err != nil {
				t.Fatal(err)
			}
			leftBehind(t, w.db, feedURL)
			w.mustRun("refresh")
			n := 0
			for _, it := range w.items() {
				if it.Link == "https://old.example/story" {
					n++
				}
			}
			if n != tt.want {
				t.Errorf("%d left-behind stories after refresh, want %d", n, tt.want)
			}
		})
	}
}

// leftBehind stores a read story in feedURL that the feed listed twenty
// days ago and had dropped ten days ago.
func leftBehind(t *testing.T, path, feedURL string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SyncSubscriptions(ctx, []store.Subscription{{URL: feedURL}}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	old := feeds.Item{GUID: "old", Title: "An old story", Link: "https://old.example/story", Published: now.Add(-21 * 24 * time.Hour)}
	for _, f := range []store.Fetched{
		{URL: feedURL, At: now.Add(-20 * 24 * time.Hour), Feed: feeds.Feed{Items: []feeds.Item{old}}},
		{URL: feedURL, At: now.Add(-10 * 24 * time.Hour)},
	} {
		if _, err := db.SaveFetch(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	it, err := db.ItemByLink(ctx, old.Link)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetRead(ctx, it.ID, true); err != nil {
		t.Fatal(err)
	}
}
