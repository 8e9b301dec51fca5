package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// keyMap is every binding the reader answers to. The names in the
// bindings() table are the config's [keys] action names.
type keyMap struct {
	Up, Down, Open, Back            key.Binding
	NextPane, PrevPane              key.Binding
	PageDown, PageUp, Top, Bottom   key.Binding
	NextUnread, PrevUnread          key.Binding
	Refresh, RefreshAll             key.Binding
	ToggleRead, MarkAllRead, Star   key.Binding
	OpenBrowser, OpenComments, Link key.Binding
	CopyLink, Search                key.Binding
	AddFeed, RemoveFeed, EditConfig key.Binding
	ToggleFeeds, ToggleSource       key.Binding
	Help, Quit                      key.Binding
}

func bind(help string, keys ...string) key.Binding {
	shown := strings.Join(keys, "/")
	shown = strings.ReplaceAll(shown, " ", "space")
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, help))
}

// defaultKeyMap is DESIGN.md's table.
func defaultKeyMap() keyMap {
	return keyMap{
		Up:           bind("up", "k", "up"),
		Down:         bind("down", "j", "down"),
		Open:         bind("open", "enter", "l"),
		Back:         bind("back", "esc", "h"),
		NextPane:     bind("next pane", "tab"),
		PrevPane:     bind("previous pane", "shift+tab"),
		PageDown:     bind("page down", " ", "pgdown"),
		PageUp:       bind("page up", "pgup"),
		Top:          bind("top", "g"),
		Bottom:       bind("bottom", "G"),
		NextUnread:   bind("next unread", "n"),
		PrevUnread:   bind("previous unread", "N"),
		Refresh:      bind("refresh feed", "r"),
		RefreshAll:   bind("refresh all", "R"),
		ToggleRead:   bind("toggle read", "m"),
		MarkAllRead:  bind("mark all read", "A"),
		Star:         bind("toggle star", "s"),
		OpenBrowser:  bind("open in browser", "o"),
		OpenComments: bind("open comments", "c"),
		Link:         key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "open link N")),
		CopyLink:     bind("copy link", "y"),
		Search:       bind("search", "/"),
		AddFeed:      bind("add feed", "a"),
		RemoveFeed:   bind("remove feed", "d"),
		EditConfig:   bind("edit config", "e"),
		ToggleFeeds:  bind("toggle feeds", "f"),
		ToggleSource: bind("feed/page text", "v"),
		Help:         bind("help", "?"),
		Quit:         bind("quit", "q", "ctrl+c"),
	}
}

// bindings names each rebindable binding by its config action
// (config.Actions); the numbered links 1–9 are fixed.
func (k *keyMap) bindings() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "open": &k.Open, "back": &k.Back,
		"next_pane": &k.NextPane, "prev_pane": &k.PrevPane,
		"page_down": &k.PageDown, "page_up": &k.PageUp, "top": &k.Top, "bottom": &k.Bottom,
		"next_unread": &k.NextUnread, "prev_unread": &k.PrevUnread,
		"refresh": &k.Refresh, "refresh_all": &k.RefreshAll,
		"toggle_read": &k.ToggleRead, "mark_all_read": &k.MarkAllRead, "toggle_star": &k.Star,
		"open_browser": &k.OpenBrowser, "open_comments": &k.OpenComments,
		"copy_link": &k.CopyLink, "search": &k.Search,
		"add_feed": &k.AddFeed, "remove_feed": &k.RemoveFeed, "edit_config": &k.EditConfig,
		"toggle_feeds": &k.ToggleFeeds, "toggle_source": &k.ToggleSource,
		"help": &k.Help, "quit": &k.Quit,
	}
}

// newKeyMap is the default map with the user's [keys] table applied: each
// action the user names gets exactly the keys they gave. An unknown action
// is an error (the config loader reports it with its line first).
func newKeyMap(user map[string][]string) (keyMap, error) {
	k := defaultKeyMap()
	table := k.bindings()
	for action, keys := range user {
		b, ok := table[action]
		if !ok {
			return defaultKeyMap(), fmt.Errorf("keys: unknown action %q", action)
		}
		if len(keys) == 0 {
			b.SetEnabled(false)
			continue
		}
		help := b.Help()
		shown := strings.ReplaceAll(strings.Join(keys, "/"), " ", "space")
		*b = key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, help.Desc))
	}
	return k, nil
}

// linkNumber is the digit of a numbered-link key: "3" → 3.
func linkNumber(keyName string) int {
	for _, r := range keyName {
		if r >= '1' && r <= '9' {
			return int(r - '0')
		}
	}
	return 1
}

// ShortHelp is the status bar's reminder.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Quit}
}

// FullHelp is the `?` screen, one column per kind of action.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom, k.NextUnread, k.PrevUnread},
		{k.Open, k.Back, k.NextPane, k.PrevPane, k.ToggleFeeds, k.ToggleSource, k.Search},
		{k.ToggleRead, k.MarkAllRead, k.Star, k.Refresh, k.RefreshAll, k.OpenBrowser, k.OpenComments, k.Link},
		{k.CopyLink, k.AddFeed, k.RemoveFeed, k.EditConfig, k.Help, k.Quit},
	}
}
