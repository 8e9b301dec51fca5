package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// attr returns the value of n's attribute key, or "" when it has none.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func isTag(n *html.Node, tags ...string) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, t := range tags {
		if n.Data == t {
			return true
		}
	}
	return false
}

// nameAttrs hold the names a page gives its parts: class names, ids and
// the component names of script-built pages.
var nameAttrs = wordSet("class", "id", "data-component", "data-testid",
	"data-test-id", "data-qa", "data-module", "data-gu-name", "data-role")

// nameWords returns n's names, lower-cased, and the words inside them:
// "ssrcss-1ryrqb4-VisuallyHidden" gives the whole name, "ssrcss",
// "1ryrqb4", "visually", "hidden" and the pair "visually-hidden".
func nameWords(n *html.Node) []string {
	var words []string
	for _, a := range n.Attr {
		if a.Namespace != "" || !nameAttrs[a.Key] {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			words = append(words, strings.ToLower(tok))
			parts := tokenParts(tok)
			if len(parts) < 2 {
				continue
			}
			for i, p := range parts {
				words = append(words, p)
				if i > 0 {
					words = append(words, parts[i-1]+"-"+p)
				}
			}
		}
	}
	return words
}

// tokenParts splits a name such as "story-tools", "article__standfirst"
// or "VisuallyHidden" into its lower-cased words.
func tokenParts(tok string) []string {
	var parts []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	runes := []rune(tok)
	for i, r := range runes {
		switch {
		case r == '-' || r == '_' || r == ':' || r == '.':
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(cur[len(cur)-1])
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if prevLower || (unicode.IsUpper(cur[len(cur)-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return parts
}

// hasToken reports whether one of n's names, or a word inside one, is in
// words.
func hasToken(n *html.Node, words map[string]bool) bool {
	if !hasNames(n) {
		return false
	}
	for _, w := range nameWords(n) {
		if words[w] {
			return true
		}
	}
	return false
}

// hasNames is the cheap test that spares most elements the splitting.
func hasNames(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && nameAttrs[a.Key] {
			return true
		}
	}
	return false
}

// hasWordPrefix reports a word of n's names that begins with one of
// prefixes ("sharedaddy", "relatedposts").
func hasWordPrefix(n *html.Node, prefixes []string) bool {
	if !hasNames(n) {
		return false
	}
	for _, w := range nameWords(n) {
		for _, p := range prefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// walk visits the elements under root (not root itself) in document order.
// visit returns false to skip an element's children. visit must not
// detach nodes; collect them and remove them afterwards.
func walk(root *html.Node, visit func(*html.Node) bool) {
	n := root.FirstChild
	for n != nil {
		descend := true
		if n.Type == html.ElementNode {
			descend = visit(n)
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// find returns the first element under root for which match is true.
func find(root *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if match(n) {
			found = n
			return false
		}
		return true
	})
	return found
}

// findAll returns every element under root for which match is true.
func findAll(root *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(root, func(n *html.Node) bool {
		if match(n) {
			out = append(out, n)
		}
		return true
	})
	return out
}

func byTag(tags ...string) func(*html.Node) bool {
	return func(n *html.Node) bool { return isTag(n, tags...) }
}

func removeNode(n *html.Node) {
	if n != nil && n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		p.InsertBefore(c, n)
	}
	p.RemoveChild(n)
}

// contains reports whether n is root or lies under it.
func contains(root, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// blockTags separate words when text is collected across elements.
var blockTags = wordSet("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3",
	"h4", "h5", "h6", "section", "article", "header", "footer", "figure",
	"figcaption", "blockquote", "tr", "td", "th", "table", "dd", "dt", "pre",
	"aside", "nav", "main", "hr")

// textOf returns n's text with whitespace collapsed to single spaces.
func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if blockTags[n.Data] {
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return collapseSpace(b.String())
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// letters counts the non-space runes of s.
func letters(s string) int {
	c := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			c++
		}
	}
	return c
}
