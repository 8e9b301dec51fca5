package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// rssServer serves an RSS feed on 127.0.0.1 that grows by three stories
// at every fetch after the first, newest first.
func rssServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(hits.Add(1))
		total := 5 + 3*(n-1)
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title><link>http://example.com/</link>`)
		for i := total - 1; i >= 0; i-- {
			pub := testNow.Add(-time.Duration(100-i) * time.Hour).Format(time.RFC1123Z)
			fmt.Fprintf(&b, `<item><title>Story %d 日本</title><link>http://example.com/%d</link><guid>s%d</guid><pubDate>%s</pubDate>`+
				`<description>Summary %d</description></item>`, i, i, i, pub, i)
		}
		if total > 0 {
			b.WriteString(`<item><title>Hidden word</title><link>http://example.com/h</link><guid>h</guid>` +
				`<pubDate>Mon, 01 Jan 2024 00:00:00 +0000</pubDate><description>the zeppelin arrived</description></item>`)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, b.String())
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// realModel is the reader over a real store in t.TempDir and the real
// feed client, subscribed to feedURL.
func realModel(t *testing.T, feedURL string) (model, *store.Store) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, t.TempDir()+"/newsterm.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cfg := testConfig()
	cfg.Feeds = []config.Feed{{URL: feedURL, Tags: []string{"test"}}}
	if err := db.SyncSubscriptions(ctx, subscriptions(cfg.Feeds)); err != nil {
		t.Fatal(err)
	}
	d := Deps{Config: cfg, Store: db, Client: feeds.NewClient(feeds.Options{}), Now: func() time.Time { return testNow }}
	m := newModel(newBackend(ctx, d), cfg, darkTheme())
	m = drive(t, m, m.Init())
	return send(t, m, sizeMsg(160, 40)), db
}

func TestWithRealStoreAndFeed(t *testing.T) {
	srv, hits := rssServer(t)
	m, db := realModel(t, srv.URL+"/news.xml")
	if !strings.Contains(m.View(), "No stories here") {
		t.Fatalf("before any refresh:\n%s", m.View())
	}
	m = press(t, m, "R")
	if hits.Load() != 1 || m.items.total != 6 {
		t.Fatalf("after R: %d fetches, %d stories; status %q", hits.Load(), m.items.total, m.status.err)
	}
	m = press(t, m, "j", "j")
	want := selectedTitle(t, m)
	m = press(t, m, "R")
	if m.items.total != 9 {
		t.Fatalf("after the second refresh %d stories, want 9", m.items.total)
	}
	if got := selectedTitle(t, m); got != want {
		t.Fatalf("refresh moved the cursor from %q to %q", want, got)
	}

	m = press(t, m, "m")
	it, _ := m.items.selected()
	if stored, err := db.Item(context.Background(), it.ID); err != nil || !stored.Read {
		t.Fatalf("m did not reach the store: %+v, %v", stored.Read, err)
	}
	m = press(t, m, "s")
	if n, err := db.CountItems(context.Background(), store.Query{Starred: true}); err != nil || n != 1 || m.feeds.starred != 1 {
		t.Fatalf("starred in store %d (%v), on screen %d", n, err, m.feeds.starred)
	}

	// A word that is only in one story's summary.
	m = press(t, m, "/", "z", "e", "p", "p", "e", "l", "i", "n", "enter")
	if m.items.total != 1 || selectedTitle(t, m) != "Hidden word" {
		t.Fatalf("search found %d stories: %q", m.items.total, m.items.title)
	}
	m = press(t, m, "enter")
	if m.focus != paneReader || m.reader.item.Title != "Hidden word" {
		t.Fatal("enter on the result did not open it")
	}
	// The reader shows what package article renders at the pane's width.
	if v := m.View(); !strings.Contains(v, "Hidden word") || !strings.Contains(v, "zeppelin arrived") {
		t.Fatalf("the reader does not show the rendered story:\n%s", v)
	}
	if err := terminalSafe(m.View()); err != nil {
		t.Fatal(err)
	}
	m = press(t, m, "esc", "esc", "A")
	if n, err := db.CountItems(context.Background(), store.Query{Unread: true}); err != nil || n != 0 {
		t.Fatalf("%d unread after A (%v)", n, err)
	}
	for _, line := range strings.Split(m.View(), "\n") {
		if w := visibleWidth(line); w != 160 {
			t.Fatalf("a line is %d wide: %q", w, line)
		}
	}
}

func TestRealBackendRendersThroughOneRenderer(t *testing.T) {
	srv, _ := rssServer(t)
	m, _ := realModel(t, srv.URL+"/news.xml")
	kept := m.b.renderer
	if kept == nil {
		t.Fatal("the backend has no article renderer of its own")
	}
	m.b.loadArticle = func(_ context.Context, it articleFeedItem) (articleT, string, error) {
		return articleT{Title: it.Title, Body: "The zeppelin arrived.", Source: "page"}, "", nil
	}
	m = press(t, m, "R", "enter")
	for _, w := range []int{120, 160, 120} {
		m = send(t, m, sizeMsg(w, 40))
		if want := m.paneWidth(paneReader) - 2; m.reader.rendered.width != want {
			t.Fatalf("at %d columns the story is rendered at %d, want %d", w, m.reader.rendered.width, want)
		}
	}
	if m.b.renderer != kept {
		t.Fatal("the renderer was replaced")
	}
	if v := m.View(); !strings.Contains(v, "zeppelin arrived") {
		t.Fatalf("the reader does not show the rendered story:\n%s", v)
	}
}
