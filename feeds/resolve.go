package feeds

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

// resolver turns the URLs a document gives into absolute, safe ones.
//
// The origin is the document's own URL and never changes; the base is what
// relative URLs resolve against: the origin, or an xml:base or <base href>
// in force. Only the origin decides whether file: URLs may come out: a
// document fetched over the network yields http and https links alone,
// whatever base it declares, so that opening one of its links can never
// read a local file (or block on a FIFO or /dev/tty).
type resolver struct {
	origin *url.URL // the document's own URL; nil when unknown
	base   *url.URL // what relative URLs resolve against; nil when unknown
}

// newResolver returns a resolver for a document fetched from origin.
func newResolver(origin *url.URL) resolver {
	return resolver{origin: origin, base: origin}
}

// local reports whether the document itself is a local file.
func (r resolver) local() bool {
	return r.origin != nil && strings.EqualFold(r.origin.Scheme, "file")
}

// allowed reports whether an absolute URL may leave normalisation: http and
// https with a host, and file when the document is a local file.
func (r resolver) allowed(u *url.URL) bool {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "file":
		return r.local()
	}
	return false
}

// at returns a resolver for an element whose xml:base (or a page's
// <base href>) is xmlBase. A base that does not resolve to an allowed URL
// (file: in a remote document, javascript:, unparseable) is ignored.
func (r resolver) at(xmlBase string) resolver {
	xmlBase = strings.TrimSpace(xmlBase)
	if xmlBase == "" {
		return r
	}
	u, err := url.Parse(xmlBase)
	if err != nil {
		return r
	}
	if r.base != nil {
		u = r.base.ResolveReference(u)
	}
	if !r.allowed(u) {
		return r
	}
	return resolver{origin: r.origin, base: u}
}

// resolve returns raw made absolute against the base. Only allowed URLs
// survive; anything else (javascript:, data:, mailto:, file: from a remote
// document, unparseable) becomes "". The scheme is checked on the final
// URL: gofeed applies xml:base to some links itself. A relative URL is kept
// as given when there is no base to resolve it against.
func (r resolver) resolve(raw string) string {
	raw = strings.TrimSpace(restoreControls(raw))
	if raw == "" || len(raw) > maxURL {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if r.base != nil {
		u = r.base.ResolveReference(u)
	}
	if u.Scheme != "" && !r.allowed(u) {
		return ""
	}
	return sanitize.Line(u.String())
}

// absHTML rewrites the relative href, src and srcset URLs of an HTML
// fragment (an item's summary or content) to absolute ones against the
// base, so that they mean what the document meant (RFC 4287: xml:base, else
// the document's URL) wherever the fragment is shown later. Absolute URLs
// are left as they are, except file: ones in a remote document, which are
// dropped: gofeed resolves Atom content against xml:base itself. Only
// rewritten tags are re-serialised; everything else is kept byte for byte.
func (r resolver) absHTML(s string) string {
	if !strings.Contains(s, "<") || urlAttrsAbsolute(s) {
		return s
	}
	return r.rewriteHTML(s)
}

// rewriteHTML is absHTML's slow path: it tokenizes s and rewrites the URL
// attributes of each tag.
func (r resolver) rewriteHTML(s string) string {
	var out bytes.Buffer
	out.Grow(len(s) + len(s)/8)
	z := html.NewTokenizer(strings.NewReader(s))
	changed := false
	for {
		tt := z.Next()
		raw := z.Raw()
		mark := out.Len()
		out.Write(raw) // before Token, which lower-cases names in place
		if tt == html.ErrorToken {
			break
		}
		if (tt != html.StartTagToken && tt != html.SelfClosingTagToken) || bytes.IndexByte(raw, '=') < 0 {
			continue
		}
		if tag, ok := r.rewriteTag(z.Token()); ok {
			out.Truncate(mark)
			out.WriteString(tag)
			changed = true
		}
	}
	if !changed {
		return s
	}
	return cut(out.String(), maxHTML)
}

// urlAttrsAbsolute is a cheap test that absHTML would change nothing: every
// "href" or "src" (in any case) followed by "=" has a value that starts
// with http:// or https://, which htmlURL keeps as it is, and there is no
// srcset. It may say false for HTML that needs no change (the words in
// text); it never says true for HTML that does, since the tokenizer finds
// no attribute this scan does not.
func urlAttrsAbsolute(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		n := 0
		switch {
		case s[i]|0x20 == 's' && s[i+1]|0x20 == 'r' && s[i+2]|0x20 == 'c':
			n = 3
		case s[i]|0x20 == 'h' && i+3 < len(s) && s[i+1]|0x20 == 'r' && s[i+2]|0x20 == 'e' && s[i+3]|0x20 == 'f':
			n = 4
		default:
			continue
		}
		j := i + n
		if n == 3 && j+2 < len(s) && s[j]|0x20 == 's' && s[j+1]|0x20 == 'e' && s[j+2]|0x20 == 't' {
			return false // srcset: several URLs, left to the tokenizer
		}
		j = skipHTMLSpace(s, j)
		if j >= len(s) || s[j] != '=' {
			continue
		}
		j = skipHTMLSpace(s, j+1)
		if j < len(s) && (s[j] == '"' || s[j] == '\'') {
			j++
		}
		if v := s[j:]; !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") {
			return false
		}
		i = j
	}
	return true
}

func skipHTMLSpace(s string, j int) int {
	for j < len(s) && isHTMLSpace(s[j]) {
		j++
	}
	return j
}

// rewriteTag returns the tag re-serialised with its URL attributes
// rewritten, and false when none changed.
func (r resolver) rewriteTag(tok html.Token) (string, bool) {
	changed := false
	kept := tok.Attr[:0]
	for _, a := range tok.Attr {
		v, keep := a.Val, true
		switch {
		case a.Namespace != "":
		case a.Key == "href" || a.Key == "src":
			v, keep = r.htmlURL(a.Val)
		case a.Key == "srcset":
			v, keep = r.srcset(a.Val)
		}
		if !keep || v != a.Val {
			changed = true
		}
		if keep {
			a.Val = v
			kept = append(kept, a)
		}
	}
	if !changed {
		return "", false
	}
	tok.Attr = kept
	return tok.String(), true
}

// htmlURL rewrites one URL attribute value. It returns false when the
// attribute must go: a file: URL in a remote document.
func (r resolver) htmlURL(v string) (string, bool) {
	t := strings.TrimSpace(v)
	if t == "" || t[0] == '#' { // in-page anchors stay in the page
		return v, true
	}
	u, err := url.Parse(t)
	if err != nil {
		return v, true // no consumer can open what does not parse
	}
	if u.Scheme != "" {
		return v, r.local() || !strings.EqualFold(u.Scheme, "file")
	}
	if r.base == nil {
		return v, true
	}
	if abs := r.resolve(t); abs != "" {
		return abs, true
	}
	return v, true
}

// srcset rewrites each candidate URL of a srcset attribute ("a.jpg 1x,
// b.jpg 2x"), dropping the ones htmlURL drops. It returns v itself when
// nothing changed, and false when every candidate was dropped.
func (r resolver) srcset(v string) (string, bool) {
	var cands []string
	changed := false
	for rest := v; ; {
		rest = strings.TrimLeft(rest, " \t\n\r\f,")
		if rest == "" {
			break
		}
		end := strings.IndexAny(rest, " \t\n\r\f")
		if end < 0 {
			end = len(rest)
		}
		u, desc := rest[:end], ""
		rest = rest[end:]
		if strings.HasSuffix(u, ",") { // "a.jpg,b.jpg 2x": no descriptor
			u = strings.TrimRight(u, ",")
		} else {
			c := strings.IndexByte(rest, ',')
			if c < 0 {
				c = len(rest)
			}
			desc, rest = strings.TrimSpace(rest[:c]), rest[c:]
		}
		abs, keep := r.htmlURL(u)
		if !keep || abs != u {
			changed = true
		}
		if keep {
			cands = append(cands, strings.TrimSpace(abs+" "+desc))
		}
	}
	if !changed {
		return v, true
	}
	return strings.Join(cands, ", "), len(cands) > 0
}
