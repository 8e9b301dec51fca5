package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/store"
)

func selectedTitle(t *testing.T, m model) string {
	t.Helper()
	it, ok := m.items.selected()
	if !ok {
		t.Fatalf("no story selected (cursor %d, window %d+%d)", m.items.cursor, m.items.offset, len(m.items.rows))
	}
	return it.Title
}

func TestNavigation(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"starts on the newest", nil, "Markets rally"},
		{"j moves down", []string{"j"}, "新しい研究が発表された"},
		{"down arrow moves down", []string{"down", "down"}, "Launch day 🚀"},
		{"k moves back up", []string{"j", "j", "k"}, "新しい研究が発表された"},
		{"k at the top stays", []string{"k", "up"}, "Markets rally"},
		{"G goes to the oldest", []string{"G"}, "Rust 2.0"},
		{"g goes back to the top", []string{"G", "g"}, "Markets rally"},
		{"space pages down", []string{" "}, "Rust 2.0"},
		{"pgup pages up", []string{"G", "pgup"}, "Markets rally"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := started(t, sampleStore(), 100, 12)
			m = press(t, m, tc.keys...)
			if got := selectedTitle(t, m); got != tc.want {
				t.Fatalf("selected %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNextUnread(t *testing.T) {
	fs := sampleStore()
	for _, id := range []int64{2, 3} {
		if err := fs.SetRead(nil, id, true); err != nil {
			t.Fatal(err)
		}
	}
	m := started(t, fs, 100, 30)
	m = press(t, m, "n")
	if got := selectedTitle(t, m); got != "Elections" {
		t.Fatalf("n went to %q, want Elections (the next unread)", got)
	}
	m = press(t, m, "N")
	if got := selectedTitle(t, m); got != "Markets rally" {
		t.Fatalf("N went to %q, want Markets rally", got)
	}
}

func TestNextUnreadBeyondTheLoadedWindow(t *testing.T) {
	fs := newFakeStore()
	fs.addFeed("https://a.example/rss", "A")
	for i := range 3 * windowSize {
		it := fs.addItem("https://a.example/rss", fmt.Sprintf("story %d", i), time.Duration(i+1)*time.Minute)
		if i != 2*windowSize {
			it.Read = true
			if err := fs.SetRead(nil, it.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	m := started(t, fs, 100, 20)
	m = press(t, m, "n")
	if got, want := selectedTitle(t, m), fmt.Sprintf("story %d", 2*windowSize); got != want {
		t.Fatalf("n went to %q, want %q", got, want)
	}
	m = press(t, m, "n")
	if !strings.Contains(m.status.info, "no more unread") {
		t.Fatalf("status %q, want a note that there is no more unread", m.status.info)
	}
}

func TestFocus(t *testing.T) {
	tests := []struct {
		name  string
		width int
		keys  []string
		want  pane
	}{
		{"starts in the items", 160, nil, paneItems},
		{"enter opens into the reader", 160, []string{"enter"}, paneReader},
		{"l opens too", 100, []string{"l"}, paneReader},
		{"esc goes back to the items", 160, []string{"enter", "esc"}, paneItems},
		{"h from the items reaches the feeds", 160, []string{"h"}, paneFeeds},
		{"tab cycles three panes", 160, []string{"tab"}, paneReader},
		{"tab wraps", 160, []string{"tab", "tab"}, paneFeeds},
		{"shift+tab goes back", 160, []string{"shift+tab"}, paneFeeds},
		{"two panes skip the hidden feeds", 100, []string{"tab", "tab"}, paneItems},
		{"toggle_feeds shows the feeds at 100", 100, []string{"f"}, paneFeeds},
		{"one pane: tab walks all three", 70, []string{"tab", "tab"}, paneFeeds},
		{"feeds enter goes to the items", 160, []string{"h", "j", "enter"}, paneItems},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := started(t, sampleStore(), tc.width, 30)
			m = press(t, m, tc.keys...)
			if m.focus != tc.want {
				t.Fatalf("focus %d, want %d", m.focus, tc.want)
			}
			if !m.paneShown(m.focus) {
				t.Fatalf("focused pane %d is not on screen", m.focus)
			}
		})
	}
}

func TestLayoutByWidth(t *testing.T) {
	tests := []struct {
		width int
		keys  []string
		want  []pane
	}{
		{160, nil, []pane{paneFeeds, paneItems, paneReader}},
		{120, nil, []pane{paneFeeds, paneItems, paneReader}},
		{120, []string{"f"}, []pane{paneItems, paneReader}},
		{120, []string{"f", "esc"}, []pane{paneFeeds, paneItems, paneReader}},
		{119, nil, []pane{paneItems, paneReader}},
		{80, nil, []pane{paneItems, paneReader}},
		{80, []string{"f"}, []pane{paneFeeds, paneItems}},
		{80, []string{"f", "enter", "enter"}, []pane{paneItems, paneReader}},
		{79, nil, []pane{paneItems}},
		{79, []string{"enter"}, []pane{paneReader}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.width, tc.keys), func(t *testing.T) {
			m := started(t, sampleStore(), tc.width, 24)
			m = press(t, m, tc.keys...)
			var got []pane
			total := 0
			for _, b := range m.panes() {
				got = append(got, b.pane)
				total += b.w
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("panes %v, want %v", got, tc.want)
			}
			if total != tc.width {
				t.Fatalf("panes span %d columns, want %d", total, tc.width)
			}
		})
	}
}

func TestOpenLoadsRendersAndMarksRead(t *testing.T) {
	fs := sampleStore()
	m := started(t, fs, 160, 40)
	m = press(t, m, "enter")
	if m.reader.id != 1 || m.reader.rendered.id != 1 {
		t.Fatalf("reader shows %d (rendered %d), want story 1", m.reader.id, m.reader.rendered.id)
	}
	if want := m.paneWidth(paneReader) - 2; m.reader.rendered.width != want {
		t.Fatalf("rendered at %d, want the pane's inner width %d", m.reader.rendered.width, want)
	}
	if !strings.Contains(m.View(), "Body of Markets rally") {
		t.Fatalf("the reader does not show the story:\n%s", m.View())
	}
	it, _ := fs.Item(nil, 1)
	if !it.Read {
		t.Fatal("opening did not mark the story read in the store")
	}
	if _, ok := fs.articles[1]; !ok {
		t.Fatal("the extracted article was not cached")
	}
}

func TestOpenKeepsUnreadWhenConfigured(t *testing.T) {
	fs := sampleStore()
	m := newModel(testBackend(fs), testConfig(), darkTheme())
	m.cfg.Reader.MarkReadOnOpen = false
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 160, Height: 40})
	m = press(t, m, "enter")
	if it, _ := fs.Item(nil, 1); it.Read {
		t.Fatal("mark_read_on_open = false still marked the story read")
	}
}

func TestStaleArticleMessagesAreDropped(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	first, _ := m.items.selected()
	m = press(t, m, "enter", "esc", "j")
	second, _ := m.items.selected()
	m, _ = m.openSelected() // the load for the second story is not run
	m = send(t, m, articleLoadedMsg{id: first.ID, art: fakeArticle("OLD")})
	if m.reader.art != nil {
		t.Fatal("a load for the previous story replaced the one being opened")
	}
	m = send(t, m, articleLoadedMsg{id: second.ID, art: fakeArticle("NEW")})
	m = send(t, m, articleRenderedMsg{key: renderKey{id: second.ID, width: 3, source: sourcePage}, text: "WRONG WIDTH"})
	if strings.Contains(m.View(), "WRONG WIDTH") {
		t.Fatal("a render at a stale width was shown")
	}
	if !strings.Contains(m.View(), "NEW") {
		t.Fatalf("the current story is not shown:\n%s", m.View())
	}
}

func TestResizeRerendersWithoutRefetch(t *testing.T) {
	fs := sampleStore()
	loads := 0
	b := testBackend(fs)
	inner := b.loadArticle
	b.loadArticle = func(ctx contextT, it articleFeedItem) (articleT, string, error) {
		loads++
		return inner(ctx, it)
	}
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 160, Height: 40})
	m = press(t, m, "enter")
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if loads != 1 {
		t.Fatalf("article loaded %d times, want once", loads)
	}
	if want := m.paneWidth(paneReader) - 2; m.reader.rendered.width != want {
		t.Fatalf("after resize rendered at %d, want %d", m.reader.rendered.width, want)
	}
	if !strings.Contains(m.View(), fmt.Sprintf("(rendered at %d)", m.reader.rendered.width)) {
		t.Fatalf("view does not show the new render:\n%s", m.View())
	}
	for i, line := range strings.Split(m.View(), "\n") {
		if w := visibleWidth(line); w != 100 {
			t.Fatalf("line %d is %d cells wide after resize, want 100: %q", i, w, line)
		}
	}
}

func TestFailedFetchShowsFeedTextAndNote(t *testing.T) {
	fs := sampleStore()
	b := testBackend(fs)
	b.loadArticle = func(contextT, articleFeedItem) (articleT, string, error) {
		return articleT{}, "", errors.New("page answered 503")
	}
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 160, Height: 40})
	m = press(t, m, "enter")
	v := m.View()
	if !strings.Contains(v, "page answered 503") {
		t.Fatalf("no note about the failed fetch:\n%s", v)
	}
	if _, cached := fs.articles[1]; cached {
		t.Fatal("the feed-text fallback was cached as if it were the article")
	}
}

func TestToggleSource(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	m = press(t, m, "enter")
	if !strings.Contains(m.View(), "Body of Markets rally") {
		t.Fatalf("page text not shown:\n%s", m.View())
	}
	m = press(t, m, "v")
	if m.reader.rendered.source != sourceFeed || strings.Contains(m.View(), "Body of Markets rally") {
		t.Fatalf("toggle_source did not switch to the feed text:\n%s", m.View())
	}
	if !strings.Contains(m.View(), "The feed's own text (v shows the page)") {
		t.Fatalf("the reader does not say it shows the feed text:\n%s", m.View())
	}
	m = press(t, m, "v")
	if m.reader.rendered.source != sourcePage || strings.Contains(m.View(), "feed's own text") {
		t.Fatalf("toggle_source did not switch back:\n%s", m.View())
	}
}

func TestMarking(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		check func(t *testing.T, fs *fakeStore, m model)
	}{
		{"m marks read", []string{"m"}, func(t *testing.T, fs *fakeStore, m model) {
			if it, _ := fs.Item(nil, 1); !it.Read {
				t.Fatal("not read in the store")
			}
			if it, _ := m.items.selected(); !it.Read {
				t.Fatal("not read on screen")
			}
		}},
		{"m twice marks unread again", []string{"m", "m"}, func(t *testing.T, fs *fakeStore, m model) {
			if it, _ := fs.Item(nil, 1); it.Read {
				t.Fatal("still read")
			}
		}},
		{"s stars", []string{"s"}, func(t *testing.T, fs *fakeStore, m model) {
			if it, _ := fs.Item(nil, 1); !it.Starred {
				t.Fatal("not starred")
			}
			if m.feeds.starred != 2 {
				t.Fatalf("starred count %d, want 2", m.feeds.starred)
			}
		}},
		{"A marks the whole view read", []string{"A"}, func(t *testing.T, fs *fakeStore, m model) {
			if n, _ := fs.CountItems(nil, store.Query{Unread: true}); n != 0 {
				t.Fatalf("%d still unread", n)
			}
			if !strings.Contains(m.status.info, "marked 6 read") {
				t.Fatalf("status %q", m.status.info)
			}
		}},
		{"A in one feed leaves the others", []string{"h", "j", "j", "j", "j", "enter", "A"}, func(t *testing.T, fs *fakeStore, m model) {
			if n, _ := fs.CountItems(nil, store.Query{Unread: true}); n != 4 {
				t.Fatalf("%d unread, want 4 (only World News marked)", n)
			}
		}},
		{"m in the reader marks the open story", []string{"enter", "m"}, func(t *testing.T, fs *fakeStore, m model) {
			if it, _ := fs.Item(nil, 1); it.Read {
				t.Fatal("open marked it read, m should have marked it unread again")
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			m := started(t, fs, 160, 40)
			m = press(t, m, tc.keys...)
			tc.check(t, fs, m)
		})
	}
}

func TestMarkingFailureRevertsAndReports(t *testing.T) {
	fs := sampleStore()
	m := started(t, fs, 160, 40)
	fs.failWith = errors.New("database is read-only")
	m = press(t, m, "m")
	if it, _ := m.items.selected(); it.Read {
		t.Fatal("the row stayed read although the store refused")
	}
	if !strings.Contains(m.View(), "database is read-only") {
		t.Fatalf("the error is not in the status line:\n%s", m.View())
	}
}

func TestEscShowsTheHiddenFeedListAndRerendersTheReader(t *testing.T) {
	m := started(t, sampleStore(), 120, 30)
	m = press(t, m, "f", "enter", "esc", "esc")
	if m.focus != paneFeeds || !m.feedsVisible() {
		t.Fatalf("focus %v, feeds shown %v; want the feed list back and focused", m.focus, m.feedsVisible())
	}
	if want := m.paneWidth(paneReader) - 2; m.reader.rendered.width != want {
		t.Fatalf("reader rendered at %d, want %d", m.reader.rendered.width, want)
	}
	checkFrame(t, m.View(), 120, 30)
}

func TestOverwideRenderedLinesWrapInsteadOfBeingCut(t *testing.T) {
	b := testBackend(sampleStore())
	link := "https://example.com/" + strings.Repeat("a-very-long-path-segment/", 8) + "END"
	b.render = func(a articleT, width int, _ string) (string, error) {
		return a.Title + "\n\nLinks\n[1] " + link, nil
	}
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(100, 40))
	m = press(t, m, "enter")
	v := m.View()
	checkFrame(t, v, 100, 40)
	if !strings.Contains(v, "END") {
		t.Fatalf("the end of a long link was cut off:\n%s", v)
	}
}
