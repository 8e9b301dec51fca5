package feeds

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Options configure a Client. Zero values take DESIGN.md's defaults.
type Options struct {
	Jobs           int           // requests at once (8)
	PerHost        int           // requests at once per host (2)
	ConnectTimeout time.Duration // 10s
	HeaderTimeout  time.Duration // 15s
	Timeout        time.Duration // whole request, body included, 30s
	MaxBody        int64         // decompressed body cap, 32 MiB
	MaxRedirects   int           // 10
	MaxItems       int           // items taken from one feed document, 5000
	UserAgent      string        // "newsterm/VERSION"
	Now            func() time.Time

	// RootCAs replaces the system's certificate authorities when non-nil,
	// for a private CA. Certificates are always verified.
	RootCAs *x509.CertPool
}

// Defaults from DESIGN.md ("Defaults that tests may rely on").
const (
	DefaultJobs           = 8
	DefaultPerHost        = 2
	DefaultConnectTimeout = 10 * time.Second
	DefaultHeaderTimeout  = 15 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBody        = 32 << 20
	DefaultMaxRedirects   = 10
	DefaultMaxItems       = 5000
	DefaultUserAgent      = "newsterm/dev"
)

// withDefaults fills every zero (or negative) field with its default.
func (o Options) withDefaults() Options {
	orDefault := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	orDefaultDur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	orDefault(&o.Jobs, DefaultJobs)
	orDefault(&o.PerHost, DefaultPerHost)
	orDefault(&o.MaxRedirects, DefaultMaxRedirects)
	orDefault(&o.MaxItems, DefaultMaxItems)
	orDefaultDur(&o.ConnectTimeout, DefaultConnectTimeout)
	orDefaultDur(&o.HeaderTimeout, DefaultHeaderTimeout)
	orDefaultDur(&o.Timeout, DefaultTimeout)
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Client is the one shared HTTP client: timeouts, User-Agent, conditional
// GET, body cap, per-host limits, Retry-After. It is safe for concurrent
// use; build one per program and share it.
type Client struct {
	opt    Options
	http   *http.Client
	limits *limiter
}

// NewClient builds a Client and its single *http.Client.
func NewClient(opt Options) *Client {
	opt = opt.withDefaults()
	c := &Client{opt: opt, limits: newLimiter(opt.Jobs, opt.PerHost)}
	c.http = &http.Client{
		Transport:     newTransport(opt),
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// newTransport builds the transport: connect, TLS and header timeouts,
// verified TLS 1.2+, transparent gzip (the body cap applies after
// decompression), and a bound on response header size.
func newTransport(opt Options) *http.Transport {
	dialer := &net.Dialer{Timeout: opt.ConnectTimeout, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSClientConfig:        &tls.Config{RootCAs: opt.RootCAs, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    opt.ConnectTimeout,
		ResponseHeaderTimeout:  opt.HeaderTimeout,
		MaxResponseHeaderBytes: 256 << 10,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    opt.PerHost,
		IdleConnTimeout:        90 * time.Second,
	}
}

// CloseIdleConnections closes kept-alive connections that carry no
// request, e.g. before the program exits.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// checkRedirect follows at most MaxRedirects redirects, only to http and
// https, never from https down to http, and never to a host that asked
// newsterm to wait (Retry-After).
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	to := req.URL.Redacted()
	if len(via) > c.opt.MaxRedirects {
		return fmt.Errorf("more than %d redirects (last to %s)", c.opt.MaxRedirects, to)
	}
	switch req.URL.Scheme {
	case "http", "https":
	default:
		return fmt.Errorf("redirect to %s refused: only http and https are followed", to)
	}
	wasSecure := slices.ContainsFunc(via, func(r *http.Request) bool { return r.URL.Scheme == "https" })
	if wasSecure && req.URL.Scheme == "http" {
		return fmt.Errorf("redirect from https to %s refused: it would drop TLS", to)
	}
	host := hostKey(req.URL)
	if until, ok := c.limits.notBefore(host, c.opt.Now()); ok {
		return &retryLater{host: host, until: until}
	}
	return nil
}

// hostKey names a host for limits: lower case, with the port only when it
// is not the scheme's default.
func hostKey(u *url.URL) string {
	host, port := u.Hostname(), u.Port()
	if port == "" || (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		return strings.ToLower(host)
	}
	return net.JoinHostPort(strings.ToLower(host), port)
}
