package feeds

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// faultServer is a loopback HTTP server for the network cases of hostile
// input: named routes, a hit counter per route, and handlers that hang
// until the test ends or the client goes away, standing in for slow,
// broken and rude servers.
type faultServer struct {
	*httptest.Server
	mu      sync.Mutex
	routes  map[string]http.HandlerFunc
	hits    map[string]int
	release chan struct{} // closed when the test ends: frees hung handlers
}

func newFaultServer(t *testing.T) *faultServer {
	return startFaultServer(t, false)
}

// newTLSFaultServer serves HTTPS with httptest's own certificate; a Client
// trusts it through Options.RootCAs (see trusting), never by skipping
// verification.
func newTLSFaultServer(t *testing.T) *faultServer {
	return startFaultServer(t, true)
}

func startFaultServer(t *testing.T, secure bool) *faultServer {
	t.Helper()
	s := &faultServer{
		routes:  make(map[string]http.HandlerFunc),
		hits:    make(map[string]int),
		release: make(chan struct{}),
	}
	s.Server = httptest.NewUnstartedServer(s)
	// Refused handshakes are the point of some tests; keep them quiet.
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	if secure {
		s.StartTLS()
	} else {
		s.Start()
	}
	t.Cleanup(func() {
		close(s.release)
		s.Close()
	})
	return s
}

// trusting returns Options whose RootCAs trust s's certificate.
func (s *faultServer) trusting(t *testing.T) Options {
	t.Helper()
	tr, ok := s.Client().Transport.(*http.Transport)
	if !ok || tr.TLSClientConfig == nil {
		t.Fatal("httptest TLS server without a TLS transport")
	}
	return Options{RootCAs: tr.TLSClientConfig.RootCAs}
}

func (s *faultServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	h := s.routes[r.URL.Path]
	s.mu.Unlock()
	if h == nil {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

func (s *faultServer) route(path string, h http.HandlerFunc) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
	return s.URL + path
}

func (s *faultServer) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// hang blocks a handler until the test ends or the client hangs up.
func (s *faultServer) hang(r *http.Request) {
	select {
	case <-s.release:
	case <-r.Context().Done():
	}
}

// serve answers 200 with body and header pairs ("Name", "value", …).
func serve(contentType string, body []byte, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		setHeaders(w, header)
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	}
}

// status answers code with header pairs and the status text as body.
func status(code int, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		setHeaders(w, header)
		w.WriteHeader(code)
		fmt.Fprintln(w, http.StatusText(code))
	}
}

func redirect(to string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, to, http.StatusFound)
	}
}

func setHeaders(w http.ResponseWriter, pairs []string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		w.Header().Set(pairs[i], pairs[i+1])
	}
}

// hangHeaders never sends a status line: a slowloris on headers.
func (s *faultServer) hangHeaders() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { s.hang(r) }
}

// trickle sends headers and the first bytes of a long body, then stalls.
func (s *faultServer) trickle(first string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Length", "1000000")
		w.Write([]byte(first))
		w.(http.Flusher).Flush()
		s.hang(r)
	}
}

// raw writes response bytes straight to the connection (a status line Go's
// server would never send, say), then resets the connection when reset is
// true or closes it cleanly otherwise.
func raw(response string, reset bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err) // httptest's HTTP/1 server always supports hijacking
		}
		buf.WriteString(response)
		buf.Flush()
		if tcp, ok := conn.(*net.TCPConn); ok && reset {
			tcp.SetLinger(0) // close sends RST: "connection reset by peer"
		}
		conn.Close()
	}
}

// gzipBomb serves size zero bytes gzip-compressed (about a thousandth of
// the size on the wire), as Content-Encoding: gzip.
func gzipBomb(t *testing.T, size int) http.HandlerFunc {
	t.Helper()
	var packed bytes.Buffer
	zw, err := gzip.NewWriterLevel(&packed, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zero := make([]byte, 1<<20)
	for n := 0; n < size; n += len(zero) {
		if _, err := zw.Write(zero[:min(len(zero), size-n)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	body := packed.Bytes()
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(body)
	}
}

// hangGuard bounds waits that only guard against a hang. It is generous
// on purpose: under -race on a loaded 2-core CI machine a request can take
// seconds to be dialled, and a guard is not a timing assertion.
const hangGuard = 30 * time.Second

// waitFor polls cond until it holds, failing the test after hangGuard.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(hangGuard)
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		case <-tick.C:
		}
	}
}

// fakeClock is an injected Options.Now.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// newTestClient builds a Client whose idle connections close with the test.
func newTestClient(t *testing.T, opt Options) *Client {
	t.Helper()
	c := NewClient(opt)
	t.Cleanup(c.CloseIdleConnections)
	return c
}
