package feeds

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

// Field limits. A feed is untrusted: a 5 MB title or a million categories
// must not reach the store or the screen.
const (
	maxHTML       = 1 << 20 // summary, content
	maxLine       = 2048    // title, author, caption, credit, category
	maxURL        = 8192
	maxGUID       = 2048
	maxCategories = 64
	maxEnclosures = 64
)

// line makes single-line feed text terminal-safe: placeholders back to
// controls, then sanitize.Line, then the length cap.
func line(s string) string {
	return cut(sanitize.Line(restoreControls(s)), maxLine)
}

// htmlLine is line for text that is HTML markup: tags are dropped and
// entities decoded exactly once.
func htmlLine(s string) string {
	return cut(sanitize.Line(HTMLText(restoreControls(s))), maxLine)
}

// block makes multi-line HTML terminal-safe and cuts it to maxHTML.
func block(s string) string {
	return cut(sanitize.Text(restoreControls(s)), maxHTML)
}

// cut shortens s to at most n bytes without splitting a UTF-8 sequence.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// HTMLText returns the text of an HTML fragment from a feed: entities
// decoded once, tags dropped, script, style, template and noscript bodies
// skipped, block boundaries spaced so words never run together (inline
// tags add no space: "H<b>e</b>llo" is "Hello"). The result is not yet
// terminal-safe: decoding can produce controls, so callers sanitize it.
// One function serves normalisation, the search index and --json summaries.
func HTMLText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			// Map lookups with string(name) inline do not allocate.
			name, _ := z.TagName()
			if hiddenTag[string(name)] {
				skip++
			} else if blockTag[string(name)] {
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if hiddenTag[string(name)] && skip > 0 {
				skip--
			} else if blockTag[string(name)] {
				b.WriteByte(' ')
			}
		}
	}
}

// hiddenTag are elements whose text is never shown.
var hiddenTag = map[string]bool{"script": true, "style": true, "template": true, "noscript": true}

// blockTag are elements that end a word: HTML's block-level elements, table
// cells and line breaks ("<th>name</th><th>count</th>" is two words).
var blockTag = map[string]bool{
	"br": true, "p": true, "div": true, "li": true, "tr": true, "td": true, "th": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "figcaption": true, "hr": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "pre": true, "table": true, "thead": true, "tbody": true, "tfoot": true,
	"caption": true, "figure": true, "section": true, "article": true, "aside": true, "header": true,
	"footer": true, "nav": true, "main": true, "address": true, "details": true, "summary": true,
}

// hasTag reports whether s seems to carry HTML markup: a '<' followed by a
// letter, '/' or '!'. Plain text such as "a < b" does not.
func hasTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// plainOrHTML returns s as plain text: markup, when declared (typ "html")
// or evident, is stripped and decoded; plain text is left as the XML parser
// gave it, so nothing is decoded twice.
func plainOrHTML(s, typ string) string {
	if strings.EqualFold(typ, "html") || strings.Contains(strings.ToLower(typ), "xhtml") || hasTag(s) {
		return htmlLine(s)
	}
	return line(s)
}
