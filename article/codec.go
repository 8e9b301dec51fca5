package article

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/newsterm/newsterm/sanitize"
)

// cacheVersion is bumped when the cached form changes meaning; older
// entries are then refused and the story is extracted again.
const cacheVersion = 1

type cached struct {
	Version int     `json:"v"`
	Article Article `json:"article"`
}

// Marshal and Unmarshal are the store's cache format.
func Marshal(a Article) ([]byte, error) {
	b, err := json.Marshal(cached{Version: cacheVersion, Article: a})
	if err != nil {
		return nil, fmt.Errorf("marshal article: %w", err)
	}
	return b, nil
}

// Unmarshal reads what Marshal wrote. Text is made terminal-safe again:
// a cache file is only as trustworthy as the disk it sits on.
func Unmarshal(data []byte) (Article, error) {
	var c cached
	if err := json.Unmarshal(data, &c); err != nil {
		return Article{}, fmt.Errorf("unmarshal article: %w", err)
	}
	if c.Version != cacheVersion {
		return Article{}, fmt.Errorf("unmarshal article: cache version %d, want %d", c.Version, cacheVersion)
	}
	return clean(c.Article), nil
}

// clean sanitises every text field of a.
func clean(a Article) Article {
	for _, f := range []*string{&a.URL, &a.Title, &a.Section, &a.Dek, &a.Byline, &a.Comments.URL, &a.Source} {
		*f = sanitize.Line(*f)
	}
	a.Body = sanitize.Text(a.Body)
	links := make([]string, 0, len(a.Links))
	for _, l := range a.Links {
		links = append(links, sanitize.Line(l))
	}
	if len(links) > 0 {
		a.Links = links
	}
	if a.Photo != nil {
		p := *a.Photo
		for _, f := range []*string{&p.URL, &p.Alt, &p.Caption, &p.Credit} {
			*f = sanitize.Line(*f)
		}
		a.Photo = &p
	}
	if a.Comments.Count != nil {
		n := *a.Comments.Count
		a.Comments.Count = &n
	}
	return a
}

// linkRef is a numbered link reference in the text: " [3]".
var linkRef = regexp.MustCompile(` \[\d+\]`)

// PlainText is the article's text for the search index: title, dek,
// byline, caption, credit and the body without markdown syntax.
func PlainText(a Article) string {
	parts := []string{a.Title, a.Section, a.Dek, a.Byline}
	if a.Photo != nil {
		parts = append(parts, a.Photo.Alt, a.Photo.Caption, a.Photo.Credit)
	}
	parts = append(parts, linkRef.ReplaceAllString(markdownText(a.Body), ""))
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return sanitize.Text(strings.Join(kept, "\n\n"))
}

// markdownText returns the text of a markdown document, one block per
// paragraph.
func markdownText(md string) string {
	src := []byte(glamourText(md))
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var b strings.Builder
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n\n") {
				b.WriteString("\n\n")
			}
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b.WriteString(html.UnescapeString(string(t.Segment.Value(src))))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil { // the walker above returns no errors
		return md
	}
	return strings.TrimSpace(b.String())
}
