package article

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

// metadata is what a page says about its story outside the body.
type metadata struct {
	title, section, dek, byline string
	dekFromMeta                 bool // the dek is a meta description, not shown text
	published                   time.Time
	comments                    Comments
	nodes                       []*html.Node // elements the header came from
}

// pageInfo gathers what metadata rules look at, read once.
type pageInfo struct {
	doc   *html.Node
	base  *url.URL
	tags  map[string]string // <meta> by property/name/itemprop, lower-cased
	ld    linkedData
	start *html.Node         // first story paragraph; the header lies before it
	order map[*html.Node]int // document order of the elements
	stats *pageStats         // letter counts, to tell containers from chrome
}

func newPageInfo(doc *html.Node, base *url.URL, ld linkedData) *pageInfo {
	p := &pageInfo{doc: doc, base: base, tags: metaTags(doc), ld: ld, order: map[*html.Node]int{}, stats: measure(doc)}
	walk(doc, func(n *html.Node) bool {
		p.order[n] = len(p.order) + 1
		return true
	})
	p.start = p.firstStoryParagraph()
	return p
}

// inHeader reports whether n comes before the story's first paragraph.
// Elements added after the page was read are not in the header.
func (p *pageInfo) inHeader(n *html.Node) bool {
	if p.start == nil {
		return true
	}
	at, ok := p.order[n]
	return ok && at < p.order[p.start]
}

func (p *pageInfo) meta(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(p.tags[k]); v != "" {
			return v
		}
	}
	return ""
}

// readMetadata reads the header of the story: it must run before any
// chrome is removed, since bylines and kickers live in what is removed.
func readMetadata(p *pageInfo) metadata {
	var m metadata
	var n *html.Node
	m.title, n = findTitle(p)
	m.addNode(n)
	m.section, n = findSection(p, m.title)
	m.addNode(n)
	m.dek, n = findDek(p, m.title)
	m.addNode(n)
	if m.dek == "" {
		m.dek = sanitize.Line(p.meta("og:description", "twitter:description", "description"))
		if m.dek == "" {
			m.dek = sanitize.Line(p.ld.Description)
		}
		m.dekFromMeta = m.dek != ""
	}
	m.byline, n = findByline(p)
	m.addNode(n)
	m.published = findPublished(p)
	m.comments = findComments(p)
	return m
}

func (m *metadata) addNode(n *html.Node) {
	if n != nil {
		m.nodes = append(m.nodes, n)
	}
}

// metaTags maps <meta> names to their content; the first one wins.
func metaTags(doc *html.Node) map[string]string {
	tags := map[string]string{}
	walk(doc, func(n *html.Node) bool {
		if n.Data != "meta" {
			return true
		}
		content := attr(n, "content")
		for _, k := range []string{"property", "name", "itemprop"} {
			key := strings.ToLower(strings.TrimSpace(attr(n, k)))
			if key != "" && content != "" {
				if _, seen := tags[key]; !seen {
					tags[key] = content
				}
			}
		}
		return false
	})
	return tags
}

// firstStoryParagraph returns the first long paragraph outside page
// chrome: the point where the story's body begins.
func (p *pageInfo) firstStoryParagraph() *html.Node {
	return find(p.doc, func(n *html.Node) bool {
		if !isStoryParagraph(n) || p.inChromeRegion(n) || inFigure(n) || isDekParagraph(n) {
			return false
		}
		return linkDensity(n) < 0.5
	})
}

// inChromeRegion reports whether n lies inside navigation, a footer, an
// aside or a block named as such. A container that holds most of the
// page's text is no chrome, whatever its name ("has-sidebar").
func (p *pageInfo) inChromeRegion(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type != html.ElementNode {
			continue
		}
		if isTag(a, "nav", "aside") || isTag(a, "footer") && !inArticle(a) ||
			chromeRoles[strings.ToLower(attr(a, "role"))] {
			return !p.stats.holdsStory(a)
		}
		if hasToken(a, regionWords) && !p.stats.protected(a) {
			return true
		}
	}
	return false
}

// isDekParagraph reports a standfirst written as a long paragraph: it
// belongs to the header, and the lead photo may follow it.
func isDekParagraph(n *html.Node) bool {
	return hasToken(n, dekWords) || n.Parent != nil && n.Parent.Type == html.ElementNode &&
		letters(textOf(n.Parent)) <= letters(textOf(n))+20 && hasToken(n.Parent, dekWords)
}

// inArticle reports an element inside an <article>: its <footer> and
// <header> are the story's own (the byline and date of many CMSs), not
// the page's.
func inArticle(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if isTag(a, "article") {
			return true
		}
	}
	return false
}

// isPageChrome reports elements that hold no header field of the story:
// navigation, asides, and the page's own header (the one without the
// headline) and footer.
func isPageChrome(n *html.Node) bool {
	switch strings.ToLower(attr(n, "role")) {
	case "banner", "navigation", "contentinfo", "complementary":
		return true
	}
	switch {
	case isTag(n, "nav", "aside"):
		return true
	case isTag(n, "footer"):
		return !inArticle(n) && !isTag(n.Parent, "main")
	case isTag(n, "header"):
		return !inArticle(n) && !isTag(n.Parent, "main") && find(n, byTag("h1")) == nil
	}
	return false
}

func inFigure(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if isTag(a, "figure", "figcaption") {
			return true
		}
	}
	return false
}

var regionWords = wordSet("nav", "navbar", "navigation", "menu", "footer",
	"sidebar", "related", "comments", "comment", "promo", "newsletter")

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node) float64 {
	total := letters(textOf(n))
	if total == 0 {
		return 0
	}
	linked := 0
	walk(n, func(c *html.Node) bool {
		if c.Data == "a" {
			linked += letters(textOf(c))
			return false
		}
		return true
	})
	return float64(linked) / float64(total)
}

func findTitle(p *pageInfo) (string, *html.Node) {
	h1 := find(p.doc, func(n *html.Node) bool {
		return n.Data == "h1" && !p.inChromeRegion(n) && letters(textOf(n)) > 0
	})
	h1Text := ""
	if h1 != nil {
		h1Text = textOf(h1)
	}
	docTitle := ""
	if t := find(p.doc, byTag("title")); t != nil {
		docTitle = textOf(t)
	}
	title := collapseSpace(p.meta("og:title", "twitter:title"))
	switch {
	case title != "" && h1Text != "" && strings.HasPrefix(title, h1Text):
		title = h1Text // "Headline | Site" in og:title
	case title != "":
	case p.ld.Headline != "":
		title = collapseSpace(p.ld.Headline)
	case h1Text != "" && strings.HasPrefix(docTitle, h1Text):
		title = h1Text
	case docTitle != "":
		title = stripSiteName(docTitle)
	default:
		title = h1Text
	}
	title = sanitize.Line(title)
	if h1 != nil && sameText(h1Text, title) {
		return title, h1
	}
	return title, nil
}

// stripSiteName turns "Headline - Site" into "Headline".
func stripSiteName(t string) string {
	t = collapseSpace(t)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		i := strings.LastIndex(t, sep)
		if i > 0 && len(strings.Fields(t[:i])) >= 3 {
			return t[:i]
		}
	}
	return t
}

// sameText compares two strings ignoring case and spacing.
func sameText(a, b string) bool {
	return strings.EqualFold(collapseSpace(a), collapseSpace(b))
}

var kickerWords = wordSet("section", "kicker", "category", "categories",
	"eyebrow", "rubric", "overline", "topic", "flag", "primary-tag", "article-tag")

// placeholderSections are the names publishing systems give a section
// by default ("Uncategorized") or to all their content ("posts"): they
// say nothing about the story.
var placeholderSections = wordSet("uncategorized", "uncategorised", "posts", "post",
	"blog", "articles", "article", "entries", "general", "default")

func findSection(p *pageInfo, title string) (string, *html.Node) {
	for _, s := range []string{p.meta("article:section", "articlesection", "parsely-section"), p.ld.Section} {
		if s = sanitize.Line(s); s != "" && !placeholderSections[strings.ToLower(s)] {
			return s, nil
		}
	}
	var found *html.Node
	text := ""
	walk(p.doc, func(n *html.Node) bool {
		if found != nil || !p.inHeader(n) {
			return false
		}
		if isBreadcrumb(n) {
			if t := lastCrumb(n, title); t != "" {
				found, text = n, t
			}
			return false
		}
		if n.Data == "nav" || n.Data == "footer" || n.Data == "aside" {
			return false
		}
		if hasToken(n, kickerWords) || strings.Contains(" "+attr(n, "rel")+" ", " category ") {
			if t := textOf(n); isShortLabel(t) && !sameText(t, title) && !p.inChromeRegion(n) && isOneLabel(n) {
				found, text = n, t
				return false
			}
		}
		return true
	})
	if text = sanitize.Line(text); placeholderSections[strings.ToLower(text)] {
		return "", nil
	}
	return text, found
}

// isOneLabel rejects menus whose class happens to say "section": a
// kicker holds at most one link and no list.
func isOneLabel(n *html.Node) bool {
	return len(findAll(n, byTag("a"))) <= 1 && find(n, byTag("li")) == nil
}

func isBreadcrumb(n *html.Node) bool {
	label := strings.ToLower(attr(n, "aria-label"))
	return hasToken(n, wordSet("breadcrumb", "breadcrumbs", "crumbs")) ||
		strings.Contains(label, "breadcrumb")
}

// lastCrumb is the last link of a breadcrumb trail that is not the story.
func lastCrumb(n *html.Node, title string) string {
	links := findAll(n, byTag("a"))
	for i := len(links) - 1; i >= 0; i-- {
		t := textOf(links[i])
		if isShortLabel(t) && !sameText(t, title) && !strings.EqualFold(t, "home") {
			return t
		}
	}
	return ""
}

func isShortLabel(t string) bool {
	n := letters(t)
	return n >= 2 && n <= 60 && len(strings.Fields(t)) <= 8
}

var dekWords = wordSet("standfirst", "dek", "deck", "subtitle", "subhead",
	"subheadline", "sub-head", "sub-title", "strapline", "summary", "teaser-text")

func findDek(p *pageInfo, title string) (string, *html.Node) {
	ok := func(n *html.Node) bool {
		l := letters(textOf(n))
		return l >= 20 && l <= 600 && !sameText(textOf(n), title) && !p.inChromeRegion(n)
	}
	var found *html.Node
	walk(p.doc, func(n *html.Node) bool {
		if found != nil || !p.inHeader(n) || isTag(n, "figure", "nav", "footer", "aside") {
			return false
		}
		if hasToken(n, dekWords) && !isTag(n, "ul", "ol") && ok(n) {
			found = n
			return false
		}
		if n.Data == "h1" {
			if next := nextElement(n); isTag(next, "h2") && ok(next) {
				found = next
				return false
			}
		}
		return true
	})
	if found == nil {
		return "", nil
	}
	// A standfirst may end with a list of links ("Live updates: …"):
	// its first paragraph is the dek.
	if p := find(found, byTag("p")); p != nil && letters(textOf(p)) >= 20 {
		return sanitize.Line(textOf(p)), found
	}
	return sanitize.Line(textOf(found)), found
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}
