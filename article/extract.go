package article

import (
	"io"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

// Extract reads a HTML page and returns its article: pure, no network.
//
// The page is capped and flattened, made safe (no scripts, handlers or
// non-http links), then read in this order: the header (title, kicker,
// dek, byline, date, comment count) and the lead photo, both taken out of
// the page; page chrome, removed by structure; the story, found by
// readability; and its HTML turned into markdown with numbered links.
func Extract(r io.Reader, base *url.URL) (Article, error) {
	pg, err := prepare(r)
	if err != nil {
		return Article{}, err
	}
	doc, err := parseDocument(pg, base)
	if err != nil {
		return Article{}, err
	}
	info := newPageInfo(doc, base, parseLinkedData(pg.jsonLD))
	meta := readMetadata(info)
	for _, n := range meta.nodes {
		removeNode(n) // each finder keeps to small elements
	}
	info.start = info.firstStoryParagraph()
	photo := leadPhoto(info)
	canonicalFigures(doc, base)
	liveBlogTimes(doc)
	removeChrome(doc, base)
	story := readable(doc, base, &meta)
	trimTail(story)
	body, links, err := toMarkdown(story, base)
	if err != nil {
		return Article{}, err
	}
	a := Article{
		Title:     meta.title,
		Section:   meta.section,
		Dek:       meta.dek,
		Byline:    meta.byline,
		Published: meta.published,
		Photo:     photo,
		Comments:  meta.comments,
		Body:      body,
		Links:     links,
		Source:    SourcePage,
	}
	if base != nil {
		a.URL = base.String()
	}
	if meta.dekFromMeta && repeatsBody(a.Dek, body) || sameText(a.Dek, a.Title) {
		a.Dek = ""
	}
	return a, nil
}

// readable returns the story's container as readability finds it in the
// cleaned page, or the cleaned body when readability finds less than
// half of the page's story text. It fills header fields the page's own
// markup left empty from readability's metadata.
func readable(doc *html.Node, base *url.URL, meta *metadata) *html.Node {
	body := find(doc, byTag("body"))
	if body == nil {
		body = doc
	}
	want := measure(body).total.story
	shieldBlocks(doc)
	parser := readability.NewParser()
	parser.KeepClasses = true // code blocks carry their language in a class
	art, err := parser.ParseDocument(doc, base)
	if err != nil || art.Node == nil {
		return body
	}
	if meta.title == "" {
		meta.title = sanitize.Line(art.Title())
	}
	if meta.byline == "" {
		meta.byline = cleanByline(art.Byline())
	}
	if t, err := art.PublishedTime(); err == nil && meta.published.IsZero() {
		meta.published = t
	}
	if got := measure(art.Node).total.story; got*2 < want {
		return body
	}
	return art.Node
}

// readability removes any element whose class or id holds one of these
// words, as an unlikely part of the story. After newsterm's own chrome
// rules, a heading or paragraph named so ("header-anchor-post") is story.
var (
	unlikelyNames = regexp.MustCompile(`(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote`)
	likelyNames   = regexp.MustCompile(`(?i)and|article|body|column|content|main|mathjax|shadow`)
)

var storyBlocks = wordSet("h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "pre", "figure",
	"figcaption", "ul", "ol", "li", "dl", "img", "picture")

// shieldBlocks takes the names readability would misread off the story's
// text blocks, keeping a code block's language.
func shieldBlocks(doc *html.Node) {
	walk(doc, func(n *html.Node) bool {
		if !storyBlocks[n.Data] {
			return true
		}
		names := attr(n, "class") + " " + attr(n, "id")
		if !unlikelyNames.MatchString(names) || likelyNames.MatchString(names) {
			return true
		}
		removeAttr(n, "id")
		lang := codeLanguage(n)
		removeAttr(n, "class")
		if lang != "" {
			setAttr(n, "class", "language-"+lang)
		}
		return true
	})
}

// repeatsBody reports a dek that only repeats the start of the body, as
// meta descriptions often do.
func repeatsBody(dek, body string) bool {
	d := letterKey(strings.TrimRight(strings.TrimSpace(dek), ".…"))
	if len(d) < 20 {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(body), "\n\n")
	return strings.HasPrefix(letterKey(first), d)
}

// letterKey keeps only lower-cased letters and digits, for comparing
// texts that differ in punctuation, escaping and spacing.
func letterKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
