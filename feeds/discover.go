package feeds

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Link is a feed advertised by a page (<link rel="alternate">).
type Link struct {
	URL   string
	Title string
	Type  string // application/rss+xml, application/atom+xml, application/feed+json
}

// feedTypes are the MIME types of <link rel="alternate"> that name a feed.
// Plain application/json is left out: WordPress uses it for its REST API.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
}

// Discover lists the feeds a HTML page links to, absolute, in page order.
// A <base href> in the page changes what relative links resolve against,
// as it does in a browser. Only http, https (and file, for a local page)
// links are kept, each once.
func Discover(r io.Reader, base *url.URL) ([]Link, error) {
	z := html.NewTokenizer(r)
	res := newResolver(base)
	baseSeen := false
	seen := map[string]bool{}
	var links []Link
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return links, fmt.Errorf("discover feeds: read page: %w", err)
			}
			return links, nil
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch atom.Lookup(name) {
		case atom.Base:
			if !baseSeen {
				baseSeen = true
				if href := attrs(z)["href"]; href != "" {
					res = res.at(href)
				}
			}
		case atom.Link:
			l, ok := feedLink(attrs(z), res)
			if ok && !seen[l.URL] {
				seen[l.URL] = true
				links = append(links, l)
			}
		}
	}
}

// feedLink reads one <link> element's attributes.
func feedLink(a map[string]string, res resolver) (Link, bool) {
	if !hasToken(a["rel"], "alternate") {
		return Link{}, false
	}
	typ, _, err := mime.ParseMediaType(a["type"])
	if err != nil || !feedTypes[typ] {
		return Link{}, false
	}
	u := res.resolve(a["href"])
	if u == "" {
		return Link{}, false
	}
	return Link{URL: u, Title: line(a["title"]), Type: typ}, true
}

// attrs collects the current tag's attributes (names lower case, first
// occurrence wins).
func attrs(z *html.Tokenizer) map[string]string {
	out := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		key := strings.ToLower(string(k))
		if _, dup := out[key]; !dup {
			out[key] = string(v)
		}
		if !more {
			return out
		}
	}
}

// hasToken reports whether the space-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
