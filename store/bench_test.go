package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

// refreshItems is a 200-item feed document with bodies of realistic size;
// prefix makes the GUIDs of one refresh distinct from another's.
func refreshItems(prefix string) []feeds.Item {
	body := strings.Repeat("<p>Officials said on Tuesday that talks would resume &amp; continue.</p>\n", 40)
	out := make([]feeds.Item, 200)
	for i := range out {
		link := fmt.Sprintf("https://news.example/%s/%d", prefix, i)
		out[i] = feeds.Item{GUID: link, Link: link, Title: fmt.Sprintf("Story %d of %s", i, prefix),
			Author: "Staff writer", Published: t0.Add(time.Duration(i) * time.Minute),
			Summary:  "<p>A short summary of the story, a sentence or two long.</p>",
			Content:  body,
			Comments: feeds.Comments{Count: intp(i), URL: link + "#comments"},
			Photo:    &feeds.Photo{URL: link + ".jpg", Caption: "A caption", Credit: "Agency"}}
	}
	return out
}

// BenchmarkSaveFetch stores one 200-item refresh per iteration: "new"
// inserts 200 unseen items (and indexes them), "unchanged" re-saves a
// refresh the store already holds, the common case on a timer.
func BenchmarkSaveFetch(b *testing.B) {
	for _, mode := range []string{"new", "unchanged"} {
		b.Run(mode, func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, b.TempDir()+"/bench.db")
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			same := refreshItems("same")
			if _, err := s.SaveFetch(ctx, Fetched{URL: feedA, Feed: feeds.Feed{Items: same}}); err != nil {
				b.Fatal(err)
			}
			n := 0
			for b.Loop() {
				list := same
				if mode == "new" {
					list = refreshItems(fmt.Sprint(n))
				}
				n++
				if _, err := s.SaveFetch(ctx, Fetched{URL: feedA, Feed: feeds.Feed{Items: list}}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*200)/b.Elapsed().Seconds(), "items/s")
		})
	}
}
