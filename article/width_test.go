package article

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsterm/newsterm/sanitize"
)

// TestNoLineWiderThanWidth renders every page in testdata at every width
// from 20 to 200 columns: no line may be wider than the width, except a
// line of the Links list that holds one unbreakable URL.
func TestNoLineWiderThanWidth(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata pages: %v", err)
	}
	base, _ := url.Parse("https://news.example/2025/01/02/story")
	var pages []Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Extract(strings.NewReader(string(data)), base)
		if err != nil {
			t.Fatalf("Extract(%s): %v", p, err)
		}
		pages = append(pages, a)
	}
	r := NewRenderer()
	for width := MinWidth; width <= 200; width++ {
		styles := []string{StyleNoTTY}
		if width%10 == 3 {
			styles = append(styles, StyleDark)
		}
		for _, style := range styles {
			for i, a := range pages {
				out, err := r.Render(a, width, style)
				if err != nil {
					t.Fatalf("Render(%s, %d): %v", paths[i], width, err)
				}
				for n, line := range strings.Split(out, "\n") {
					if w := displayWidth(line); w > width && !isLinkLine(line, a.Links) {
						t.Errorf("%s at %d columns (%s): line %d is %d wide: %q", filepath.Base(paths[i]), width, style, n+1, w, sanitize.Strip(line))
					}
				}
			}
		}
	}
}

// TestQuotationsKeepTheirBars: glamour draws a quotation's bar in two
// columns but counts one; no line of a quotation may lose its bar.
func TestQuotationsKeepTheirBars(t *testing.T) {
	a := Article{Body: "> \"If I put the milk up by ten pence, I lose the customer, not ten pence,\" he told me, and then he said a good deal more about the price of milk, bread and newspapers.\n\nAfter the quote."}
	for width := MinWidth; width <= 120; width++ {
		for _, style := range []string{StyleNoTTY, StyleDark} {
			out := sanitize.Strip(render(t, a, width, style))
			quote, _, _ := strings.Cut(out, "After the quote")
			var words []string
			for _, line := range strings.Split(strings.TrimSpace(quote), "\n") {
				trimmed := strings.TrimSpace(line)
				if !strings.HasPrefix(trimmed, "|") && !strings.HasPrefix(trimmed, "│") {
					t.Errorf("width %d %s: quotation line without its bar: %q", width, style, line)
				}
				if displayWidth(line) > width {
					t.Errorf("width %d %s: line %q is too wide", width, style, line)
				}
				words = append(words, strings.Fields(strings.Trim(trimmed, "|│ "))...)
			}
			if got := strings.Join(words, " "); !strings.Contains(got, "he told me, and then") {
				t.Errorf("width %d %s: quotation text changed: %q", width, style, got)
			}
		}
	}
}
