package feeds

import (
	"regexp"
	"strconv"
	"strings"
)

// The comment count is taken from the first source that states it:
// slash:comments, Atom thr:total, a link rel="replies" thr:count, then a
// count written in prose by a well-known generator. The comments page is
// RSS <comments>, else an HTML replies link, else wfw:commentRss, else any
// replies link, else the link the prose names.

// maxCount bounds a believable comment count; larger numbers are treated
// as unknown rather than shown.
const maxCount = 1_000_000_000

var (
	// hnrss (and generators copying it, such as lobsters-bisque) end the
	// description with "<p>Comments URL: <a href=…>…</a></p>" and
	// "<p># Comments: 12</p>".
	hnCount = regexp.MustCompile(`#\s*Comments:\s*([0-9][0-9,]*)`)
	hnURL   = regexp.MustCompile(`Comments URL:\s*<a\s[^>]*?href\s*=\s*["']([^"']+)["']`)
	// Reddit's RSS (and Fark's) link the thread as "[190 comments]"; its
	// Atom feed says only "[comments]", which still names the page.
	redditLink = regexp.MustCompile(`<a\s[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>\s*\[(?:([0-9][0-9,]*)\s+)?comments?\]\s*</a>`)
)

// comments reads what the item says about its discussion.
func comments(it *itemSource, ns prefixes, res resolver) Comments {
	var c Comments
	exts := it.u.Extensions
	for _, e := range extElems(exts, ns.slash, "comments") {
		c.Count = firstCount(c.Count, e.Value)
	}
	for _, e := range extElems(exts, ns.thr, "total") {
		c.Count = firstCount(c.Count, e.Value)
	}
	for _, l := range it.replies {
		if c.Count == nil && l.count != nil {
			n := *l.count
			c.Count = &n
		}
	}
	c.URL = res.resolve(it.commentsURL)
	if c.URL == "" {
		c.URL = res.resolve(repliesURL(it.replies, true))
	}
	for _, e := range extElems(exts, ns.wfw, "commentRss") {
		if c.URL == "" {
			c.URL = res.resolve(e.Value)
		}
	}
	if c.URL == "" {
		c.URL = res.resolve(repliesURL(it.replies, false))
	}
	for _, text := range []string{it.summary, it.content} {
		count, link := prose(text)
		if c.Count == nil {
			c.Count = count
		}
		if c.URL == "" {
			c.URL = res.resolve(link)
		}
	}
	return c
}

// repliesURL returns the first replies link: only one for an HTML page
// when htmlOnly, else any.
func repliesURL(links []repliesLink, htmlOnly bool) string {
	for _, l := range links {
		t := strings.ToLower(strings.TrimSpace(l.typ))
		if !htmlOnly || t == "" || strings.HasPrefix(t, "text/html") || strings.Contains(t, "xhtml") {
			if l.href != "" {
				return l.href
			}
		}
	}
	return ""
}

// prose finds a comment count and comments page written into an item's
// HTML by hnrss or Reddit.
func prose(s string) (*int, string) {
	if s == "" || !strings.Contains(s, "omments") {
		return nil, ""
	}
	var count *int
	var link string
	if m := hnCount.FindStringSubmatch(s); m != nil {
		if n, ok := parseCount(m[1]); ok {
			count = &n
		}
	}
	if m := hnURL.FindStringSubmatch(s); m != nil {
		link = htmlLine(m[1])
	}
	if m := redditLink.FindStringSubmatch(s); m != nil {
		if link == "" {
			link = htmlLine(m[1])
		}
		if n, ok := parseCount(m[2]); ok && count == nil {
			count = &n
		}
	}
	return count, link
}

// firstCount keeps an already known count, else parses s.
func firstCount(known *int, s string) *int {
	if known != nil {
		return known
	}
	if n, ok := parseCount(s); ok {
		return &n
	}
	return nil
}

// parseCount parses a non-negative count such as "23" or "1,204".
func parseCount(s string) (int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxCount {
		return 0, false
	}
	return n, true
}
