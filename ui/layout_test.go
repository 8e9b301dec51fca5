package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/article"
)

// checkFrame fails unless every line of v is exactly w cells and there
// are exactly h lines.
func checkFrame(t *testing.T, v string, w, h int) {
	t.Helper()
	rows := strings.Split(v, "\n")
	if len(rows) != h {
		t.Fatalf("%d lines, want %d:\n%s", len(rows), h, v)
	}
	for i, line := range rows {
		if got := visibleWidth(line); got != w {
			t.Fatalf("line %d is %d cells, want %d: %q", i, got, w, line)
		}
	}
}

func TestNothingDrawnBeforeTheFirstSize(t *testing.T) {
	m := newModel(testBackend(sampleStore()), testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	if v := m.View(); v != "" {
		t.Fatalf("drew %q before knowing the size", v)
	}
}

func TestWideTextNeverBreaksARow(t *testing.T) {
	fs := newFakeStore()
	names := []string{
		"日本経済新聞 電子版 ニュース速報",
		"👩‍👩‍👧‍👦 Family 🇯🇵 flags 👍🏽",
		"Ме́ди́а с ударе́ниями", // combining acute accents
		"e\u0301\u0301\u0301 zalgo a\u0300\u0301\u0302\u0303",
		"한국어 뉴스와 中文新闻 mixed ｗｉｄｅ",
	}
	for i, n := range names {
		fs.addFeed("https://wide.example/"+string(rune('a'+i)), n, n)
		for j := range 3 {
			fs.addItem("https://wide.example/"+string(rune('a'+i)), strings.Repeat(n+" ", j+1), 0)
		}
	}
	for _, w := range []int{200, 160, 121, 120, 119, 100, 81, 80, 79, 70, 50, 40} {
		m := started(t, fs, w, 20)
		checkFrame(t, m.View(), w, 20)
		for _, k := range []string{"j", "enter", "tab", "f", "?", "x", "/", "日", "本"} {
			m = press(t, m, k)
			checkFrame(t, m.View(), w, 20)
		}
	}
}

func TestEmptyStoreSaysHowToAddAFeed(t *testing.T) {
	for _, w := range []int{160, 100, 70} {
		m := started(t, newFakeStore(), w, 24)
		v := m.View()
		if !strings.Contains(v, "Press a to add one") || !strings.Contains(v, "newsterm add URL") {
			t.Fatalf("at %d columns the empty store does not say how to add a feed:\n%s", w, v)
		}
		checkFrame(t, v, w, 24)
	}
}

func TestHelpListsTheKeys(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	m = press(t, m, "?")
	v := m.View()
	for _, want := range []string{"toggle star", "mark all read", "search", "add feed", "1-9", "quit"} {
		if !strings.Contains(v, want) {
			t.Fatalf("help lacks %q:\n%s", want, v)
		}
	}
	m = press(t, m, "q")
	if m.showHelp {
		t.Fatal("a key did not close help")
	}
}

func TestSlowArticleNeverBlocksInput(t *testing.T) {
	release := make(chan struct{})
	b := testBackend(sampleStore())
	b.loadArticle = func(ctx context.Context, it article.FeedItem) (article.Article, string, error) {
		<-release
		return article.Article{Title: it.Title}, "", nil
	}
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	next, load := m.Update(keyMsg("enter")) // the load is not run: the page is "slow"
	m = next.(model)
	if !strings.Contains(m.View(), "loading") {
		t.Fatalf("no spinner while the page loads:\n%s", m.View())
	}
	m = press(t, m, "esc", "j")
	if got := selectedTitle(t, m); got != "新しい研究が発表された" {
		t.Fatalf("keys stopped working while loading: at %q", got)
	}
	close(release)
	m = drive(t, m, load)
	if m.reader.art == nil || m.reader.loading {
		t.Fatal("the late article was not taken for the story still shown")
	}
}

func TestMouse(t *testing.T) {
	click := func(x, y int) tea.MouseMsg {
		return tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	}
	wheel := func(x, y int, b tea.MouseButton) tea.MouseMsg {
		return tea.MouseMsg{X: x, Y: y, Button: b, Action: tea.MouseActionPress}
	}
	fs := sampleStore()
	for range 200 {
		fs.addItem("https://blog.example/feed.json", "filler", 1000*24*time.Hour)
	}
	m := started(t, fs, 160, 20)
	items := m.panes()[1]
	m = send(t, m, click(items.x+5, 1+2)) // third row
	if got := selectedTitle(t, m); got != "Launch day 🚀" || m.focus != paneItems {
		t.Fatalf("click selected %q", got)
	}
	if m.reader.id != 0 {
		t.Fatal("a first click opened the story")
	}
	m = send(t, m, click(items.x+5, 1+2))
	if m.reader.id != 3 || m.focus != paneReader {
		t.Fatalf("a click on the selected story did not open it (reader on %d)", m.reader.id)
	}
	m = send(t, m, wheel(items.x+5, 5, tea.MouseButtonWheelDown))
	if m.items.top != 3 {
		t.Fatalf("wheel down scrolled to %d, want 3", m.items.top)
	}
	m = send(t, m, click(2, 1+4)) // the feeds pane: "World News" row
	if m.focus != paneFeeds || m.items.title != "World News" {
		t.Fatalf("click in the feeds shows %q (focus %d)", m.items.title, m.focus)
	}
	m = press(t, m, "l", "enter")
	reader := m.panes()[2]
	m = press(t, m, "esc")
	m = send(t, m, click(reader.x+3, 4))
	if m.focus != paneReader {
		t.Fatal("a click in the reader did not focus it")
	}
	before := m.reader.vp.YOffset
	m = send(t, m, wheel(reader.x+3, 4, tea.MouseButtonWheelDown))
	if m.reader.vp.YOffset < before {
		t.Fatal("the wheel scrolled the reader up")
	}
}

func TestFeedErrorShowsBesideTheFeed(t *testing.T) {
	fs := sampleStore()
	fs.feeds[1].LastError = "fetch https://tech.example/atom: 404 Not Found"
	m := started(t, fs, 160, 30)
	m = press(t, m, "h", "j", "j", "j", "j", "j", "j")
	if row := m.feeds.selected(); row.label != "Tech Daily" || !row.failed {
		t.Fatalf("on %q (failed %v)", row.label, row.failed)
	}
	if line := m.feeds.rowView(m.feeds.selected(), false, false); !strings.Contains(line, "! 2") {
		t.Fatalf("no mark beside the failed feed: %q", line)
	}
	if !strings.Contains(m.statusLine(), "Tech Daily: fetch https://tech.example/atom: 404 Not Found") {
		t.Fatalf("status %q", m.statusLine())
	}
	m = press(t, m, "enter")
	if !strings.Contains(m.statusLine(), "Tech Daily · 2 stories · 2 unread") {
		t.Fatalf("status for the feed view: %q", m.statusLine())
	}
}

func TestTinyTerminalsNeverPanic(t *testing.T) {
	for _, w := range []int{0, 1, 2, 5, 12, 19, 20, 30} {
		for _, h := range []int{0, 1, 2, 3, 4, 5, 6} {
			m := started(t, sampleStore(), w, h)
			for _, k := range []string{"j", "enter", "tab", "?", "x", "/", "a", "esc", "f", "G"} {
				m = press(t, m, k)
				v := m.View()
				if h > 0 && w > 0 {
					checkFrame(t, v, w, h)
				}
			}
		}
	}
}

func TestPaneSplit(t *testing.T) {
	tests := []struct {
		width, feeds, items, reader int // outer widths, 0: not shown
	}{
		{200, 32, 67, 101},
		{160, 26, 64, 70},
		{140, 23, 57, 60},
		{120, 20, 50, 50},
		{119, 0, 59, 60},
		{100, 0, 50, 50},
		{80, 0, 40, 40},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.width), func(t *testing.T) {
			m := started(t, sampleStore(), tc.width, 24)
			got := map[pane]int{}
			for _, b := range m.panes() {
				got[b.pane] = b.w
			}
			if got[paneFeeds] != tc.feeds || got[paneItems] != tc.items || got[paneReader] != tc.reader {
				t.Fatalf("feeds %d, items %d, reader %d; want %d, %d, %d", got[paneFeeds],
					got[paneItems], got[paneReader], tc.feeds, tc.items, tc.reader)
			}
			// The reader has 60 columns wherever that leaves the list 50.
			if room := tc.width - tc.feeds; room >= 110 && tc.reader < 60 {
				t.Fatalf("the reader has %d columns of %d", tc.reader, room)
			}
		})
	}
}

func TestPaneTitlesSayWhichPane(t *testing.T) {
	tests := []struct {
		width int
		keys  []string
		want  string // the first screen line
	}{
		{70, nil, "┏━ All ━━"},
		{70, []string{"tab"}, "┏━ Reader ━━"},
		{70, []string{"shift+tab"}, "┏━ Feeds ━━"},
		{70, []string{"/", "R", "u", "s", "t", "enter"}, "┏━ Search: Rust ━━"},
		{70, []string{"?"}, "┏━ Keys ━━"},
		{100, nil, "┏━ All ━━"},
		{160, []string{"shift+tab", "j", "j", "j", "j", "enter"}, "╭─ Feeds ──"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.width, tc.keys), func(t *testing.T) {
			m := started(t, sampleStore(), tc.width, 24)
			m = press(t, m, tc.keys...)
			v := m.View()
			checkFrame(t, v, tc.width, 24)
			if first := strings.SplitN(v, "\n", 2)[0]; !strings.HasPrefix(first, tc.want) {
				t.Fatalf("top line %q, want it to start %q", first, tc.want)
			}
		})
	}
	m := started(t, sampleStore(), 160, 24)
	m = press(t, m, "shift+tab", "j", "j", "j", "j", "enter")
	if first := strings.SplitN(m.View(), "\n", 2)[0]; !strings.Contains(first, "┏━ World News ━━") {
		t.Fatalf("the list of one feed is not titled with the feed: %q", first)
	}
}

func TestClickOnTheOpenStoryGoesBackToItWithoutReloading(t *testing.T) {
	b := testBackend(sampleStore())
	loads := 0
	inner := b.loadArticle
	b.loadArticle = func(ctx contextT, it articleFeedItem) (articleT, string, error) {
		loads++
		return inner(ctx, it)
	}
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 20))
	items := m.panes()[1]
	click := tea.MouseMsg{X: items.x + 5, Y: 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	m = send(t, m, click) // the first row is selected already: this opens it
	m = press(t, m, "esc")
	m = send(t, m, click)
	if m.focus != paneReader || m.reader.id != 1 || loads != 1 {
		t.Fatalf("focus %v, reader on %d, %d loads; want the reader on story 1, loaded once", m.focus, m.reader.id, loads)
	}
}
