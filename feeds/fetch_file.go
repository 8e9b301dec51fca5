package feeds

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// fetchTarget turns what a user typed into a URL to fetch: http and https as
// given, file:// URLs, and anything without a scheme as a local path
// (made absolute, as a file:// URL). Every other scheme is refused.
func fetchTarget(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, errors.New("empty URL")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return fileURL(raw)
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return nil, fmt.Errorf("no host in %s URL", u.Scheme)
		}
		return u, nil
	case "file":
		if u.Host != "" && u.Host != "localhost" {
			return nil, fmt.Errorf("file URL names host %q: only local files can be read", u.Host)
		}
		return &url.URL{Scheme: "file", Path: u.Path}, nil
	default:
		return nil, fmt.Errorf("unsupported scheme %q: use http, https, file:// or a path", u.Scheme)
	}
}

func fileURL(p string) (*url.URL, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	return &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}, nil
}

// readFile reads a local document under the same body cap as HTTP. Its
// media type comes from the file name; the charset never does (Go's table
// says utf-8 for .html and .xml, which would outrank the document's own).
// Only regular files are read: a device, FIFO or socket (/dev/tty, a named
// pipe) would block or never end.
func (c *Client) readFile(rawURL string, u *url.URL) (fetched, error) {
	doc := fetched{url: u}
	f, fi, err := openRegular(filepath.FromSlash(u.Path))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) { // the message names the path already
			return doc, fetchErr(rawURL, 0, err, "%v", pe.Err)
		}
		return doc, fetchErr(rawURL, 0, err, "%v", err)
	}
	defer f.Close()
	body, err := readCapped(f, c.opt.MaxBody, fi.Size())
	switch {
	case errors.Is(err, errTooLarge):
		return doc, fetchErr(rawURL, 0, err, "file larger than %s — raise [fetch] max_body", sizeText(c.opt.MaxBody))
	case err != nil:
		return doc, fetchErr(rawURL, 0, err, "%v", err)
	case len(body) == 0:
		return doc, fetchErr(rawURL, 0, nil, "empty file")
	}
	if mt, _, err := mime.ParseMediaType(mime.TypeByExtension(filepath.Ext(u.Path))); err == nil {
		doc.contentType = mt
	}
	doc.body = body
	return doc, nil
}

// errNotRegular is wrapped by the error for a path that is not a regular
// file.
var errNotRegular = errors.New("not a regular file")

// openRegular opens path for reading only if it is a regular file (after
// symbolic links). The type is checked before opening, since opening a FIFO
// blocks, and again on the open file, in case the path changed between.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRegular(fi); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	opened, err := f.Stat()
	if err == nil {
		err = checkRegular(opened)
	}
	if err == nil && !os.SameFile(fi, opened) {
		err = errors.New("the file changed while being opened")
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, opened, nil
}

// checkRegular explains why fi is not a document, or returns nil.
func checkRegular(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a directory, not a document")
	case m&fs.ModeNamedPipe != 0:
		return fmt.Errorf("is a named pipe, %w", errNotRegular)
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("is a socket, %w", errNotRegular)
	case m&fs.ModeDevice != 0:
		return fmt.Errorf("is a device, %w", errNotRegular)
	}
	return errNotRegular
}

// errTooLarge reports a body over the cap.
var errTooLarge = errors.New("body over the size cap")

// readCapped reads r to the end, failing with errTooLarge past limit
// bytes. It never holds a buffer larger than limit+1 bytes, whatever
// sizeHint (a Content-Length or file size, -1 when unknown) claims or the
// decompressor produces.
func readCapped(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	return readCappedInto(nil, r, limit, sizeHint)
}

// readCappedInto is readCapped reading into buf's memory when it is large
// enough to start with (a buffer from bodyBuffers).
func readCappedInto(buf []byte, r io.Reader, limit, sizeHint int64) ([]byte, error) {
	if sizeHint > limit {
		return nil, errTooLarge
	}
	size := int64(32 << 10)
	if sizeHint >= 0 {
		size = sizeHint + 1 // +1 to see EOF without growing
	}
	if want := min(size, limit+1); int64(cap(buf)) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) && int64(cap(buf)) <= limit {
			grown := make([]byte, len(buf), min(2*int64(cap(buf))+512, limit+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, errTooLarge
	}
	return buf, nil
}

// bodyBuffers recycles the buffers feed documents are read into: a refresh
// reads hundreds of documents of a few hundred kilobytes each, and each is
// garbage once parsed.
var bodyBuffers sync.Pool

// maxPooledBody is the largest buffer kept for reuse.
const maxPooledBody = 4 << 20

func getBodyBuffer() []byte {
	if b, ok := bodyBuffers.Get().(*[]byte); ok {
		return *b
	}
	return nil
}

// putBodyBuffer gives b back for reuse; nothing may use it afterwards.
func putBodyBuffer(b []byte) {
	if cap(b) == 0 || cap(b) > maxPooledBody {
		return
	}
	b = b[:0]
	bodyBuffers.Put(&b)
}
