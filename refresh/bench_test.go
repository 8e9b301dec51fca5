package refresh

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// benchWords is the vocabulary of the generated stories.
var benchWords = strings.Fields(`the of and to in said would talks government officials
	network border security election parliament economy market energy climate research
	university hospital court police minister president army village province capital
	railway museum orchestra satellite telescope glacier rainforest football tournament
	Islamabad Kabul Waziristan Peshawar Haqqani Multan Reuters Associated Press Tuesday
	東京 技術 Kraków Dvořák Müller São Paulo naïve café über résumé`)

// benchFeed is an RSS 2.0 document of items stories, each with a few
// kilobytes of HTML, a photo with caption and credit, and a comment count,
// like the feeds of a news site.
func benchFeed(rng *rand.Rand, n, items int) []byte {
	sentence := func(words int) string {
		var b strings.Builder
		for i := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(benchWords[rng.IntN(len(benchWords))])
		}
		return b.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:media="http://search.yahoo.com/mrss/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel><title>Site %d</title><link>https://site%d.example/</link><description>news</description>
`, n, n)
	for i := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://site%d.example/%d.html</link>
<guid>https://site%d.example/%d.html</guid><pubDate>Mon, 26 Sep 2011 14:%02d:00 GMT</pubDate>
<description>%s.</description><content:encoded><![CDATA[`, sentence(8), n, i, n, i, i%60, sentence(30))
		for range 8 {
			fmt.Fprintf(&b, "<p>%s, <em>%s</em> %s.</p>\n", sentence(40), sentence(3), sentence(30))
		}
		fmt.Fprintf(&b, `]]></content:encoded><slash:comments>%d</slash:comments>
<media:content url="https://cdn.example/%d/%d.jpg" medium="image"><media:description>%s</media:description>
<media:credit>Staff photographer</media:credit></media:content></item>
`, i, n, i, sentence(12))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// BenchmarkRefresh is a cold refresh of feeds×50 stories from a loopback
// server into an empty store: fetch, parse, prepare, store and index. Its
// ns/feed should not grow with the number of feeds.
func BenchmarkRefresh(b *testing.B) {
	for _, n := range []int{25, 100, 400} {
		b.Run(fmt.Sprintf("feeds=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			docs := make(map[string][]byte, n)
			size := 0
			for i := range n {
				docs[fmt.Sprintf("/%d.rss", i)] = benchFeed(rng, i, 50)
				size += len(docs[fmt.Sprintf("/%d.rss", i)])
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Write(docs[r.URL.Path])
			}))
			defer srv.Close()
			urls := make([]string, n)
			for i := range urls {
				urls[i] = fmt.Sprintf("%s/%d.rss", srv.URL, i)
			}
			b.SetBytes(int64(size))
			for b.Loop() {
				b.StopTimer()
				db := openStore(b)
				list := subscribe(b, db, urls...)
				c := feeds.NewClient(feeds.Options{Jobs: 8, PerHost: 8})
				b.StartTimer()
				sum, err := Run(context.Background(), c, db, list, clock, nil)
				if err != nil || len(sum.Failed) > 0 || sum.NewItems != n*50 {
					b.Fatalf("refresh: %+v, %v", sum, err)
				}
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/feed")
		})
	}
}

var _ = store.Fetched{}
