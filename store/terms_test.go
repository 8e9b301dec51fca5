package store

import (
	"context"
	"strings"
	"testing"
)

func TestSearchTerms(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"The cat and THE dog", "the Cat"}, "The cat and dog"},
		{[]string{"network's reach—far", "“quoted”"}, "network s reach far quoted"},
		{[]string{"émigré Émigré 東京、大阪"}, "émigré Émigré 東京、大阪"}, // FTS5 splits and folds these itself
		{[]string{"", "  \t\n", "--"}, ""},
		{[]string{"a1 A1 1a"}, "a1 1a"},
	}
	for _, tt := range tests {
		if got := searchTerms(tt.in...); got != tt.want {
			t.Errorf("searchTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearchTermsFindWhatFullTextWould indexes the same texts both ways and
// checks that every word of the full text is found through the terms.
func TestSearchTermsFindWhatFullTextWould(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	text := "Kraków's «naïve» café—ÉCOLE 東京、大阪 x_y über-cool ΣΊΣΥΦΟΣ Straße 3.14 İstanbul"
	for i, body := range []string{text, searchTerms(text)} {
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
