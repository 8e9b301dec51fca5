package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

const pageHTML = "<!DOCTYPE html><html><head><title>t</title></head><body><p>ok</p></body></html>"

func TestRequestHeaders(t *testing.T) {
	tests := []struct {
		name       string
		userAgent  string
		page       bool
		wantUA     string
		wantAccept string
	}{
		{"feed with the default agent", "", false, "newsterm/dev", "application/rss+xml"},
		{"feed with a configured agent", "newsterm/1.2.3", false, "newsterm/1.2.3", "application/rss+xml"},
		{"page", "", true, "newsterm/dev", "text/html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			got := make(chan http.Header, 1)
			u := srv.route("/doc", func(w http.ResponseWriter, r *http.Request) {
				got <- r.Header.Clone()
				w.Write([]byte(pageHTML))
			})
			c := newTestClient(t, Options{UserAgent: tt.userAgent})
			if tt.page {
				if _, err := c.FetchPage(context.Background(), u); err != nil {
					t.Fatal(err)
				}
			} else {
				c.FetchFeed(context.Background(), Request{URL: u})
			}
			h := <-got
			if ua := h.Get("User-Agent"); ua != tt.wantUA {
				t.Errorf("User-Agent = %q, want %q", ua, tt.wantUA)
			}
			if a := h.Get("Accept"); !strings.HasPrefix(a, tt.wantAccept) {
				t.Errorf("Accept = %q, want it to start with %q", a, tt.wantAccept)
			}
			for _, k := range []string{"If-None-Match", "If-Modified-Since"} {
				if v := h.Get(k); v != "" {
					t.Errorf("%s = %q without stored validators", k, v)
				}
			}
		})
	}
}

// chain routes /r/0 → /r/1 → … → /r/n, which serves a page.
func chain(srv *faultServer, n int) string {
	for i := range n {
		srv.route(fmt.Sprintf("/r/%d", i), redirect(fmt.Sprintf("/r/%d", i+1)))
	}
	srv.route(fmt.Sprintf("/r/%d", n), serve("text/html", []byte(pageHTML)))
	return srv.URL + "/r/0"
}

func TestRedirects(t *testing.T) {
	tests := []struct {
		name      string
		opt       Options
		setup     func(srv *faultServer) string // returns the URL to fetch
		wantErr   string                        // "" means success
		wantFinal string
		wantHits  map[string]int
	}{
		{name: "ten redirects are followed", setup: func(s *faultServer) string { return chain(s, 10) },
			wantFinal: "/r/10", wantHits: map[string]int{"/r/0": 1, "/r/10": 1}},
		{name: "the eleventh is refused", setup: func(s *faultServer) string { return chain(s, 11) },
			wantErr: "more than 10 redirects", wantHits: map[string]int{"/r/10": 1, "/r/11": 0}},
		{name: "MaxRedirects is configurable", opt: Options{MaxRedirects: 2},
			setup:   func(s *faultServer) string { return chain(s, 3) },
			wantErr: "more than 2 redirects", wantHits: map[string]int{"/r/2": 1, "/r/3": 0}},
		{name: "a loop stops", setup: func(s *faultServer) string { return s.route("/loop", redirect("/loop")) },
			wantErr: "more than 10 redirects", wantHits: map[string]int{"/loop": 11}},
		{name: "to file: refused", setup: func(s *faultServer) string { return s.route("/f", redirect("file:///etc/passwd")) },
			wantErr: "redirect to file:///etc/passwd refused"},
		{name: "to ftp: refused", setup: func(s *faultServer) string { return s.route("/f", redirect("ftp://example.org/feed")) },
			wantErr: "redirect to ftp://example.org/feed refused"},
		{name: "to javascript: refused", setup: func(s *faultServer) string { return s.route("/f", redirect("javascript:alert(1)")) },
			wantErr: "refused: only http and https"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			start := tt.setup(srv)
			page, err := newTestClient(t, tt.opt).FetchPage(context.Background(), start)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("FetchPage: %v", err)
			case tt.wantErr == "" && page.URL.Path != tt.wantFinal:
				t.Errorf("final URL %s, want path %s", page.URL, tt.wantFinal)
			case tt.wantErr != "":
				checkFetchError(t, err, start, tt.wantErr)
			}
			for path, want := range tt.wantHits {
				if got := srv.hitCount(path); got != want {
					t.Errorf("%s hit %d times, want %d", path, got, want)
				}
			}
		})
	}
}

// checkFetchError wants a one-line *FetchError naming rawURL and saying want.
func checkFetchError(t *testing.T, err error, rawURL, want string) *FetchError {
	t.Helper()
	var fe *FetchError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T), want a *FetchError", err, err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "fetch "+rawURL+": ") {
		t.Errorf("error %q does not start with %q", msg, "fetch "+rawURL+": ")
	}
	if !strings.Contains(msg, want) {
		t.Errorf("error %q does not say %q", msg, want)
	}
	if strings.ContainsAny(msg, "\n\r\x1b") {
		t.Errorf("error %q is not one clean line", msg)
	}
	return fe
}

func TestTLS(t *testing.T) {
	t.Run("verified against the configured roots", func(t *testing.T) {
		srv := newTLSFaultServer(t)
		u := srv.route("/page", serve("text/html", []byte(pageHTML)))
		page, err := newTestClient(t, srv.trusting(t)).FetchPage(context.Background(), u)
		if err != nil {
			t.Fatal(err)
		}
		if page.URL.Scheme != "https" {
			t.Errorf("final URL %s", page.URL)
		}
	})
	t.Run("an unknown authority fails", func(t *testing.T) {
		srv := newTLSFaultServer(t)
		u := srv.route("/page", serve("text/html", []byte(pageHTML)))
		_, err := newTestClient(t, Options{}).FetchPage(context.Background(), u)
		checkFetchError(t, err, u, "certificate")
		if n := srv.hitCount("/page"); n != 0 {
			t.Errorf("handler ran %d times over an unverified connection", n)
		}
	})
	t.Run("https to http downgrade refused", func(t *testing.T) {
		secure, plain := newTLSFaultServer(t), newFaultServer(t)
		target := plain.route("/feed", serve("text/html", []byte(pageHTML)))
		u := secure.route("/moved", redirect(target))
		_, err := newTestClient(t, secure.trusting(t)).FetchPage(context.Background(), u)
		checkFetchError(t, err, u, "redirect from https to "+target+" refused")
		if n := plain.hitCount("/feed"); n != 0 {
			t.Errorf("plain-HTTP target hit %d times", n)
		}
	})
	t.Run("http to https upgrade followed", func(t *testing.T) {
		secure, plain := newTLSFaultServer(t), newFaultServer(t)
		target := secure.route("/feed", serve("text/html", []byte(pageHTML)))
		u := plain.route("/old", redirect(target))
		page, err := newTestClient(t, secure.trusting(t)).FetchPage(context.Background(), u)
		if err != nil {
			t.Fatal(err)
		}
		if page.URL.String() != target {
			t.Errorf("final URL %s, want %s", page.URL, target)
		}
	})
}

func TestHostKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://Example.ORG/feed", "example.org"},
		{"https://example.org:443/feed", "example.org"},
		{"http://example.org:80/feed", "example.org"},
		{"http://example.org:8080/feed", "example.org:8080"},
		{"https://example.org:80/feed", "example.org:80"},
		{"http://[::1]:8080/", "[::1]:8080"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, err := url.Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := hostKey(u); got != tt.want {
				t.Errorf("hostKey = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	got := Options{}.withDefaults()
	want := Options{Jobs: 8, PerHost: 2, ConnectTimeout: 10 * time.Second, HeaderTimeout: 15 * time.Second,
		Timeout: 30 * time.Second, MaxBody: 32 << 20, MaxRedirects: 10, MaxItems: 5000, UserAgent: "newsterm/dev"}
	if got.Now == nil {
		t.Error("Now left nil")
	}
	got.Now = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("defaults = %+v\nwant %+v", got, want)
	}
}
