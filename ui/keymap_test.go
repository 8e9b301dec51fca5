package ui

import (
	"slices"
	"sort"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/newsterm/newsterm/config"
)

func TestKeymapCoversConfigActions(t *testing.T) {
	k := defaultKeyMap()
	var names []string
	for name := range k.bindings() {
		names = append(names, name)
	}
	want := slices.Clone(config.Actions)
	sort.Strings(names)
	sort.Strings(want)
	if !slices.Equal(names, want) {
		t.Fatalf("keymap actions\n %v\nconfig.Actions\n %v", names, want)
	}
}

func TestDefaultKeysMatchDesign(t *testing.T) {
	k := defaultKeyMap()
	tests := []struct {
		key  string
		want key.Binding
	}{
		{"j", k.Down}, {"down", k.Down}, {"k", k.Up}, {"up", k.Up},
		{"enter", k.Open}, {"l", k.Open}, {"esc", k.Back}, {"h", k.Back},
		{"tab", k.NextPane}, {"shift+tab", k.PrevPane},
		{" ", k.PageDown}, {"pgdown", k.PageDown}, {"pgup", k.PageUp},
		{"g", k.Top}, {"G", k.Bottom}, {"n", k.NextUnread}, {"N", k.PrevUnread},
		{"r", k.Refresh}, {"R", k.RefreshAll}, {"m", k.ToggleRead}, {"A", k.MarkAllRead},
		{"s", k.Star}, {"o", k.OpenBrowser}, {"c", k.OpenComments}, {"1", k.Link}, {"9", k.Link},
		{"y", k.CopyLink}, {"/", k.Search}, {"a", k.AddFeed}, {"d", k.RemoveFeed},
		{"e", k.EditConfig}, {"?", k.Help}, {"q", k.Quit}, {"ctrl+c", k.Quit},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			if !key.Matches(keyMsg(tc.key), tc.want) {
				t.Fatalf("%q does not trigger %q", tc.key, tc.want.Help().Desc)
			}
		})
	}
}

func TestUserKeysReplaceDefaults(t *testing.T) {
	k, err := newKeyMap(map[string][]string{"quit": {"x"}, "down": {"ctrl+n", "j"}})
	if err != nil {
		t.Fatal(err)
	}
	if key.Matches(keyMsg("q"), k.Quit) || !key.Matches(keyMsg("x"), k.Quit) {
		t.Fatal("quit was not rebound to x alone")
	}
	if !key.Matches(keyMsg("j"), k.Down) || k.Down.Help().Key != "ctrl+n/j" {
		t.Fatalf("down help %q", k.Down.Help().Key)
	}
	if !key.Matches(keyMsg("k"), k.Up) {
		t.Fatal("an action the user did not name lost its default keys")
	}
	if _, err := newKeyMap(map[string][]string{"explode": {"x"}}); err == nil {
		t.Fatal("an unknown action was accepted")
	}
}

func TestReboundKeyWorksInTheModel(t *testing.T) {
	fs := sampleStore()
	cfg := testConfig()
	cfg.Keys = map[string][]string{"down": {"ctrl+n"}}
	m := newModel(testBackend(fs), cfg, darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	m = send(t, m, keyCtrl("ctrl+n"))
	if got := selectedTitle(t, m); got != "新しい研究が発表された" {
		t.Fatalf("ctrl+n moved to %q", got)
	}
	m = press(t, m, "j")
	if got := selectedTitle(t, m); got != "新しい研究が発表された" {
		t.Fatal("j still moves after down was rebound")
	}
}
