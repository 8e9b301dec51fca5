package refresh

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

var now = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

func clock() time.Time { return now }

func openStore(t testing.TB) *store.Store {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// subscribe makes the store list urls as subscriptions and returns its feeds.
func subscribe(t testing.TB, db *store.Store, urls ...string) []store.Feed {
	t.Helper()
	subs := make([]store.Subscription, len(urls))
	for i, u := range urls {
		subs[i] = store.Subscription{URL: u}
	}
	if err := db.SyncSubscriptions(context.Background(), subs); err != nil {
		t.Fatalf("sync: %v", err)
	}
	list, err := db.Feeds(context.Background())
	if err != nil {
		t.Fatalf("feeds: %v", err)
	}
	return list
}

// TestOneBrokenFeedBesideGoodOnes: a feed that errors (HTTP 500), one that
// is not a feed and one that times out never stop the good one; the good
// one's items are stored and the broken ones carry their errors.
func TestOneBrokenFeedBesideGoodOnes(t *testing.T) {
	rss, err := os.ReadFile("testdata/security.rss")
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/good.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Write(rss)
		case "/broken.rss":
			http.Error(w, "boom", http.StatusInternalServerError)
		case "/page.html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><p>hello</p></body></html>"))
		}
	}))
	defer srv.Close()

	db := openStore(t)
	list := subscribe(t, db, srv.URL+"/broken.rss", srv.URL+"/good.rss", srv.URL+"/page.html")
	c := feeds.NewClient(feeds.Options{Now: clock})
	var seen []string
	sum, err := Run(context.Background(), c, db, list, clock, func(done, total int, u string, err error) {
		seen = append(seen, u)
		if total != 3 || done != len(seen) {
			t.Errorf("progress %d/%d after %d calls", done, total, len(seen))
		}
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if sum.Feeds != 3 || sum.NewItems != 1 || len(sum.Failed) != 2 {
		t.Fatalf("summary = %+v, want 3 feeds, 1 new item, 2 failed", sum)
	}
	for _, f := range sum.Failed {
		if !strings.Contains(f.Error, f.URL) || strings.Contains(f.Error, "\n") {
			t.Errorf("failure for %s should be one line naming it: %q", f.URL, f.Error)
		}
	}
	got, err := db.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got {
		wantErr := !strings.HasSuffix(f.URL, "/good.rss")
		if (f.LastError != "") != wantErr {
			t.Errorf("%s: LastError = %q", f.URL, f.LastError)
		}
		if f.LastFetched.IsZero() {
			t.Errorf("%s: LastFetched not recorded", f.URL)
		}
	}

	// A second run sends validators, gets 304 and stores nothing new; the
	// broken feeds' old state does not disturb the good one.
	list, _ = db.Feeds(context.Background())
	sum, err = Run(context.Background(), c, db, list, clock, nil)
	if err != nil {
		t.Fatalf("second Run: %v", err)
	}
	if sum.NewItems != 0 || len(sum.Failed) != 2 {
		t.Fatalf("second summary = %+v", sum)
	}
	if n, _ := db.CountItems(context.Background(), store.Query{}); n != 1 {
		t.Fatalf("items after second run = %d, want 1", n)
	}
}

func TestEmptyListEncodesFailedAsArray(t *testing.T) {
	db := openStore(t)
	sum, err := Run(context.Background(), feeds.NewClient(feeds.Options{}), db, nil, clock, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed == nil || sum.Feeds != 0 {
		t.Fatalf("summary = %#v", sum)
	}
}

// FuzzParseStore drives arbitrary bytes through parse, normalise and store:
// no panic, and whatever is stored reads back free of terminal controls.
func FuzzParseStore(f *testing.F) {
	seed, err := os.ReadFile("testdata/security.rss")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;b&gt;x&lt;/b&gt;</title><entry><id>1</id><title>&#27;]0;pwn&#7;T</title></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"\u001b[2J","items":[{"id":"1","title":"\u009b31m x","content_html":"<p>a</p>"}]}`))
	db, err := store.Open(context.Background(), filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	base, _ := url.Parse("https://example.com/feed.xml")
	if err := db.SyncSubscriptions(context.Background(), []store.Subscription{{URL: base.String()}}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := feeds.Parse(bytes.NewReader(data), base, feeds.ParseOptions{Now: now})
		if err != nil {
			return
		}
		if _, err := db.SaveFetch(context.Background(), store.Fetched{URL: base.String(), At: now, Feed: feed}); err != nil {
			t.Fatalf("SaveFetch: %v", err)
		}
		items, err := db.Items(context.Background(), store.Query{FeedURL: base.String(), Limit: 50})
		if err != nil {
			t.Fatalf("Items: %v", err)
		}
		if bytes.Equal(data, seed) && len(items) == 0 {
			t.Fatal("the example feed stored no items: the checks below never ran")
		}
		for _, it := range items {
			for _, s := range []string{it.Title, it.Author, it.Link, it.Summary, it.FeedTitle} {
				if strings.ContainsAny(s, "\x1b\x07\x00\u009b\u202e") {
					t.Fatalf("control character stored: %q", s)
				}
			}
		}
	})
}

// TestStoreFailureCountsEveryFeedAsFailed: once the store cannot save, no
// feed after it is reported as a success with 0 new items.
func TestStoreFailureCountsEveryFeedAsFailed(t *testing.T) {
	rss, err := os.ReadFile("testdata/security.rss")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss)
	}))
	defer srv.Close()
	db := openStore(t)
	list := subscribe(t, db, srv.URL+"/a.rss", srv.URL+"/b.rss", srv.URL+"/c.rss")
	if err := db.Close(); err != nil { // every save now fails
		t.Fatal(err)
	}
	var progressErrs int
	sum, err := Run(context.Background(), feeds.NewClient(feeds.Options{}), db, list, clock, func(_, _ int, _ string, err error) {
		if err != nil {
			progressErrs++
		}
	})
	if err == nil {
		t.Fatal("Run reported no store error")
	}
	if len(sum.Failed) != 3 || sum.NewItems != 0 || progressErrs != 3 {
		t.Fatalf("summary %+v, %d progress errors; want all 3 feeds failed", sum, progressErrs)
	}
}
