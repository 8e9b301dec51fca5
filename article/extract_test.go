package article

import (
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/sanitize"
)

// haqqaniParagraphs are the story's seven paragraphs, opening words.
var haqqaniParagraphs = []string{
	"Pakistan's top military commanders announced Sunday",
	"The announcement signals a certain measure of defiance",
	"Pakistan news outlet The Express Tribune reports",
	"In an unusually frank assessment a top US military official",
	"In the most blunt remarks by a US official",
	"Pakistan has denied that it supports the Haqqanis",
	"The official Pakistani response to Washington's accusations",
}

// chromeStrings are what a reader saw around the Haqqani story.
var chromeStrings = []string{
	"Skip to", "Recent posts", "Read Comments", "View reader comments",
	"Comment on this story", "A daily summary of global reports",
	"All Rights Reserved", "Site Navigation", "Yemen's Saleh", "Contact Us",
}

const haqqaniCaption = "Pakistani protesters in Multan, Pakistan, shout slogans condemning the US for accusing the country's most powerful intelligence agency of supporting extremist attacks against American targets in Afghanistan, Friday."

func TestHaqqaniBodyIsTheSevenParagraphs(t *testing.T) {
	a := extractFixture(t, fixtures[0])
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) != len(haqqaniParagraphs) {
		t.Fatalf("body has %d paragraphs, want 7:\n%s", len(paras), a.Body)
	}
	for i, p := range paras {
		if !strings.HasPrefix(p, haqqaniParagraphs[i]) {
			t.Errorf("paragraph %d = %.60q…, want it to start %q", i+1, p, haqqaniParagraphs[i])
		}
	}
}

func TestHaqqaniRender(t *testing.T) {
	a := extractFixture(t, fixtures[0])
	for _, style := range []string{StyleNoTTY, StyleDark, StyleLight} {
		t.Run(style, func(t *testing.T) {
			out := render(t, a, 80, style)
			plain := sanitize.Strip(out)
			flat := collapseSpace(plain)
			for _, want := range []string{
				"Pakistan refuses to battle Haqqani network",
				"Terrorism & Security",
				"Pakistan said Sunday that it would not heed US calls",
				"Staff writer", "Sep 26, 2011", "23 comments",
				"Khalid Tanveer/Reuters", "image: Protest in Multan (600×400)",
			} {
				if !strings.Contains(plain, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			if n := strings.Count(flat, haqqaniCaption); n != 1 {
				t.Errorf("caption appears %d times, want once", n)
			}
			if n := strings.Count(plain, "Khalid Tanveer/Reuters"); n != 1 {
				t.Errorf("credit appears %d times, want once", n)
			}
			last := -1
			for i, p := range haqqaniParagraphs {
				at := strings.Index(flat, p)
				if at < 0 || at < last {
					t.Errorf("paragraph %d missing or out of order", i+1)
				}
				last = at
			}
			for _, chrome := range chromeStrings {
				if strings.Contains(flat, chrome) {
					t.Errorf("output contains page chrome %q", chrome)
				}
			}
			checkWidth(t, out, 80, a.Links)
		})
	}
}

func TestExtractMetadata(t *testing.T) {
	type want struct {
		title, section, byline, date, dek string
		comments                          int // -1: unknown
		commentsURL                       string
		caption, credit, alt              string
		links                             int
	}
	tests := []struct {
		fx   fixture
		want want
	}{
		{fixtures[0], want{
			title: "Pakistan refuses to battle Haqqani network", section: "Terrorism & Security",
			byline: "Staff writer", date: "2011-09-26", dek: "Pakistan said Sunday that it would not heed US calls",
			comments: 23, commentsURL: "#comments",
			caption: haqqaniCaption, credit: "Khalid Tanveer/Reuters", alt: "Protest in Multan",
		}},
		{fixtures[1], want{
			title: "Floods force thousands from their homes in southern Brazil", section: "World News",
			byline: "Diane Jeantet and Mauricio Savarese", date: "2024-05-06",
			dek: "Rescuers in boats and helicopters", comments: -1,
			caption: "Residents wade through a flooded street in Porto Alegre, Brazil, Monday, May 6, 2024. Heavy rains have caused the worst flooding the state has seen in eight decades.",
			credit:  "AP Photo/Carlos Macedo", alt: "Residents wade through a flooded street", links: 1,
		}},
		{fixtures[2], want{
			title: "Paris records its hottest day ever as heatwave grips Europe", section: "World news",
			byline: "Angelique Chrisafis", date: "2019-07-25",
			dek:      "Temperature reaches 42.6C in French capital, beating record set in 1947, as Belgium, Germany and the Netherlands also break records",
			comments: 312, commentsURL: "#comments",
			caption: "People cool off in the Trocadéro fountains in Paris on Thursday.",
			credit:  "Stéphane de Sakutin/AFP/Getty Images", alt: "People cool off in the Trocadéro fountains in Paris.", links: 1,
		}},
		{fixtures[3], want{
			title: "Greece wildfires: Thousands flee as blazes spread on Rhodes", section: "Europe",
			byline: "Nick Beake", date: "2023-07-23", dek: "Holidaymakers and residents are moved to safety",
			comments: -1, caption: "Smoke rose over hills near the resort of Lindos on Saturday",
			credit: "Reuters", alt: "Smoke rises over a hillside near Lindos", links: 1,
		}},
		{fixtures[4], want{
			title: "How I grew tomatoes on a north-facing balcony", section: "Vegetables",
			byline: "Maria Lopez", date: "2023-06-14", comments: 4, commentsURL: "/2023/06/14/tomatoes/#comments",
			alt: "Tomato plants in pots on a small balcony", links: 1,
		}},
		{fixtures[5], want{
			title: "Faster JSON decoding in Go", byline: "Ana Ruiz", date: "2024-02-03",
			dek: "Three changes that halved the time", comments: -1, links: 2,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fx.name, func(t *testing.T) {
			a := extractFixture(t, tt.fx)
			w := tt.want
			check := func(field, got, want string, prefix bool) {
				t.Helper()
				if got != want && !(prefix && want != "" && strings.HasPrefix(got, want)) {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("Title", a.Title, w.title, false)
			check("Section", a.Section, w.section, false)
			check("Byline", a.Byline, w.byline, false)
			check("Dek", a.Dek, w.dek, true)
			check("Published", a.Published.Format(time.DateOnly), w.date, false)
			switch {
			case w.comments < 0 && a.Comments.Count != nil:
				t.Errorf("comment count = %d, want unknown", *a.Comments.Count)
			case w.comments >= 0 && (a.Comments.Count == nil || *a.Comments.Count != w.comments):
				t.Errorf("comment count = %v, want %d", a.Comments.Count, w.comments)
			}
			if !strings.HasSuffix(a.Comments.URL, w.commentsURL) || (w.commentsURL == "") != (a.Comments.URL == "") {
				t.Errorf("comments URL = %q, want …%q", a.Comments.URL, w.commentsURL)
			}
			if len(a.Links) != w.links {
				t.Errorf("links = %q, want %d", a.Links, w.links)
			}
			if a.Source != SourcePage {
				t.Errorf("Source = %q, want %q", a.Source, SourcePage)
			}
			if a.Photo == nil {
				if w.alt != "" {
					t.Error("no lead photo")
				}
				return
			}
			check("Photo.Caption", a.Photo.Caption, w.caption, false)
			check("Photo.Credit", a.Photo.Credit, w.credit, false)
			check("Photo.Alt", a.Photo.Alt, w.alt, false)
		})
	}
}

// TestNoChromeInAnyPage checks every fixture's rendering for the chrome
// those pages carry.
func TestNoChromeInAnyPage(t *testing.T) {
	chrome := []string{
		"Skip to", "Most Read", "Most viewed", "Most read", "Related Stories", "Related Topics",
		"More on this story", "Recent Posts", "Share this", "Share on Facebook", "Facebook",
		"Advertisement", "Newsletters", "cookies", "All Rights Reserved", "All rights reserved",
		"©", "Leave a Reply", "Great post", "Image caption", "Image source", "Reuse this content",
		"We have a small favour", "Explore more on these topics", "Previous post", "Posted in",
		"Tagged", "6 min read", "Support us", "Privacy Policy", "Proudly powered",
	}
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			flat := collapseSpace(sanitize.Strip(render(t, extractFixture(t, fx), 80, StyleNoTTY)))
			for _, c := range chrome {
				if strings.Contains(flat, c) {
					t.Errorf("output contains %q", c)
				}
			}
		})
	}
}

func TestBodyFigures(t *testing.T) {
	tests := []struct {
		fx   fixture
		want string
	}{
		{fixtures[1], "[image: A helicopter lifts a man from a roof]\nA military helicopter lifts a man from a roof in Canoas, Sunday, May 5, 2024. — AP Photo/Carlos Macedo"},
		{fixtures[3], "[image: Tourists wait at Rhodes airport]\nTourists waited for flights home at Rhodes airport on Sunday — Getty Images"},
		{fixtures[4], "[image: Seedlings on a windowsill]\nSeedlings on the kitchen windowsill in March, two weeks after sowing. — Maria Lopez"},
	}
	for _, tt := range tests {
		t.Run(tt.fx.name, func(t *testing.T) {
			text := markdownText(extractFixture(t, tt.fx).Body)
			if !strings.Contains(text, tt.want) {
				t.Errorf("body lacks the figure %q:\n%s", tt.want, text)
			}
		})
	}
}

func TestCodeBlocksKeepLanguage(t *testing.T) {
	a := extractFixture(t, fixtures[5])
	for _, want := range []string{"```go\nfunc decode(r io.Reader) (Event, error) {\n\tvar e Event", "```shell\n$ go test", "| Decoder + pool      | 2210  | 9         |", "### A note on `sync.Pool`"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, bad := range []string{"javascript", "mailto", "alert("} {
		if strings.Contains(a.Body, bad) || strings.Contains(strings.Join(a.Links, " "), bad) {
			t.Errorf("unsafe link %q kept", bad)
		}
	}
	if !strings.Contains(a.Body, "write to me,") {
		t.Error("the text of a mailto: link was lost")
	}
}

func TestLeadPhotoSources(t *testing.T) {
	story := `<p>` + strings.Repeat("The story itself begins here and goes on for a while. ", 4) + `</p>`
	tests := []struct {
		name, page string
		want       Photo
		inBody     string // must remain in the body
	}{
		{"og image placed inside the story",
			`<head><meta property="og:image" content="https://e.example/img/lead.jpg?w=1200"></head><article><h1>T</h1>` + story +
				`<figure><img src="https://e.example/img/lead.jpg?w=600" alt="Lead"><figcaption>The caption. Photo: A B/Agency</figcaption></figure>` + story + `</article>`,
			Photo{URL: "https://e.example/img/lead.jpg?w=600", Alt: "Lead", Caption: "The caption.", Credit: "A B/Agency"}, ""},
		{"og image with alt and size only",
			`<head><meta property="og:image" content="https://e.example/og.jpg"><meta property="og:image:alt" content="A harbour"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"></head>` + story,
			Photo{URL: "https://e.example/og.jpg", Alt: "A harbour", Width: 1200, Height: 630}, ""},
		{"json-ld image caption",
			`<script type="application/ld+json">{"@type":"NewsArticle","image":{"url":"https://e.example/ld.jpg","caption":"Boats at dawn"}}</script>` + story,
			Photo{URL: "https://e.example/ld.jpg", Caption: "Boats at dawn"}, ""},
		{"icons are not photos",
			`<figure><img src="https://e.example/icon.png" width="24" height="24" alt="icon"><figcaption>Share</figcaption></figure>` + story +
				`<figure><img src="https://e.example/body.jpg" alt="Body photo"><figcaption>Later in the story</figcaption></figure>` + story,
			Photo{}, `\[image: Body photo\]`},
		{"captioned wrapper without figure",
			`<div class="wp-caption"><img src="https://e.example/w.jpg" alt="W" width="640" height="480"><p class="wp-caption-text">Garden in June. Credit: M. Lopez</p></div>` + story,
			Photo{URL: "https://e.example/w.jpg", Alt: "W", Caption: "Garden in June.", Credit: "M. Lopez", Width: 640, Height: 480}, ""},
		{"lazy image source",
			`<figure><img data-src="https://e.example/lazy.jpg" src="data:image/gif;base64,R0lGOD" alt="Lazy"><figcaption>Lazy caption</figcaption></figure>` + story,
			Photo{URL: "https://e.example/lazy.jpg", Alt: "Lazy", Caption: "Lazy caption"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, got := extractPhoto(t, tt.page)
			if got != tt.want {
				t.Errorf("photo = %+v, want %+v", got, tt.want)
			}
			if tt.inBody != "" && !strings.Contains(a.Body, tt.inBody) {
				t.Errorf("body lacks %q:\n%s", tt.inBody, a.Body)
			}
			if tt.want.Caption != "" && strings.Contains(a.Body, tt.want.Caption) {
				t.Errorf("the caption is repeated in the body:\n%s", a.Body)
			}
		})
	}
}

// TestShortParagraphPage: a story of one-line paragraphs inside a wrapper
// named "has-sidebar" is still the story, and the sidebar still goes.
func TestShortParagraphPage(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Short one - Site</title></head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav><div class="wrapper has-sidebar"><div class="main"><h1>Short one</h1>`)
	for i := 0; i < 10; i++ {
		b.WriteString("<p>Short paragraph number " + itoa(i) + " with a few words only.</p>")
	}
	b.WriteString(`</div><div class="sidebar"><h3>Popular</h3><ul><li><a href="/a">A story</a></li><li><a href="/b">B story</a></li></ul></div></div><footer>© Site</footer></body></html>`)
	a, err := Extract(strings.NewReader(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Short one" {
		t.Errorf("Title = %q, want %q", a.Title, "Short one")
	}
	if n := strings.Count(a.Body, "Short paragraph number"); n != 10 {
		t.Errorf("body has %d of 10 paragraphs:\n%s", n, a.Body)
	}
	for _, bad := range []string{"Popular", "A story", "Home", "©"} {
		if strings.Contains(a.Body, bad) {
			t.Errorf("body contains %q", bad)
		}
	}
}
