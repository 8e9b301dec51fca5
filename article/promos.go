package article

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/publicsuffix"
)

// Promotions inside a story carry no class name newsterm could know:
// a newsletter box is found by its email field, a sign-in or subscribe
// prompt by where its links go, a site's sign-off by being a short run
// of links after the story's last words.

// maxBoxLetters bounds the text of a sign-up box: a heading, a line of
// promise and some small print.
const maxBoxLetters = 300

// signupBoxes returns, for each email field, the largest block around it
// that is still small: the sign-up box the field belongs to.
func signupBoxes(inputs []*html.Node) []*html.Node {
	var boxes []*html.Node
	for _, in := range inputs {
		if !isEmailField(in) {
			continue
		}
		var box *html.Node
		for a := in.Parent; a != nil && a.Type == html.ElementNode && !holdsWholeStory(a); a = a.Parent {
			if letters(textPrefix(a, 4*maxBoxLetters)) > maxBoxLetters {
				break
			}
			box = a
		}
		if box != nil {
			boxes = append(boxes, box)
		}
	}
	return boxes
}

func isEmailField(n *html.Node) bool {
	if !isTag(n, "input") {
		return false
	}
	for _, key := range []string{"type", "name", "autocomplete"} {
		if strings.Contains(strings.ToLower(attr(n, key)), "email") {
			return true
		}
	}
	return false
}

// holdsWholeStory reports the elements a page puts its whole story in.
func holdsWholeStory(n *html.Node) bool {
	return isTag(n, "html", "body", "article", "main") || strings.EqualFold(attr(n, "role"), "main") ||
		strings.EqualFold(attr(n, "itemprop"), "articleBody")
}

// accountPaths are path words of a site's own sign-in, subscription and
// newsletter pages.
var accountPaths = wordSet("login", "log-in", "signin", "sign-in", "signup", "sign-up",
	"register", "registration", "subscribe", "subscription", "subscriptions",
	"newsletter", "newsletters", "account", "myaccount", "membership", "donate", "auth")

// isAccountPrompt reports a short block whose every link goes to the
// site's sign-in, subscription or newsletter pages ("Sign up here.",
// "log into your account, or subscribe").
func isAccountPrompt(n *html.Node, s stats, base *url.URL) bool {
	if !isTag(n, "p", "div", "section", "aside") || s.text == 0 || s.text > 400 || holdsWholeStory(n) {
		return false
	}
	links := findAll(n, byTag("a"))
	if len(links) == 0 || len(links) > 4 {
		return false
	}
	for _, a := range links {
		if !isAccountLink(attr(a, "href"), base) {
			return false
		}
	}
	return true
}

// isSiteLink reports a link to a page of the site itself: relative, or
// to the same registered host.
func isSiteLink(href string, base *url.URL) bool {
	u, err := url.Parse(href)
	if err != nil || href == "" {
		return false
	}
	return u.Host == "" || base != nil && sameSite(u.Hostname(), base.Hostname())
}

func isAccountLink(href string, base *url.URL) bool {
	u, err := url.Parse(href)
	if err != nil || !isSiteLink(href, base) {
		return false
	}
	for _, part := range strings.FieldsFunc(strings.ToLower(u.Path), func(r rune) bool { return r == '/' || r == '.' }) {
		if accountPaths[part] {
			return true
		}
	}
	return false
}

// sameSite compares the registered domains of two hosts
// ("myaccount.example.co.uk" belongs to "www.example.co.uk").
func sameSite(a, b string) bool {
	return registered(a) == registered(b)
}

func registered(host string) string {
	host = strings.ToLower(host)
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// maxTailLetters bounds a sign-off block: "Our Standards: The Trust
// Principles.", "The post … appeared first on …".
const maxTailLetters = 150

// minStoryLetters is what must remain of a story for its tail to go.
const minStoryLetters = 200

// trimTail removes the short, mostly linked blocks that end a story:
// a site's standards line, "Follow us on …", a feed's "appeared first
// on". It stops at the first block that reads as text.
func trimTail(root *html.Node) {
	rest := letters(textOf(root))
	for range 8 {
		last := lastBlock(root)
		if last == nil || last == root || !isTailLinks(last) {
			return
		}
		// A link post is a line and its link: it stays.
		if rest -= letters(textOf(last)); rest < minStoryLetters {
			return
		}
		parent := last.Parent
		removeNode(last)
		for parent != nil && parent != root && !hasText(parent) && find(parent, isImage) == nil {
			next := parent.Parent
			removeNode(parent)
			parent = next
		}
	}
}

// lastBlock returns the innermost last block with text under root.
func lastBlock(root *html.Node) *html.Node {
	n := root
	for {
		var last *html.Node
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.TextNode && letters(c.Data) > 0 {
				return n
			}
			if c.Type == html.ElementNode && (hasText(c) || find(c, isImage) != nil) {
				last = c
				break
			}
		}
		if last == nil || isTag(last, "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "figure", "img") {
			return last
		}
		n = last
	}
}

// hasText reports whether any text under n shows a letter.
func hasText(n *html.Node) bool {
	found := false
	walkText(n, func(s string) bool {
		found = letters(s) > 0
		return !found
	})
	return found
}

func isTailLinks(n *html.Node) bool {
	l := letters(textOf(n))
	return l > 0 && l <= maxTailLetters && find(n, isImage) == nil && linkDensity(n) >= 0.4
}
