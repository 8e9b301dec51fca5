package article

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"github.com/newsterm/newsterm/sanitize"
)

// Style names accepted by Render. "auto" never queries the terminal: it
// is dark unless the caller picks light.
const (
	StyleAuto  = "auto"
	StyleDark  = "dark"
	StyleLight = "light"
	StyleNoTTY = "notty"
)

// MinWidth is the narrowest layout Render produces; smaller widths are
// raised to it. Zero or negative widths mean DefaultWidth.
const (
	MinWidth     = 20
	DefaultWidth = 80
)

// maxCachedRenderers bounds a Renderer's cache: a terminal is resized
// now and then, not continuously.
const maxCachedRenderers = 8

// Renderer renders articles and keeps one glamour renderer per (width,
// style), which are costly to build. It is safe for concurrent use; the
// zero value is ready.
type Renderer struct {
	mu    sync.Mutex
	cache map[renderKey]*termRenderer
}

type renderKey struct {
	width int
	style string
}

// termRenderer serialises use of one glamour renderer, which keeps state
// while it renders.
type termRenderer struct {
	mu sync.Mutex
	tr *glamour.TermRenderer
}

// NewRenderer returns an empty Renderer.
func NewRenderer() *Renderer { return &Renderer{} }

// Render lays out a at width columns: header, photo block, body through
// glamour, numbered links. The result has passed sanitize.Terminal; with
// style "notty" it carries no escape sequences at all.
func Render(a Article, width int, style string) (string, error) {
	return NewRenderer().Render(a, width, style)
}

// Render is the package's Render with cached glamour renderers.
func (r *Renderer) Render(a Article, width int, style string) (string, error) {
	style, err := normalStyle(style)
	if err != nil {
		return "", err
	}
	width = normalWidth(width)
	body, err := r.renderBody(a.Body, width, style)
	if err != nil {
		return "", err
	}
	l := newLayout(width, style)
	var blocks []string
	blocks = append(blocks, l.header(a)...)
	if a.Photo != nil {
		blocks = append(blocks, l.photo(*a.Photo))
	}
	if strings.TrimSpace(body) != "" {
		blocks = append(blocks, reflowQuotes(body, width))
	}
	text := fitLines(strings.Join(blocks, "\n\n"), width)
	if links := l.links(a.Links); links != "" {
		text += "\n\n" + links
	}
	text = tidyLines(sanitize.Terminal(text))
	if style == StyleNoTTY {
		text = sanitize.Strip(text)
	}
	return text + "\n", nil
}

func normalStyle(style string) (string, error) {
	switch style {
	case "", StyleAuto, StyleDark:
		return StyleDark, nil
	case StyleLight, StyleNoTTY:
		return style, nil
	}
	return "", fmt.Errorf("render: unknown style %q (want auto, dark, light or notty)", style)
}

func normalWidth(width int) int {
	switch {
	case width <= 0:
		return DefaultWidth
	case width < MinWidth:
		return MinWidth
	}
	return width
}

// renderBody runs the markdown body through glamour and trims the blank
// lines it adds around the document.
func (r *Renderer) renderBody(md string, width int, style string) (string, error) {
	if strings.TrimSpace(md) == "" {
		return "", nil
	}
	tr, err := r.termRenderer(width, style)
	if err != nil {
		return "", err
	}
	tr.mu.Lock()
	out, err := tr.tr.Render(protectHyphens(glamourText(strings.ReplaceAll(md, "\t", "    "))))
	tr.mu.Unlock()
	if err != nil {
		return "", fmt.Errorf("render body: %w", err)
	}
	return trimBlankLines(strings.ReplaceAll(out, nbHyphen, "-")), nil
}

// nbHyphen stands in for hyphens inside words while glamour wraps: its
// word wrapper, breaking at a hyphen, can strand the next word on a line
// of its own.
const nbHyphen = "\u2011"

// protectHyphens replaces each hyphen between two letters or digits.
func protectHyphens(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	prev := rune(0)
	for i, r := range s {
		if r == '-' && isWordRune(prev) {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if isWordRune(next) {
				b.WriteString(nbHyphen)
				prev = r
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func (r *Renderer) termRenderer(width int, style string) (*termRenderer, error) {
	key := renderKey{width, style}
	r.mu.Lock()
	defer r.mu.Unlock()
	if tr, ok := r.cache[key]; ok {
		return tr, nil
	}
	tr, err := glamour.NewTermRenderer(
		glamourStyle(style),
		glamour.WithWordWrap(width),
		glamour.WithPreservedNewLines(),
		glamour.WithColorProfile(termenv.ANSI256),
	)
	if err != nil {
		return nil, fmt.Errorf("render: build %s renderer: %w", style, err)
	}
	if r.cache == nil {
		r.cache = map[renderKey]*termRenderer{}
	}
	if len(r.cache) >= maxCachedRenderers {
		for k := range r.cache {
			delete(r.cache, k)
			break
		}
	}
	r.cache[key] = &termRenderer{tr: tr}
	return r.cache[key], nil
}

// glamourStyle picks glamour's style. Plain output ("notty") keeps
// heading marks but not the asterisks around emphasis, which only get in
// the way of reading.
func glamourStyle(style string) glamour.TermRendererOption {
	if style != StyleNoTTY {
		return glamour.WithStandardStyle(style)
	}
	cfg := styles.NoTTYStyleConfig
	cfg.Emph.BlockPrefix, cfg.Emph.BlockSuffix = "", ""
	cfg.Strong.BlockPrefix, cfg.Strong.BlockSuffix = "", ""
	return glamour.WithStyles(cfg)
}

// trimBlankLines drops leading and trailing lines that show nothing.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	start, end := 0, len(lines)
	for start < end && strings.TrimSpace(sanitize.Strip(lines[start])) == "" {
		start++
	}
	for end > start && strings.TrimSpace(sanitize.Strip(lines[end-1])) == "" {
		end--
	}
	return strings.Join(lines[start:end], "\n")
}
