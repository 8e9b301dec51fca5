package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// bigStore holds n stories over 20 feeds.
func bigStore(n int) *fakeStore {
	fs := newFakeStore()
	for f := range 20 {
		fs.addFeed(fmt.Sprintf("https://feed%d.example/rss", f), fmt.Sprintf("Feed %d", f), fmt.Sprintf("tag%d", f%4))
	}
	for i := range n {
		fs.addItem(fmt.Sprintf("https://feed%d.example/rss", i%20), fmt.Sprintf("Story number %d with a longish headline", i), time.Duration(i)*time.Minute)
	}
	return fs
}

// BenchmarkView draws a 160×45 frame over stores of growing size, with the
// cursor in the middle of the list. The cost must stay flat: View draws
// the visible rows only.
//
//	go test ./ui -run '^$' -bench View -benchmem
func BenchmarkView(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		fs := bigStore(n)
		m := started(b, fs, 160, 45)
		m = send(b, m, keyMsg("G"))
		for range 20 {
			m = send(b, m, keyMsg("pgup"))
		}
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkKeypress is one Update for a cursor move (j, then k) in the
// middle of the list, over stores of growing size: like View, it must
// cost the same at 1,000 stories as at 100,000.
//
//	go test ./ui -run '^$' -bench Keypress -benchmem
func BenchmarkKeypress(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		m := started(b, bigStore(n), 160, 45)
		m = send(b, m, keyMsg("G"))
		for range 20 {
			m = send(b, m, keyMsg("pgup"))
		}
		keys := []tea.KeyMsg{keyMsg("j"), keyMsg("k")}
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				next, _ := m.Update(keys[i%2])
				m = next.(model)
			}
		})
	}
}

// TestViewCostIsFlat: a frame over 100,000 stories allocates no more than
// one over 1,000.
func TestViewCostIsFlat(t *testing.T) {
	allocs := map[int]float64{}
	for _, n := range []int{1_000, 100_000} {
		m := started(t, bigStore(n), 160, 45)
		m = send(t, m, keyMsg("G"))
		allocs[n] = testing.AllocsPerRun(20, func() { _ = m.View() })
	}
	if allocs[100_000] > allocs[1_000]*1.1 {
		t.Fatalf("View allocates %.0f times over 100,000 stories but %.0f over 1,000", allocs[100_000], allocs[1_000])
	}
}

// realBigStore fills a real store in dir with n stories over 20 feeds.
func realBigStore(b *testing.B, n int) (*store.Store, *config.Config) {
	b.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, b.TempDir()+"/big.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	cfg := testConfig()
	for f := range 20 {
		cfg.Feeds = append(cfg.Feeds, config.Feed{URL: fmt.Sprintf("https://feed%d.example/rss", f)})
	}
	if err := db.SyncSubscriptions(ctx, subscriptions(cfg.Feeds)); err != nil {
		b.Fatal(err)
	}
	for f := range 20 {
		items := make([]feeds.Item, n/20)
		for i := range items {
			link := fmt.Sprintf("https://feed%d.example/%d", f, i)
			items[i] = feeds.Item{GUID: link, Link: link, Title: fmt.Sprintf("Story %d of feed %d, a longish headline", i, f),
				Published: testNow.Add(-time.Duration(i*20+f) * time.Minute), Summary: "<p>Summary.</p>"}
		}
		if _, err := db.SaveFetch(ctx, store.Fetched{URL: cfg.Feeds[f].URL, At: testNow, Feed: feeds.Feed{Title: fmt.Sprint("Feed ", f), Items: items}}); err != nil {
			b.Fatal(err)
		}
	}
	return db, cfg
}

// BenchmarkRealStore measures, over a real store of 100,000 stories, the
// first frame (Init's store reads, the size message, View) and a frame
// with the cursor deep in the list.
//
//	go test ./ui -run '^$' -bench RealStore -benchtime 20x
func BenchmarkRealStore(b *testing.B) {
	db, cfg := realBigStore(b, 100_000)
	d := Deps{Config: cfg, Store: db, Now: func() time.Time { return testNow }}
	b.Run("first-frame", func(b *testing.B) {
		for b.Loop() {
			m := newModel(newBackend(context.Background(), d), cfg, darkTheme())
			m = drive(b, m, m.Init())
			m = send(b, m, sizeMsg(160, 45))
			if !strings.Contains(m.View(), "Story 0 of feed 0") {
				b.Fatal("first frame lacks the newest story")
			}
		}
	})
	b.Run("view", func(b *testing.B) {
		m := newModel(newBackend(context.Background(), d), cfg, darkTheme())
		m = drive(b, m, m.Init())
		m = send(b, m, sizeMsg(160, 45))
		m = send(b, m, keyMsg("G"))
		b.ReportAllocs()
		for b.Loop() {
			_ = m.View()
		}
	})
}
