package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// typeText sends each rune of s as its own key press and returns the
// search commands they started, without running them.
func typeText(t *testing.T, m model, s string) (model, []tea.Cmd) {
	t.Helper()
	var cmds []tea.Cmd
	for _, r := range s {
		next, cmd := m.Update(keyMsg(string(r)))
		m = next.(model)
		cmds = append(cmds, cmd)
	}
	return m, cmds
}

func TestSearchPromptTakesEveryPrintableKey(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	m = press(t, m, "/")
	// Every one of these is also a binding outside the prompt.
	text := "anqjkgGmsAyoedrR?/1 hl"
	m, _ = typeText(t, m, text)
	if m.prompt.kind != promptSearch {
		t.Fatal("a key closed the search prompt")
	}
	if got := m.prompt.value(); got != text {
		t.Fatalf("prompt holds %q, want %q", got, text)
	}
	if m.focus != paneItems || m.showHelp {
		t.Fatal("a key acted instead of being typed")
	}
}

func TestSearchEnterRunsTheWholeQuery(t *testing.T) {
	fs := sampleStore()
	fs.bodies[4] = [2]string{"<p>The vote count was close.</p>", ""}
	m := started(t, fs, 160, 40)
	m = press(t, m, "/")
	m, cmds := typeText(t, m, "vote")
	// Enter before any keystroke's search has answered.
	next, enter := m.Update(keyMsg("enter"))
	m = next.(model)
	if m.prompt.kind != promptNone {
		t.Fatal("enter did not close the prompt")
	}
	// The stale answers for "v", "vo", "vot" arrive after enter: dropped.
	for _, c := range cmds[:3] {
		m = drive(t, m, c)
		if m.items.fixed {
			t.Fatalf("a result for a stale query was shown: %q", m.items.title)
		}
	}
	m = drive(t, m, enter)
	if !m.items.fixed || m.items.title != "Search: vote" {
		t.Fatalf("results not shown: %q", m.items.title)
	}
	if got := selectedTitle(t, m); got != "Elections" {
		t.Fatalf("first result %q, want Elections (a word only in its body)", got)
	}
	if m.items.cursor != 0 || m.focus != paneItems {
		t.Fatal("the first result is not selected in the items pane")
	}
	m = press(t, m, "enter")
	if m.focus != paneReader || m.reader.id != 4 {
		t.Fatalf("enter again did not open the result in the reader (focus %d, story %d)", m.focus, m.reader.id)
	}
}

func TestSearchEscClears(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	m = press(t, m, "/", "r", "u", "s", "t")
	if !m.items.fixed || m.items.total != 1 {
		t.Fatalf("incremental search shows %d results", m.items.total)
	}
	m = press(t, m, "esc")
	if m.items.fixed || m.searchQuery != "" || m.prompt.kind != promptNone {
		t.Fatal("esc did not clear the search")
	}
	if m.items.total != 6 || m.items.title != "All" {
		t.Fatalf("back to %q with %d stories, want All with 6", m.items.title, m.items.total)
	}
}

func TestSearchResultsEscGoesBack(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	m = press(t, m, "/", "c", "a", "f", "é", "enter")
	if m.items.total != 1 {
		t.Fatalf("%d results for café", m.items.total)
	}
	m = press(t, m, "esc")
	if m.items.fixed || m.items.total != 6 {
		t.Fatal("esc in the results did not return to the list")
	}
}

func TestSearchNothingFound(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	m = press(t, m, "/", "z", "q", "x", "enter")
	if v := m.View(); !strings.Contains(v, "Nothing matches") {
		t.Fatalf("no empty-result message:\n%s", v)
	}
	m = press(t, m, "enter", "j", "m")
	if m.reader.id != 0 {
		t.Fatal("enter on no results opened something")
	}
}

func TestKeysArrivingTogetherAreTakenOneByOne(t *testing.T) {
	fs := sampleStore()
	m := started(t, fs, 160, 40)
	// A script or fast typing: Bubble Tea hands over "/rust" as one message.
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/rust")})
	if m.prompt.kind != promptSearch || m.prompt.value() != "rust" {
		t.Fatalf("prompt %d holds %q", m.prompt.kind, m.prompt.value())
	}
	m = press(t, m, "enter", "enter")
	if m.reader.item.Title != "Rust 2.0" {
		t.Fatalf("opened %q", m.reader.item.Title)
	}
	m = press(t, m, "esc", "esc") // to the results, then out of the search
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jm")})
	if it, _ := fs.Item(nil, 2); !it.Read {
		t.Fatal("jm was not taken as j then m")
	}
}
