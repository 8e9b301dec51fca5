package feeds

// Temporary stubs: each is replaced by its real implementation.

import (
	"context"
	"errors"
	"net/url"
	"time"
)

// Options configure a Client. Zero values take DESIGN.md's defaults.
type Options struct {
	Jobs           int           // requests at once (8)
	PerHost        int           // requests at once per host (2)
	ConnectTimeout time.Duration // 10s
	HeaderTimeout  time.Duration // 15s
	Timeout        time.Duration // whole request, 30s
	MaxBody        int64         // decompressed body cap, 32 MiB
	MaxRedirects   int           // 10
	MaxItems       int           // items taken from one feed document, 5000
	UserAgent      string        // "newsterm/VERSION"
	Now            func() time.Time
}

// Client is the one shared HTTP client: timeouts, User-Agent, conditional
// GET, body cap, per-host limits, Retry-After.
type Client struct{ opt Options }

// NewClient builds a Client.
func NewClient(opt Options) *Client { return &Client{opt: opt} }

// Validators are a feed's conditional GET validators, stored between runs.
type Validators struct {
	ETag         string
	LastModified string
}

// Result is the outcome of fetching one feed.
type Result struct {
	URL         string // the URL asked for
	FinalURL    string // after redirects
	Feed        Feed   // empty when NotModified or Err
	NotModified bool   // 304: nothing parsed
	Validators  Validators
	Bytes       int64
	Err         error // one line, names the URL
}

// Request is one feed to fetch.
type Request struct {
	URL        string
	Validators Validators
}

// FetchFeed fetches and parses one feed URL (http, https, file:// or a path).
func (c *Client) FetchFeed(ctx context.Context, req Request) Result {
	return Result{URL: req.URL, Err: errClientTODO}
}

// FetchAll fetches reqs with bounded concurrency (Jobs overall, PerHost per
// host), calling done (from any goroutine, serialised) as each finishes.
// Results come back in the order of reqs.
func (c *Client) FetchAll(ctx context.Context, reqs []Request, done func(Result)) []Result {
	return nil
}

// Page is a fetched web page, decoded to UTF-8.
type Page struct {
	URL         *url.URL // final URL after redirects
	ContentType string
	Body        []byte // UTF-8, at most MaxBody bytes
}

// FetchPage GETs a web page (http, https, file:// or a path) with the same
// limits as feeds, transcoding its charset to UTF-8.
func (c *Client) FetchPage(ctx context.Context, rawURL string) (Page, error) {
	return Page{}, errClientTODO
}

var errClientTODO = errors.New("not implemented")
