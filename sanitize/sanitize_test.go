package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"osc title", "\x1b]0;pwned\x07Real Title", "Real Title"},
		{"osc st", "a\x1b]0;x\x1b\\b", "ab"},
		{"csi", "\x1b[31mred\x1b[0m", "red"},
		{"csi clear", "x\x1b[2Jy", "xy"},
		{"unterminated osc", "safe\x1b]52;c;AAAA", "safe"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc pm", "a\x1b_x\x1b\\b\x1b^y\x07c", "abc"},
		{"c0", "a\x00b\x07c\x08d", "abcd"},
		{"keep tab newline", "a\tb\nc", "a\tb\nc"},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"del", "a\x7fb", "ab"},
		{"c1 utf8", "a\u0085b\u009bc", "ab"},
		{"c1 csi body", "a\u009b31mb", "ab"},
		{"bidi", "a\u202eevil\u2066x\u2069", "aevilx"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"cjk emoji kept", "東京 🚀 é", "東京 🚀 é"},
		{"lone esc", "a\x1b", "a"},
		{"esc two byte", "a\x1bcb", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	if got := Line("  a\n\tb  \x1b[1mc "); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}

func TestTerminal(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"sgr kept", "\x1b[1;38;5;12mx\x1b[0m", "\x1b[1;38;5;12mx\x1b[0m"},
		{"osc8 https kept", "\x1b]8;;https://e.com/a\x1b\\t\x1b]8;;\x1b\\", "\x1b]8;;https://e.com/a\x1b\\t\x1b]8;;\x1b\\"},
		{"osc8 file dropped", "\x1b]8;;file:///etc/passwd\x07t\x1b]8;;\x07", "t\x1b]8;;\x07"},
		{"osc8 javascript dropped", "\x1b]8;;javascript:alert(1)\x07t", "t"},
		{"title dropped", "\x1b]0;x\x07t", "t"},
		{"cursor move dropped", "\x1b[2Ja\x1b[Hb", "ab"},
		{"c0 in text dropped", "a\x07b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terminal(tt.in); got != tt.want {
				t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// hasControl reports any byte or rune Text must have removed.
func hasControl(s string) bool {
	for _, r := range s {
		if r == '\t' || r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || dropRune(r) {
			return true
		}
	}
	return false
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"\x1b]0;pwned\x07Real Title", "a\u009b1mb", "\xff\xfe", "x\x1b[", "\r\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if hasControl(out) {
			t.Fatalf("control left in %q from %q", out, s)
		}
		if again := Text(out); again != out {
			t.Fatalf("not idempotent: %q -> %q", out, again)
		}
		term := Terminal(s)
		if strings.Contains(Strip(term), "\x1b") {
			t.Fatalf("escape survived Strip")
		}
	})
}

func BenchmarkTextClean(b *testing.B) {
	s := strings.Repeat("<p>A plain paragraph of feed text, the usual case.</p>\n", 200)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Text(s)
	}
}

func TestFirstChangeMatchesKeepASCII(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c < utf8.RuneSelf && keepASCII(byte(c)) && c != '\r'
		if got := firstChange(string([]byte{byte(c)})) < 0; got != want {
			t.Errorf("firstChange(%#x) < 0 = %v, want %v", c, got, want)
		}
	}
}

// TestFirstChangeIsWhereTextDiffers: text that is clean apart from one
// character is returned as is up to that character, and non-ASCII text
// needs no copy.
func TestFirstChangeIsWhereTextDiffers(t *testing.T) {
	for _, s := range []string{"Kraków 東京 ✨ café \uFFFD", "tab\tand\nnewline"} {
		if firstChange(s) >= 0 || Text(s) != s {
			t.Errorf("Text(%q) = %q, firstChange %d; want it unchanged", s, Text(s), firstChange(s))
		}
	}
	for _, bad := range []string{"\x1b[31m", "\r", "\u009b", "\u202e", "\xff", "\x00", "\u2028"} {
		s := "Kraków " + bad + " end"
		if i := firstChange(s); i != len("Kraków ") {
			t.Errorf("firstChange(%q) = %d, want %d", s, i, len("Kraków "))
		}
		if got := Text(s); !strings.HasPrefix(got, "Kraków ") || got == s {
			t.Errorf("Text(%q) = %q", s, got)
		}
	}
}

func FuzzTextFastPath(f *testing.F) {
	f.Add("Kraków \x1b[31m red")
	f.Fuzz(func(t *testing.T, s string) {
		if firstChange(s) < 0 && Text(s) != s {
			t.Errorf("firstChange says %q is clean but Text gives %q", s, Text(s))
		}
		if Text(Text(s)) != Text(s) {
			t.Errorf("Text is not idempotent on %q", s)
		}
	})
}
