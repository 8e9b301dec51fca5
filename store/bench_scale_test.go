package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

// scaleWords is the vocabulary of the generated stories; "zeppelin" is
// rare (one story in a thousand has it), the others common.
var scaleWords = strings.Fields(`the of and to in said would talks government officials
	network border security election parliament economy market energy climate research
	university hospital court police minister president army village province capital
	railway museum orchestra satellite telescope glacier rainforest football tournament
	Islamabad Kabul Waziristan Peshawar Haqqani Multan Reuters Tuesday Kraków São Paulo`)

// scaleStore fills a store with n stories, 50 per feed, each with a body
// of a few hundred words, and gives every story an extracted article.
func scaleStore(b *testing.B, n int) *Store {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir()+"/scale.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(7, 9))
	words := func(k int) string {
		var sb strings.Builder
		for i := range k {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(scaleWords[rng.IntN(len(scaleWords))])
		}
		return sb.String()
	}
	var subs []Subscription
	for f := range n / 50 {
		subs = append(subs, Subscription{URL: fmt.Sprintf("https://site%d.example/rss", f)})
	}
	if err := s.SyncSubscriptions(ctx, subs); err != nil {
		b.Fatal(err)
	}
	for f, sub := range subs {
		items := make([]feeds.Item, 50)
		for i := range items {
			link := fmt.Sprintf("https://site%d.example/%d", f, i)
			body := "<p>" + words(300) + "</p>"
			if (f*50+i)%1000 == 0 {
				body += "<p>A zeppelin was seen.</p>"
			}
			items[i] = feeds.Item{GUID: link, Link: link, Title: words(8), Summary: words(30), Content: body,
				Published: t0.Add(-time.Duration(f*50+i) * time.Minute)}
		}
		if _, err := s.SaveFetch(ctx, Fetched{URL: sub.URL, At: t0, Feed: feeds.Feed{Items: items}}); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkSearchScale is a full-text search over 50,000 stories: a rare
// word from story bodies, a word nearly every story has (newest 50 shown,
// as the reader asks), and a prefix typed a letter at a time.
//
//	go test ./store -run '^$' -bench SearchScale -benchtime 200x
func BenchmarkSearchScale(b *testing.B) {
	s := scaleStore(b, 50_000)
	ctx := context.Background()
	for _, tc := range []struct {
		query string
		limit int
		want  int
	}{{"zeppelin", 0, 50}, {"haqqani", 50, 50}, {"zep", 0, 50}} {
		b.Run(tc.query, func(b *testing.B) {
			for b.Loop() {
				got, err := s.Search(ctx, tc.query, tc.limit)
				if err != nil || len(got) != tc.want {
					b.Fatalf("Search(%q) = %d items, %v; want %d", tc.query, len(got), err, tc.want)
				}
			}
		})
	}
}

// BenchmarkOpenStory is what opening a story reads from the store (the
// item, its body and its cached article): the cost must not grow with the
// number of stories stored.
//
//	go test ./store -run '^$' -bench OpenStory -benchtime 2000x
func BenchmarkOpenStory(b *testing.B) {
	for _, n := range []int{1_000, 50_000} {
		s := scaleStore(b, n)
		ctx := context.Background()
		ids := make([]int64, 0, 100)
		for i := range 100 {
			id := int64(1 + i*(n/100))
			if err := s.SaveArticle(ctx, id, []byte(`{"title":"cached"}`), "article text"); err != nil {
				b.Fatal(err)
			}
			ids = append(ids, id)
		}
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				id := ids[i%len(ids)]
				if _, err := s.Item(ctx, id); err != nil {
					b.Fatal(err)
				}
				if _, content, err := s.Body(ctx, id); err != nil || content == "" {
					b.Fatalf("Body(%d) = %d bytes, %v", id, len(content), err)
				}
				if _, ok, err := s.Article(ctx, id); err != nil || !ok {
					b.Fatalf("Article(%d) = %v, %v", id, ok, err)
				}
			}
		})
	}
}
