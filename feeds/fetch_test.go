package feeds

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestStatusErrors(t *testing.T) {
	tests := []struct {
		name       string
		handler    http.HandlerFunc
		want       string // the whole message after "fetch URL: "
		wantPrefix bool   // want is only the start of it
		wantStatus int
	}{
		{name: "404", handler: status(http.StatusNotFound), want: "HTTP 404 Not Found", wantStatus: 404},
		{name: "410", handler: status(http.StatusGone), want: "HTTP 410 Gone", wantStatus: 410},
		{name: "500", handler: status(http.StatusInternalServerError), want: "HTTP 500 Internal Server Error", wantStatus: 500},
		{name: "429 without Retry-After", handler: status(http.StatusTooManyRequests), want: "HTTP 429 Too Many Requests", wantStatus: 429},
		{name: "escapes in the status text are removed",
			handler: raw("HTTP/1.1 404 Not\x1b[31m Found\x1b]0;pwned\x07\r\nContent-Length: 0\r\n\r\n", false),
			want:    "HTTP 404 Not Found", wantStatus: 404},
		{name: "a kilobyte of status text is cut",
			handler: raw("HTTP/1.1 500 "+strings.Repeat("x", 2000)+"\r\nContent-Length: 0\r\n\r\n", false),
			want:    "HTTP 500 " + strings.Repeat("x", 96), wantStatus: 500},
		{name: "200 with an empty body", handler: serve("application/rss+xml", nil),
			want: "empty body (HTTP 200)", wantStatus: 200},
		{name: "connection reset mid-body",
			handler: raw("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n<rss><channel>", true),
			want:    "reading body: ", wantPrefix: true, wantStatus: 200},
		{name: "body shorter than its Content-Length",
			handler: raw("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<rss>", false),
			want:    "reading body: unexpected EOF", wantStatus: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			u := srv.route("/feed", tt.handler)
			res := newTestClient(t, Options{}).FetchFeed(context.Background(), Request{URL: u})
			fe := checkFetchError(t, res.Err, u, tt.want)
			msg := strings.TrimPrefix(res.Err.Error(), "fetch "+u+": ")
			if !tt.wantPrefix && msg != tt.want {
				t.Errorf("message %q, want %q", msg, tt.want)
			}
			if fe.StatusCode != tt.wantStatus {
				t.Errorf("StatusCode = %d, want %d", fe.StatusCode, tt.wantStatus)
			}
			if len(res.Feed.Items) != 0 || res.NotModified {
				t.Errorf("failed fetch gave %d items, NotModified %v", len(res.Feed.Items), res.NotModified)
			}
			if n := srv.hitCount("/feed"); n != 1 {
				t.Errorf("server hit %d times, want 1", n)
			}
		})
	}
}

func TestConditionalGET(t *testing.T) {
	const etag, lastMod = `W/"v1"`, "Sat, 14-Mar-26 12:00:00 GMT" // odd date form: echoed, never reformatted
	tests := []struct {
		name      string
		sent      Validators
		reply     []string // extra 304 headers
		wantSent  Validators
		want304   bool
		wantAfter Validators
	}{
		{name: "both validators echoed byte for byte", sent: Validators{ETag: etag, LastModified: lastMod},
			wantSent: Validators{ETag: etag, LastModified: lastMod}, want304: true,
			wantAfter: Validators{ETag: etag, LastModified: lastMod}},
		{name: "Last-Modified alone", sent: Validators{LastModified: lastMod},
			wantSent: Validators{LastModified: lastMod}, want304: true, wantAfter: Validators{LastModified: lastMod}},
		{name: "a 304 with a new ETag replaces the stored one", sent: Validators{ETag: etag},
			reply: []string{"ETag", `"v2"`}, wantSent: Validators{ETag: etag}, want304: true,
			wantAfter: Validators{ETag: `"v2"`}},
		{name: "an unsendable validator is dropped", sent: Validators{ETag: "\"v1\"\r\nX-Evil: 1"},
			wantSent: Validators{}, want304: false},
		{name: "an oversized validator is dropped", sent: Validators{ETag: strings.Repeat("e", 2000), LastModified: lastMod},
			wantSent: Validators{LastModified: lastMod}, want304: true, wantAfter: Validators{ETag: strings.Repeat("e", 2000), LastModified: lastMod}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			seen := make(chan Validators, 1)
			u := srv.route("/feed", func(w http.ResponseWriter, r *http.Request) {
				got := Validators{ETag: r.Header.Get("If-None-Match"), LastModified: r.Header.Get("If-Modified-Since")}
				seen <- got
				if got.ETag != "" || got.LastModified != "" {
					setHeaders(w, tt.reply)
					w.WriteHeader(http.StatusNotModified)
					return
				}
				w.Header().Set("ETag", etag)
				w.Write([]byte("<rss></rss>"))
			})
			res := newTestClient(t, Options{}).FetchFeed(context.Background(), Request{URL: u, Validators: tt.sent})
			if got := <-seen; got != tt.wantSent {
				t.Errorf("server saw %+v, want %+v", got, tt.wantSent)
			}
			if res.NotModified != tt.want304 {
				t.Fatalf("NotModified = %v, want %v (err %v)", res.NotModified, tt.want304, res.Err)
			}
			if !tt.want304 {
				return
			}
			if res.Err != nil || len(res.Feed.Items) != 0 || res.Bytes != 0 {
				t.Errorf("304 gave err %v, %d items, %d bytes", res.Err, len(res.Feed.Items), res.Bytes)
			}
			if res.Validators != tt.wantAfter {
				t.Errorf("Validators = %+v, want %+v", res.Validators, tt.wantAfter)
			}
		})
	}
}

func TestBodyCap(t *testing.T) {
	const limit = 1024
	exact, over := strings.Repeat("a", limit), strings.Repeat("a", limit+1)
	chunked := func(body string) http.HandlerFunc { // no Content-Length: the cap must hold while reading
		return func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(body[:10]))
			w.(http.Flusher).Flush()
			w.Write([]byte(body[10:]))
		}
	}
	tests := []struct {
		name    string
		opt     Options
		handler http.HandlerFunc
		wantErr string
	}{
		{name: "exactly the cap", opt: Options{MaxBody: limit}, handler: chunked(exact)},
		{name: "one byte over", opt: Options{MaxBody: limit}, handler: chunked(over),
			wantErr: "body larger than 1 KiB — raise [fetch] max_body"},
		{name: "Content-Length over the cap", opt: Options{MaxBody: limit}, handler: serve("text/html", []byte(over)),
			wantErr: "body larger than 1 KiB — raise [fetch] max_body"},
		{name: "the default cap is 32 MiB", handler: raw("HTTP/1.1 200 OK\r\nContent-Length: 33554433\r\n\r\n", false),
			wantErr: "body larger than 32 MiB — raise [fetch] max_body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			u := srv.route("/page", tt.handler)
			page, err := newTestClient(t, tt.opt).FetchPage(context.Background(), u)
			if tt.wantErr != "" {
				checkFetchError(t, err, u, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(page.Body) != exact {
				t.Errorf("body of %d bytes, want %d", len(page.Body), limit)
			}
		})
	}
}

// A gzip bomb is capped after decompression, and reading it never holds
// much more than the cap: 64 MiB inflated against a 1 MiB cap.
func TestGzipBomb(t *testing.T) {
	const limit, inflated = 1 << 20, 64 << 20
	srv := newFaultServer(t)
	u := srv.route("/bomb", gzipBomb(t, inflated))
	c := newTestClient(t, Options{MaxBody: limit})

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := c.FetchFeed(context.Background(), Request{URL: u})
	runtime.ReadMemStats(&after)

	checkFetchError(t, res.Err, u, "body larger than 1 MiB — raise [fetch] max_body")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("fetching the bomb allocated %d MiB, want under 8 MiB", alloc>>20)
	}
}

func TestSizeText(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{32 << 20, "32 MiB"}, {1 << 20, "1 MiB"}, {2048, "2 KiB"}, {1536, "1536 bytes"}, {10, "10 bytes"}, {(1 << 20) + 1024, "1025 KiB"}}
	for _, tt := range tests {
		if got := sizeText(tt.n); got != tt.want {
			t.Errorf("sizeText(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestLocalFiles(t *testing.T) {
	abs, err := filepath.Abs("testdata/client/page-1252.html")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.xml")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.html")
	if err := os.WriteFile(big, []byte(strings.Repeat("a", 2048)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		opt      Options
		wantErr  string
	}{
		{name: "absolute path", in: abs},
		{name: "relative path", in: "testdata/client/page-1252.html"},
		{name: "file URL", in: "file://" + filepath.ToSlash(abs)},
		{name: "file URL naming localhost", in: "file://localhost" + filepath.ToSlash(abs)},
		{name: "missing", in: filepath.Join(dir, "nope.xml"), wantErr: "no such file or directory"},
		{name: "directory", in: dir, wantErr: "is a directory, not a document"},
		{name: "empty", in: empty, wantErr: "empty file"},
		{name: "over the cap", in: big, opt: Options{MaxBody: 1024}, wantErr: "file larger than 1 KiB — raise [fetch] max_body"},
		{name: "a remote file URL", in: "file://example.org/etc/passwd", wantErr: "only local files can be read"},
		{name: "another scheme", in: "gopher://example.org/feed", wantErr: `unsupported scheme "gopher"`},
		{name: "blank", in: "", wantErr: "empty URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := newTestClient(t, tt.opt).FetchPage(context.Background(), tt.in)
			if tt.wantErr != "" {
				named := tt.in
				if named == "" {
					named = `""`
				}
				checkFetchError(t, err, named, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if page.URL.Scheme != "file" || page.URL.Path != filepath.ToSlash(abs) {
				t.Errorf("URL = %s, want file://%s", page.URL, abs)
			}
			if !strings.Contains(string(page.Body), "Naïve café — €5") {
				t.Errorf("body not decoded from windows-1252 by its <meta>: %q", page.Body)
			}
		})
	}
}

func TestFetchErrorUnwraps(t *testing.T) {
	res := newTestClient(t, Options{}).FetchFeed(context.Background(), Request{URL: filepath.Join(t.TempDir(), "x")})
	if !errors.Is(res.Err, os.ErrNotExist) {
		t.Errorf("error %v does not unwrap to os.ErrNotExist", res.Err)
	}
}
