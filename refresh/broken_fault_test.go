package refresh

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// A feed that worked and then breaks, in every way a server can break it,
// keeps its old stories and their read and starred marks, records one
// clean line of error, and never stops the feed beside it.
func TestFeedThatBreaksKeepsItsStories(t *testing.T) {
	good := `<?xml version="1.0"?><rss version="2.0"><channel><title>Steady</title>` +
		`<item><guid>s1</guid><title>Steady one</title></item><item><guid>s2</guid><title>Steady two</title></item></channel></rss>`
	first := `<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky</title>` +
		`<item><guid>f1</guid><title>Flaky one</title></item><item><guid>f2</guid><title>Flaky two</title></item></channel></rss>`
	breakages := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"HTML instead of a feed", body("text/html", "<html><body><p>We moved!</p></body></html>")},
		{"truncated XML", body("application/rss+xml", first[:len(first)/2])},
		{"empty body", body("application/rss+xml", "")},
		{"HTTP 500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) }},
		{"an empty channel", body("application/rss+xml", `<rss version="2.0"><channel><title>Flaky</title></channel></rss>`)},
		{"binary garbage", body("application/octet-stream", "\x00\x01\xff\xfe\x1b]0;pwned\x07\x89PNG")},
		{"escape in the status line", rawStatus("HTTP/1.1 502 \x1b]0;pwned\x07Bad \x1b[2JGateway\r\nContent-Length: 0\r\n\r\n")},
		{"entity bomb", body("application/rss+xml", `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">`+
			`<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`+
			`<rss version="2.0"><channel><title>&c;</title></channel></rss>`)},
	}
	for _, br := range breakages {
		t.Run(br.name, func(t *testing.T) {
			var mu sync.Mutex
			flaky := body("application/rss+xml", first)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				h := flaky
				mu.Unlock()
				switch r.URL.Path {
				case "/flaky.rss":
					h(w, r)
				default:
					body("application/rss+xml", good)(w, r)
				}
			}))
			defer srv.Close()
			db := openStore(t)
			list := subscribe(t, db, srv.URL+"/flaky.rss", srv.URL+"/steady.rss")
			c := feeds.NewClient(feeds.Options{Now: clock})
			if _, err := Run(context.Background(), c, db, list, clock, nil); err != nil {
				t.Fatal(err)
			}
			flakyItems := itemsOf(t, db, srv.URL+"/flaky.rss")
			if len(flakyItems) != 2 {
				t.Fatalf("first run stored %d flaky items", len(flakyItems))
			}
			ctx := context.Background()
			if err := db.SetRead(ctx, flakyItems[0].ID, true); err != nil {
				t.Fatal(err)
			}
			if err := db.SetStarred(ctx, flakyItems[1].ID, true); err != nil {
				t.Fatal(err)
			}

			mu.Lock()
			flaky = br.handler
			mu.Unlock()
			list, _ = db.Feeds(ctx)
			sum, err := Run(ctx, c, db, list, clock, nil)
			if err != nil {
				t.Fatal(err)
			}
			after := itemsOf(t, db, srv.URL+"/flaky.rss")
			if len(after) != 2 {
				t.Fatalf("after the feed broke, %d of its 2 stories remain", len(after))
			}
			read, starred := 0, 0
			for _, it := range after {
				if it.Read {
					read++
				}
				if it.Starred {
					starred++
				}
			}
			if read != 1 || starred != 1 {
				t.Errorf("read %d, starred %d after the feed broke; want 1 and 1", read, starred)
			}
			if got := len(itemsOf(t, db, srv.URL+"/steady.rss")); got != 2 {
				t.Errorf("the steady feed has %d stories", got)
			}
			feedsNow, _ := db.Feeds(ctx)
			for _, f := range feedsNow {
				msg := f.LastError
				switch {
				case strings.HasSuffix(f.URL, "/steady.rss") && msg != "":
					t.Errorf("the steady feed carries an error: %q", msg)
				case strings.HasSuffix(f.URL, "/flaky.rss") && !validDocument(br.name):
					if msg == "" || strings.ContainsAny(msg, "\x1b\x07\n\r") || strings.Contains(msg, "pwned") {
						t.Errorf("flaky feed error = %q; want one clean line", msg)
					}
				}
			}
			for _, f := range sum.Failed {
				if strings.ContainsAny(f.Error, "\x1b\x07\n\r") {
					t.Errorf("summary failure is not one clean line: %q", f.Error)
				}
			}
		})
	}
}

// validDocument names the breakages that still parse (a feed with no
// items): no error is due, only the old stories must stay.
func validDocument(name string) bool { return name == "an empty channel" || name == "entity bomb" }

func body(contentType, text string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, text)
	}
}

// rawStatus writes response straight to the connection, status line and all.
func rawStatus(response string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		buf.WriteString(response)
		buf.Flush()
	}
}

func itemsOf(t *testing.T, db *store.Store, url string) []store.Item {
	t.Helper()
	list, err := db.Items(context.Background(), store.Query{FeedURL: url})
	if err != nil {
		t.Fatal(err)
	}
	return list
}
