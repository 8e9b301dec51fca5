package article

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsterm/newsterm/sanitize"
)

// figureWords name wrappers that hold an image and its caption when a
// page does not use <figure>.
var figureWords = wordSet("figure", "wp-caption", "photo", "image", "media",
	"picture", "img", "lead-image", "hero-image", "article-image")

// leadPhoto finds the story's lead image: the first figure (or captioned
// image) before the story's first paragraph, else og:image or the JSON-LD
// image. The figure is removed from doc so its caption is never repeated
// in the body.
func leadPhoto(p *pageInfo) *Photo {
	var ph *Photo
	if fig := findLeadFigure(p); fig != nil {
		ph = photoFromFigure(fig, p.base)
		removeNode(fig)
	}
	meta := metaPhoto(p)
	switch {
	case ph == nil && meta == nil:
		return bareLeadImage(p)
	case ph == nil:
		ph = meta
		takeMatchingImage(p, ph)
	case meta != nil && (ph.URL == "" || sameImage(ph.URL, meta.URL)):
		fillPhoto(ph, meta)
	}
	return ph
}

// findLeadFigure returns the first figure before the story's first
// paragraph, outside navigation and promos.
func findLeadFigure(p *pageInfo) *html.Node {
	var found *html.Node
	walk(p.doc, func(n *html.Node) bool {
		if found != nil || !p.inHeader(n) {
			return false
		}
		if isTag(n, "nav", "footer", "aside") || isChromeByName(n) {
			return false
		}
		if isFigure(n) && leadSized(find(n, isImage)) {
			found = n
			return false
		}
		return true
	})
	return found
}

// isFigure reports a <figure>, or a small wrapper with an image and a
// caption element: one named as a figure, or any block holding one image
// and its caption and next to nothing else (a table of image and
// caption rows, a "lead" box).
func isFigure(n *html.Node) bool {
	if n.Data == "figure" {
		return find(n, isImage) != nil
	}
	if !isTag(n, "div", "table", "p", "span", "section") || letters(textPrefix(n, 700)) > 600 {
		return false
	}
	imgs := findAll(n, isImage)
	if len(imgs) == 0 {
		return false
	}
	caption := find(n, func(c *html.Node) bool { return hasToken(c, captionWords) })
	if caption == nil {
		return false
	}
	return hasToken(n, figureWords) ||
		len(imgs) == 1 && letters(textOf(n))-letters(textOf(caption)) <= 20
}

func isImage(n *html.Node) bool {
	return n.DataAtom == atom.Img || n.Data == "amp-img"
}

// leadSized rejects icons and avatars: images declared smaller than
// 100 pixels.
func leadSized(img *html.Node) bool {
	if img == nil {
		return false
	}
	w, h := dimension(attr(img, "width")), dimension(attr(img, "height"))
	return (w == 0 || w >= 100) && (h == 0 || h >= 100)
}

func photoFromFigure(fig *html.Node, base *url.URL) *Photo {
	ph := photoFromImage(find(fig, isImage), base)
	ph.Caption, ph.Credit = captionAndCredit(fig)
	return ph
}

func photoFromImage(img *html.Node, base *url.URL) *Photo {
	ph := &Photo{}
	if img == nil {
		return ph
	}
	ph.URL = imageSource(img, base)
	ph.Alt = sanitize.Line(attr(img, "alt"))
	ph.Width, ph.Height = dimension(attr(img, "width")), dimension(attr(img, "height"))
	return ph
}

// imageSource returns the image's http(s) URL. Lazy-loading attributes
// come first: their src, when there is one, is a placeholder.
func imageSource(img *html.Node, base *url.URL) string {
	for _, key := range []string{"data-src", "data-lazy-src", "data-original", "src", "data-srcset", "data-lazy-srcset", "srcset"} {
		v := strings.TrimSpace(attr(img, key))
		if strings.HasSuffix(key, "srcset") {
			v = firstSrcset(v)
		}
		if u, ok := safeURL(v, base); ok && v != "" && !strings.HasPrefix(u, "#") {
			if abs := absoluteURL(u, base); abs != "" {
				return abs
			}
		}
	}
	if pic := img.Parent; isTag(pic, "picture") {
		for c := pic.FirstChild; c != nil; c = c.NextSibling {
			if isTag(c, "source") {
				if abs := absoluteURL(firstSrcset(attr(c, "srcset")), base); abs != "" {
					return abs
				}
			}
		}
	}
	return ""
}

// dimension reads a width or height attribute: anything but a plain
// non-negative number ("100%", "auto", "-1") means unknown, 0.
func dimension(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func firstSrcset(s string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(s), ",")
	fields := strings.Fields(first)
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// metaPhoto is the image named by og:image or JSON-LD, with its alt text
// and caption.
func metaPhoto(p *pageInfo) *Photo {
	raw := p.meta("og:image:secure_url", "og:image", "og:image:url", "twitter:image")
	ph := &Photo{URL: absoluteURL(raw, p.base), Alt: sanitize.Line(p.meta("og:image:alt", "twitter:image:alt"))}
	ph.Width, ph.Height = dimension(p.meta("og:image:width")), dimension(p.meta("og:image:height"))
	if img := p.ld.Image; img.URL != "" || img.Caption != "" {
		ldURL := absoluteURL(img.URL, p.base)
		if ph.URL == "" {
			ph.URL, ph.Width, ph.Height = ldURL, img.Width, img.Height
		}
		if ldURL == "" || sameImage(ldURL, ph.URL) {
			ph.Caption = sanitize.Line(img.Caption)
		}
	}
	if ph.URL == "" && ph.Caption == "" {
		return nil
	}
	return ph
}

// fillPhoto copies into ph what it lacks from other, the same image.
func fillPhoto(ph, other *Photo) {
	fillEmpty(&ph.URL, other.URL)
	fillEmpty(&ph.Alt, other.Alt)
	fillEmpty(&ph.Caption, other.Caption)
	fillEmpty(&ph.Credit, other.Credit)
	if ph.Width == 0 && ph.Height == 0 {
		ph.Width, ph.Height = other.Width, other.Height
	}
}

// sameImage compares two image URLs by file name: CDNs serve one photo
// at many sizes under different paths and queries.
func sameImage(a, b string) bool {
	na, nb := imageName(a), imageName(b)
	return na != "" && na == nb
}

// imageName is the last part of an image URL's path without its
// extension: "/img/18877211.jpg" and "/img/18877211/" both give
// "18877211".
func imageName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return ""
	}
	name := path.Base(u.Path)
	if name == "/" || name == "." {
		return ""
	}
	return strings.TrimSuffix(name, path.Ext(name))
}

// takeMatchingImage removes the page's copy of the meta image, keeping
// its alt text and size, and its caption and credit when it sits in a
// figure: that figure is the lead photo wherever the page placed it.
func takeMatchingImage(p *pageInfo, ph *Photo) {
	img := find(p.doc, func(n *html.Node) bool {
		return isImage(n) && sameImage(imageSource(n, p.base), ph.URL) && !p.inChromeRegion(n)
	})
	if img == nil {
		return
	}
	for a := img.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && isFigure(a) {
			fig := photoFromFigure(a, p.base)
			fillPhoto(fig, ph)
			*ph = *fig
			removeNode(a)
			return
		}
	}
	fillPhoto(ph, photoFromImage(img, p.base))
	takeCaptionAfter(ph, img)
	removeNode(img)
}

// takeCaptionAfter gives ph the caption that follows its image outside
// any figure, and removes that caption from the page.
func takeCaptionAfter(ph *Photo, img *html.Node) {
	capEl := captionAfter(img)
	if capEl == nil {
		return
	}
	caption, credit := captionAndCredit(capEl)
	fillEmpty(&ph.Caption, caption)
	fillEmpty(&ph.Credit, credit)
	removeNode(capEl)
}

// bareLeadImage takes a large uncaptioned image before the story.
func bareLeadImage(p *pageInfo) *Photo {
	img := find(p.doc, func(n *html.Node) bool {
		if !isImage(n) || !p.inHeader(n) || p.inChromeRegion(n) {
			return false
		}
		return dimension(attr(n, "width")) >= 300 && leadSized(n) && imageSource(n, p.base) != ""
	})
	if img == nil {
		return nil
	}
	ph := photoFromImage(img, p.base)
	takeCaptionAfter(ph, img)
	removeNode(img)
	return ph
}

// fillEmpty sets *dst to v when *dst is still its zero value: what the page
// said wins, what the feed (or a later source) said fills the gaps.
func fillEmpty[T comparable](dst *T, v T) {
	var zero T
	if *dst == zero {
		*dst = v
	}
}
