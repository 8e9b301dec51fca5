package feeds

import (
	"bytes"
	"fmt"
	"net/url"
	"testing"
	"time"
)

// benchFeed builds an RSS document of n items shaped like a news site's:
// HTML descriptions, content:encoded, Media RSS photos with caption and
// credit, slash:comments, <comments> and wfw:commentRss.
func benchFeed(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:media="http://search.yahoo.com/mrss/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Bench &amp; Co</title><link>/</link>
<description>Benchmark feed</description>`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Story %d: markets &amp; weather</title><link>/stories/%d.html</link>
<guid isPermaLink="false">bench-%d</guid><dc:creator>Reporter %d</dc:creator>
<pubDate>Mon, 26 Sep 2011 14:%02d:00 GMT</pubDate><category>News</category><category>World</category>
<description>&lt;p&gt;Summary of story %d with &lt;b&gt;bold&lt;/b&gt; words and a &lt;a href="/x"&gt;link&lt;/a&gt;.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Paragraph one of story %d.</p><p>Paragraph two, longer, with more words to read through.</p>]]></content:encoded>
<comments>/stories/%d.html#comments</comments><slash:comments>%d</slash:comments><wfw:commentRss>/stories/%d/comments.rss</wfw:commentRss>
<media:content url="/photos/%d-small.jpg" medium="image" width="140" height="90"/>
<media:content url="/photos/%d.jpg" medium="image" width="600" height="400">
<media:description>Caption for photo %d, taken on Friday.</media:description><media:credit>Photographer %d/Agency</media:credit>
</media:content></item>
`, i, i, i, i, i%60, i, i, i, i, i, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

func BenchmarkParse(b *testing.B) {
	const items = 200
	doc := benchFeed(items)
	base, err := url.Parse("https://bench.example/feed.rss")
	if err != nil {
		b.Fatal(err)
	}
	opt := ParseOptions{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		feed, err := Parse(bytes.NewReader(doc), base, opt)
		if err != nil || len(feed.Items) != items {
			b.Fatalf("%d items, %v", len(feed.Items), err)
		}
	}
	b.ReportMetric(float64(items*b.N)/b.Elapsed().Seconds(), "items/s")
}

func TestBenchFeedParses(t *testing.T) {
	feed, err := Parse(bytes.NewReader(benchFeed(3)), mustURL(t, "https://bench.example/feed.rss"), ParseOptions{})
	if err != nil || len(feed.Items) != 3 {
		t.Fatalf("%d items, %v", len(feed.Items), err)
	}
	it := feed.Items[2]
	if it.Photo == nil || it.Photo.Width != 600 || it.Comments.Count == nil || *it.Comments.Count != 2 {
		t.Errorf("bench item lacks photo or comments: %+v", it)
	}
}
