package feeds

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileText is what a stranger hides in content that gofeed's own
// filters skip (base64 Atom content, JSON Feed strings).
const hostileText = "<p>\x1b]0;pwned\x07Shown \x1b[2Jtext\u009b31m \u202eend\x07</p>"

func TestContentGofeedDoesNotFilterIsSanitised(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString([]byte(hostileText))
	jsonText, _ := jsonString(hostileText)
	docs := []struct{ name, doc string }{
		{"Atom 0.3 base64 content", `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
<entry><id>1</id><title>a</title><content mode="base64">` + b64 + `</content>
<summary mode="base64">` + b64 + `</summary></entry></feed>`},
		{"Atom 1.0 base64 content", `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><id>1</id><title>a</title><content type="application/octet-stream">` + b64 + `</content>
<summary type="image/png">` + b64 + `</summary></entry></feed>`},
		{"JSON Feed every string", `{"version":"https://jsonfeed.org/version/1.1","title":` + jsonText +
			`,"home_page_url":"https://j.example/","items":[{"id":"1","title":` + jsonText + `,"summary":` + jsonText +
			`,"content_text":` + jsonText + `,"content_html":` + jsonText + `,"authors":[{"name":` + jsonText +
			`}],"tags":[` + jsonText + `],"attachments":[{"url":"https://j.example/a.jpg","mime_type":"image/jpeg","title":` +
			jsonText + `}]}]}`},
		{"JSON Feed 1.0 author and content_text only", `{"version":"https://jsonfeed.org/version/1","title":"t",` +
			`"items":[{"id":"1","content_text":` + jsonText + `,"author":{"name":` + jsonText + `}}]}`},
	}
	for _, tt := range docs {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := Parse(strings.NewReader(tt.doc), mustURL(t, "https://j.example/feed"), ParseOptions{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			if len(feed.Items) != 1 {
				t.Fatalf("items = %d", len(feed.Items))
			}
			checkClean(t, feed)
			it := feed.Items[0]
			for name, s := range map[string]string{"feed title": feed.Title, "title": it.Title,
				"author": it.Author, "summary": it.Summary, "content": it.Content} {
				if strings.Contains(s, "pwned") {
					t.Errorf("%s kept the OSC body: %q", name, s)
				}
			}
			if !strings.Contains(it.Content+it.Summary, "Shown") {
				t.Errorf("the visible text was lost: content %q summary %q", it.Content, it.Summary)
			}
		})
	}
}

// jsonString quotes s for a JSON document, escaping its controls as \uXXXX.
func jsonString(s string) (string, error) {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String(), nil
}

// A 100,000-item feed over HTTP keeps the configured number of items, in
// bounded time and memory.
func TestFetchHugeItemCountIsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>many</title>`)
	for i := range 100_000 {
		fmt.Fprintf(&b, "<item><guid>g%d</guid><title>Story %d</title></item>", i, i)
	}
	b.WriteString(`</channel></rss>`)
	body := []byte(b.String())
	srv := newFaultServer(t)
	u := srv.route("/many", serve("application/rss+xml", body))
	for _, tt := range []struct {
		name string
		max  int
		want int
	}{{"default cap", 0, DefaultMaxItems}} { // a configured cap: TestFetchFeedCharsetFromHeaderAndItemCap
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			res := newTestClient(t, Options{MaxItems: tt.max}).FetchFeed(context.Background(), Request{URL: u})
			runtime.ReadMemStats(&after)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if n := len(res.Feed.Items); n != tt.want {
				t.Errorf("items = %d, want %d", n, tt.want)
			}
			if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 1024 {
				t.Errorf("a %d MiB feed allocated %d MiB", len(body)>>20, alloc)
			}
		})
	}
}

// A 5 MB title and content, and oversized author, GUID, link and
// category, are cut before anything lays them out.
func TestFiveMegabyteFieldsAreCut(t *testing.T) {
	big := strings.Repeat("ü", 5<<20/2)
	mid := strings.Repeat("ü", 256<<10)
	doc := `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>` + mid + `</title>
<item><guid>` + mid + `</guid><title>` + big + `</title><dc:creator>` + mid + `</dc:creator>
<link>https://a.example/` + strings.Repeat("a", 256<<10) + `</link><category>` + mid + `</category>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">` + big + `</content:encoded></item></channel></rss>`
	feed, err := Parse(strings.NewReader(doc), mustURL(t, "https://a.example/feed"), ParseOptions{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	it := feed.Items[0]
	for name, s := range map[string]string{"feed title": feed.Title, "title": it.Title, "author": it.Author,
		"link": it.Link, "guid": it.GUID} {
		if len(s) > maxLine {
			t.Errorf("%s is %d bytes, over %d", name, len(s), maxLine)
		}
	}
	for _, c := range it.Categories {
		if len(c) > maxLine {
			t.Errorf("category is %d bytes", len(c))
		}
	}
	if len(it.Content) > maxHTML {
		t.Errorf("content is %d bytes, over %d", len(it.Content), maxHTML)
	}
}

// The article path fetches pages with FetchPage: its body is capped after
// decompression as a feed's is.
func TestFetchPageGzipBomb(t *testing.T) {
	const limit, inflated = 1 << 20, 64 << 20
	srv := newFaultServer(t)
	u := srv.route("/story.html", gzipBomb(t, inflated))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := newTestClient(t, Options{MaxBody: limit}).FetchPage(context.Background(), u)
	runtime.ReadMemStats(&after)
	checkFetchError(t, err, u, "body larger than 1 MiB")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("the bomb allocated %d MiB through FetchPage, want under 8", alloc>>20)
	}
}

// Redirects a page may not take, on the article path as on the feed path.
func TestFetchPageRefusesRedirectSchemes(t *testing.T) {
	for _, to := range []string{"file:///etc/passwd", "javascript:alert(1)", "data:text/html,<p>x</p>",
		"gopher://evil.example/", "ftp://evil.example/x"} {
		t.Run(to, func(t *testing.T) {
			srv := newFaultServer(t)
			u := srv.route("/story", redirect(to))
			page, err := newTestClient(t, Options{}).FetchPage(context.Background(), u)
			if err == nil {
				t.Fatalf("followed a redirect to %s: %q", to, page.Body)
			}
			checkFetchError(t, err, u, "refused")
		})
	}
}

// Every Retry-After form: delta-seconds, the three HTTP-date forms, with
// spaces, clamped, and garbage ignored; one request reaches the host.
func TestRetryAfterForms(t *testing.T) {
	clock := newFakeClock()
	now := clock.Now()
	at := now.Add(90 * time.Minute)
	tests := []struct {
		name, header string
		wait         time.Duration // 0: not held off
	}{
		{"delta", "90", 90 * time.Second},
		{"delta with spaces", "  90 ", 90 * time.Second},
		{"IMF-fixdate", at.Format(http.TimeFormat), 90 * time.Minute},
		{"RFC 850", at.Format(time.RFC850), 90 * time.Minute},
		{"asctime", at.Format(time.ANSIC), 90 * time.Minute},
		{"a week away clamped", now.Add(7 * 24 * time.Hour).Format(http.TimeFormat), 6 * time.Hour},
		{"huge delta clamped", "99999999999999999999999999", 6 * time.Hour},
		{"negative", "-30", 0},
		{"fraction", "1.5", 0},
		{"zero", "0", 0},
		{"escape-laden", "\x1b]0;pwned\x0730", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			var reqs []Request
			for i := range 3 {
				h := raw(fmt.Sprintf("HTTP/1.1 429 Too Many\r\nRetry-After: %s\r\nContent-Length: 0\r\n\r\n", tt.header), false)
				reqs = append(reqs, Request{URL: srv.route(fmt.Sprintf("/f%d", i), h)})
			}
			c := newTestClient(t, Options{PerHost: 1, Jobs: 1, Now: clock.Now})
			var errs []string
			for _, r := range reqs {
				res := c.FetchFeed(context.Background(), r)
				errs = append(errs, res.Err.Error())
				if strings.ContainsAny(res.Err.Error(), "\x1b\x07") {
					t.Errorf("error line carries the header's escapes: %q", res.Err)
				}
			}
			hits := srv.hitCount("/f0") + srv.hitCount("/f1") + srv.hitCount("/f2")
			switch {
			case tt.wait == 0 && hits != 3:
				t.Errorf("%q held the host off: %d of 3 requests sent (%q)", tt.header, hits, errs)
			case tt.wait > 0 && hits != 1:
				t.Errorf("%q: %d requests reached the host, want exactly 1 (%q)", tt.header, hits, errs)
			case tt.wait > 0:
				want := now.Add(tt.wait).UTC().Format(time.RFC3339)
				if !strings.Contains(errs[1], want) {
					t.Errorf("second error %q does not say wait until %s", errs[1], want)
				}
			}
		})
	}
}
