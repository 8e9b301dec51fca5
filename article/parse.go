package article

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

// Limits on what a page may cost. A page larger than maxInput is cut
// (HTML parses fine when truncated); nesting deeper than maxDepth is
// flattened before the tree is built, which keeps the parser linear.
const (
	maxInput  = 8 << 20
	maxDepth  = 256
	maxJSONLD = 1 << 20
)

// rawDropped are elements whose content is raw text that must never reach
// the reader (scripts, styles, embedded documents, form fields).
var rawDropped = wordSet("script", "style", "iframe", "noscript", "noembed",
	"noframes", "xmp", "textarea", "plaintext")

// voidTags never have content or an end tag.
var voidTags = wordSet("area", "base", "br", "col", "embed", "hr", "img",
	"input", "link", "meta", "param", "source", "track", "wbr", "keygen",
	"basefont", "bgsound", "frame", "image")

// uncounted elements close their own kind implicitly (or belong to a
// table), so they cannot nest without a counted element in between.
var uncounted = wordSet("p", "li", "dt", "dd", "option", "optgroup", "tr",
	"td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "html",
	"head", "body")

// scopeTags stop an end tag from closing elements opened outside them.
var scopeTags = wordSet("applet", "table", "marquee", "object", "template",
	"svg", "math", "foreignobject", "desc", "title", "mi", "mo", "mn", "ms",
	"mtext", "annotation-xml")

// page is a HTML document after the first pass: its markup with nesting
// flattened and scripts removed, and the JSON-LD blocks scripts carried.
type page struct {
	markup []byte
	jsonLD [][]byte
	raw    []byte // the capped input, for a second, flatter pass
}

// prepare reads at most maxInput bytes of r and rewrites the markup token
// by token: raw-text elements go (JSON-LD is kept aside), and start tags
// past maxDepth open elements are dropped with their end tags, so the
// content stays but the tree is at most about maxDepth deep.
func prepare(r io.Reader) (page, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput))
	if err != nil {
		return page{}, fmt.Errorf("read page: %w", err)
	}
	return flatten(data, maxDepth), nil
}

// flatten rewrites data keeping at most depth counted elements open.
func flatten(data []byte, depth int) page {
	f := flattener{dropped: map[string]int{}, depth: depth}
	f.out.Grow(len(data))
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		f.token(z, tt)
	}
	return page{markup: f.out.Bytes(), jsonLD: f.jsonLD, raw: data}
}

type flattener struct {
	out      bytes.Buffer
	depth    int            // most counted elements kept open
	stack    []string       // open counted elements that were kept
	dropped  map[string]int // start tags dropped past maxDepth, by name
	foreign  int            // open svg/math elements on stack
	skipping string         // inside a dropped raw-text element
	inJSONLD bool
	jsonLD   [][]byte
	ldBytes  int
	noscript []byte // the raw text of the open <noscript>
}

func (f *flattener) token(z *html.Tokenizer, tt html.TokenType) {
	if f.skipping != "" {
		f.skipRaw(z, tt)
		return
	}
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		f.startTag(z, tt)
	case html.EndTagToken:
		f.endTag(z)
	default:
		f.out.Write(z.Raw())
	}
}

func (f *flattener) skipRaw(z *html.Tokenizer, tt html.TokenType) {
	switch tt {
	case html.TextToken:
		text := z.Text()
		if f.inJSONLD && f.ldBytes+len(text) <= maxJSONLD {
			f.jsonLD = append(f.jsonLD, append([]byte(nil), text...))
			f.ldBytes += len(text)
		}
		if f.skipping == "noscript" && len(f.noscript) < maxNoscript {
			f.noscript = append(f.noscript, text...)
		}
	case html.EndTagToken:
		name, _ := z.TagName()
		if string(name) == f.skipping {
			if f.skipping == "noscript" {
				f.noscriptImages()
			}
			f.skipping, f.inJSONLD = "", false
		}
	}
}

func (f *flattener) startTag(z *html.Tokenizer, tt html.TokenType) {
	raw := append([]byte(nil), z.Raw()...)
	nameB, hasAttr := z.TagName()
	name := string(nameB)
	if rawDropped[name] {
		f.skipping = name
		f.inJSONLD = name == "script" && hasAttr && isJSONLDScript(z)
		return
	}
	selfClosing := tt == html.SelfClosingTagToken && f.foreign > 0
	if voidTags[name] || uncounted[name] || selfClosing {
		f.out.Write(raw)
		return
	}
	if len(f.stack) >= f.depth {
		f.dropped[name]++
		return
	}
	f.stack = append(f.stack, name)
	if name == "svg" || name == "math" {
		f.foreign++
	}
	f.out.Write(raw)
}

func (f *flattener) endTag(z *html.Tokenizer) {
	nameB, _ := z.TagName()
	name := string(nameB)
	if f.dropped[name] > 0 {
		f.dropped[name]--
		return
	}
	if !uncounted[name] {
		f.close(name)
	}
	f.out.Write(z.Raw())
}

// close pops the stack down to the innermost open name, as the tree
// builder does, unless a scope boundary lies in between.
func (f *flattener) close(name string) {
	for i := len(f.stack) - 1; i >= 0; i-- {
		open := f.stack[i]
		if open == name {
			for _, popped := range f.stack[i:] {
				if popped == "svg" || popped == "math" {
					f.foreign--
				}
			}
			f.stack = f.stack[:i]
			return
		}
		if scopeTags[open] {
			return
		}
	}
}

func isJSONLDScript(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "type" {
			return strings.EqualFold(strings.TrimSpace(string(val)), "application/ld+json")
		}
		if !more {
			return false
		}
	}
}

// droppedTags are removed with their content once the tree is built.
var droppedTags = wordSet("script", "style", "iframe", "object", "embed",
	"template", "noscript", "svg", "math", "input", "select",
	"textarea", "canvas", "applet", "frame", "frameset", "dialog", "audio",
	"video", "map", "link", "datalist", "menu", "label")

// parseDocument builds the tree from prepared markup and makes it safe:
// text loses terminal controls, dangerous elements and on* handlers go,
// and links other than http(s)
// (javascript:, data:, file:, vbscript: …) lose their href so they can
// only ever be shown as text.
func parseDocument(p page, base *url.URL) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(p.markup))
	if err != nil && p.raw != nil {
		// Lists and tables nest more elements per level than the
		// first pass counts; the parser refuses more than 512 open
		// elements. Flatten harder and try once more.
		doc, err = html.Parse(bytes.NewReader(flatten(p.raw, maxDepth/8).markup))
	}
	if err != nil {
		return nil, fmt.Errorf("parse page: %w", err)
	}
	var drop, forms []*html.Node
	walk(doc, func(n *html.Node) bool {
		if droppedTags[n.Data] || n.Namespace != "" {
			drop = append(drop, n)
			return false
		}
		if n.Data == "form" {
			forms = append(forms, n)
		}
		cleanAttrs(n, base)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				// One node's stray escape must not swallow its
				// neighbours' text later on.
				c.Data = sanitize.Text(c.Data)
			}
		}
		return true
	})
	drop = append(drop, signupBoxes(drop)...)
	for _, n := range drop {
		removeNode(n)
	}
	resolveNoscriptImages(doc, base)
	for _, f := range forms {
		// Some sites wrap the whole page in a form: keep its story.
		if find(f, isStoryParagraph) != nil {
			unwrap(f)
		} else {
			removeNode(f)
		}
	}
	figuresFromCaptionedImages(doc)
	rulesFromText(doc)
	return doc, nil
}

// cleanAttrs drops event handlers and inline styles, and unsafe URLs.
func cleanAttrs(n *html.Node, base *url.URL) {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case strings.HasPrefix(key, "on"), key == "style", key == "formaction":
			continue
		case key == "href" || key == "src":
			u, ok := safeURL(a.Val, base)
			if !ok {
				continue
			}
			a.Val = u
		default:
			a.Val = sanitize.Line(a.Val)
		}
		kept = append(kept, a)
	}
	n.Attr = kept
}

// safeURL resolves raw against base and reports whether it is a http(s)
// URL or a same-page fragment. Browsers ignore tabs and newlines inside
// a scheme ("java\tscript:"), so those are removed before looking.
func safeURL(raw string, base *url.URL) (string, bool) {
	clean := strings.Map(func(r rune) rune {
		if r < 0x21 || r == 0x7f {
			return -1
		}
		return r
	}, raw)
	if clean == "" {
		return "", false
	}
	if strings.HasPrefix(clean, "#") {
		return clean, true
	}
	u, err := url.Parse(clean)
	if err != nil {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String(), true
	case "":
		return clean, !strings.Contains(clean, ":")
	}
	return "", false
}

// isStoryParagraph reports a paragraph long enough to be story text.
func isStoryParagraph(n *html.Node) bool {
	return isTag(n, "p") && letters(textOf(n)) >= 80
}
