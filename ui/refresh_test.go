package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/store"
)

// arriving makes a refresh that adds n stories to each feed it is given:
// half newer than everything (they land above the cursor), half older.
func arriving(fs *fakeStore, n int, failURL string) refreshFunc {
	return func(_ context.Context, list []store.Feed, p refresh.Progress) (refresh.Summary, error) {
		sum := refresh.Summary{Feeds: len(list), Failed: []refresh.Failure{}}
		for i, f := range list {
			var err error
			if f.URL == failURL {
				err = errors.New("fetch " + f.URL + ": 503 Service Unavailable")
				sum.Failed = append(sum.Failed, refresh.Failure{URL: f.URL, Error: err.Error()})
			} else {
				for j := range n {
					ago := time.Duration(j) * time.Second
					if j%2 == 1 {
						ago = 1000 * 24 * time.Hour
					}
					fs.addItem(f.URL, fmt.Sprintf("new %s %d", f.Title, j), ago)
					sum.NewItems++
				}
			}
			if p != nil {
				p(i+1, len(list), f.URL, err)
			}
		}
		return sum, nil
	}
}

func TestRefreshKeepsTheCursorOnTheSameStory(t *testing.T) {
	tests := []struct {
		name    string
		stories int
		move    []string
		arrive  int
		keepRow bool // the list overflows the pane, so the row can stay put
	}{
		{"small list", 0, []string{"j", "j", "j"}, 4, false},
		{"beyond the loaded window", 3 * windowSize, []string{"G", "k", "k"}, 400, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			for i := range tc.stories {
				fs.addItem("https://blog.example/feed.json", fmt.Sprint("old ", i), time.Duration(i+10)*24*time.Hour)
			}
			b := testBackend(fs)
			b.refresh = arriving(fs, tc.arrive, "")
			m := newModel(b, testConfig(), darkTheme())
			m = drive(t, m, m.Init())
			m = send(t, m, sizeMsg(160, 40))
			m = press(t, m, tc.move...)
			before, _ := m.items.selected()
			beforeRow := m.items.cursor - m.items.top
			m = press(t, m, "R")
			after, ok := m.items.selected()
			if !ok || after.ID != before.ID {
				t.Fatalf("cursor moved from %q to %q", before.Title, after.Title)
			}
			if got := m.items.cursor - m.items.top; tc.keepRow && got != beforeRow {
				t.Fatalf("the story moved on screen from row %d to %d", beforeRow, got)
			}
			if m.items.total != 6+tc.stories+3*tc.arrive {
				t.Fatalf("list has %d stories after refresh", m.items.total)
			}
			if !strings.Contains(m.status.info, "refreshed 3 feeds · ") || !strings.Contains(m.status.info, " new stor") || m.refreshing {
				t.Fatalf("status after refresh: %q (refreshing %v)", m.status.info, m.refreshing)
			}
		})
	}
}

func TestRefreshThisFeed(t *testing.T) {
	fs := sampleStore()
	var got []string
	b := testBackend(fs)
	b.refresh = func(_ context.Context, list []store.Feed, _ refresh.Progress) (refresh.Summary, error) {
		for _, f := range list {
			got = append(got, f.URL)
		}
		return refresh.Summary{Feeds: len(list), NewItems: 1, Failed: []refresh.Failure{}}, nil
	}
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	m = press(t, m, "j", "r")
	if len(got) != 1 || got[0] != "https://tech.example/atom" {
		t.Fatalf("r refreshed %v, want the selected story's feed", got)
	}
	if want := "refreshed 1 feed · 1 new story"; m.status.info != want {
		t.Fatalf("status says %q, want %q", m.status.info, want)
	}
}

func TestRefreshFailureShowsInStatusAndOthersLand(t *testing.T) {
	fs := sampleStore()
	b := testBackend(fs)
	b.refresh = arriving(fs, 2, "https://tech.example/atom")
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	m = press(t, m, "R")
	if m.items.total != 6+4 {
		t.Fatalf("%d stories, want the two healthy feeds' new ones", m.items.total)
	}
	if !strings.Contains(m.View(), "503 Service Unavailable") {
		t.Fatalf("the failure is not in the status line:\n%s", m.View())
	}
}

func TestRefreshOnStartRunsAfterTheFirstLoad(t *testing.T) {
	fs := sampleStore()
	b := testBackend(fs)
	b.refresh = arriving(fs, 1, "")
	cfg := testConfig()
	cfg.Reader.RefreshOnStart = true
	m := newModel(b, cfg, darkTheme())
	init := m.Init()
	if fs.nextID != 6 {
		t.Fatal("building the first commands already touched the store")
	}
	m = drive(t, m, init)
	if fs.nextID != 6 || m.refreshing {
		t.Fatal("the refresh started before the first frame could be drawn")
	}
	m = send(t, m, sizeMsg(160, 40))
	if fs.nextID != 9 {
		t.Fatalf("refresh on start did not run (%d stories)", fs.nextID)
	}
	m = send(t, m, sizeMsg(100, 40))
	if fs.nextID != 9 {
		t.Fatal("refresh on start ran again on resize")
	}
}
