package cli

import (
	"reflect"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// TestFeedItemFillsEveryField fails when package article's FeedItem gains
// a field that the store's story does not fill in.
func TestFeedItemFillsEveryField(t *testing.T) {
	count := 4
	it := store.Item{
		ID: 7, FeedTitle: "City Desk", Title: "Council votes", Link: "https://citydesk.example/story",
		Author: "Jo Park", Published: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC),
		Photo:    &feeds.Photo{URL: "https://citydesk.example/p.jpg"},
		Comments: feeds.Comments{URL: "https://citydesk.example/story#c", Count: &count},
	}
	fi := feedItem(it, "<p>Summary.</p>", "<p>Content.</p>")
	v := reflect.ValueOf(fi)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Errorf("FeedItem.%s is not filled in", v.Type().Field(i).Name)
		}
	}
	if fi.Section != "City Desk" || fi.Summary != "<p>Summary.</p>" || fi.Content != "<p>Content.</p>" || fi.Photo != it.Photo {
		t.Errorf("feedItem = %+v", fi)
	}
}
