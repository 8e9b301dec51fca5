package ui

import (
	"context"
	"io"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

func TestRunWithoutStoreIsAnError(t *testing.T) {
	if err := Run(Deps{}); err == nil || !strings.Contains(err.Error(), "no store") {
		t.Fatalf("Run without a store: %v", err)
	}
}

// panicky panics on its first message.
type panicky struct{}

func (panicky) Init() tea.Cmd                       { return func() tea.Msg { return "go" } }
func (panicky) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("boom") }
func (panicky) View() string                        { return "" }

func TestRunReturnsPanicsAsErrors(t *testing.T) {
	err := run(panicky{}, tea.WithInput(nil), tea.WithOutput(io.Discard))
	if err == nil || !strings.Contains(err.Error(), "crashed") {
		t.Fatalf("a panic in Update gave %v", err)
	}
}

func TestCommandPanicsBecomeStatusErrors(t *testing.T) {
	m := started(t, sampleStore(), 160, 40)
	m.b.render = func(articleT, int, string) (string, error) { panic("renderer bug") }
	m = press(t, m, "enter")
	if v := m.View(); !strings.Contains(v, "renderer bug") || strings.Contains(v, "loading") {
		t.Fatalf("the reader does not show the failure:\n%s", v)
	}
	m = press(t, m, "esc", "j")
	if got := selectedTitle(t, m); got != "新しい研究が発表された" {
		t.Fatal("the reader stopped answering after a command panicked")
	}
}

func TestPickTheme(t *testing.T) {
	dark := func() bool { return true }
	light := func() bool { return false }
	tests := []struct {
		name   string
		detect func() bool
		want   bool
	}{
		{"dark", light, true}, {"light", dark, false}, {"auto", dark, true}, {"auto", light, false}, {"", dark, true},
	}
	for _, tc := range tests {
		if got := pickTheme(tc.name, tc.detect).dark; got != tc.want {
			t.Errorf("pickTheme(%q) dark = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestArticleStyleFollowsTheColourProfile(t *testing.T) {
	before := lipgloss.ColorProfile()
	t.Cleanup(func() { lipgloss.SetColorProfile(before) })
	tests := []struct {
		profile termenv.Profile
		theme   theme
		want    string
	}{
		{termenv.Ascii, darkTheme(), "notty"}, // NO_COLOR, a pipe, a dumb terminal
		{termenv.TrueColor, darkTheme(), "dark"},
		{termenv.ANSI256, lightTheme(), "light"},
	}
	for _, tc := range tests {
		lipgloss.SetColorProfile(tc.profile)
		if got := newStyles(tc.theme).ArticleStyle; got != tc.want {
			t.Errorf("profile %v: article style %q, want %q", tc.profile, got, tc.want)
		}
	}
}

// TestBackendIsComplete: every effect the real program can cause is wired,
// with and without a network client.
func TestBackendIsComplete(t *testing.T) {
	for _, d := range []Deps{{Store: &store.Store{}}, {Store: &store.Store{}, Client: feeds.NewClient(feeds.Options{})}} {
		b := newBackend(context.Background(), d)
		v := reflect.ValueOf(b)
		for i := range v.NumField() {
			f := v.Field(i)
			if (f.Kind() == reflect.Func || f.Kind() == reflect.Interface) && f.IsNil() {
				t.Errorf("backend.%s is nil (client %v)", v.Type().Field(i).Name, d.Client != nil)
			}
		}
	}
}
