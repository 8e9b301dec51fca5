package config

import "testing"

func TestNormalizeKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"q", "q"},
		{"G", "G"},
		{"?", "?"},
		{"/", "/"},
		{"+", "+"},
		{"é", "é"},
		{" ", " "},
		{"space", " "},
		{"Space", " "},
		{"pagedown", "pgdown"},
		{"page_down", "pgdown"},
		{"PgDn", "pgdown"},
		{"pgdown", "pgdown"},
		{"PageUp", "pgup"},
		{"pgup", "pgup"},
		{"escape", "esc"},
		{"Esc", "esc"},
		{"return", "enter"},
		{"Enter", "enter"},
		{"tab", "tab"},
		{"Shift+Tab", "shift+tab"},
		{"backspace", "backspace"},
		{"Delete", "delete"},
		{"insert", "insert"},
		{"Home", "home"},
		{"end", "end"},
		{"up", "up"},
		{"shift+down", "shift+down"},
		{"Ctrl+Left", "ctrl+left"},
		{"ctrl+shift+up", "ctrl+shift+up"},
		{"shift+ctrl+up", "ctrl+shift+up"},
		{"Ctrl+C", "ctrl+c"},
		{"ctrl+c", "ctrl+c"},
		{" ctrl+d ", "ctrl+d"},
		{"ctrl+i", "tab"},
		{"ctrl+m", "enter"},
		{"ctrl+[", "esc"},
		{"ctrl+space", "ctrl+@"},
		{"ctrl+@", "ctrl+@"},
		{`ctrl+\`, `ctrl+\`},
		{"ctrl+pgdown", "ctrl+pgdown"},
		{"shift+g", "G"},
		{"alt+x", "alt+x"},
		{"Alt+G", "alt+G"},
		{"alt+enter", "alt+enter"},
		{"alt+ctrl+c", "alt+ctrl+c"},
		{"Meta+x", "alt+x"},
		{"alt+space", "alt+ "},
		{"F1", "f1"},
		{"f20", "f20"},
	}
	for _, tt := range tests {
		got, err := NormalizeKey(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizeKey(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalizeKeyRejects(t *testing.T) {
	for _, in := range []string{"", "  ", "hyper+q", "ctrl+", "ctrl+1", "ctrl+shift+a", "alt+", "alt+alt+x",
		"f21", "f0", "qq", "shift+1", "\x1b", "\t", "ctrl+é", "super+a", "enter+"} {
		if got, err := NormalizeKey(in); err == nil {
			t.Errorf("NormalizeKey(%q) = %q, want an error", in, got)
		}
	}
}
