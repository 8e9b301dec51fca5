package article

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Rewrites that make a page's structure say what its layout shows, so
// that the general rules (chrome, figures, code) can read it.

// figuresFromCaptionedImages turns a paragraph holding only an image and
// an emphasised line (markdown's "![](…)\n*caption*") into a figure.
func figuresFromCaptionedImages(doc *html.Node) {
	for _, p := range findAll(doc, byTag("p")) {
		var img, caption *html.Node
		ok := true
		for c := p.FirstChild; c != nil && ok; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				ok = letters(c.Data) == 0
			case isTag(c, "br"):
			case img == nil && (isImage(c) || isTag(c, "a", "picture") && len(findAll(c, isImage)) == 1 && !hasText(c)):
				img = c
			case img != nil && caption == nil && isTag(c, "em", "i", "small", "span") && hasText(c):
				caption = c
			default:
				ok = false
			}
		}
		if !ok || img == nil || caption == nil {
			continue
		}
		p.Data, p.DataAtom = "figure", atom.Figure
		caption.Data, caption.DataAtom = "figcaption", atom.Figcaption
	}
}

// rulesFromText turns a paragraph drawn as a line of underscores,
// dashes or stars ("___", wire copy's separator) into a rule.
func rulesFromText(doc *html.Node) {
	for _, p := range findAll(doc, byTag("p")) {
		t := strings.TrimSpace(textOf(p))
		if len(t) >= 3 && strings.Trim(t, "_-*=—–•· ") == "" && find(p, isImage) == nil {
			for c := p.FirstChild; c != nil; c = p.FirstChild {
				p.RemoveChild(c)
			}
			p.Data, p.DataAtom = "hr", atom.Hr
		}
	}
}

// liveBlogTimes keeps the time of each live-blog entry (an <article>
// among sibling articles), which sits in the entry's header with
// nothing else and would go with the header: it becomes the entry's
// first line.
func liveBlogTimes(doc *html.Node) {
	for _, entry := range findAll(doc, byTag("article")) {
		if siblingArticles(entry) < 2 {
			continue
		}
		t := find(entry, byTag("time"))
		if t == nil || !hasText(t) {
			continue
		}
		holder := t.Parent
		for holder != entry && !isTag(holder, "header", "footer") {
			holder = holder.Parent
		}
		if holder == entry || letters(textOf(holder)) != letters(textOf(t)) {
			continue
		}
		p, strong := element("p", atom.P), element("strong", atom.Strong)
		strong.AppendChild(&html.Node{Type: html.TextNode, Data: textOf(t)})
		p.AppendChild(strong)
		holder.Parent.InsertBefore(p, holder)
		removeNode(holder)
	}
}

func siblingArticles(n *html.Node) int {
	count := 0
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if isTag(c, "article") {
			count++
		}
	}
	return count
}

// normalizeCode prepares code blocks for conversion: a table of line
// numbers beside the code becomes the code alone, and a language named
// on a wrapper ("language-python highlighter-rouge") moves to the code.
func normalizeCode(root *html.Node) {
	for _, table := range findAll(root, byTag("table")) {
		if code := codeBesideLineNumbers(table); code != nil {
			removeNode(code)
			table.Parent.InsertBefore(code, table)
			removeNode(table)
		}
	}
	for _, pre := range findAll(root, byTag("pre")) {
		target := pre
		if c := firstElementChild(pre); isTag(c, "code") {
			target = c
		}
		if codeLanguage(pre) != "" || codeLanguage(target) != "" {
			continue
		}
		for a, i := pre.Parent, 0; a != nil && i < 3; a, i = a.Parent, i+1 {
			if lang := codeLanguage(a); lang != "" {
				setAttr(target, "class", strings.TrimSpace(attr(target, "class")+" language-"+lang))
				break
			}
		}
	}
}

// codeBesideLineNumbers returns the code block of a two-cell table whose
// other cell holds only line numbers.
func codeBesideLineNumbers(table *html.Node) *html.Node {
	pres := findAll(table, byTag("pre"))
	if len(pres) != 2 {
		return nil
	}
	numbers := func(n *html.Node) bool {
		t := textOf(n)
		return strings.TrimFunc(t, func(r rune) bool { return r >= '0' && r <= '9' || r == ' ' || r == '\n' }) == "" && t != ""
	}
	switch {
	case numbers(pres[0]) && !numbers(pres[1]):
		return pres[1]
	case numbers(pres[1]) && !numbers(pres[0]):
		return pres[0]
	}
	return nil
}

// codeLanguage reads "language-go", "lang-go" or "highlight-source-go"
// from n's classes.
func codeLanguage(n *html.Node) string {
	for _, c := range strings.Fields(attr(n, "class")) {
		for _, prefix := range []string{"language-", "lang-", "highlight-source-"} {
			if lang, ok := strings.CutPrefix(c, prefix); ok && lang != "" {
				return lang
			}
		}
	}
	return ""
}

// Limits that keep glamour's cost linear: it numbers a list item by
// counting the items before it, and goldmark gives each heading an id by
// trying "h-1", "h-2"… until one is free.
const (
	maxListItems = 100
	maxHeadings  = 200
)

// boundRenderCost splits lists longer than maxListItems into lists that
// follow one another (numbering carries on), and makes headings past
// maxHeadings bold paragraphs.
func boundRenderCost(root *html.Node) {
	for _, list := range findAll(root, byTag("ul", "ol")) {
		splitList(list)
	}
	for i, h := range findAll(root, isHeading) {
		if i < maxHeadings {
			continue
		}
		strong := element("strong", atom.Strong)
		for c := h.FirstChild; c != nil; c = h.FirstChild {
			h.RemoveChild(c)
			strong.AppendChild(c)
		}
		h.AppendChild(strong)
		h.Data, h.DataAtom = "p", atom.P
	}
}

func splitList(list *html.Node) {
	start := 1
	if n := dimension(attr(list, "start")); n > 0 {
		start = n
	}
	count := 0
	for c := list.FirstChild; c != nil; {
		next := c.NextSibling
		if isTag(c, "li") {
			count++
		}
		if count > maxListItems && isTag(c, "li") {
			// Move c and everything after it into a new list after this one.
			rest := &html.Node{Type: html.ElementNode, Data: list.Data, DataAtom: list.DataAtom}
			if list.Data == "ol" {
				rest.Attr = []html.Attribute{{Key: "start", Val: strconv.Itoa(start + maxListItems)}}
			}
			for m := c; m != nil; {
				after := m.NextSibling
				list.RemoveChild(m)
				rest.AppendChild(m)
				m = after
			}
			list.Parent.InsertBefore(rest, list.NextSibling)
			splitList(rest)
			return
		}
		c = next
	}
}
