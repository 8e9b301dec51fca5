package feeds

import (
	"context"
	"net/http"
	"net/url"

	"github.com/newsterm/newsterm/sanitize"
)

// Page is a fetched web page, decoded to UTF-8.
type Page struct {
	URL         *url.URL // final URL after redirects
	ContentType string   // as the server sent it, made terminal-safe
	Body        []byte   // UTF-8, transcoded from at most MaxBody bytes
}

// FetchPage GETs a web page (http, https, file:// or a path) with the same
// limits as feeds, transcoding its charset to UTF-8 (see ToUTF8).
func (c *Client) FetchPage(ctx context.Context, rawURL string) (Page, error) {
	doc, err := c.get(ctx, rawURL, pageAccept, Validators{})
	if err != nil {
		return Page{}, err
	}
	if doc.notModified { // no validators were sent, so a 304 makes no sense
		return Page{}, fetchErr(rawURL, http.StatusNotModified, nil, "HTTP 304 to an unconditional request")
	}
	body, err := ToUTF8(doc.body, doc.contentType)
	if err != nil {
		return Page{}, docErr(rawURL, err)
	}
	return Page{URL: doc.url, ContentType: sanitize.Line(doc.contentType), Body: body}, nil
}
