package feeds

import (
	"context"
	"net/http"
	"os"
	"testing"
)

func TestFetchPage(t *testing.T) {
	page1252, err := os.ReadFile("testdata/client/page-1252.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		routes    map[string]http.HandlerFunc
		wantBody  string
		wantType  string
		wantFinal string
		wantErr   string
	}{
		{name: "charset from the header",
			routes:   map[string]http.HandlerFunc{"/page": serve("text/html; charset=windows-1252", []byte("<p>\x80 \x93x\x94</p>"))},
			wantBody: "<p>€ “x”</p>", wantType: "text/html; charset=windows-1252", wantFinal: "/page"},
		{name: "charset from <meta http-equiv>",
			routes:   map[string]http.HandlerFunc{"/page": serve("text/html", page1252)},
			wantBody: string(mustUTF8(t, page1252)), wantType: "text/html", wantFinal: "/page"},
		{name: "the final URL after redirects",
			routes: map[string]http.HandlerFunc{
				"/old": redirect("/mid"), "/mid": redirect("/new"), "/new": serve("text/html", []byte("<p>new</p>"))},
			wantBody: "<p>new</p>", wantType: "text/html", wantFinal: "/new"},
		{name: "a bidi override in the Content-Type is removed",
			routes: map[string]http.HandlerFunc{
				"/page": raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\u202e\r\nContent-Length: 4\r\n\r\n<p/>", false)},
			wantBody: "<p/>", wantType: "text/html", wantFinal: "/page"},
		{name: "a header with an escape is refused on one clean line",
			routes: map[string]http.HandlerFunc{
				"/page": raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\x1b[2J\r\nContent-Length: 4\r\n\r\n<p/>", false)},
			wantErr: "malformed MIME header"},
		{name: "a 304 to an unconditional request is an error",
			routes:  map[string]http.HandlerFunc{"/page": status(http.StatusNotModified)},
			wantErr: "HTTP 304 to an unconditional request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t)
			for p, h := range tt.routes {
				srv.route(p, h)
			}
			start := srv.URL + "/page"
			if _, ok := tt.routes["/old"]; ok {
				start = srv.URL + "/old"
			}
			page, err := newTestClient(t, Options{}).FetchPage(context.Background(), start)
			if tt.wantErr != "" {
				checkFetchError(t, err, start, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(page.Body) != tt.wantBody {
				t.Errorf("body %q, want %q", page.Body, tt.wantBody)
			}
			if page.ContentType != tt.wantType {
				t.Errorf("ContentType %q, want %q", page.ContentType, tt.wantType)
			}
			if page.URL.Path != tt.wantFinal {
				t.Errorf("final URL %s, want path %s", page.URL, tt.wantFinal)
			}
		})
	}
}

func mustUTF8(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := ToUTF8(b, "text/html")
	if err != nil {
		t.Fatal(err)
	}
	return out
}
