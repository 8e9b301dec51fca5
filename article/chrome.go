package article

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// The rules below remove page chrome by structure: element names, ARIA
// roles, class and id words, and link density. They are written for no
// particular site.

var chromeRoles = wordSet("navigation", "banner", "contentinfo",
	"complementary", "search", "dialog", "alertdialog", "menu", "menubar",
	"toolbar", "tablist", "alert", "status")

// chromeWords match a class name or id, or one of its words.
var chromeWords = wordSet(
	"nav", "navbar", "navigation", "menu", "skip", "skiplink", "breadcrumb", "breadcrumbs",
	"share", "sharing", "sharebar", "social", "sociable", "follow",
	"related", "recommended", "recommendations", "recirculation", "popular",
	"most-viewed", "mostviewed", "most-read", "mostread", "trending", "more-stories",
	"newsletter", "signup", "sign-up", "subscribe", "subscription", "cookie", "cookies",
	"consent", "gdpr", "banner", "promo", "promotion", "advert", "advertisement", "ad",
	"ads", "adsense", "adslot", "sponsor", "sponsored", "outbrain", "taboola",
	"sidebar", "footer", "masthead", "toolbar", "tools", "widget", "widgets",
	"read-comments", "comment-count", "comments", "comment", "respond", "disqus",
	"byline", "dateline", "meta", "tags", "pagination", "pager", "paywall", "modal",
	"popup", "overlay", "print", "sr-only", "visually-hidden", "visuallyhidden",
	"screen-reader-text", "screen-reader-only", "offscreen", "assistive-text",
	"blog-description", "site-description", "description", "tagline",
	"contributions", "donate", "donation", "membership",
)

// chromePrefixes begin words that name chrome when run together with
// another word ("sharedaddy", "relatedposts", "socialicons").
var chromePrefixes = []string{"related", "social", "share", "sharing",
	"newsletter", "sidebar", "subscribe", "advert", "sponsor", "promo"}

// shortOnlyWords are chrome only on short blocks: a long "description"
// is more likely the story.
var shortOnlyWords = wordSet("description", "meta", "tagline", "tools", "tags")

// hiddenTokens are whole class names that hide an element.
var hiddenTokens = wordSet("hidden", "is-hidden", "d-none", "display-none", "invisible", "hide")

// stats are letter counts under a node: all text, text inside links, and
// text of story paragraphs.
type stats struct{ text, link, story int }

type pageStats struct {
	of    map[*html.Node]stats
	total stats
	base  *url.URL // the page's address, to tell the site's own links
}

func measure(doc *html.Node) *pageStats {
	ps := &pageStats{of: map[*html.Node]stats{}}
	ps.total = ps.count(doc, false)
	return ps
}

func (ps *pageStats) count(n *html.Node, inLink bool) stats {
	if n.Type == html.TextNode {
		l := letters(n.Data)
		s := stats{text: l}
		if inLink {
			s.link = l
		}
		return s
	}
	var s stats
	inLink = inLink || isTag(n, "a")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := ps.count(c, inLink)
		s.text += cs.text
		s.link += cs.link
		s.story += cs.story
	}
	if isTag(n, "p") && s.text >= 80 && s.link*2 < s.text {
		s.story = s.text
	}
	if n.Type == html.ElementNode {
		ps.of[n] = s
	}
	return s
}

// protected reports elements that hold the story and so are never
// removed whole: chrome inside them is removed piece by piece.
func (ps *pageStats) protected(n *html.Node) bool {
	if isTag(n, "html", "body", "article", "main") || strings.EqualFold(attr(n, "role"), "main") ||
		strings.EqualFold(attr(n, "itemprop"), "articleBody") {
		return true
	}
	s := ps.of[n]
	if ps.total.story > 0 {
		return s.story*10 >= ps.total.story*4
	}
	return ps.total.text > 0 && s.text*2 >= ps.total.text
}

// removeChrome strips navigation, share bars, link lists, hidden and
// screen-reader text, comment bars, sign-in prompts and copyright lines
// from doc.
func removeChrome(doc *html.Node, base *url.URL) {
	ps := measure(doc)
	ps.base = base
	var drop []*html.Node
	walk(doc, func(n *html.Node) bool {
		if isMarkedChrome(n) && !ps.holdsStory(n) {
			drop = append(drop, n)
			return false
		}
		if ps.protected(n) {
			return true
		}
		if ps.isChrome(n) {
			drop = append(drop, n)
			return false
		}
		if list := ps.linkListAfter(n); list != nil {
			drop = append(drop, n, list)
		}
		return true
	})
	for _, n := range drop {
		removeNode(n)
	}
	pruneEmpty(doc)
	removeOrphanHeadings(doc)
}

// holdsStory reports elements with a large share of the story's
// paragraphs.
func (ps *pageStats) holdsStory(n *html.Node) bool {
	return ps.total.story > 0 && ps.of[n].story*10 >= ps.total.story*4
}

// isMarkedChrome reports elements that say what they are: navigation,
// footers, asides, page headers, chrome roles and hidden elements.
func isMarkedChrome(n *html.Node) bool {
	switch {
	case isTag(n, "nav", "footer", "aside", "header", "button"):
		return true
	case chromeRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))]:
		return true
	case hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true"):
		return true
	}
	return hasWholeToken(n, hiddenTokens)
}

func (ps *pageStats) isChrome(n *html.Node) bool {
	s := ps.of[n]
	switch {
	case isMarkedChrome(n):
		return true
	case hasToken(n, chromeWords):
		return !hasToken(n, shortOnlyWords) || s.text <= 300
	case hasWordPrefix(n, chromePrefixes):
		return true
	case isSkipLink(n):
		return true
	}
	return ps.isLinkBlock(n, s) || isCopyright(n, s) || isAccountPrompt(n, s, ps.base) || ps.isTeaserList(n)
}

// isTeaserList reports a block of teasers for other stories: a heading
// ("More stories") and then two or more cards, each led by a heading
// that is wholly a link, however the page names them.
func (ps *pageStats) isTeaserList(n *html.Node) bool {
	if !isTag(n, "section", "div", "aside", "ul", "ol") {
		return false
	}
	cards := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case isHeading(c) && cards == 0:
		case ps.isTeaser(c):
			cards++
		default:
			return false
		}
	}
	return cards >= 2
}

// isTeaser reports a short card led by a heading that is all a link to
// another page of the same site (a list of shops or books in a story
// links elsewhere).
func (ps *pageStats) isTeaser(n *html.Node) bool {
	if ps.of[n].text > 400 {
		return false
	}
	h := find(n, isHeading)
	if h == nil {
		return false
	}
	s := ps.of[h]
	a := find(h, byTag("a"))
	return s.text > 0 && s.link*10 >= s.text*9 && a != nil && isSiteLink(attr(a, "href"), ps.base)
}

// hasWholeToken reports a class name in words, matched whole.
func hasWholeToken(n *html.Node, words map[string]bool) bool {
	for _, tok := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if words[tok] {
			return true
		}
	}
	return false
}

// isSkipLink reports "Skip to content" links to a spot on the same page.
func isSkipLink(n *html.Node) bool {
	return n.Data == "a" && strings.HasPrefix(attr(n, "href"), "#") &&
		strings.HasPrefix(strings.ToLower(textPrefix(n, 20)), "skip")
}

var linkBlockTags = wordSet("div", "section", "ul", "ol", "p", "dl", "table", "center", "small")

// isLinkBlock reports short blocks made (almost) only of links: menus,
// "Read comments | Comment on this story" bars, tag lists.
func (ps *pageStats) isLinkBlock(n *html.Node, s stats) bool {
	if !linkBlockTags[n.Data] || s.text == 0 || s.story > 0 {
		return false
	}
	return s.link*4 >= s.text*3 && s.text-s.link < 100
}

// isCopyright reports short "© Publisher. All rights reserved." blocks.
func isCopyright(n *html.Node, s stats) bool {
	if !isTag(n, "p", "div", "small", "span", "section", "li") || s.story > 0 || s.text == 0 || s.text > 300 {
		return false
	}
	t := strings.ToLower(textPrefix(n, 400))
	return strings.Contains(t, "©") || strings.HasPrefix(t, "copyright") ||
		strings.Contains(t, "all rights reserved")
}

func isHeading(n *html.Node) bool {
	return isTag(n, "h1", "h2", "h3", "h4", "h5", "h6")
}

// linkListAfter returns the list that follows heading n when that list
// is mostly links ("Recent posts", "More on this story"): both go.
func (ps *pageStats) linkListAfter(n *html.Node) *html.Node {
	if !isHeading(n) {
		return nil
	}
	next := nextElement(n)
	list := next
	if isTag(next, "div", "section", "nav") {
		list = firstElementChild(next)
	}
	if !isTag(list, "ul", "ol") || ps.of[list].story > 0 {
		return nil
	}
	items, linked := 0, 0
	for li := list.FirstChild; li != nil; li = li.NextSibling {
		if !isTag(li, "li") {
			continue
		}
		items++
		if s := ps.of[li]; s.text > 0 && s.link*10 >= s.text*6 {
			linked++
		}
	}
	if items < 2 || linked*10 < items*6 {
		return nil
	}
	return next
}

func firstElementChild(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// keepEmpty are elements that mean something without text.
var keepEmpty = wordSet("img", "amp-img", "picture", "figure", "br", "hr", "td",
	"th", "tr", "source", "pre", "code")

// pruneEmpty removes elements left with no text and no image.
func pruneEmpty(n *html.Node) bool {
	has := false
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			has = has || strings.TrimSpace(c.Data) != ""
		case html.ElementNode:
			if pruneEmpty(c) || keepEmpty[c.Data] {
				has = true
			} else {
				n.RemoveChild(c)
			}
		}
		c = next
	}
	return has
}

// removeOrphanHeadings removes headings left with nothing under them,
// such as "Recent posts" whose list was removed.
func removeOrphanHeadings(doc *html.Node) {
	for _, h := range findAll(doc, func(n *html.Node) bool { return isTag(n, "h2", "h3", "h4", "h5", "h6") }) {
		next := nextElement(h)
		if next == nil && !hasTextAfter(h) || isHeading(next) && next.Data <= h.Data {
			parent := h.Parent
			removeNode(h)
			for parent != nil && parent.FirstChild == nil && !isTag(parent, "body", "html") {
				gp := parent.Parent
				removeNode(parent)
				parent = gp
			}
		}
	}
}

func hasTextAfter(n *html.Node) bool {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return true
		}
	}
	return false
}

// isChromeByName reports elements whose class or id names them as chrome
// outright (related, promo, share…), whatever their size.
func isChromeByName(n *html.Node) bool {
	return hasToken(n, chromeWords) && !hasToken(n, shortOnlyWords) || hasWordPrefix(n, chromePrefixes)
}
