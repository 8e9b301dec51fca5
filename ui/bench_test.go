package ui

import (
	"fmt"
	"testing"
	"time"
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
