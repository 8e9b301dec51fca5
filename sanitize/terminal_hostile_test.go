package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// allowListViolation returns what in s a terminal would act on beyond SGR
// and http(s) OSC 8 (or the empty OSC 8 that ends a link), or "". It is
// written apart from the package's own parser so a shared mistake cannot
// hide.
func allowListViolation(s string) string {
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n := allowedAt(s[i:])
			if n == 0 {
				return "sequence " + strqu(s[i:min(len(s), i+32)])
			}
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return "invalid UTF-8"
		case r < 0x20 && r != '\t' && r != '\n', r >= 0x7f && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
			return "control " + strqu(string(r))
		}
		i += n
	}
	return ""
}

// allowedAt returns the length of the SGR or safe OSC 8 sequence at the
// start of s, or 0.
func allowedAt(s string) int {
	if rest, ok := strings.CutPrefix(s, "\x1b["); ok {
		for j := 0; j < len(rest); j++ {
			switch c := rest[j]; {
			case c == 'm':
				return 2 + j + 1
			case c >= '0' && c <= '9', c == ';', c == ':':
			default:
				return 0
			}
		}
		return 0
	}
	rest, ok := strings.CutPrefix(s, "\x1b]8;")
	if !ok {
		return 0
	}
	end := strings.IndexAny(rest, "\x07\x1b")
	if end < 0 {
		return 0
	}
	term := 1
	if rest[end] == 0x1b {
		if !strings.HasPrefix(rest[end:], "\x1b\\") {
			return 0
		}
		term = 2
	}
	params, uri, ok := strings.Cut(rest[:end], ";")
	if !ok {
		return 0
	}
	for _, c := range []byte(params + uri) {
		if c <= ' ' || c >= 0x7f {
			return 0
		}
	}
	lower := strings.ToLower(uri)
	if uri != "" && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return 0
	}
	return 4 + end + term
}

func strqu(s string) string {
	return strings.ToValidUTF8(strings.NewReplacer("\x1b", `\e`, "\x07", `\a`).Replace(s), "?")
}

// A kept OSC 8 must not be able to hide another sequence or a control in
// its parameters or target.
func TestTerminalOSC8CannotCarryOtherSequences(t *testing.T) {
	tests := []struct{ name, in string }{
		{"ESC inside the target", "\x1b]8;;https://e.com/\x1b]0;pwned\x07x\x1b]8;;\x07"},
		{"C1 ST inside the target", "\x1b]8;;https://e.com/\u009c\x1b[2Jx"},
		{"BEL-terminated params with ESC", "\x1b]8;id=\x1b[2J;https://e.com/\x07x"},
		{"space in the target", "\x1b]8;;https://e.com/ \x1b[2J\x07x"},
		{"javascript behind http text", "\x1b]8;;javascript:http://e.com/\x07x"},
		{"upper-case scheme", "\x1b]8;;HTTPS://E.COM/\x07x\x1b]8;;\x07"},
		{"nested OSC 8", "\x1b]8;;https://a/\x1b]8;;file:///etc/passwd\x07\x07x"},
		{"SGR with private marker", "\x1b[?25lx\x1b[>5m"},
		{"SGR with intermediate", "\x1b[1 mx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Terminal(tt.in)
			if v := allowListViolation(out); v != "" {
				t.Errorf("Terminal(%q) = %q: %s", tt.in, out, v)
			}
			if strings.Contains(out, "pwned") || strings.Contains(out, "passwd") {
				t.Errorf("Terminal(%q) = %q shows a removed sequence's body", tt.in, out)
			}
		})
	}
}

// FuzzTerminal: whatever comes in, Terminal's output holds only SGR and
// http(s) OSC 8 sequences, no other control, valid UTF-8, and filtering
// it again changes nothing.
func FuzzTerminal(f *testing.F) {
	for _, s := range []string{
		"\x1b[1;31mred\x1b[0m", "\x1b]8;;https://e.com/\x1b\\link\x1b]8;;\x1b\\",
		"\x1b]8;;file:///etc/passwd\x07x", "\x1b]0;pwned\x07t", "a\u009b2Jb", "\x1b[", "\x1b]8;;http://a\x1b",
		"\xc2\x9b31m", "\r\n\x1bP\x1b\\", "\u202eabc",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Terminal(s)
		if v := allowListViolation(out); v != "" {
			t.Fatalf("Terminal(%q) = %q: %s", s, out, v)
		}
		if again := Terminal(out); again != out {
			t.Fatalf("not idempotent: %q -> %q", out, again)
		}
		if stripped := Strip(out); strings.ContainsRune(stripped, esc) {
			t.Fatalf("Strip left an escape in %q", stripped)
		}
	})
}
