package article

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
)

// wholeStoryMin is the shortest feed text (in letters) taken to be a whole
// story; shorter texts are summaries.
const wholeStoryMin = 600

// truncatedTail matches the ways feeds end a cut story.
var truncatedTail = regexp.MustCompile(`(?i)(…|\.\.\.|\[…\]|\[\.\.\.\]|\(more…?\)|continue reading\b[^.!?]{0,120}|read more\b[^.!?]{0,40}|read the (full|whole|rest)\b[^.!?]{0,60}|keep reading\b[^.!?]{0,40})[\s»›→>.]*$`)

// IsWholeStory reports whether the feed's text is the complete story (no
// truncation signs), so no page fetch is needed. Signs of a cut story: no
// text, a text shorter than about 600 letters, a tail such as "…",
// "[…]", "Continue reading" or "Read more", or content that only repeats
// the summary.
func IsWholeStory(it FeedItem) bool {
	content, summary := htmlText(it.Content), htmlText(it.Summary)
	text := content
	if text == "" {
		text = summary
	}
	switch {
	case letters(text) < wholeStoryMin:
		return false
	case content != "" && summary != "" && letterKey(content) == letterKey(summary):
		return false
	case truncatedTail.MatchString(text):
		return false
	}
	return true
}

// feedText is the text of the feed's content, else its summary.
func feedText(it FeedItem) string {
	if t := htmlText(it.Content); t != "" {
		return t
	}
	return htmlText(it.Summary)
}

// htmlText is the text of a HTML fragment, whitespace collapsed.
// HTML that cannot be parsed counts as no text: the story is then not
// whole, and FromFeedNote says why its body is empty.
func htmlText(s string) string {
	text, err := parsedText(s)
	if err != nil {
		return ""
	}
	return text
}

// parsedText is htmlText with the parser's error.
func parsedText(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	doc, err := parseDocument(prepareString(s), nil)
	if err != nil {
		return "", err
	}
	return sanitize.Line(textOf(doc)), nil
}

// prepareString is prepare for feed HTML, which is already in memory.
func prepareString(s string) page {
	pg, err := prepare(strings.NewReader(s))
	if err != nil { // reading a string cannot fail
		return page{}
	}
	return pg
}

// linkBase parses a story's link for resolving relative URLs: nil when it
// is not an absolute URL.
func linkBase(link string) *url.URL {
	u, err := url.Parse(link)
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// FromFeed builds an Article from the feed's own text: the content, else
// the summary, cleaned and converted as a page's story is. The feed's
// photo is kept out of the body so its caption shows once. It is
// FromFeedNote without the note: a text that cannot be converted leaves
// the body empty.
func FromFeed(it FeedItem) Article {
	a, _ := FromFeedNote(it)
	return a
}

// FromFeedNote is FromFeed with a one-line note saying why the body is
// empty when the feed's HTML cannot be parsed or converted ("" when it
// converted), so the reader shows the reason rather than a blank story.
func FromFeedNote(it FeedItem) (Article, string) {
	a, err := fromFeed(it)
	if err != nil {
		return a, sanitize.Line(err.Error())
	}
	return a, ""
}

func fromFeed(it FeedItem) (Article, error) {
	base := linkBase(it.Link)
	src := it.Content
	if text, err := parsedText(src); err == nil && text == "" {
		src = it.Summary // unparsable content stays, so its error is told
	}
	a := FromFeedHeader(it)
	body, links, photo, err := feedBody(src, base, a.Photo)
	if err != nil {
		return a, fmt.Errorf("convert the feed text: %w", err)
	}
	a.Body, a.Links, a.Photo = body, links, photo
	if src == it.Content {
		if dek := htmlText(it.Summary); letters(dek) <= 400 && !repeatsBody(dek, a.Body) && !sameText(dek, a.Title) {
			a.Dek = dek
		}
	}
	return a, nil
}

// feedBody converts feed HTML to markdown. Without a photo from the feed,
// a leading figure in the text becomes the photo; with one, the text's
// copy of that image is dropped.
func feedBody(src string, base *url.URL, photo *Photo) (string, []string, *Photo, error) {
	doc, err := parseDocument(prepareString(src), base)
	if err != nil {
		return "", nil, photo, err
	}
	if photo == nil {
		info := newPageInfo(doc, base, linkedData{})
		if fig := findLeadFigure(info); fig != nil {
			photo = photoFromFigure(fig, base)
			removeNode(fig)
		}
	} else if photo.URL != "" {
		dropImage(doc, photo, base)
	}
	canonicalFigures(doc, base)
	removeChrome(doc, base)
	root := find(doc, byTag("body"))
	if root == nil {
		root = doc
	}
	trimTail(root)
	body, links, err := toMarkdown(root, base)
	if err != nil {
		return "", nil, photo, err
	}
	return body, links, photo, nil
}

// dropImage removes the feed photo's copy from the text, with its figure.
func dropImage(doc *html.Node, photo *Photo, base *url.URL) {
	img := find(doc, func(n *html.Node) bool {
		return isImage(n) && sameImage(imageSource(n, base), photo.URL)
	})
	if img == nil {
		return
	}
	fillPhoto(photo, photoFromImage(img, base))
	for a := img.Parent; a != nil; a = a.Parent {
		if isTag(a, "figure") {
			if photo.Caption == "" && photo.Credit == "" {
				photo.Caption, photo.Credit = captionAndCredit(a)
			}
			removeNode(a)
			return
		}
	}
	removeNode(img)
}

func photoFromFeed(p *feeds.Photo) *Photo {
	if p == nil {
		return nil
	}
	u := absoluteURL(p.URL, nil)
	return &Photo{URL: u, Caption: sanitize.Line(p.Caption), Credit: cleanCredit(p.Credit), Width: p.Width, Height: p.Height}
}

func feedComments(c feeds.Comments) Comments {
	out := Comments{URL: absoluteURL(c.URL, nil)}
	if c.Count != nil {
		n := *c.Count
		out.Count = &n
	}
	return out
}

// Merge fills what the page left empty with what the feed said (comment
// count, photo credit, author...). The page's own values come first; the
// feed's caption and credit fill the page's photo when both name the
// same image.
func Merge(page Article, it FeedItem) Article {
	a := page
	feed := FromFeedHeader(it)
	fillEmpty(&a.URL, feed.URL)
	fillEmpty(&a.Title, feed.Title)
	fillEmpty(&a.Section, feed.Section)
	fillEmpty(&a.Byline, feed.Byline)
	if a.Published.IsZero() {
		a.Published = feed.Published
	}
	fillEmpty(&a.Comments.Count, feed.Comments.Count)
	fillEmpty(&a.Comments.URL, feed.Comments.URL)
	fp := feed.Photo
	switch {
	case a.Photo == nil:
		a.Photo = fp
	case fp != nil && (fp.URL == "" || a.Photo.URL == "" || sameImage(a.Photo.URL, fp.URL)):
		merged := *a.Photo
		fillPhoto(&merged, fp)
		a.Photo = &merged
	}
	return a
}

// FromFeedHeader is FromFeed without the body: the feed's title, section,
// author, date, photo and comments, made terminal-safe. It is cheap.
func FromFeedHeader(it FeedItem) Article {
	return Article{
		URL:       sanitize.Line(it.Link),
		Title:     sanitize.Line(it.Title),
		Section:   sanitize.Line(it.Section),
		Byline:    cleanByline(it.Author),
		Published: it.Published,
		Photo:     photoFromFeed(it.Photo),
		Comments:  feedComments(it.Comments),
		Source:    SourceFeed,
	}
}

// PageFetcher fetches a web page. *feeds.Client is one; tests and other
// callers may bring their own.
type PageFetcher interface {
	FetchPage(ctx context.Context, rawURL string) (feeds.Page, error)
}

// Load returns the story for it: the feed text when it is whole, else the
// extracted page. When the page cannot be fetched it returns the feed text
// and a one-line note saying why (err stays nil); the note also says when
// the feed text itself could not be converted (see FromFeedNote). err is
// set only when ctx ends, and then the feed text is returned with it.
func Load(ctx context.Context, c *feeds.Client, it FeedItem) (a Article, note string, err error) {
	if c == nil {
		return LoadFrom(ctx, nil, it) // a nil *Client must not become a non-nil PageFetcher
	}
	return LoadFrom(ctx, c, it)
}

// LoadFrom is Load with any PageFetcher.
func LoadFrom(ctx context.Context, f PageFetcher, it FeedItem) (Article, string, error) {
	if IsWholeStory(it) {
		a, note := FromFeedNote(it)
		return a, note, nil
	}
	fallback := func(reason string) (Article, string) {
		a, convNote := FromFeedNote(it)
		if convNote != "" {
			return a, sanitize.Line(reason + "; " + convNote)
		}
		return a, sanitize.Line("showing the feed text: " + reason)
	}
	link := sanitize.Line(it.Link)
	if link == "" {
		a, note := fallback("the story has no link")
		return a, note, nil
	}
	if f == nil {
		a, note := fallback("no client to fetch " + link)
		return a, note, nil
	}
	pg, err := f.FetchPage(ctx, it.Link)
	if err != nil {
		a, note := fallback(fetchReason(link, err))
		if ctxErr := ctx.Err(); ctxErr != nil {
			return a, note, fmt.Errorf("load %s: %w", link, ctxErr)
		}
		return a, note, nil
	}
	base := pg.URL
	if base == nil {
		base = linkBase(it.Link)
	}
	a, err := Extract(bytes.NewReader(pg.Body), base)
	if err != nil {
		a, note := fallback(fmt.Sprintf("extract %s: %v", link, err))
		return a, note, nil
	}
	if got := letters(a.Body); got == 0 || got*2 < letters(feedText(it)) {
		a, note := fallback("no story found at " + link)
		return a, note, nil
	}
	return Merge(a, it), "", nil
}

// fetchReason names the URL once: "fetch https://…: HTTP 404".
func fetchReason(link string, err error) string {
	msg := sanitize.Line(err.Error())
	if strings.Contains(msg, link) {
		return msg
	}
	return "fetch " + link + ": " + msg
}
