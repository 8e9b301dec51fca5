package article

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestMetaLine(t *testing.T) {
	one, zero, many := 1, 0, 1234
	date := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	tests := []struct {
		name string
		a    Article
		want string
	}{
		{"all", Article{Byline: "Jo Park", Published: date, Comments: Comments{Count: &many}}, "Jo Park · Jan 2, 2006 · 1,234 comments"},
		{"one comment", Article{Comments: Comments{Count: &one}}, "1 comment"},
		{"known zero", Article{Comments: Comments{Count: &zero}}, "0 comments"},
		{"unknown count", Article{Byline: "Jo Park", Published: date, Comments: Comments{URL: "https://e.example/c"}}, "Jo Park · Jan 2, 2006"},
		{"nothing", Article{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.ReplaceAll(metaLine(tt.a), nbsp, " "); got != tt.want {
				t.Errorf("metaLine = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRenderUnknownCountNeverZero(t *testing.T) {
	out := render(t, Article{Title: "T", Byline: "B", Body: "text"}, 80, StyleNoTTY)
	if strings.Contains(out, "comment") {
		t.Errorf("unknown comment count shown:\n%s", out)
	}
}

func TestRenderStyles(t *testing.T) {
	a := extractFixture(t, fixtures[2])
	if _, err := Render(a, 80, "sepia"); err == nil {
		t.Error("unknown style accepted")
	}
	auto, dark := render(t, a, 80, StyleAuto), render(t, a, 80, StyleDark)
	if auto != dark {
		t.Error("auto differs from dark: it must not ask the terminal")
	}
	light := render(t, a, 80, StyleLight)
	if light == dark || stripForTest(light) != stripForTest(dark) {
		t.Error("light should differ from dark in colour only")
	}
	if !strings.Contains(dark, "\x1b]8;;https://www.theguardian.com/world/2019/jul/23/france-restricts-traffic-paris-heatwave\x1b\\") {
		t.Error("dark style does not make the links list clickable")
	}
	plain := render(t, a, 80, StyleNoTTY)
	if strings.ContainsRune(plain, 0x1b) {
		t.Error("notty output carries escape bytes")
	}
	for _, out := range []string{auto, light, plain} {
		checkTerminalSafe(t, out)
	}
}

func TestRenderWidths(t *testing.T) {
	wide := Article{
		Title:   strings.Repeat("Headline ", 20),
		Section: strings.Repeat("Section", 10),
		Dek:     "A dek with a verylongwordthatcannotbebrokenanywhereatallbecauseithasnospacesinsideofit at all",
		Byline:  "Someone With A Name",
		Photo:   &Photo{Alt: strings.Repeat("alt ", 40), Caption: strings.Repeat("caption ", 40), Credit: "Photographer Name/Agency With A Long Name", Width: 1200, Height: 800},
		Body: "漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字\n\n" +
			"Emoji 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\n\n" +
			"```go\n\tfunc main() { fmt.Println(\"" + strings.Repeat("x", 150) + "\") }\n```\n\n" +
			"| a | b | c |\n|---|---|---|\n| " + strings.Repeat("cell ", 30) + " | two | three |\n\n" +
			"- a list item " + strings.Repeat("word ", 40) + "\n\n> a quotation " + strings.Repeat("word ", 40),
		Links: []string{"https://example.com/" + strings.Repeat("long/", 40)},
	}
	pages := []Article{wide, extractFixture(t, fixtures[5]), extractFixture(t, fixtures[3])}
	for _, width := range []int{20, 33, 40, 61, 80, 100, 120, 157} {
		for _, style := range []string{StyleNoTTY, StyleDark} {
			for _, a := range pages {
				checkWidth(t, render(t, a, width, style), width, a.Links)
			}
			squeezed := strings.Join(strings.Fields(stripForTest(render(t, wide, width, style))), "")
			for _, want := range []string{strings.Repeat("漢字", 24), strings.Repeat("😀", 40), `funcmain(){fmt.Println("` + strings.Repeat("x", 150), "three", "aquotation"} {
				if want == "three" && width < 40 {
					continue // narrow tables wrap inside words
				}
				if !strings.Contains(squeezed, want) {
					t.Errorf("width %d %s: text %.30q… was lost", width, style, want)
				}
			}
		}
	}
}

func TestRenderOddWidths(t *testing.T) {
	a := Article{Title: "Title", Body: "Body text"}
	if render(t, a, 0, StyleNoTTY) != render(t, a, DefaultWidth, StyleNoTTY) {
		t.Error("width 0 is not the default width")
	}
	checkWidth(t, render(t, a, 3, StyleNoTTY), MinWidth, nil)
}

func TestRendererCache(t *testing.T) {
	r := NewRenderer()
	a := extractFixture(t, fixtures[0])
	first, err := r.Render(a, 80, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	again, err := r.Render(a, 80, StyleDark)
	if err != nil || again != first {
		t.Fatal("a cached renderer changed the output")
	}
	if first != render(t, a, 80, StyleDark) {
		t.Error("Renderer and Render disagree")
	}
	for w := 30; w < 30+2*maxCachedRenderers; w++ {
		if _, err := r.Render(a, w, StyleNoTTY); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(r.cache); n > maxCachedRenderers {
		t.Errorf("cache holds %d renderers, want at most %d", n, maxCachedRenderers)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, err := r.Render(a, 80, StyleDark); err != nil || out != first {
				t.Error("concurrent render differs")
			}
		}()
	}
	wg.Wait()
}

func TestTrimLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text   ", "text"},
		{"\x1b[1mtext\x1b[0m\x1b[38;5;252m \x1b[0m  ", "\x1b[1mtext\x1b[0m"},
		{"\x1b[1mtext \x1b[0m", "\x1b[1mtext\x1b[0m"},
		{"   ", ""},
		{"a \x1b]8;;\x1b\\ ", "a\x1b]8;;\x1b\\"},
		{"no change", "no change"},
	}
	for _, tt := range tests {
		if got := trimLine(tt.in); got != tt.want {
			t.Errorf("trimLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTidyLines(t *testing.T) {
	open := "\x1b[1mbold across\n\x1b[0mlines"
	if got := tidyLines(open); got != open {
		t.Errorf("tidyLines dropped a reset that closes an open colour: %q", got)
	}
	in := "\x1b[38;5;252m\x1b[0m  \x1b[38;5;252mword\x1b[0m\x1b[38;5;252m \x1b[0m\x1b[38;5;252m \x1b[0m"
	if got, want := tidyLines(in), "  \x1b[38;5;252mword\x1b[0m"; got != want {
		t.Errorf("tidyLines = %q, want %q", got, want)
	}
}

func TestProtectHyphens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"all-time high", "all" + nbHyphen + "time high"},
		{"a-b-c", "a" + nbHyphen + "b" + nbHyphen + "c"},
		{"- list item", "- list item"},
		{"|---|---|", "|---|---|"},
		{"word -- word", "word -- word"},
		{"20-hour", "20" + nbHyphen + "hour"},
	}
	for _, tt := range tests {
		if got := protectHyphens(tt.in); got != tt.want {
			t.Errorf("protectHyphens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFitLinesKeepsEveryLine(t *testing.T) {
	in := "  " + strings.Repeat("漢字", 30) + "\nsecond line\n" + strings.Repeat("x", 100) + "\nlast"
	out := fitLines(in, 33)
	if got, want := strings.ReplaceAll(strings.ReplaceAll(out, "\n", ""), " ", ""), strings.ReplaceAll(strings.ReplaceAll(in, "\n", ""), " ", ""); got != want {
		t.Errorf("fitLines changed the text:\n got %q\nwant %q", got, want)
	}
	checkWidth(t, out, 33, nil)
}
