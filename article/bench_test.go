package article

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchPage is the wire-service fixture with its story grown to about
// 100 KB by repeating paragraphs, links and figures, chrome unchanged.
func benchPage(tb testing.TB) []byte {
	tb.Helper()
	page, err := os.ReadFile(filepath.Join("testdata", "wire-flood.html"))
	if err != nil {
		tb.Fatal(err)
	}
	const marker = `<p>Climate scientists have warned`
	at := bytes.Index(page, []byte(marker))
	if at < 0 {
		tb.Fatal("benchmark page: story marker not found")
	}
	chunk := `<p>Rescue teams worked through the night in the flooded districts, moving from house to house in inflatable boats and calling out to residents who had climbed onto roofs. “We hear voices and we follow them,” one volunteer said, adding that <a href="https://wirenews.example/article/volunteers-7f">hundreds of private boats</a> had joined the effort.</p>
<p>Officials said the water supply had been cut in several cities and that bottled water was being flown in. Schools were turned into shelters, and the state government asked for donations of blankets, mattresses and food.</p>
<figure class="Figure"><img class="Image" alt="Volunteers carry supplies" src="https://img.wirenews.example/supplies.jpg" width="1200" height="800"><figcaption class="Figure-caption"><p>Volunteers carry supplies to a shelter in Porto Alegre. (AP Photo/Carlos Macedo)</p></figcaption></figure>
`
	var b bytes.Buffer
	b.Write(page[:at])
	for b.Len()+len(page)-at < 100_000 {
		b.WriteString(chunk)
	}
	b.Write(page[at:])
	return b.Bytes()
}

// BenchmarkExtractRender measures what opening a story costs: extracting
// a 100 KB page and rendering it at 80 columns.
//
//	go test ./article/ -run '^$' -bench ExtractRender -benchmem
func BenchmarkExtractRender(b *testing.B) {
	page := benchPage(b)
	base, err := url.Parse("https://wirenews.example/article/brazil-floods")
	if err != nil {
		b.Fatal(err)
	}
	r := NewRenderer()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := Extract(bytes.NewReader(page), base)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Render(a, 80, StyleDark); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchPageIsRealistic(t *testing.T) {
	page := benchPage(t)
	if n := len(page); n < 95_000 || n > 110_000 {
		t.Errorf("benchmark page is %d bytes, want about 100 KB", n)
	}
	base, _ := url.Parse("https://wirenews.example/article/brazil-floods")
	a, err := Extract(bytes.NewReader(page), base)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(a.Body, "Rescue teams worked through the night"); got < 100 {
		t.Errorf("extracted %d repeated paragraphs, want the whole grown story", got)
	}
}

// BenchmarkRender compares rendering with a fresh glamour renderer (the
// package's Render) and with a Renderer's cached one.
func BenchmarkRender(b *testing.B) {
	a := extractFixture(b, fixtures[0])
	b.Run("fresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Render(a, 80, StyleDark); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		r := NewRenderer()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := r.Render(a, 80, StyleDark); err != nil {
				b.Fatal(err)
			}
		}
	})
}
