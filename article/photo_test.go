package article

import (
	"strings"
	"testing"
)

// TestLazyAndLooseLeadPhotos covers lead images that scripts load late
// and captions that sit outside any <figure>.
// extractPhoto extracts page and returns the article and its lead photo
// (the zero Photo when there is none).
func extractPhoto(t *testing.T, page string) (Article, Photo) {
	t.Helper()
	a, err := Extract(strings.NewReader(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Photo == nil {
		return a, Photo{}
	}
	return a, *a.Photo
}

func TestLazyAndLooseLeadPhotos(t *testing.T) {
	story := `<p>` + strings.Repeat("The story itself begins here and goes on for a while. ", 4) + `</p>`
	tests := []struct {
		name, page string
		want       Photo
	}{
		{"noscript only, after a placeholder box",
			`<h1>T</h1><div class="lead"><div class="placeholder"></div><noscript><img src="https://e.example/real.jpg" alt="Real" width="1200" height="800"></noscript><p class="caption">The harbour at dawn. Photo: Ann Lee/Agency</p></div>` + story,
			Photo{URL: "https://e.example/real.jpg", Alt: "Real", Caption: "The harbour at dawn.", Credit: "Ann Lee/Agency", Width: 1200, Height: 800}},
		{"placeholder src with the real one in noscript",
			`<figure><img class="lazy" src="https://e.example/blank.gif" alt="Boats"><noscript><img src="https://e.example/boats.jpg" alt="Boats" width="900" height="600"></noscript><figcaption>Boats</figcaption></figure>` + story,
			Photo{URL: "https://e.example/boats.jpg", Alt: "Boats", Caption: "Boats", Width: 900, Height: 600}},
		{"data-src wins over the noscript copy and the placeholder",
			`<figure><img src="https://e.example/grey.svg" data-src="https://e.example/lazy.jpg" alt="Lazy"><noscript><img src="https://e.example/lazy-fallback.jpg"></noscript><figcaption>Lazy</figcaption></figure>` + story,
			Photo{URL: "https://e.example/lazy.jpg", Alt: "Lazy", Caption: "Lazy"}},
		{"picture sources only",
			`<figure><picture><source type="image/avif" srcset="https://e.example/p.avif 1200w"><img alt="Pic" width="1200" height="800"></picture><figcaption>Pic. Photograph: Jo Bell/Agency</figcaption></figure>` + story,
			Photo{URL: "https://e.example/p.avif", Alt: "Pic", Caption: "Pic.", Credit: "Jo Bell/Agency", Width: 1200, Height: 800}},
		{"caption in the next field, not in a figure",
			`<head><meta property="og:image" content="https://e.example/styles/og/road.jpg?itok=1"></head><div class="field-image"><img src="https://e.example/styles/large/road.jpg?itok=2" alt="Road" width="480" height="320"></div><div class="field-image-caption">Traffic on the road. Picture: The Gazette</div>` + story,
			Photo{URL: "https://e.example/styles/og/road.jpg?itok=1", Alt: "Road", Caption: "Traffic on the road.", Credit: "The Gazette", Width: 480, Height: 320}},
		{"table of image and caption rows",
			`<table class="tr-caption-container"><tr><td><a href="https://e.example/big/tarn.jpg"><img src="https://e.example/small/tarn.jpg" width="640" height="480"></a></td></tr><tr><td class="tr-caption">A tarn in the hills</td></tr></table>` + story,
			Photo{URL: "https://e.example/small/tarn.jpg", Caption: "A tarn in the hills", Width: 640, Height: 480}},
		{"standfirst paragraph before the lead figure",
			`<h1>T</h1><p class="standfirst">` + strings.Repeat("A long standfirst that reads like a paragraph. ", 3) + `</p><figure><img src="https://e.example/lead.jpg" alt="Lead"><figcaption>Lead caption (Image: Newsquest)</figcaption></figure>` + story,
			Photo{URL: "https://e.example/lead.jpg", Alt: "Lead", Caption: "Lead caption", Credit: "Newsquest"}},
		{"og image under another name for the same file",
			`<head><meta property="og:image" content="https://e.example/images/1887.jpg?type=og"></head><figure><img src="https://e.example/images/1887/?type=full" alt="Pool"><figcaption>The pool</figcaption></figure>` + story,
			Photo{URL: "https://e.example/images/1887/?type=full", Alt: "Pool", Caption: "The pool"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, got := extractPhoto(t, tt.page)
			if got != tt.want {
				t.Errorf("photo = %+v\nwant    %+v", got, tt.want)
			}
			if strings.Contains(a.Body, "image") || tt.want.Caption != "" && strings.Contains(a.Body, tt.want.Caption) {
				t.Errorf("the photo or its caption is repeated in the body:\n%s", a.Body)
			}
		})
	}
}

func TestBodyImages(t *testing.T) {
	story := `<p>` + strings.Repeat("The story itself begins here and goes on for a while. ", 4) + `</p>`
	tests := []struct {
		name, html string
		want       string // in the body, "" for nothing
		links      int
	}{
		{"an avatar", `<a href="/@k"><img src="https://e.example/k.jpg" alt="Kasia" width="44" height="44"></a>`, "", 0},
		{"an emoji", `<img src="https://e.example/smile.png" alt="😀" width="20" height="20">`, "😀", 0},
		{"decoration", `<img src="https://e.example/rule.png" alt="">`, "", 0},
		{"a photo without alt text", `<img src="https://e.example/p.jpg" width="640" height="480">`, `\[image\]`, 0},
		{"a photo linked to its larger copy", `<a href="https://e.example/s1600/flask.jpg"><img src="https://e.example/s400/flask.jpg" alt="A flask" width="400" height="300"></a>`, `\[image: A flask\]`, 0},
		{"a link card's thumbnail", `<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://e.example/chain-wear/"><div class="kg-bookmark-content"><div class="kg-bookmark-title">How to measure chain wear</div></div><div class="kg-bookmark-thumbnail"><img src="https://e.example/thumb.jpg" alt=""></div></a></figure>`, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(`<article><h1>T</h1>`+story+`<p>Before.</p>`+tt.html+`<p>After.</p>`+story+`</article>`), nil)
			if err != nil {
				t.Fatal(err)
			}
			_, rest, _ := strings.Cut(a.Body, "Before.")
			got, _, _ := strings.Cut(rest, "After.")
			if got = strings.TrimSpace(got); got != tt.want {
				t.Errorf("between the paragraphs: %q, want %q", got, tt.want)
			}
			if len(a.Links) != tt.links {
				t.Errorf("links = %q, want %d", a.Links, tt.links)
			}
		})
	}
}
