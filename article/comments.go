package article

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

var (
	countThenWord = regexp.MustCompile(`(?i)^(?:read\s+|view\s+|see\s+)?(\d[\d,.]*\s*k?)\s+(?:reader\s+)?(?:comments?|responses?|replies)\s*:?$`)
	wordThenCount = regexp.MustCompile(`(?i)^(?:comments?|responses?)\s*[(\[:]?\s*(\d[\d,.]*\s*k?)\s*[)\]]?$`)
	bareCount     = regexp.MustCompile(`(?i)^(\d[\d,.]*\s*k?)$`)
)

// countWords name elements worth reading for a count; only those that
// also name comments (commentWords) may hold a bare number: a
// "vote-count" or an archive's "post-count" counts something else.
var (
	countWords        = wordSet("comment", "comments", "count", "replies", "responses", "discussion")
	commentCountWords = wordSet("comment", "comments", "replies", "responses", "discussion")
)

// findComments reads the comment count (JSON-LD first, then a visible
// counter such as "312 comments") and the link to the comments.
func findComments(p *pageInfo) Comments {
	c := Comments{Count: p.ld.CommentCount}
	var countLink *html.Node
	walk(p.doc, func(n *html.Node) bool {
		if c.Count != nil || isTag(n, "nav", "aside") && !p.stats.holdsStory(n) {
			return false
		}
		if n.Data != "a" && n.Data != "button" && !hasToken(n, countWords) {
			return true
		}
		text := visibleText(n, 48)
		if letters(text) > 40 {
			return true
		}
		counter := hasToken(n, commentCountWords) || isCommentsHref(attr(n, "href")) ||
			isCommentsLabel(attr(n, "aria-label"))
		if count, ok := matchCount(text, counter); ok {
			c.Count = &count
			if n.Data == "a" {
				countLink = n
			}
			return false
		}
		return true
	})
	if countLink != nil && isCommentsHref(attr(countLink, "href")) {
		c.URL = absoluteURL(attr(countLink, "href"), p.base)
	}
	if c.URL == "" {
		if a := find(p.doc, func(n *html.Node) bool {
			return n.Data == "a" && isCommentsHref(attr(n, "href"))
		}); a != nil {
			c.URL = absoluteURL(attr(a, "href"), p.base)
		}
	}
	return c
}

// isCommentsLabel reports an accessible name such as "responses" or
// "Read 187 comments" on the control around a bare count.
func isCommentsLabel(label string) bool {
	l := strings.ToLower(label)
	return strings.Contains(l, "comment") || strings.Contains(l, "response") || strings.Contains(l, "repl")
}

// matchCount reads "312 comments", "Comments (312)", or a bare number in
// an element that is known to be a comment counter.
func matchCount(text string, counter bool) (int, bool) {
	for _, re := range []*regexp.Regexp{countThenWord, wordThenCount} {
		if m := re.FindStringSubmatch(text); m != nil {
			return parseCount(m[1])
		}
	}
	if counter {
		if m := bareCount.FindStringSubmatch(text); m != nil {
			return parseCount(m[1])
		}
	}
	return 0, false
}

// parseCount reads "1,234", "312" or "1.2k".
func parseCount(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	mult := 1.0
	if strings.HasSuffix(s, "k") {
		mult, s = 1000, strings.TrimSpace(strings.TrimSuffix(s, "k"))
	}
	if mult == 1 {
		s = strings.NewReplacer(",", "", ".", "").Replace(s)
	} else {
		s = strings.ReplaceAll(s, ",", ".")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f*mult > 1e9 {
		return 0, false
	}
	return int(f * mult), true
}

// isCommentsHref reports links to a comment section: "#comments",
// "#respond", ".../comments".
func isCommentsHref(href string) bool {
	if href == "" {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	frag := strings.ToLower(u.Fragment)
	if strings.Contains(frag, "comment") || frag == "respond" || strings.Contains(frag, "disqus") {
		return !strings.Contains(frag, "form")
	}
	return strings.HasSuffix(strings.TrimSuffix(strings.ToLower(u.Path), "/"), "/comments")
}

// absoluteURL resolves href (already made safe) against base and returns
// it when it is http(s).
func absoluteURL(href string, base *url.URL) string {
	if strings.TrimSpace(href) == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// textPrefix returns about the first max bytes of n's text, collapsed,
// without walking the rest of a large subtree.
func textPrefix(n *html.Node, max int) string {
	var b strings.Builder
	walkText(n, func(s string) bool {
		b.WriteString(s)
		b.WriteByte(' ')
		return b.Len() <= max
	})
	return collapseSpace(b.String())
}

// visibleText is textPrefix without screen-reader-only text ("4 Comments
// <span class=screen-reader-text>on …</span>").
func visibleText(n *html.Node, max int) string {
	var b strings.Builder
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
				if b.Len() > max {
					return false
				}
			case c.Type == html.ElementNode && !hasToken(c, srOnlyWords):
				if !visit(c) {
					return false
				}
			}
		}
		return true
	}
	visit(n)
	return collapseSpace(b.String())
}

// walkText calls fn with each text node under n until fn returns false.
func walkText(n *html.Node, fn func(string) bool) {
	stop := false
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !stop; c = c.NextSibling {
			if c.Type == html.TextNode {
				stop = !fn(c.Data)
				continue
			}
			visit(c)
		}
	}
	visit(n)
}
