package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRuntimeErrorsSayItOnce: a runtime failure is one line on stderr,
// exit 1, naming the thing that failed once (no "open database X: open
// database X:") and, where there is one, the fix.
func TestRuntimeErrorsSayItOnce(t *testing.T) {
	w := newWorld(t)
	notDB := filepath.Join(w.dir, "notes.db")
	if err := os.WriteFile(notDB, []byte("shopping list"), 0o600); err != nil {
		t.Fatal(err)
	}
	blocked := filepath.Join(w.dir, "blocked")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(w.dir, "missing.opml")
	down := closedURL(t)
	tests := []struct {
		name  string
		args  []string
		stdin string
		once  []string // each exactly once
		has   []string
	}{
		{"database is not one", []string{"--db", notDB, "feeds"}, "",
			[]string{"open database", notDB}, []string{"--db"}},
		{"database folder cannot be made", []string{"--db", filepath.Join(blocked, "d.db"), "feeds"}, "",
			[]string{filepath.Join(blocked, "d.db")}, []string{"--db"}},
		{"config cannot be written", []string{"--config", filepath.Join(blocked, "c.toml"), "add", w.url("news.rss")}, "",
			[]string{filepath.Join(blocked, "c.toml")}, []string{"cannot"}},
		{"OPML file missing", []string{"import", missing}, "",
			[]string{missing}, []string{"no such file"}},
		{"OPML on stdin empty", []string{"import", "-"}, "",
			[]string{"read OPML"}, []string{"stdin", "empty"}},
		{"page unreachable", []string{"read", down}, "",
			[]string{"fetch", down}, []string{"refused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut strings.Builder
			code := runWithStdin(w.with(t), tt.stdin, &out, &errOut, tt.args...)
			stderr := errOut.String()
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr %q", code, stderr)
			}
			oneLine(t, "error", stderr)
			for _, s := range tt.once {
				if n := strings.Count(stderr, s); n != 1 {
					t.Errorf("stderr says %q %d times, want once: %q", s, n, stderr)
				}
			}
			for _, s := range tt.has {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr %q lacks %q", stderr, s)
				}
			}
		})
	}
}
