package article

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsterm/newsterm/sanitize"
)

var blankLines = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)

// toMarkdown converts the story's HTML to markdown: links become "text
// [n]" with the URL in links[n-1], images become "[image: alt]"
// placeholders, figures a placeholder and a caption line, code blocks
// keep their language and tables stay tables.
func toMarkdown(n *html.Node, pageURL *url.URL) (string, []string, error) {
	refs := &linkRefs{base: pageURL, index: map[string]int{}}
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(),
		storyPlugin{refs: refs},
	))
	normalizeCode(n)
	boundRenderCost(n)
	limitNesting(n, 0, 0)
	markAmpersands(n)
	md, err := conv.ConvertNode(n)
	if err != nil {
		return "", nil, fmt.Errorf("convert story to markdown: %w", err)
	}
	text := sanitize.Text(strings.ReplaceAll(string(md), ampMark, `\&`))
	text = blankLines.ReplaceAllString(strings.TrimSpace(text), "\n\n")
	return text, refs.links, nil
}

// maxNesting is the deepest list or quotation kept as such: glamour
// indents each level, and a deep pile leaves no room for the words.
const maxNesting = 3

// limitNesting turns lists and quotations nested deeper than maxNesting
// into plain blocks.
func limitNesting(n *html.Node, lists, quotes int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		l, q := lists, quotes
		switch c.Data {
		case "ul", "ol", "dl":
			if l++; l > maxNesting {
				c.Data, c.DataAtom = "div", atom.Div
			}
		case "li", "dd", "dt":
			if lists >= maxNesting {
				c.Data, c.DataAtom = "p", atom.P
			} else {
				joinParagraphs(c)
			}
		case "blockquote":
			if q++; q > maxNesting {
				c.Data, c.DataAtom = "div", atom.Div
			}
		}
		limitNesting(c, l, q)
	}
}

// joinParagraphs turns the paragraphs of a list item into lines of one
// block: glamour runs a list item's paragraphs together without a space.
func joinParagraphs(item *html.Node) {
	var blocks []*html.Node
	for c := item.FirstChild; c != nil; c = c.NextSibling {
		if isTag(c, "p", "div") {
			blocks = append(blocks, c)
		}
	}
	for _, b := range blocks {
		if b.PrevSibling != nil && strings.TrimSpace(textOf(item)) != "" && hasContentBefore(b) {
			item.InsertBefore(element("br", atom.Br), b)
		}
		unwrap(b)
	}
}

func hasContentBefore(n *html.Node) bool {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode || strings.TrimSpace(s.Data) != "" {
			return true
		}
	}
	return false
}

// storyPlugin holds newsterm's rules for html-to-markdown.
type storyPlugin struct{ refs *linkRefs }

func (storyPlugin) Name() string { return "newsterm-story" }

func (p storyPlugin) Init(conv *converter.Converter) error {
	conv.Register.RendererFor("a", converter.TagTypeInline, p.refs.render, converter.PriorityEarly)
	conv.Register.RendererFor("img", converter.TagTypeInline, renderImage, converter.PriorityEarly)
	conv.Register.RendererFor("figure", converter.TagTypeBlock, p.renderFigure, converter.PriorityEarly)
	// Glamour reads "~x~" as strikethrough: a tilde in text stays one.
	conv.Register.EscapedChar('~')
	conv.Register.UnEscaper(func(chars []byte, i int) int {
		if chars[i] == '~' {
			return 1
		}
		return -1
	}, converter.PriorityEarly)
	return nil
}

// ampMark stands in for the ampersands of the story's text while it is
// converted: they come out as "\&", so that text such as "&amp;" or
// "&#27;" stays literal. The converter itself writes "<" and ">" as
// "&lt;" and "&gt;", which must stay character references.
const ampMark = "\uE026"

// markAmpersands replaces the ampersands of text outside code (which
// the converter copies verbatim) by ampMark.
func markAmpersands(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			c.Data = strings.ReplaceAll(strings.ReplaceAll(c.Data, ampMark, "\uFFFD"), "&", ampMark)
		case isTag(c, "pre", "code"):
		default:
			markAmpersands(c)
		}
	}
}

// linkRefs numbers the story's http(s) links in order of appearance.
type linkRefs struct {
	base  *url.URL
	index map[string]int
	links []string
}

func (r *linkRefs) number(href string) int {
	if href == "" || strings.HasPrefix(href, "#") {
		return 0
	}
	abs := absoluteURL(href, r.base)
	if abs == "" || r.samePage(abs) {
		return 0
	}
	if n, ok := r.index[abs]; ok {
		return n
	}
	r.links = append(r.links, abs)
	r.index[abs] = len(r.links)
	return len(r.links)
}

func (r *linkRefs) samePage(abs string) bool {
	if r.base == nil {
		return false
	}
	u, err := url.Parse(abs)
	if err != nil {
		return false
	}
	u.Fragment = ""
	b := *r.base
	b.Fragment = ""
	return u.String() == b.String() && strings.Contains(abs, "#")
}

func (r *linkRefs) render(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	var buf bytes.Buffer
	ctx.RenderChildNodes(ctx, &buf, n)
	content := buf.Bytes()
	trimmed := bytes.TrimSpace(content)
	if len(trimmed) == 0 {
		w.Write(content)
		return converter.RenderSuccess
	}
	start := bytes.Index(content, trimmed)
	w.Write(content[:start])
	w.Write(trimmed)
	if !hasText(n) && isImageFile(attr(n, "href")) {
		// A photo linked to its larger copy: the copy is no reference.
		w.Write(content[start+len(trimmed):])
		return converter.RenderSuccess
	}
	if num := r.number(attr(n, "href")); num > 0 {
		fmt.Fprintf(w, ` \[%d\]`, num)
	}
	w.Write(content[start+len(trimmed):])
	return converter.RenderSuccess
}

// isImageFile reports a link to an image file.
func isImageFile(href string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg":
		return true
	}
	return false
}

// renderImage writes a placeholder: the terminal shows no images and the
// text never carries an image URL. Tiny images (emoji, icons) become
// their alt text.
func renderImage(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	alt := collapseSpace(sanitize.Line(attr(n, "alt")))
	wd, ht := dimension(attr(n, "width")), dimension(attr(n, "height"))
	switch {
	case wd > 0 && wd <= 32:
		w.WriteString(mdEscape(alt))
		return converter.RenderSuccess
	case wd > 0 && wd < 100 || ht > 0 && ht < 100:
		return converter.RenderSuccess // an avatar or an icon
	case hasAttr(n, "alt") && alt == "" && !inFigure(n):
		return converter.RenderSuccess // marked as decoration
	}
	w.WriteString(placeholder(alt))
	return converter.RenderSuccess
}

func placeholder(alt string) string {
	if alt == "" {
		return `\[image\]`
	}
	return `\[image: ` + mdEscape(alt) + `\]`
}

// renderFigure writes a figure as its image placeholders and, on the next
// line, the caption and credit. A figure that is a link card (a linked
// title and summary beside a thumbnail, no caption) is its title and
// link.
func (p storyPlugin) renderFigure(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	imgs := findAll(n, isImage)
	if len(imgs) == 0 {
		return converter.RenderTryNext
	}
	if isEmptyCard(n, imgs) {
		return converter.RenderSuccess
	}
	if isLinkCard(n) {
		if a := find(n, byTag("a")); a != nil {
			title := mdEscape(firstTextBlock(a))
			if num := p.refs.number(attr(a, "href")); num > 0 {
				title += ` \[` + strconv.Itoa(num) + `\]`
			}
			w.WriteString("\n\n" + title + "\n\n")
			return converter.RenderSuccess
		}
	}
	var parts []string
	for _, img := range imgs {
		parts = append(parts, placeholder(collapseSpace(sanitize.Line(attr(img, "alt")))))
	}
	line := strings.Join(parts, " ")
	caption, credit := "", ""
	if fc := find(n, byTag("figcaption")); fc != nil {
		if c := find(fc, byTag("cite")); c != nil {
			credit = textOf(c)
			removeNode(c)
		}
		caption = textOf(fc)
	}
	switch {
	case caption != "" && credit != "":
		line += "\\\n" + mdEscape(caption) + " — " + mdEscape(credit)
	case caption != "" || credit != "":
		line += "\\\n" + mdEscape(caption+credit)
	}
	w.WriteString("\n\n" + line + "\n\n")
	return converter.RenderSuccess
}

var mdSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `&`, `\&`, `#`, `\#`, `|`, `\|`, `~`, `\~`,
)

// mdEscape makes text literal in markdown.
func mdEscape(s string) string { return mdSpecial.Replace(s) }
