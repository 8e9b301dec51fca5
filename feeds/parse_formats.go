package feeds

import (
	"bytes"
	"html"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// docSource is a document as gofeed gave it, before normalisation: the
// universal translation plus what only the format structs keep.
type docSource struct {
	feed      *gofeed.Feed
	titleHTML bool // the feed title is markup (Atom type="html")
	items     []itemSource
	ns        prefixes
}

// itemSource is one item as gofeed gave it.
type itemSource struct {
	u           *gofeed.Item
	xmlBase     string
	titleHTML   bool   // Atom type="html"/"xhtml": strip tags, decode once
	summary     string // HTML
	content     string // HTML
	commentsURL string // RSS <comments>
	replies     []repliesLink
	permalink   string   // RSS guid that is a permalink, for items without <link>
	images      []string // JSON Feed image, banner_image
	dateKey     string   // the date as written, for the fallback GUID
}

func fromRSS(f *rss.Feed) (*docSource, error) {
	tr := &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	uf, err := tr.Translate(f)
	if err != nil {
		return nil, err
	}
	doc := &docSource{feed: uf, items: make([]itemSource, len(uf.Items))}
	for i, u := range uf.Items {
		src := f.Items[i]
		it := itemSource{u: u, summary: u.Description, content: u.Content, commentsURL: src.Comments}
		if g := src.GUID; g != nil && !strings.EqualFold(strings.TrimSpace(g.IsPermalink), "false") && isWebURL(g.Value) {
			it.permalink = g.Value
		}
		it.dateKey = firstNonEmpty(u.Published, u.Updated)
		doc.items[i] = it
	}
	return doc, nil
}

func fromAtom(f *atom.Feed) (*docSource, error) {
	uf, err := (&gofeed.DefaultAtomTranslator{}).Translate(f)
	if err != nil {
		return nil, err
	}
	doc := &docSource{feed: uf, items: make([]itemSource, len(uf.Items))}
	for i, u := range uf.Items {
		e := f.Entries[i]
		it := itemSource{u: u, summary: u.Description, content: u.Content}
		if c := e.Content; c != nil && isTextType(c.Type) {
			it.content = html.EscapeString(c.Value)
		}
		it.dateKey = firstNonEmpty(e.Published, e.Updated)
		doc.items[i] = it
	}
	return doc, nil
}

func fromJSON(f *jsonfeed.Feed) (*docSource, error) {
	uf, err := (&gofeed.DefaultJSONTranslator{}).Translate(f)
	if err != nil {
		return nil, err
	}
	doc := &docSource{feed: uf, items: make([]itemSource, len(uf.Items))}
	for i, u := range uf.Items {
		src := f.Items[i]
		// JSON Feed's summary and content_text are plain text; newsterm
		// keeps HTML, so they are escaped rather than misread as markup.
		it := itemSource{u: u, summary: html.EscapeString(src.Summary), content: src.ContentHTML}
		if it.content == "" {
			it.content = html.EscapeString(src.ContentText)
		}
		if u.Link == "" {
			u.Link = src.ExternalURL
		}
		it.images = []string{src.Image, src.BannerImage}
		it.dateKey = firstNonEmpty(src.DatePublished, src.DateModified)
		doc.items[i] = it
	}
	return doc, nil
}

// apply merges what the token scan found, when it lines up with gofeed's
// items one for one.
func (d *docSource) apply(x docExtras) {
	d.titleHTML = isMarkupType(x.feedTitleType)
	if len(x.entries) != len(d.items) {
		return
	}
	for i, e := range x.entries {
		d.items[i].xmlBase = e.base
		d.items[i].titleHTML = isMarkupType(e.titleType)
		d.items[i].replies = e.replies
	}
}

// isMarkupType reports whether an Atom text construct type is HTML, whose
// text gofeed leaves as markup.
func isMarkupType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	return t == "html" || strings.Contains(t, "xhtml")
}

func isTextType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	return t == "text" || t == "text/plain"
}

// isWebURL reports whether s is an absolute http or https URL. An RSS guid
// is a permalink by default, but only one that is a URL can be a link.
func isWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// prefixes are the extension-map keys under which gofeed may file a
// namespace. gofeed files well-known namespaces under a canonical prefix
// but others (the RFC 4685 threading namespace, wfw spelt "CommentAPI")
// under whatever prefix the document declared.
type prefixes struct {
	media, slash, wfw, thr []string
}

// declaredPrefixes reads xmlns:prefix="uri" declarations from the head of
// the document, where feeds declare them.
func declaredPrefixes(head []byte) prefixes {
	p := prefixes{media: []string{"media"}, slash: []string{"slash"}, wfw: []string{"wfw"}, thr: []string{"thr"}}
	for rest := head; ; {
		i := bytes.Index(rest, []byte("xmlns:"))
		if i < 0 {
			return p
		}
		rest = rest[i+len("xmlns:"):]
		eq := bytes.IndexByte(rest[:min(len(rest), 64)], '=')
		if eq <= 0 {
			continue
		}
		name := string(bytes.TrimSpace(rest[:eq]))
		val := bytes.TrimLeft(rest[eq+1:], " \t\r\n")
		if len(val) == 0 || (val[0] != '"' && val[0] != '\'') {
			continue
		}
		end := bytes.IndexByte(val[1:min(len(val), 256)], val[0])
		if end < 0 {
			continue
		}
		uri := strings.ToLower(string(val[1 : 1+end]))
		switch {
		case strings.Contains(uri, "search.yahoo.com/mrss"):
			p.media = append(p.media, name)
		case strings.Contains(uri, "purl.org/rss/1.0/modules/slash"):
			p.slash = append(p.slash, name)
		case strings.Contains(uri, "wellformedweb.org/commentapi"):
			p.wfw = append(p.wfw, name)
		case strings.Contains(uri, "purl.org/syndication/thread"):
			p.thr = append(p.thr, name)
		}
	}
}

// extElems returns the extension elements called local (any case) filed
// under any of the given prefixes.
func extElems(exts ext.Extensions, prefixes []string, local string) []ext.Extension {
	var out []ext.Extension
	for i, p := range prefixes {
		if seen(prefixes[:i], p) {
			continue
		}
		for name, elems := range exts[p] {
			if strings.EqualFold(name, local) {
				out = append(out, elems...)
			}
		}
	}
	return out
}

// children returns the child elements of e called local (any case).
func children(e ext.Extension, local string) []ext.Extension {
	var out []ext.Extension
	for name, elems := range e.Children {
		if strings.EqualFold(name, local) {
			out = append(out, elems...)
		}
	}
	return out
}

func seen(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
