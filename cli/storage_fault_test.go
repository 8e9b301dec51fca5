package cli_test

import (
	"bytes"
	"crypto/rand"
	"os"
	"strings"
	"testing"
)

// A database file that is garbage or cut short is reported on one line
// and never overwritten or re-initialised, whatever the command.
func TestDamagedDatabaseIsNeverOverwritten(t *testing.T) {
	noise := make([]byte, 16384)
	rand.Read(noise)
	tests := []struct{ name, want string }{
		{"garbage", "not a SQLite database"},
		{"truncated", "truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			w.mustRun("add", w.url("news.rss"))
			data := noise
			if tt.name == "truncated" {
				full, err := os.ReadFile(w.db)
				if err != nil {
					t.Fatal(err)
				}
				data = full[:len(full)/2]
			}
			if err := os.WriteFile(w.db, data, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"feeds"}, {"items", "--json"}, {"refresh"}, {"read", "1"},
				{"add", w.url("security.rss")}, {"search", "seawall"}, {"export"}, {"remove", w.url("news.rss")}} {
				r := w.run(args...)
				if r.code != 1 {
					t.Errorf("newsterm %q: exit %d, want 1", args, r.code)
				}
				if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, w.db) ||
					!strings.Contains(r.stderr, tt.want) {
					t.Errorf("newsterm %q: stderr %q; want one line naming %s and saying %q", args, r.stderr, w.db, tt.want)
				}
				if got, err := os.ReadFile(w.db); err != nil || !bytes.Equal(got, data) {
					t.Fatalf("newsterm %q changed the damaged database (%v)", args, err)
				}
				for _, side := range []string{"-wal", "-shm", "-journal"} {
					if _, err := os.Stat(w.db + side); err == nil {
						t.Errorf("newsterm %q created %s beside the damaged database", args, side)
					}
				}
			}
		})
	}
}
