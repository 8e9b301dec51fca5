package feeds

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
)

// The whole path: HTTP, charset, Parse, then a conditional GET that the
// server answers 304.
func TestFetchFeedParsesAndRevalidates(t *testing.T) {
	latin1, err := os.ReadFile("testdata/client/latin1.rss")
	if err != nil {
		t.Fatal(err)
	}
	const etag, lastMod = `"abc"`, "Sat, 14 Mar 2026 11:00:00 GMT"
	srv := newFaultServer(t)
	u := srv.route("/latin1.rss", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		serve("application/rss+xml", latin1)(w, r)
	})
	c := newTestClient(t, Options{Now: newFakeClock().Now})

	res := c.FetchFeed(context.Background(), Request{URL: u})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if res.Feed.Title != "Café des sciences" {
		t.Errorf("feed title %q", res.Feed.Title)
	}
	wantItems := []struct{ title, link string }{
		{"La crème brûlée", srv.URL + "/articles/creme"},
		{"Été à Genève", srv.URL + "/articles/ete"},
	}
	if len(res.Feed.Items) != len(wantItems) {
		t.Fatalf("%d items, want %d", len(res.Feed.Items), len(wantItems))
	}
	for i, want := range wantItems {
		if it := res.Feed.Items[i]; it.Title != want.title || it.Link != want.link {
			t.Errorf("item %d = %q %s, want %q %s", i, it.Title, it.Link, want.title, want.link)
		}
	}
	if want := (Validators{ETag: etag, LastModified: lastMod}); res.Validators != want {
		t.Errorf("Validators %+v, want %+v", res.Validators, want)
	}
	if res.FinalURL != u || res.Bytes != int64(len(latin1)) {
		t.Errorf("FinalURL %s, Bytes %d", res.FinalURL, res.Bytes)
	}

	again := c.FetchFeed(context.Background(), Request{URL: u, Validators: res.Validators})
	if !again.NotModified || again.Err != nil || len(again.Feed.Items) != 0 {
		t.Errorf("second fetch: NotModified %v, err %v, %d items", again.NotModified, again.Err, len(again.Feed.Items))
	}
	if n := srv.hitCount("/latin1.rss"); n != 2 {
		t.Errorf("server hit %d times, want 2", n)
	}
}

func TestFetchFeedCharsetFromHeaderAndItemCap(t *testing.T) {
	cp1252, err := os.ReadFile("testdata/client/cp1252.rss")
	if err != nil {
		t.Fatal(err)
	}
	srv := newFaultServer(t)
	u := srv.route("/cp1252.rss", serve("application/rss+xml; charset=windows-1252", cp1252))
	res := newTestClient(t, Options{MaxItems: 1}).FetchFeed(context.Background(), Request{URL: u})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(res.Feed.Items) != 1 || res.Feed.Items[0].Title != "“Quoted” – costs 5€" {
		t.Errorf("items %+v", res.Feed.Items)
	}
}

func TestOversizedValidatorsAreNotStored(t *testing.T) {
	srv := newFaultServer(t)
	huge := strings.Repeat("e", 2000)
	u := srv.route("/feed", serve("application/rss+xml",
		[]byte(`<rss version="2.0"><channel><title>t</title><item><title>i</title></item></channel></rss>`),
		"ETag", huge, "Last-Modified", "Sat, 14 Mar 2026 11:00:00 GMT"))
	res := newTestClient(t, Options{}).FetchFeed(context.Background(), Request{URL: u})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if want := (Validators{LastModified: "Sat, 14 Mar 2026 11:00:00 GMT"}); res.Validators != want {
		t.Errorf("Validators %+v, want %+v", res.Validators, want)
	}
}
