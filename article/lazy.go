package article

import (
	"bytes"
	"net/url"

	"golang.org/x/net/html"
)

// maxNoscript bounds the <noscript> text read for images.
const maxNoscript = 64 << 10

// noscriptMark marks an image that a page placed inside <noscript> for
// readers without scripts, usually the real source of a lazy image.
const noscriptMark = "data-newsterm-noscript"

// noscriptImages keeps the images of a <noscript>, marked, and nothing
// else of it: lazy-loading pages put their real image there.
func (f *flattener) noscriptImages() {
	z := html.NewTokenizer(bytes.NewReader(f.noscript))
	f.noscript = f.noscript[:0]
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data != "img" {
			continue
		}
		tok.Type = html.StartTagToken
		tok.Attr = append(tok.Attr, html.Attribute{Key: noscriptMark})
		f.out.WriteString(tok.String())
	}
}

// lazyAttrs hold the real source of an image that scripts load late.
var lazyAttrs = []string{"data-src", "data-lazy-src", "data-original", "data-srcset", "data-lazy-srcset"}

// resolveNoscriptImages pairs each <noscript> image with the lazy image
// just before it: that image gets the real source when it lacks one and
// the copy goes, so the picture shows once. A <noscript> image with no
// image before it (the page shows a placeholder box) stays.
func resolveNoscriptImages(doc *html.Node, base *url.URL) {
	for _, img := range findAll(doc, func(n *html.Node) bool { return isImage(n) && hasAttr(n, noscriptMark) }) {
		removeAttr(img, noscriptMark)
		lazy := imageBefore(img)
		if lazy == nil {
			continue
		}
		if !hasLazySource(lazy, base) {
			for _, key := range []string{"src", "srcset", "alt", "width", "height"} {
				if v := attr(img, key); v != "" && (key == "src" || key == "srcset" || attr(lazy, key) == "") {
					setAttr(lazy, key, v)
				}
			}
		}
		removeNode(img)
	}
}

// imageBefore returns the image in the element just before n (skipping
// white space), when there is one.
func imageBefore(n *html.Node) *html.Node {
	prev := n.PrevSibling
	for prev != nil && prev.Type == html.TextNode && letters(prev.Data) == 0 {
		prev = prev.PrevSibling
	}
	if prev == nil || prev.Type != html.ElementNode {
		return nil
	}
	if isImage(prev) {
		return prev
	}
	imgs := findAll(prev, isImage)
	if len(imgs) != 1 || hasAttr(imgs[0], noscriptMark) {
		return nil
	}
	return imgs[0]
}

func hasLazySource(img *html.Node, base *url.URL) bool {
	for _, key := range lazyAttrs {
		if v := firstSrcset(attr(img, key)); v != "" {
			if u, ok := safeURL(v, base); ok && absoluteURL(u, base) != "" {
				return true
			}
		}
	}
	return false
}

func removeAttr(n *html.Node, key string) {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != key {
			kept = append(kept, a)
		}
	}
	n.Attr = kept
}
