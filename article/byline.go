package article

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

var bylineWords = wordSet("byline", "byline-name", "author", "authors",
	"author-name", "writer", "contributor", "contributors", "credits")

var authorNameWords = wordSet("author", "author-name", "name", "fn", "writer", "contributor")

// findByline returns the story's author and the element it came from:
// an author element in the header, the page's meta tags or JSON-LD, and
// last a marked-up author anywhere else ("Posted by … at 19:42" under a
// blog post).
func findByline(p *pageInfo) (string, *html.Node) {
	if name, n := findAuthorElement(p, true); n != nil {
		return name, bylineContainer(n)
	}
	if a := p.meta("author", "article:author", "parsely-author", "dc.creator"); a != "" && !strings.Contains(a, "://") {
		return cleanByline(a), nil
	}
	if a := cleanByline(p.ld.Author); a != "" {
		return a, nil
	}
	name, n := findAuthorElement(p, false)
	return name, n
}

// findAuthorElement returns the first author element with a name: in
// the header by any sign, or elsewhere only by explicit author markup.
func findAuthorElement(p *pageInfo, header bool) (string, *html.Node) {
	var found *html.Node
	name := ""
	walk(p.doc, func(n *html.Node) bool {
		if found != nil || header && !p.inHeader(n) || isTag(n, "figure") || isPageChrome(n) || hasToken(n, commentWords) {
			return false
		}
		if header && isAuthorElement(n) || !header && isAuthorMarkup(n) {
			if name = bylineText(n); name != "" {
				found = n
			}
			return false
		}
		return true
	})
	return name, found
}

func isAuthorElement(n *html.Node) bool {
	return isAuthorMarkup(n) || hasToken(n, bylineWords)
}

// isAuthorMarkup reports elements that say in markup, not just in a
// class name, that they hold the author.
func isAuthorMarkup(n *html.Node) bool {
	return hasRel(n, "author") || strings.EqualFold(attr(n, "itemprop"), "author") || isPersonName(n)
}

// isPersonName reports RDFa markup of a person's name, as Drupal writes
// "Submitted by <span typeof="schema:Person" property="schema:name">".
func isPersonName(n *html.Node) bool {
	typ, prop := strings.ToLower(attr(n, "typeof")), strings.ToLower(attr(n, "property"))
	return strings.HasSuffix(typ, "person") && (prop == "" || strings.HasSuffix(prop, "name")) ||
		strings.HasSuffix(prop, ":author")
}

func hasRel(n *html.Node, rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
		if r == rel {
			return true
		}
	}
	return false
}

var commentWords = wordSet("comment", "comments", "respond")

func inCommentRegion(n *html.Node) bool {
	for a := n; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && hasToken(a, commentWords) {
			return true
		}
	}
	return false
}

// bylineText prefers the names marked up inside a byline ("By <span
// class=author>Staff writer</span> / <time>…") to its whole text.
func bylineText(n *html.Node) string {
	var names []string
	walk(n, func(c *html.Node) bool {
		if hasRel(c, "author") || strings.EqualFold(attr(c, "itemprop"), "author") ||
			strings.EqualFold(attr(c, "itemprop"), "name") || hasToken(c, authorNameWords) {
			if t := cleanByline(textOf(c)); t != "" && !containsName(names, t) {
				names = append(names, t)
			}
			return false
		}
		return true
	})
	if len(names) > 0 {
		return joinNames(names)
	}
	return cleanByline(textOf(n))
}

func containsName(names []string, n string) bool {
	for _, x := range names {
		if strings.EqualFold(x, n) {
			return true
		}
	}
	return false
}

// bylineContainer widens a name element to the byline line around it.
// Failing a name, it widens to the small block of header odds and ends
// around the name (avatar, "Follow", reading time, date, claps), up to
// the headline, a photo or the story.
func bylineContainer(n *html.Node) *html.Node {
	for a := n.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if isTag(a, "body", "article", "main", "header") || letters(textOf(a)) > 200 {
			break
		}
		if hasToken(a, wordSet("byline", "meta", "dateline", "credits")) {
			return a
		}
	}
	widest := n
	for a := n.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if holdsWholeStory(a) || isTag(a, "header", "footer") || letters(textOf(a)) > maxBylineBlock ||
			find(a, endsBylineBlock) != nil {
			break
		}
		widest = a
	}
	return widest
}

// maxBylineBlock bounds the text of the block around a byline.
const maxBylineBlock = 150

func endsBylineBlock(n *html.Node) bool {
	return isTag(n, "h1", "h2", "figure") || isStoryParagraph(n) || isImage(n) && leadSized(n)
}

func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

var (
	bylinePrefix = regexp.MustCompile(`(?i)^(written\s+)?by[:\s]+`)
	bylineCut    = regexp.MustCompile(`\s+(/|\||·|•|—|–)\s+|,?\s+(Updated|Published|Posted|on)\s`)
	trailingDate = regexp.MustCompile(`(?i)[,\s]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*$|[,\s]+\d{4}-\d{2}-\d{2}.*$`)
)

// cleanByline turns "By Staff writer / September 26, 2011" into
// "Staff writer".
func cleanByline(s string) string {
	s = strings.TrimSpace(sanitize.Text(s))
	if first, _, ok := strings.Cut(s, "\n"); ok {
		s = first // "Nick Beake\nEurope correspondent"
	}
	s = collapseSpace(s)
	if strings.EqualFold(strings.Trim(s, " :"), "by") {
		return ""
	}
	s = bylinePrefix.ReplaceAllString(s, "")
	if loc := bylineCut.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	s = trailingDate.ReplaceAllString(s, "")
	s = strings.Trim(s, " ,;:|/-–—·•")
	if strings.Contains(s, "://") || len([]rune(s)) > 100 {
		return ""
	}
	return titleCaseShouted(s)
}

// titleCaseShouted turns "DIANE JEANTET and MAURICIO SAVARESE" into
// "Diane Jeantet and Mauricio Savarese"; names written in mixed case are
// left alone.
func titleCaseShouted(s string) string {
	words := strings.Fields(s)
	shouted := 0
	for _, w := range words {
		if strings.ToUpper(w) == w && strings.ToLower(w) != w {
			shouted++
		}
	}
	if shouted == 0 || shouted*2 < len(words) {
		return s
	}
	for i, w := range words {
		if strings.ToUpper(w) != w || len([]rune(w)) < 2 {
			continue
		}
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		for j := 1; j < len(r); j++ {
			if r[j-1] == '-' || r[j-1] == '\'' {
				r[j] = unicode.ToUpper(r[j])
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// findPublished reads the publication time from meta tags, JSON-LD or the
// first <time datetime> of the header.
func findPublished(p *pageInfo) time.Time {
	for _, s := range []string{
		p.meta("article:published_time", "datepublished", "og:published_time",
			"parsely-pub-date", "pubdate", "publishdate", "dc.date", "date"),
		p.ld.Published,
	} {
		if t, ok := parseDate(s); ok {
			return t
		}
	}
	var t time.Time
	walk(p.doc, func(n *html.Node) bool {
		if !t.IsZero() || isPageChrome(n) || hasToken(n, commentWords) {
			return false
		}
		if v, ok := elementDate(n); ok {
			t = v
			return false
		}
		return true
	})
	return t
}

// elementDate reads a date the markup gives: <time datetime>, an
// itemprop="datePublished" element, or a microformat "published" /
// "dt-published" element with a machine-readable title.
func elementDate(n *html.Node) (time.Time, bool) {
	switch {
	case n.Data == "time":
		if v, ok := parseDate(attr(n, "datetime")); ok {
			return v, true
		}
	case strings.EqualFold(attr(n, "itemprop"), "datePublished"):
		for _, key := range []string{"content", "datetime", "title"} {
			if v, ok := parseDate(attr(n, key)); ok {
				return v, true
			}
		}
		return parseDate(textOf(n))
	case hasWholeToken(n, publishedTokens):
		for _, key := range []string{"datetime", "title"} {
			if v, ok := parseDate(attr(n, key)); ok {
				return v, true
			}
		}
	}
	return time.Time{}, false
}

var publishedTokens = wordSet("published", "dt-published", "entry-date", "updated")

var dateLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02",
	time.RFC1123Z, time.RFC1123, "January 2, 2006", "Jan 2, 2006",
	"Monday, January 2, 2006", "2 January 2006", "Monday, 2 January 2006", "Mon, 01/02/2006 - 15:04",
}

func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 1900 && t.Year() < 3000 {
			return t, true
		}
	}
	return time.Time{}, false
}
