package cli_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// controlIn returns the first terminal control in s (ESC, BEL, another C0
// but tab and newline, DEL, C1, a bidi override), or "" when there is none.
func controlIn(s string) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd"):
			return "invalid UTF-8"
		case r < 0x20 && r != '\t' && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return strconv.QuoteRune(r)
		}
	}
	return ""
}

// Feed titles, authors, captions, comment links, page link titles and
// server error lines carrying escapes never reach stdout or stderr raw,
// whatever the command and output format.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	w := newWorld(t)
	steps := [][]string{
		{"add", w.url("hostile.html")}, // lists two feeds with hostile titles, exit 1
		{"add", w.url("hostile.html"), "--first"},
		{"add", w.url("hostile-status.rss")},
		{"feeds"},
		{"feeds", "--json"},
		{"refresh"},
		{"refresh", "--json"},
		{"items"},
		{"items", "--json"},
		{"search", "Headline"},
		{"search", "Headline", "--json"},
		{"export"},
		{"read", "1"},
		{"read", w.url("hostile.html")},
		{"remove", "\x1b]0;pwned\x07"},
		{"add", "\x1b[2J://x"},
		{"\x1b]0;pwned\x07"},
	}
	for _, args := range steps {
		r := w.run(args...)
		for stream, text := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			if c := controlIn(text); c != "" {
				t.Errorf("newsterm %q: %s carries %s:\n%q", args, stream, c, text)
			}
		}
	}
	items := w.items()
	if len(items) != 1 {
		t.Fatalf("items = %+v, want the hostile story", items)
	}
	it := items[0]
	if !strings.Contains(it.Title, "Headline") || !strings.Contains(it.Title, "RED") {
		t.Errorf("title lost its visible text: %q", it.Title)
	}
	if it.Image == nil || !strings.Contains(it.Image.Caption, "Caption") || !strings.Contains(it.Image.Credit, "Credit") {
		t.Errorf("image = %+v", it.Image)
	}
	for _, f := range w.feeds() {
		if strings.Contains(f.Title, "pwned") {
			t.Errorf("feed title kept the OSC payload: %q", f.Title)
		}
	}
}
