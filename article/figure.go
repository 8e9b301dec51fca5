package article

import (
	"net/url"
	"strconv"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isLinkCard reports a figure that shows a link with its title and a
// thumbnail rather than a captioned photo.
func isLinkCard(fig *html.Node) bool {
	if find(fig, func(n *html.Node) bool { return n.Data == "figcaption" || hasToken(n, captionWords) }) != nil {
		return false
	}
	a := find(fig, byTag("a"))
	return a != nil && hasText(a)
}

// isEmptyCard reports what is left of a link card once its linked text
// went as a link block: thumbnails that link to another page, with no
// caption.
func isEmptyCard(fig *html.Node, imgs []*html.Node) bool {
	if hasText(fig) {
		return false
	}
	for _, img := range imgs {
		a := img.Parent
		for a != nil && a != fig && !isTag(a, "a") {
			a = a.Parent
		}
		if !isTag(a, "a") || isImageFile(attr(a, "href")) {
			return false
		}
	}
	return true
}

// firstTextBlock returns the text of the first element under n that
// holds text itself: a card's title before its summary.
func firstTextBlock(n *html.Node) string {
	var found string
	walk(n, func(c *html.Node) bool {
		if found != "" {
			return false
		}
		for t := c.FirstChild; t != nil; t = t.NextSibling {
			if t.Type == html.TextNode && letters(t.Data) > 0 {
				found = textOf(c)
				return false
			}
		}
		return true
	})
	if found == "" {
		found = textOf(n)
	}
	return found
}

// canonicalFigures rewrites every figure left in the page (the body's
// own photos) as <figure><img…><figcaption>caption<cite>credit</cite>,
// before chrome removal takes their credit and screen-reader labels.
func canonicalFigures(doc *html.Node, pageURL *url.URL) {
	var figs []*html.Node
	walk(doc, func(n *html.Node) bool {
		if isFigure(n) {
			figs = append(figs, n)
			return false
		}
		return true
	})
	for _, fig := range figs {
		if isLinkCard(fig) {
			continue
		}
		var imgs []*html.Node
		for _, img := range findAll(fig, isImage) {
			ph := photoFromImage(img, pageURL)
			imgs = append(imgs, imageNode(ph))
		}
		caption, credit := captionAndCredit(fig)
		for c := fig.FirstChild; c != nil; c = fig.FirstChild {
			fig.RemoveChild(c)
		}
		fig.Data, fig.DataAtom = "figure", atom.Figure
		for _, img := range imgs {
			fig.AppendChild(img)
		}
		if caption != "" || credit != "" {
			fc := element("figcaption", atom.Figcaption)
			fc.AppendChild(&html.Node{Type: html.TextNode, Data: caption})
			if credit != "" {
				cite := element("cite", atom.Cite)
				cite.AppendChild(&html.Node{Type: html.TextNode, Data: credit})
				fc.AppendChild(cite)
			}
			fig.AppendChild(fc)
		}
	}
}

func element(tag string, a atom.Atom) *html.Node {
	return &html.Node{Type: html.ElementNode, Data: tag, DataAtom: a}
}

func imageNode(ph *Photo) *html.Node {
	img := element("img", atom.Img)
	img.Attr = []html.Attribute{{Key: "alt", Val: ph.Alt}}
	if ph.URL != "" {
		img.Attr = append(img.Attr, html.Attribute{Key: "src", Val: ph.URL})
	}
	if ph.Width > 0 && ph.Height > 0 {
		img.Attr = append(img.Attr,
			html.Attribute{Key: "width", Val: strconv.Itoa(ph.Width)},
			html.Attribute{Key: "height", Val: strconv.Itoa(ph.Height)})
	}
	return img
}
