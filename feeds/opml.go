package feeds

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/newsterm/newsterm/sanitize"
)

// Outline is one subscription in an OPML file.
type Outline struct {
	URL   string
	Title string
	Site  string
	Tags  []string
	Note  string // what reading changed about it (tags cut), "" when nothing
}

// OPML import limits: a subscription list is small; anything beyond these
// is a mistake or an attack.
const (
	MaxOPMLOutlines = 10000
	MaxOPMLDepth    = 32 // outlines within outlines
	maxOPMLBytes    = 32 << 20
	maxOPMLNesting  = 256 // elements of any kind within each other
	maxOPMLTags     = 32  // per outline, folders included
	maxOPMLTagLen   = 64  // characters (runes) per tag
)

// opmlFrame is an <outline> being read.
type opmlFrame struct {
	attrs    map[string]string
	hasChild bool
	folder   string // tag its children inherit ("" for none)
}

// ReadOPML reads subscriptions from an OPML document. It keeps only http,
// https and file feed URLs; skipped lists what it refused and why.
//
// Folders (outlines without xmlUrl that hold others) become tags of the
// feeds inside them, as does the category attribute ("/news,/tech" or
// "tech"). No DTD is read and no entity expanded; characters XML forbids
// are repaired as in Parse. A feed keeps at most 32 tags of at most 64
// characters each; a cut is listed in skipped. More than MaxOPMLOutlines
// outlines, outlines nested deeper than MaxOPMLDepth, elements of any kind
// nested deeper than 256 or a file over 32 MiB is an error.
func ReadOPML(r io.Reader) (outlines []Outline, skipped []string, err error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPMLBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read OPML: %w", err)
	}
	if len(data) > maxOPMLBytes {
		return nil, nil, fmt.Errorf("read OPML: file larger than %d MiB", maxOPMLBytes>>20)
	}
	d := xml.NewDecoder(bytes.NewReader(repairXML(data)))
	d.Strict = false
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	or := &opmlReader{seen: map[string]bool{}}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read OPML: %s", cut(sanitize.Line(err.Error()), 200))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := or.start(t); err != nil {
				return nil, nil, err
			}
		case xml.EndElement:
			or.end()
		}
	}
	if !or.rootSeen {
		return nil, nil, errors.New("read OPML: the document is empty")
	}
	return or.outlines, or.skipped, nil
}

// opmlReader follows the element stack of an OPML document.
type opmlReader struct {
	stack    []*opmlFrame // one per open element; nil for non-outlines
	count    int          // outlines seen
	depth    int          // open elements
	rootSeen bool
	seen     map[string]bool // feed URLs accepted
	outlines []Outline
	skipped  []string
}

func (or *opmlReader) start(t xml.StartElement) error {
	or.depth++
	if or.depth > maxOPMLNesting {
		return fmt.Errorf("read OPML: elements nested deeper than %d levels", maxOPMLNesting)
	}
	if or.depth == 1 {
		if !strings.EqualFold(t.Name.Local, "opml") {
			return fmt.Errorf("read OPML: not an OPML document (root element <%s>)", line(t.Name.Local))
		}
		or.rootSeen = true
	}
	if !strings.EqualFold(t.Name.Local, "outline") {
		or.stack = append(or.stack, nil)
		return nil
	}
	if or.count++; or.count > MaxOPMLOutlines {
		return fmt.Errorf("read OPML: more than %d outlines", MaxOPMLOutlines)
	}
	if outlineDepth(or.stack)+1 > MaxOPMLDepth {
		return fmt.Errorf("read OPML: outlines nested deeper than %d levels", MaxOPMLDepth)
	}
	or.stack = append(or.stack, startOutline(t, or.stack))
	return nil
}

func (or *opmlReader) end() {
	or.depth--
	if len(or.stack) == 0 {
		return
	}
	f := or.stack[len(or.stack)-1]
	or.stack = or.stack[:len(or.stack)-1]
	if f == nil {
		return
	}
	o, reason, ok := finishOutline(f, or.stack)
	switch {
	case ok && or.seen[o.URL]:
		or.skipped = append(or.skipped, fmt.Sprintf("%s: duplicate", o.URL))
	case ok:
		or.seen[o.URL] = true
		or.outlines = append(or.outlines, o)
	case reason != "":
		or.skipped = append(or.skipped, reason)
	}
}

func outlineDepth(stack []*opmlFrame) int {
	n := 0
	for _, f := range stack {
		if f != nil {
			n++
		}
	}
	return n
}

func startOutline(t xml.StartElement, stack []*opmlFrame) *opmlFrame {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] != nil {
			stack[i].hasChild = true
			break
		}
	}
	f := &opmlFrame{attrs: map[string]string{}}
	for _, a := range t.Attr {
		key := strings.ToLower(a.Name.Local)
		if _, dup := f.attrs[key]; !dup {
			f.attrs[key] = a.Value
		}
	}
	if _, feed := f.attrs["xmlurl"]; !feed {
		f.folder = line(firstNonEmpty(f.attrs["text"], f.attrs["title"]))
	}
	return f
}

// finishOutline decides what a closed <outline> was: a feed (ok, with a
// reason when some of its tags were cut), a refused feed (reason), or a
// folder or empty outline (neither).
func finishOutline(f *opmlFrame, stack []*opmlFrame) (o Outline, reason string, ok bool) {
	raw, isFeed := f.attrs["xmlurl"]
	title := line(firstNonEmpty(f.attrs["text"], f.attrs["title"]))
	if !isFeed {
		leaf := f.attrs["url"] != "" || f.attrs["htmlurl"] != "" || strings.EqualFold(f.attrs["type"], "rss")
		if f.hasChild || !leaf {
			return Outline{}, "", false // a folder, or an empty outline
		}
		return Outline{}, fmt.Sprintf("%q: no feed URL (xmlUrl)", title), false
	}
	u, why := opmlFeedURL(raw)
	if why != "" {
		return Outline{}, fmt.Sprintf("%q (%s): %s", cut(line(raw), 200), title, why), false
	}
	tags, cutTags := opmlTags(f, stack)
	o = Outline{URL: u, Title: title, Tags: tags, Note: cutTags}
	if site := (resolver{}).resolve(f.attrs["htmlurl"]); strings.HasPrefix(site, "http") {
		o.Site = site
	}
	return o, "", true
}

// opmlFeedURL checks a feed URL from an OPML file: only absolute http and
// https URLs with a host, and file URLs, are accepted.
func opmlFeedURL(raw string) (string, string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", "empty feed URL"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", "not a valid URL"
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", "URL has no host"
		}
	case "file":
		if u.Path == "" {
			return "", "file URL has no path"
		}
	case "":
		return "", "not an absolute http, https or file URL"
	default:
		return "", fmt.Sprintf("unsupported scheme %q (only http, https and file)", line(u.Scheme))
	}
	return sanitize.Line(u.String()), ""
}

// opmlTags are the names of the folders around an outline, then its
// category attribute's entries, each once, at most maxOPMLTags of at most
// maxOPMLTagLen characters. cutTags says what was cut, "" when nothing.
// The cost is linear in the attribute's length, however many entries it
// lists.
func opmlTags(f *opmlFrame, stack []*opmlFrame) (tags []string, cutTags string) {
	seen := map[string]bool{}
	tooMany, tooLong := false, false
	add := func(t string) bool { // false when t is new but there is no room
		t = line(strings.Trim(strings.TrimSpace(t), "/"))
		if short := cutRunes(t, maxOPMLTagLen); short != t {
			t, tooLong = strings.TrimSpace(short), true
		}
		switch {
		case t == "" || seen[t]:
			return true
		case len(tags) == maxOPMLTags:
			tooMany = true
			return false
		}
		seen[t] = true
		tags = append(tags, t)
		return true
	}
	for _, p := range stack {
		if p != nil {
			add(p.folder)
		}
	}
	for c := range strings.SplitSeq(f.attrs["category"], ",") {
		if !add(c) {
			break
		}
	}
	var notes []string
	if tooMany {
		notes = append(notes, fmt.Sprintf("more than %d tags, kept the first %d", maxOPMLTags, maxOPMLTags))
	}
	if tooLong {
		notes = append(notes, fmt.Sprintf("tags longer than %d characters shortened", maxOPMLTagLen))
	}
	return tags, strings.Join(notes, "; ")
}

// cutRunes shortens s to at most n runes.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
