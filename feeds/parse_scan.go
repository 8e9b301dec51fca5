package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// gofeed's format structs drop a few things newsterm shows: the Atom
// threading count on link rel="replies" (RFC 4685 thr:count), the type of
// an Atom title (so an HTML title can be decoded exactly once) and the
// xml:base in force on an item (gofeed resolves links with it, but not
// enclosure or Media RSS urls). scanExtras reads just those with a token
// scan, and only when the document contains them.

const (
	threadNS = "http://purl.org/syndication/thread/1.0"
	xmlNS    = "http://www.w3.org/XML/1998/namespace"
	atom10NS = "http://www.w3.org/2005/Atom"
	atom03NS = "http://purl.org/atom/ns#"
)

// repliesLink is an Atom link rel="replies".
type repliesLink struct {
	href  string
	typ   string
	count *int
}

// entryExtras is what the scan found for one item or entry.
type entryExtras struct {
	base      string // xml:base in force on the item element, "" when none
	titleType string // Atom title type attribute, lower case
	replies   []repliesLink
}

// docExtras lists entryExtras in the order gofeed lists items.
type docExtras struct {
	feedTitleType string
	entries       []entryExtras
}

// needsScan reports whether the document holds anything scanExtras reads.
func needsScan(data []byte, kind gofeed.FeedType) bool {
	if bytes.Contains(data, []byte("xml:base")) {
		return true
	}
	if kind != gofeed.FeedTypeAtom {
		return false
	}
	return bytes.Contains(data, []byte("replies")) || htmlTitle(data)
}

// htmlTitle reports whether some <title ...> start tag carries an attribute
// mentioning html (type="html" or type="xhtml").
func htmlTitle(data []byte) bool {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("title"))
		if i < 0 {
			return false
		}
		i += off
		off = i + len("title")
		if i == 0 || (data[i-1] != '<' && data[i-1] != ':') || off >= len(data) {
			continue
		}
		if c := data[off]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			continue
		}
		tag := data[off:min(len(data), off+256)]
		if end := bytes.IndexByte(tag, '>'); end > 0 && bytes.Contains(bytes.ToLower(tag[:end]), []byte("html")) {
			return true
		}
	}
}

// scanner walks the document once, keeping the xml:base stack.
type scanner struct {
	kind    gofeed.FeedType
	bases   []string // xml:base in force at each open element ("" = none)
	doc     docExtras
	channel []entryExtras // RSS items inside <channel>
	root    []entryExtras // RSS 1.0 items directly under the root
	cur     *entryExtras
}

// scanExtras reads docExtras from a document gofeed has already parsed. On
// a decoding error it returns what it found so far; the caller checks that
// the entry count matches gofeed's before using it.
func scanExtras(data []byte, kind gofeed.FeedType) docExtras {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	s := &scanner{kind: kind}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.start(t)
		case xml.EndElement:
			s.end()
		}
	}
	if kind == gofeed.FeedTypeRSS {
		s.doc.entries = append(s.channel, s.root...)
	}
	return s.doc
}

func (s *scanner) start(t xml.StartElement) {
	parent := ""
	if n := len(s.bases); n > 0 {
		parent = s.bases[n-1]
	}
	base := parent
	for _, a := range t.Attr {
		if a.Name.Space == xmlNS && a.Name.Local == "base" {
			base = joinBase(parent, a.Value)
		}
	}
	s.bases = append(s.bases, base)
	depth := len(s.bases)
	name := strings.ToLower(t.Name.Local)
	switch {
	case s.kind == gofeed.FeedTypeAtom && depth == 2 && name == "entry" && atomNative(t.Name.Space):
		s.doc.entries = append(s.doc.entries, entryExtras{base: base})
		s.cur = &s.doc.entries[len(s.doc.entries)-1]
	case s.kind == gofeed.FeedTypeAtom && depth == 2 && name == "title" && atomNative(t.Name.Space):
		s.doc.feedTitleType = strings.ToLower(attr(t, "", "type"))
	case s.kind == gofeed.FeedTypeRSS && name == "item" && (depth == 2 || depth == 3):
		s.rssItem(depth, base)
	case s.cur != nil && depth == 3 && name == "title" && atomNative(t.Name.Space):
		s.cur.titleType = strings.ToLower(attr(t, "", "type"))
	case s.cur != nil && depth == 3 && name == "link" && atomNative(t.Name.Space):
		s.replies(t, base)
	}
}

func (s *scanner) rssItem(depth int, base string) {
	if depth == 2 {
		s.root = append(s.root, entryExtras{base: base})
		return
	}
	s.channel = append(s.channel, entryExtras{base: base})
}

func (s *scanner) end() {
	if len(s.bases) == 2 {
		s.cur = nil
	}
	if n := len(s.bases); n > 0 {
		s.bases = s.bases[:n-1]
	}
}

func (s *scanner) replies(t xml.StartElement, base string) {
	if !strings.EqualFold(strings.TrimSpace(attr(t, "", "rel")), "replies") {
		return
	}
	l := repliesLink{href: joinBase(base, attr(t, "", "href")), typ: attr(t, "", "type")}
	if c, ok := parseCount(attr(t, threadNS, "count")); ok {
		l.count = &c
	}
	s.cur.replies = append(s.cur.replies, l)
}

func attr(t xml.StartElement, space, local string) string {
	for _, a := range t.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atomNative(space string) bool {
	return space == "" || space == atom10NS || space == atom03NS
}

// joinBase resolves ref against base; either may be relative or empty.
func joinBase(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}
