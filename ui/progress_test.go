package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestRunProgress(t *testing.T) {
	boom := errors.New("store closed")
	tests := []struct {
		name    string
		labels  []string
		workErr error
		want    string
	}{
		{name: "all steps", labels: []string{"http://a/feed", "http://b/feed", "http://c/feed"}, want: "3/3"},
		{name: "no work", labels: nil, want: "0/0"},
		{name: "work fails", labels: []string{"http://a/feed"}, workErr: boom, want: "1/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := RunProgress(&out, len(tt.labels), func(step func(string)) error {
				for _, l := range tt.labels {
					step(l)
				}
				return tt.workErr
			})
			if !errors.Is(err, tt.workErr) {
				t.Fatalf("err = %v, want %v", err, tt.workErr)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output %q lacks %q", out.String(), tt.want)
			}
		})
	}
}

func TestProgressView(t *testing.T) {
	tests := []struct {
		name      string
		width     int
		steps     []string
		want      []string
		forbidden []string
	}{
		{name: "wide", width: 100, steps: []string{"http://example.com/a.xml"}, want: []string{"1/4", "http://example.com/a.xml"}},
		{name: "hostile label", width: 100, steps: []string{"\x1b]0;pwned\x07http://x/\x1b[2J"}, want: []string{"http://x/"}, forbidden: []string{"pwned", "\x1b]", "\x1b[2J"}},
		{name: "narrow", width: 20, steps: []string{"http://example.com/a-very-long-feed-address.xml"}, want: []string{"1/4"}},
		{name: "tiny", width: 8, steps: []string{"http://example.com/a.xml"}, want: []string{"1/4"}},
		{name: "never past total", width: 80, steps: []string{"a", "b", "c", "d", "e"}, want: []string{"4/4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m tea.Model = newProgressModel(4, termenv.Ascii)
			m, _ = m.Update(tea.WindowSizeMsg{Width: tt.width, Height: 10})
			for _, s := range tt.steps {
				m, _ = m.Update(progressSteppedMsg{label: s})
			}
			view := m.View()
			for _, w := range tt.want {
				if !strings.Contains(view, w) {
					t.Errorf("view %q lacks %q", view, w)
				}
			}
			for _, f := range tt.forbidden {
				if strings.Contains(view, f) {
					t.Errorf("view %q contains %q", view, f)
				}
			}
			for _, line := range strings.Split(strings.TrimSuffix(view, "\n"), "\n") {
				if w := lipgloss.Width(line); w >= tt.width {
					t.Errorf("line %q is %d columns wide, terminal has %d", line, w, tt.width)
				}
			}
		})
	}
}

func TestProgressQuitsWhenFinished(t *testing.T) {
	m, cmd := newProgressModel(1, termenv.Ascii).Update(progressFinishedMsg{})
	if cmd == nil {
		t.Fatal("finished work did not quit the program")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("finished work returned %T, want tea.QuitMsg", cmd())
	}
	if !m.(progressModel).finished {
		t.Error("model not marked finished")
	}
}

func TestProgressBarHasNoColourUnderNoColor(t *testing.T) {
	tests := []struct {
		noColor string
		want    termenv.Profile
	}{{"1", termenv.Ascii}, {"", termenv.TrueColor}}
	for _, tc := range tests {
		t.Run("NO_COLOR="+tc.noColor, func(t *testing.T) {
			t.Setenv("NO_COLOR", tc.noColor)
			if p := barProfile(func() termenv.Profile { return termenv.TrueColor }); p != tc.want {
				t.Fatalf("profile %v, want %v (as the command line decides)", p, tc.want)
			}
		})
	}
	for _, tt := range []struct {
		profile termenv.Profile
		escapes bool
	}{{termenv.Ascii, false}, {termenv.TrueColor, true}} {
		m := newProgressModel(4, tt.profile)
		m.done, m.width = 2, 80
		if got := strings.Contains(m.View(), "\x1b["); got != tt.escapes {
			t.Errorf("profile %v: escapes = %v, want %v", tt.profile, got, tt.escapes)
		}
	}
}

func TestProgressDrawsNothingBeforeItsSize(t *testing.T) {
	var m tea.Model = newProgressModel(4, termenv.Ascii)
	m, _ = m.Update(progressSteppedMsg{label: "http://example.com/a.xml"})
	if v := m.View(); v != "" {
		t.Fatalf("drew %q before the terminal's size was known", v)
	}
	m, _ = m.Update(tea.WindowSizeMsg{Width: 0, Height: 0})
	if v := m.View(); v != "" {
		t.Fatalf("drew %q for a terminal that does not know its size", v)
	}
	m, _ = m.Update(tea.WindowSizeMsg{Width: 30, Height: 10})
	if v := m.View(); !strings.Contains(v, "1/4") || lipgloss.Width(v) >= 30 {
		t.Fatalf("at 30 columns drew %q", v)
	}
}
