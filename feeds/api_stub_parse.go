package feeds

// Temporary stubs: each is replaced by its real implementation.

import (
	"errors"
	"io"
	"net/url"
	"time"
)

// ParseOptions tune Parse. Zero values mean: Now = time.Now(), MaxItems = 5000.
type ParseOptions struct {
	Now      time.Time
	MaxItems int
}

// Parse parses one feed document (UTF-8 bytes) once with gofeed and
// normalises it. base resolves relative URLs (the feed's own URL).
func Parse(r io.Reader, base *url.URL, opt ParseOptions) (Feed, error) { return Feed{}, errParseTODO }

// Link is a feed advertised by a page (<link rel="alternate">).
type Link struct {
	URL   string
	Title string
	Type  string // application/rss+xml, application/atom+xml, application/feed+json
}

// Discover lists the feeds a HTML page links to, absolute, in page order.
func Discover(r io.Reader, base *url.URL) ([]Link, error) { return nil, errParseTODO }

// Outline is one subscription in an OPML file.
type Outline struct {
	URL   string
	Title string
	Site  string
	Tags  []string
}

// ReadOPML reads subscriptions from an OPML document. It keeps only http,
// https and file feed URLs; skipped lists what it refused and why.
func ReadOPML(r io.Reader) (outlines []Outline, skipped []string, err error) {
	return nil, nil, errParseTODO
}

// WriteOPML writes an OPML 2.0 document; tags become category attributes.
func WriteOPML(w io.Writer, title string, outlines []Outline) error { return errParseTODO }

var errParseTODO = errors.New("not implemented")
