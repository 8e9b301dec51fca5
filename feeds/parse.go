package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"

	"github.com/newsterm/newsterm/sanitize"
)

// ParseOptions tune Parse. Zero values mean: Now = time.Now(), MaxItems = 5000.
type ParseOptions struct {
	Now      time.Time
	MaxItems int
}

// parseMaxItems is how many items Parse keeps from one document unless
// ParseOptions.MaxItems says otherwise (DESIGN.md: 5,000).
const parseMaxItems = 5000

// ErrNotFeed is wrapped by Parse's error when the document is not RSS, Atom
// or JSON Feed at all (empty, an HTML page, some other document), as opposed
// to a feed that is broken.
var ErrNotFeed = errors.New("not a feed")

// errHTMLPage is the ErrNotFeed a web page gives; the CLI's add turns to
// autodiscovery on it.
var errHTMLPage = fmt.Errorf("%w: looks like an HTML page — try newsterm add with the site URL for autodiscovery", ErrNotFeed)

// sniffSize is how much of the document type detection looks at.
const sniffSize = 64 << 10

// Parse parses one feed document (UTF-8 bytes) once with gofeed and
// normalises it. base resolves relative URLs (the feed's own URL).
//
// The document is detected, repaired where Go's XML decoder would reject it
// (see repairXML), parsed by gofeed's format parser and translated with its
// default translator; fields the translation drops are read from the
// format structs. Errors are one line, safe to show, and wrap ErrNotFeed
// when the document is no feed at all.
func Parse(r io.Reader, base *url.URL, opt ParseOptions) (Feed, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Feed{}, fmt.Errorf("read feed: %w", err)
	}
	return parseBytes(data, base, opt)
}

// parseBytes is Parse of a document already in memory. The Feed holds no
// reference to data.
func parseBytes(data []byte, base *url.URL, opt ParseOptions) (Feed, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.MaxItems <= 0 {
		opt.MaxItems = parseMaxItems
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return Feed{}, fmt.Errorf("%w: the document is empty", ErrNotFeed)
	case trimmed[0] == '{':
		return parseJSON(repairJSON(trimmed), base, opt)
	case trimmed[0] == '<':
		return parseXML(repairXML(trimmed), base, opt)
	}
	return Feed{}, notFeed(trimmed)
}

// notFeed explains why a document that gofeed cannot type is not a feed.
func notFeed(data []byte) error {
	head := bytes.ToLower(data[:min(len(data), sniffSize)])
	for _, mark := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.Contains(head, []byte(mark)) {
			return errHTMLPage
		}
	}
	if bytes.HasPrefix(head, []byte("<")) {
		return fmt.Errorf("%w: no RSS, Atom or JSON Feed root element", ErrNotFeed)
	}
	return fmt.Errorf("%w: the document is neither XML nor JSON", ErrNotFeed)
}

func parseXML(data []byte, base *url.URL, opt ParseOptions) (Feed, error) {
	kind := gofeed.DetectFeedType(bytes.NewReader(data[:min(len(data), sniffSize)]))
	var (
		doc     *docSource
		perr    error
		extras  docExtras
		scanned = needsScan(data, kind)
	)
	switch kind {
	case gofeed.FeedTypeRSS:
		perr = guard("RSS", func() error {
			f, err := (&rss.Parser{}).Parse(bytes.NewReader(data))
			if err != nil {
				return err
			}
			doc, err = fromRSS(f)
			return err
		})
	case gofeed.FeedTypeAtom:
		perr = guard("Atom", func() error {
			f, err := (&atom.Parser{}).Parse(bytes.NewReader(data))
			if err != nil {
				return err
			}
			doc, err = fromAtom(f)
			return err
		})
	default:
		return Feed{}, notFeed(data)
	}
	if perr != nil {
		return Feed{}, perr
	}
	if scanned {
		extras = scanExtras(data, kind)
	}
	doc.ns = declaredPrefixes(data[:min(len(data), sniffSize)])
	doc.apply(extras)
	return normalise(doc, newResolver(base), opt), nil
}

func parseJSON(data []byte, base *url.URL, opt ParseOptions) (Feed, error) {
	var doc *docSource
	err := guard("JSON Feed", func() error {
		f, err := (&jsonfeed.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			return err
		}
		if !strings.Contains(f.Version, "jsonfeed.org") && len(f.Items) == 0 {
			return fmt.Errorf("%w: JSON without a JSON Feed version or items", ErrNotFeed)
		}
		doc, err = fromJSON(f)
		return err
	})
	if err != nil {
		return Feed{}, err
	}
	return normalise(doc, newResolver(base), opt), nil
}

// guard runs one gofeed parse and translation. A panic inside the
// third-party parser on hostile input becomes an error on this feed rather
// than the end of the program.
func guard(format string, parse func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &parseError{format: format, err: fmt.Errorf("parser failed: %v", p)}
		}
	}()
	if err := parse(); err != nil {
		if errors.Is(err, ErrNotFeed) {
			return err
		}
		return &parseError{format: format, err: err}
	}
	return nil
}

// parseError is a feed document the format parser rejected. Its message is
// one terminal-safe line: gofeed's errors quote the document.
type parseError struct {
	format string
	err    error
}

func (e *parseError) Error() string {
	msg := e.err.Error()
	what := "malformed"
	if strings.Contains(msg, "unexpected EOF") || strings.Contains(msg, "unexpected end") {
		what = "truncated"
	}
	return cut(sanitize.Line(fmt.Sprintf("parse %s: %s document: %s", e.format, what, msg)), 300)
}

func (e *parseError) Unwrap() error { return e.err }
