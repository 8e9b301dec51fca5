package cli_test

import (
	"os"
	"strings"
	"testing"
)

// A config file someone else wrote (a shared dotfile, an imported
// example) with controls in keys, values and comments: the error names
// the file and line on one clean line, and nothing reaches the terminal.
func TestHostileConfigErrorsAreOneCleanLine(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"escape in a comment", "# \x1b]0;pwned\x07\n[fetch]\n", ":1:"},
		{"escape in a quoted key", "[fetch]\n\"\\u001b]0;pwned\\u0007\" = 1\n", ":2:"},
		{"escape in a theme", "[reader]\ntheme = \"\\u001b[2J\\u009b31m\"\n", ":2:"},
		{"C1 in a bare string", "[reader]\ntheme = \"da\u009brk\"\n", ":2:"},
		{"bidi in a key", "[fetch]\n\"jobs\u202e\" = 1\n", ":2:"},
		{"invalid UTF-8 and CRLF", "[fetch]\r\njobs = 2\r\n# caf\xe9 \x1b[2J\r\n", ":3:"},
		{"huge line", "[fetch]\n# " + strings.Repeat("\x1b[2J", 20000) + "\n", ":2:"},
		{"URL with an escape", "[[feed]]\nurl = \"https://a.example/\\u001b]0;pwned\\u0007\"\n", ":2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			if err := os.WriteFile(w.config, []byte(tt.src), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"feeds"}, {"refresh", "--json"}, {"add", w.url("news.rss")}} {
				r := w.run(args...)
				if r.code == 0 {
					t.Fatalf("newsterm %q accepted the config", args)
				}
				if r.stdout != "" && !strings.HasPrefix(r.stdout, "[") {
					t.Errorf("newsterm %q: stdout %q", args, r.stdout)
				}
				if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, w.config+tt.want) {
					t.Errorf("newsterm %q: stderr %q; want one line naming %s%s", args, r.stderr, w.config, tt.want)
				}
				if c := controlIn(r.stderr); c != "" { // quoted (\x1b) is fine: inert text
					t.Errorf("newsterm %q: stderr carries %s: %q", args, c, r.stderr)
				}
				if len(r.stderr) > 1000 {
					t.Errorf("newsterm %q: a %d-byte error line", args, len(r.stderr))
				}
			}
			if got, _ := os.ReadFile(w.config); string(got) != tt.src {
				t.Error("a failed command rewrote the config file")
			}
		})
	}
}
