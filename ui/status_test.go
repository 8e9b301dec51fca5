package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

func TestStatusLine(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		want    []string
		notWant []string
	}{
		{"counts the view", nil, []string{"All · 6 stories · 6 unread"}, nil},
		{"starred counts no unread it does not know", []string{"h", "j", "j", "enter"},
			[]string{"Starred · 1 story"}, []string{"unread"}},
		{"a note goes with the next key", []string{"y", "j"}, nil, []string{"copied"}},
		{"a search's note goes when it is cleared", []string{"/", "R", "u", "s", "t", "enter", "esc"},
			[]string{"All · 6 stories"}, []string{"found"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := started(t, sampleStore(), 160, 30)
			m = press(t, m, tc.keys...)
			line := ansi.Strip(m.statusLine())
			for _, w := range tc.want {
				if !strings.Contains(line, w) {
					t.Fatalf("status %q lacks %q", line, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(line, w) {
					t.Fatalf("status %q still says %q", line, w)
				}
			}
		})
	}
}

func TestStatusErrorKeepsItsCause(t *testing.T) {
	m := started(t, sampleStore(), 70, 24)
	long := errors.New("config not reloaded, keeping the old one: /tmp/newsterm-demo-2684605626/config.toml:33: unknown key reader.bogus")
	m.status = m.status.fail(long)
	line := ansi.Strip(m.statusLine())
	if lipgloss.Width(line) != 70 {
		t.Fatalf("status is %d cells: %q", lipgloss.Width(line), line)
	}
	for _, want := range []string{"✗ config…", "reader.bogus ? shows it all"} {
		if !strings.Contains(line, want) {
			t.Fatalf("status %q lacks %q", line, want)
		}
	}
}

func TestEmptyViewsSayWhy(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"starred", []string{"h", "j", "j", "enter"}, "No starred stories. Press s on a story to star it."},
		{"unread", []string{"A", "h", "j", "enter"}, "No unread stories. Press R to refresh."},
		{"search", []string{"/", "z", "q", "x", "enter"}, "Nothing matches “zqx”. Press esc/h to go back."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			fs.items[3].Starred = false
			m := started(t, fs, 70, 24)
			m = press(t, m, tc.keys...)
			v := m.View()
			flat := strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(v), "┃", " ")), " ")
			if !strings.Contains(flat, tc.want) {
				t.Fatalf("the empty view does not say %q:\n%s", tc.want, v)
			}
			checkFrame(t, v, 70, 24)
		})
	}
}
