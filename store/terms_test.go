package store

import (
	"context"
	"strings"
	"testing"
)

func TestItemTerms(t *testing.T) {
	tests := []struct {
		title, summary, content string
		want                    string
	}{
		{"The cat and THE dog", "<p>the Cat</p>", "", "The cat and dog"},
		{"", "network's reach&mdash;far", "<p>“quoted” <b>bold</b>ly</p>", "network s reach far quoted boldly"},
		{"émigré Émigré", "", "東京、大阪", "émigré Émigré 東京、大阪"}, // FTS5 splits and folds these itself
		{"", "  \t\n", "<script>var hidden;</script><p class=\"attr\">--</p>", ""},
		{"a1 A1 1a", "", "", "a1 1a"},
	}
	for _, tt := range tests {
		if got := itemTerms(tt.title, tt.summary, tt.content); got != tt.want {
			t.Errorf("itemTerms(%q, %q, %q) = %q, want %q", tt.title, tt.summary, tt.content, got, tt.want)
		}
	}
}

// TestItemTermsFindWhatFullTextWould indexes the same texts both ways and
// checks that every word of the full text is found through the terms.
func TestItemTermsFindWhatFullTextWould(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	text := "Kraków's «naïve» café—ÉCOLE 東京、大阪 x_y über-cool ΣΊΣΥΦΟΣ Straße 3.14 İstanbul"
	for i, body := range []string{text, itemTerms(text, "", "")} {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO items_fts (rowid, terms) VALUES (?, ?)", i+1, body); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' }) {
		q := matchQuery(w + " ")
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?", q).Scan(&n); err != nil {
			t.Fatalf("MATCH %s: %v", q, err)
		}
		if n != 2 {
			t.Errorf("MATCH %s (from %q) found %d of the 2 copies", q, w, n)
		}
	}
}

func TestBodyRoundTrip(t *testing.T) {
	for _, in := range []string{"", "<p>x</p>", strings.Repeat("<p>long story, many words.</p>", 2000)} {
		b, err := packBody(in)
		if err != nil {
			t.Fatal(err)
		}
		if len(in) > 1000 && len(b) >= len(in)/4 {
			t.Errorf("packBody(%d bytes) = %d bytes: not compressed", len(in), len(b))
		}
		out, err := unpackBody(b)
		if err != nil || out != in {
			t.Errorf("unpackBody(packBody(%d bytes)) = %d bytes, %v", len(in), len(out), err)
		}
	}
	if _, err := unpackBody([]byte("not zstd")); err == nil || !strings.Contains(err.Error(), "decompress body") {
		t.Errorf("unpackBody(garbage) error = %v, want a decompress error", err)
	}
}
