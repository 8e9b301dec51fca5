package feeds

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// trickleRaw writes first, then one more piece every step until the client
// goes away or the test ends: a server that is never quite silent, so no
// read timeout would fire, only a deadline on the whole phase.
func (s *faultServer) trickleRaw(first, piece string, step time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		buf.WriteString(first)
		buf.Flush()
		tick := time.NewTicker(step)
		defer tick.Stop()
		for {
			select {
			case <-s.release:
				return
			case <-tick.C:
				if _, err := buf.WriteString(piece); err != nil {
					return
				}
				if err := buf.Flush(); err != nil {
					return
				}
			}
		}
	}
}

// Headers or a body that trickle forever are cut by the header timeout or
// the whole-request deadline, on the feed and the page path, and leave no
// goroutine behind.
func TestTricklingServersAreCut(t *testing.T) {
	tests := []struct {
		name    string
		opt     Options
		handler func(*faultServer) http.HandlerFunc
		want    string
	}{
		{name: "half-sent headers, one line at a time", opt: Options{HeaderTimeout: 150 * time.Millisecond},
			handler: func(s *faultServer) http.HandlerFunc {
				return s.trickleRaw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", "X-Slow: a\r\n", 10*time.Millisecond)
			}, want: "timeout awaiting response headers"},
		{name: "status line one byte at a time", opt: Options{HeaderTimeout: 150 * time.Millisecond},
			handler: func(s *faultServer) http.HandlerFunc {
				return s.trickleRaw("HTTP/1.1 200 ", "O", 10*time.Millisecond)
			}, want: "timeout awaiting response headers"},
		{name: "body one byte at a time", opt: Options{Timeout: 200 * time.Millisecond},
			handler: func(s *faultServer) http.HandlerFunc {
				return s.trickleRaw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>", "a", 10*time.Millisecond)
			}, want: "(timeout)"},
		{name: "chunked body one chunk at a time", opt: Options{Timeout: 200 * time.Millisecond},
			handler: func(s *faultServer) http.HandlerFunc {
				return s.trickleRaw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\na\r\n", 10*time.Millisecond)
			}, want: "(timeout)"},
	}
	for _, tt := range tests {
		for _, page := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/page=%v", tt.name, page), func(t *testing.T) {
				srv := newFaultServer(t)
				u := srv.route("/slow", tt.handler(srv))
				c := newTestClient(t, tt.opt)
				before := runtime.NumGoroutine()
				start := time.Now()
				var err error
				if page {
					_, err = c.FetchPage(context.Background(), u)
				} else {
					err = c.FetchFeed(context.Background(), Request{URL: u}).Err
				}
				if took := time.Since(start); took > 5*time.Second {
					t.Errorf("took %v", took)
				}
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want %q", err, tt.want)
				}
				checkFetchError(t, err, u, tt.want)
				c.CloseIdleConnections()
				waitFor(t, fmt.Sprintf("goroutines back to %d", before), func() bool {
					return runtime.NumGoroutine() <= before
				})
			})
		}
	}
}
