package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

// srOnlyWords name text meant only for screen readers ("Image caption, ").
var srOnlyWords = wordSet("sr-only", "visually-hidden", "visuallyhidden",
	"screen-reader-text", "screen-reader-only", "screenreader", "sr-text",
	"a11y-hidden", "off-screen", "offscreen", "assistive-text", "hidden-text")

// creditWords name the element that carries a photo's credit.
var creditWords = wordSet("credit", "credits", "copyright", "byline",
	"source", "attribution", "photographer", "photo-credit", "image-credit")

var captionWords = wordSet("caption", "figcaption", "wp-caption-text", "caption-text")

var (
	// creditMarker finds "Photograph: …", "Photo by …", "Image source, …".
	creditMarker = regexp.MustCompile(`(?:^|[.!?"”)]\s+|\(|\|\s*|[—–]\s*)((?:Photograph|Photo|Picture|Image|Illustration|Video still)(?:s|\s+source)?\s*(?::|,|\s+by\b)|(?:Credit|Image credit|Photo credit)\s*:)\s*`)
	// parenCredit is a trailing "(AP Photo/Carlos Macedo)".
	parenCredit = regexp.MustCompile(`\s*\(([^()]{2,80}(?:Photo|Images|/)[^()]{0,80})\)\.?$`)
	// agencyCredit is a trailing "Name/Agency" such as "Khalid Tanveer/Reuters".
	agencyCredit = regexp.MustCompile(`^[\p{Lu}][\p{L}.'’\-]*(?:\s+[\p{L}.'’\-]+){0,4}(?:\s*/\s*[\p{Lu}][\p{L}.'’&\-]*(?:\s+[\p{L}.'’&\-]+){0,3}){1,3}$`)
)

// captionAndCredit reads a figure's caption and splits the credit out of
// it: from a credit element (.credit, <small>, <cite>), a screen-reader
// label "Image source, ", a "Photograph: …" style marker, or a trailing
// "Name/Agency". Screen-reader labels never reach the caption.
func captionAndCredit(fig *html.Node) (caption, credit string) {
	credit = takeLabelledCredit(fig)
	for _, n := range findAll(fig, func(n *html.Node) bool { return hasToken(n, srOnlyWords) }) {
		removeNode(n)
	}
	if credit == "" {
		if n := find(fig, isCreditElement); n != nil {
			credit = textOf(n)
			removeNode(n)
		}
	}
	removeCaptionLinks(fig)
	isCaption := func(n *html.Node) bool { return n.Data == "figcaption" || hasToken(n, captionWords) }
	capEl := fig
	if !isCaption(fig) {
		capEl = find(fig, isCaption)
	}
	if capEl == nil && fig.Data == "figure" {
		// No caption element: the figure's own text is its caption
		// ("CarouselSlide-infoDescription").
		capEl = fig
	}
	text := ""
	if capEl != nil {
		text = captionText(capEl)
	}
	if credit == "" {
		text, credit = splitCredit(text)
	}
	return sanitize.Line(strings.Trim(collapseSpace(text), " |—–-")), cleanCredit(credit)
}

// creditLabels are the words of an element that only labels the credit
// after it: a hidden "Image source, " or a visible "Credit".
var creditLabels = wordSet("image source", "photo credit", "image credit", "credit",
	"copyright", "photo", "photograph", "picture", "source")

// takeLabelledCredit finds a credit label (hidden, or an element of its
// own) and returns the text that follows it, removing both.
func takeLabelledCredit(fig *html.Node) string {
	isLabel := func(n *html.Node) bool {
		if n.Type != html.ElementNode || isTag(n, "figcaption", "figure", "img", "picture") {
			return false
		}
		label := strings.ToLower(strings.Trim(textPrefix(n, 40), " .…:,"))
		if hasToken(n, srOnlyWords) {
			return strings.HasPrefix(label, "image source") || strings.HasPrefix(label, "photo credit") ||
				strings.HasPrefix(label, "credit") || strings.HasPrefix(label, "copyright")
		}
		return creditLabels[label] && n.NextSibling != nil
	}
	for _, n := range findAll(fig, isLabel) {
		var credit []*html.Node
		for s := n.NextSibling; s != nil && !(s.Type == html.ElementNode && hasToken(s, srOnlyWords)); s = s.NextSibling {
			credit = append(credit, s)
		}
		text := ""
		for _, c := range credit {
			if c.Type == html.TextNode {
				text += c.Data
			} else {
				text += " " + textOf(c) + " "
			}
			removeNode(c)
		}
		holder := n.Parent
		removeNode(n)
		if holder != nil && holder.FirstChild == nil && !isTag(holder, "figure") {
			removeNode(holder)
		}
		if t := collapseSpace(text); t != "" {
			return t
		}
	}
	return ""
}

// removeCaptionLinks removes parts of a caption that are mostly a link
// and no credit ("Purchase Licensing Rights, opens new tab"), when the
// caption has text besides them.
func removeCaptionLinks(fig *html.Node) {
	total := letters(textOf(fig))
	for _, n := range findAll(fig, func(n *html.Node) bool { return isTag(n, "span", "div", "p", "small") }) {
		t := textOf(n)
		l := letters(t)
		if l == 0 || total-l < 20 || linkDensity(n) < 0.5 || agencyCredit.MatchString(t) || find(n, isImage) != nil {
			continue
		}
		removeNode(n)
	}
}

func isCreditElement(n *html.Node) bool {
	if n.Data == "img" || n.Data == "picture" {
		return false
	}
	return isTag(n, "small", "cite") || hasToken(n, creditWords)
}

// captionAfter returns the caption element that follows an image set
// outside any figure: the next element after the image or after its
// small wrapper ("field-image" then "field-image-caption").
func captionAfter(img *html.Node) *html.Node {
	for n := img; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if n != img && (len(findAll(n, isImage)) != 1 || letters(textPrefix(n, 100)) > 20) {
			return nil
		}
		if next := nextElement(n); next != nil {
			if hasToken(next, captionWords) && find(next, isImage) == nil && letters(textPrefix(next, 700)) <= 600 {
				return next
			}
			return nil
		}
	}
	return nil
}

// captionText keeps line breaks of the source so that a credit on its own
// last line can be told apart from the caption.
func captionText(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case isTag(c, "br", "p", "div"):
				b.WriteByte('\n')
				visit(c)
				b.WriteByte('\n')
			default:
				visit(c)
			}
		}
	}
	visit(n)
	return b.String()
}

// splitCredit separates a credit written into the caption text.
func splitCredit(text string) (caption, credit string) {
	flat := collapseSpace(text)
	if locs := creditMarker.FindAllStringSubmatchIndex(flat, -1); locs != nil {
		loc := locs[len(locs)-1]
		if rest := strings.TrimSpace(flat[loc[1]:]); rest != "" && letters(rest) <= 80 {
			head := strings.TrimSpace(flat[:loc[2]])
			head = strings.TrimRight(head, "(|—– ")
			return head, rest
		}
	}
	if m := parenCredit.FindStringSubmatchIndex(flat); m != nil {
		return flat[:m[0]], flat[m[2]:m[3]]
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if last := collapseSpace(lines[len(lines)-1]); len(lines) > 1 && agencyCredit.MatchString(last) {
		return strings.Join(lines[:len(lines)-1], " "), last
	}
	if i := strings.LastIndex(flat, ". "); i > 0 {
		if last := strings.TrimSpace(flat[i+2:]); agencyCredit.MatchString(last) {
			return flat[:i+1], last
		}
	}
	return flat, ""
}

func cleanCredit(s string) string {
	s = strings.Trim(collapseSpace(s), " .()|—–,")
	if loc := creditMarker.FindStringSubmatchIndex(s); loc != nil && loc[2] == 0 {
		s = s[loc[1]:]
	}
	return sanitize.Line(strings.Trim(s, " .()|—–,"))
}
