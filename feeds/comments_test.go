package feeds

import (
	"strconv"
	"strings"
	"testing"
)

// countString renders a count for comparison: "nil" when unknown.
func countString(c *int) string {
	if c == nil {
		return "nil"
	}
	return strconv.Itoa(*c)
}

func TestCommentsFromFeeds(t *testing.T) {
	tests := []struct {
		file, guid, count, url string
	}{
		{"comments.rss", "c1", "5", "https://comments.example/posts/1#comments"}, // <comments> before wfw
		{"comments.rss", "c2", "nil", "https://comments.example/posts/2/comments.rss"},
		{"comments.rss", "c3", "0", ""}, // a known zero is not unknown
		{"comments.rss", "https://news.ycombinator.com/item?id=39303160", "12", "https://news.ycombinator.com/item?id=39303160"},
		{"comments.rss", "c5", "1204", "https://news.ycombinator.com/item?id=1&p=2"},
		{"comments.rss", "c6", "180", "https://www.reddit.com/r/pics/comments/17n2c7/found_a_cockroach/"},
		{"comments.rss", "https://lobste.rs/s/abc123", "nil", "https://lobste.rs/s/abc123/a_lobsters_story"},
		{"comments.rss", "c8", "nil", ""}, // prose other than the known generators is not read
		{"comments.atom", "t1", "4", "https://threads.example/1#comments"},
		{"comments.atom", "t2", "9", "https://threads.example/2/comments.atom"},
		{"comments.atom", "t3", "nil", "https://threads.example/3/comments"},
		{"comments.atom", "t3_jsvqy9", "nil", "https://www.reddit.com/r/AskReddit/comments/jsvqy9/who/"},
	}
	parsed := map[string]Feed{
		"comments.rss":  mustParseFile(t, "comments.rss", "https://comments.example/feed.rss"),
		"comments.atom": mustParseFile(t, "comments.atom", "https://threads.example/feed.atom"),
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.guid, func(t *testing.T) {
			feed := parsed[tt.file]
			c := itemByGUID(t, feed, tt.guid).Comments
			if got := countString(c.Count); got != tt.count || c.URL != tt.url {
				t.Errorf("comments = %s %q, want %s %q", got, c.URL, tt.count, tt.url)
			}
		})
	}
}

func TestCommentsUnusualPrefixes(t *testing.T) {
	doc := `<?xml version="1.0"?>
<rss version="2.0" xmlns:cmt="http://wellformedweb.org/CommentAPI/" xmlns:t="http://purl.org/syndication/thread/1.0">
<channel><item><guid>g</guid><cmt:commentRss>https://x.example/c.rss</cmt:commentRss><t:total>3</t:total></item></channel></rss>`
	feed, err := Parse(strings.NewReader(doc), nil, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := feed.Items[0].Comments
	if countString(c.Count) != "3" || c.URL != "https://x.example/c.rss" {
		t.Errorf("got %s %q", countString(c.Count), c.URL)
	}
}

func TestProse(t *testing.T) {
	tests := []struct {
		name, html, count, url string
	}{
		{"hnrss", `<p>Points: 3</p><p># Comments: 0</p>`, "0", ""},
		{"hnrss url", `<p>Comments URL: <a href="https://news.ycombinator.com/item?id=7">x</a></p>`, "nil", "https://news.ycombinator.com/item?id=7"},
		{"reddit count", `<a href="https://www.reddit.com/r/x/comments/1/">[1 comment]</a>`, "1", "https://www.reddit.com/r/x/comments/1/"},
		{"reddit thousands", `<a href='https://r.example/c'>[2,345 comments]</a>`, "2345", "https://r.example/c"},
		{"reddit atom", `<span><a href="https://r.example/c">[comments]</a></span>`, "nil", "https://r.example/c"},
		{"negative", `# Comments: -4`, "nil", ""},
		{"absurd", `# Comments: 99999999999999999999`, "nil", ""},
		{"ordinary prose", `There were 40 comments on the last post.`, "nil", ""},
		{"empty", ``, "nil", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			count, url := prose(tt.html)
			if countString(count) != tt.count || url != tt.url {
				t.Errorf("prose = %s %q, want %s %q", countString(count), url, tt.count, tt.url)
			}
		})
	}
}
