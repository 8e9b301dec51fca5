package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http/httpguts"
)

// Validators are a feed's conditional GET validators, stored between runs
// and sent back exactly as the server gave them.
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
	Bytes       int64 // body size after decompression, before transcoding
	Err         error // one line, names the URL
}

// Request is one feed to fetch.
type Request struct {
	URL        string
	Validators Validators
}

// Accept headers: feeds first, then generic XML/JSON, then anything (a
// page to run autodiscovery on).
const (
	feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, " +
		"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
	pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
)

// FetchFeed fetches and parses one feed URL (http, https, file:// or a
// path). Result.Validators are what to store for next time: the server's
// after a parsed 200 (or a 304 that sends new ones), otherwise the ones
// sent, so a feed that failed to parse is fetched in full again.
func (c *Client) FetchFeed(ctx context.Context, req Request) Result {
	res := Result{URL: req.URL, Validators: req.Validators}
	doc, err := c.get(ctx, req.URL, feedAccept, req.Validators)
	if doc.url != nil {
		res.FinalURL = doc.url.String()
	}
	res.Bytes = int64(len(doc.body))
	switch {
	case err != nil:
		res.Err = err
		return res
	case doc.notModified:
		res.NotModified = true
		res.Validators = doc.validators
		return res
	}
	// Parsing copies what it keeps, so the document's buffer can be
	// reused by the next fetch.
	defer putBodyBuffer(doc.body)
	body, err := ToUTF8(doc.body, doc.contentType)
	if err != nil {
		res.Err = docErr(req.URL, err)
		return res
	}
	feed, err := c.parse(body, doc.url)
	if err != nil {
		res.Err = docErr(req.URL, err)
		return res
	}
	res.Feed, res.Validators = feed, doc.validators
	return res
}

// parse runs Parse, turning a panic into an error: one hostile feed must
// never take down a refresh of the others.
func (c *Client) parse(body []byte, base *url.URL) (feed Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = Feed{}, fmt.Errorf("parser failed: %v", p)
		}
	}()
	return parseBytes(body, base, ParseOptions{Now: c.opt.Now(), MaxItems: c.opt.MaxItems})
}

// fetched is a document before any decoding.
type fetched struct {
	url         *url.URL // final, after redirects
	contentType string
	body        []byte // decompressed, at most MaxBody bytes
	notModified bool
	validators  Validators
}

// get fetches rawURL over HTTP(S) or from a file, applying every limit.
func (c *Client) get(ctx context.Context, rawURL, accept string, v Validators) (fetched, error) {
	u, err := fetchTarget(rawURL)
	if err != nil {
		return fetched{}, fetchErr(rawURL, 0, err, "%v", err)
	}
	if err := ctx.Err(); err != nil {
		return fetched{}, fetchErr(rawURL, 0, err, "%v", err)
	}
	if u.Scheme == "file" {
		return c.readFile(rawURL, u)
	}
	host := hostKey(u)
	if err := c.checkWait(rawURL, host); err != nil {
		return fetched{}, err
	}
	if err := c.limits.acquire(ctx, host); err != nil {
		return fetched{}, fetchErr(rawURL, 0, err, "%v", err)
	}
	defer c.limits.release(host)
	if err := c.checkWait(rawURL, host); err != nil { // set while queued
		return fetched{}, err
	}
	return c.getHTTP(ctx, rawURL, u, accept, v)
}

func (c *Client) checkWait(rawURL, host string) error {
	until, ok := c.limits.notBefore(host, c.opt.Now())
	if !ok {
		return nil
	}
	cause := &retryLater{host: host, until: until}
	e := fetchErr(rawURL, 0, cause, "%v", cause)
	e.RetryAt = until
	return e
}

// getHTTP sends one GET (redirects followed) under the whole-request
// deadline, which also bounds reading the body.
func (c *Client) getHTTP(parent context.Context, rawURL string, u *url.URL, accept string, v Validators) (fetched, error) {
	ctx, cancel := context.WithTimeout(parent, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fetched{}, fetchErr(rawURL, 0, err, "%v", err)
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", accept)
	if etag := validator(v.ETag); etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lm := validator(v.LastModified); lm != "" {
		req.Header.Set("If-Modified-Since", lm)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fetched{}, c.transportErr(ctx, parent, rawURL, err)
	}
	defer resp.Body.Close()
	doc := fetched{url: resp.Request.URL, contentType: resp.Header.Get("Content-Type")}
	switch code := resp.StatusCode; {
	case code == http.StatusNotModified:
		doc.notModified = true
		doc.validators = mergeValidators(v, resp.Header)
		return doc, nil
	case code < 200 || code > 299:
		return doc, c.statusErr(rawURL, resp)
	}
	body, err := readCappedInto(getBodyBuffer(), resp.Body, c.opt.MaxBody, resp.ContentLength)
	switch {
	case errors.Is(err, errTooLarge):
		return doc, fetchErr(rawURL, resp.StatusCode, err, "body larger than %s — raise [fetch] max_body",
			sizeText(c.opt.MaxBody))
	case err != nil:
		return doc, c.bodyErr(ctx, parent, rawURL, resp.StatusCode, err)
	case len(body) == 0:
		return doc, fetchErr(rawURL, resp.StatusCode, nil, "empty body (HTTP %d)", resp.StatusCode)
	}
	doc.body = body
	doc.validators = Validators{ETag: validator(resp.Header.Get("ETag")),
		LastModified: validator(resp.Header.Get("Last-Modified"))}
	return doc, nil
}

// maxValidator bounds a stored validator; real ones are a few dozen bytes.
const maxValidator = 1024

// validator returns v when it can be stored and sent back verbatim as a
// header value, else "".
func validator(v string) string {
	if len(v) > maxValidator || !httpguts.ValidHeaderFieldValue(v) {
		return ""
	}
	return v
}

// mergeValidators keeps the validators sent, replaced by any a 304 carries.
func mergeValidators(sent Validators, h http.Header) Validators {
	if etag := validator(h.Get("ETag")); etag != "" {
		sent.ETag = etag
	}
	if lm := validator(h.Get("Last-Modified")); lm != "" {
		sent.LastModified = lm
	}
	return sent
}

// statusErr reports a non-2xx status; 429 and 503 with a usable
// Retry-After also hold off the host that answered.
func (c *Client) statusErr(rawURL string, resp *http.Response) *FetchError {
	status := resp.Status // remote text: errorLine sanitises it
	if len(status) > 100 {
		status = strings.ToValidUTF8(status[:100], "")
	}
	code := resp.StatusCode
	if code != http.StatusTooManyRequests && code != http.StatusServiceUnavailable {
		return fetchErr(rawURL, code, nil, "HTTP %s", status)
	}
	wait, ok := retryAfter(resp.Header.Get("Retry-After"), c.opt.Now())
	if !ok || wait <= 0 {
		return fetchErr(rawURL, code, nil, "HTTP %s", status)
	}
	host := hostKey(resp.Request.URL)
	until := c.opt.Now().Add(wait)
	c.limits.holdOff(host, until)
	e := fetchErr(rawURL, code, nil, "HTTP %s; %s asked newsterm to wait until %s",
		status, host, until.UTC().Format(time.RFC3339))
	e.RetryAt = until
	return e
}

// transportErr explains a failed request: the whole-request deadline gets
// its own words; url.Error's wrapping ("Get \"…\": ") is dropped since
// the message names the URL already.
func (c *Client) transportErr(ctx, parent context.Context, rawURL string, err error) *FetchError {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if timedOut(ctx, parent) {
		return fetchErr(rawURL, 0, err, "no complete response within %s (timeout)", c.opt.Timeout)
	}
	e := fetchErr(rawURL, 0, err, "%v", err)
	var rl *retryLater
	if errors.As(err, &rl) {
		e.RetryAt = rl.until
	}
	return e
}

// timedOut reports whether the whole-request deadline (ctx's own, not its
// parent's) is what ended the request. The header timeout also reports
// context.DeadlineExceeded, so the error alone cannot tell.
func timedOut(ctx, parent context.Context) bool {
	return errors.Is(ctx.Err(), context.DeadlineExceeded) && parent.Err() == nil
}

// bodyErr explains a failure while reading the body.
func (c *Client) bodyErr(ctx, parent context.Context, rawURL string, status int, err error) *FetchError {
	if timedOut(ctx, parent) {
		return fetchErr(rawURL, status, err, "body not complete within %s (timeout)", c.opt.Timeout)
	}
	return fetchErr(rawURL, status, err, "reading body: %v", err)
}
