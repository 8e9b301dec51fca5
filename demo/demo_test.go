package demo

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/config"
)

// startEnv starts a demo and stops it when the test ends.
func startEnv(t *testing.T) *Env {
	t.Helper()
	env, err := Start()
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := env.Stop(); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return env
}

// testClient opens a new connection per request, so a stopped server shows
// as a failed request rather than a reused idle connection.
func testClient() *http.Client {
	return &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, req *http.Request) response {
	t.Helper()
	resp, err := testClient().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", req.URL, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: body}
}

func newRequest(t *testing.T, method, u string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, nil)
	if err != nil {
		t.Fatalf("request %s: %v", u, err)
	}
	return req
}

func TestStartServesEveryFeed(t *testing.T) {
	env := startEnv(t)
	if len(env.FeedURLs) != len(subscriptions) {
		t.Fatalf("FeedURLs has %d entries, want %d", len(env.FeedURLs), len(subscriptions))
	}
	wantType := map[string]string{
		".rss": "application/rss+xml", ".atom": "application/atom+xml", ".json": "application/feed+json",
	}
	for _, u := range env.FeedURLs {
		t.Run(path.Base(u), func(t *testing.T) {
			parsed, err := url.Parse(u)
			if err != nil || parsed.Hostname() != "127.0.0.1" || !strings.HasPrefix(u, env.BaseURL) {
				t.Fatalf("feed URL %q is not on the loopback server %s (%v)", u, env.BaseURL, err)
			}
			r := get(t, newRequest(t, http.MethodGet, u))
			if r.status != http.StatusOK {
				t.Fatalf("status %d, want 200", r.status)
			}
			if len(r.body) == 0 {
				t.Error("empty body")
			}
			ct := r.header.Get("Content-Type")
			if want := wantType[path.Ext(u)]; want == "" || !strings.HasPrefix(ct, want) {
				t.Errorf("Content-Type %q, want %q", ct, want)
			}
		})
	}
}

func TestServerAnswers(t *testing.T) {
	env := startEnv(t)
	tests := []struct {
		name, method, path string
		header             map[string]string
		wantStatus         int
		wantType           string
		wantBody           string
	}{
		{"index", http.MethodGet, "", nil, http.StatusOK, "text/html", "newsterm demo feeds"},
		{"page", http.MethodGet, "asia/2026/11/dihua-street-tea.html", nil, http.StatusOK, "text/html", "Dihua Street"},
		{"photo", http.MethodGet, "photos/multan-protest.jpg", nil, http.StatusOK, "image/jpeg", "\xff\xd8"},
		{"query ignored", http.MethodGet, "orbit/item.html?id=48213377", nil, http.StatusOK, "text/html", "Orbit News"},
		{"missing page", http.MethodGet, "tidewater/2026/11/group-commit.html", nil, http.StatusNotFound, "text/html", "not part of the newsterm demo"},
		{"directory", http.MethodGet, "photos/", nil, http.StatusNotFound, "text/html", "Not in the demo"},
		{"outside the bundle", http.MethodGet, "../demo.go", nil, http.StatusNotFound, "text/html", "Not in the demo"},
		{"read-only", http.MethodPost, "security.rss", nil, http.StatusMethodNotAllowed, "text/plain", "read-only"},
		{"head", http.MethodHead, "security.rss", nil, http.StatusOK, "application/rss+xml", ""},
		{"not modified", http.MethodGet, "security.rss", map[string]string{"If-Modified-Since": "Sat, 28 Nov 2026 07:15:00 GMT"}, http.StatusNotModified, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := newRequest(t, tc.method, env.BaseURL+tc.path)
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			r := get(t, req)
			if r.status != tc.wantStatus {
				t.Fatalf("status %d, want %d", r.status, tc.wantStatus)
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, tc.wantType) {
				t.Errorf("Content-Type %q, want %q", ct, tc.wantType)
			}
			if !bytes.Contains(r.body, []byte(tc.wantBody)) {
				t.Errorf("body does not contain %q:\n%.300s", tc.wantBody, r.body)
			}
		})
	}
}

func TestETagRevalidates(t *testing.T) {
	env := startEnv(t)
	first := get(t, newRequest(t, http.MethodGet, env.BaseURL+"tidewater.atom"))
	etag := first.header.Get("ETag")
	if first.status != http.StatusOK || etag == "" {
		t.Fatalf("status %d, ETag %q: want 200 with an ETag", first.status, etag)
	}
	req := newRequest(t, http.MethodGet, env.BaseURL+"tidewater.atom")
	req.Header.Set("If-None-Match", etag)
	if r := get(t, req); r.status != http.StatusNotModified {
		t.Errorf("revalidation status %d, want 304", r.status)
	}
}

func TestEveryBundledFileServedAsIs(t *testing.T) {
	env := startEnv(t)
	files, err := loadBundle()
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range files {
		t.Run(name, func(t *testing.T) {
			r := get(t, newRequest(t, http.MethodGet, env.BaseURL+name))
			if r.status != http.StatusOK || !bytes.Equal(r.body, f.data) {
				t.Fatalf("status %d, %d bytes: want 200 and the embedded %d bytes", r.status, len(r.body), len(f.data))
			}
			if ct := r.header.Get("Content-Type"); ct != contentTypes[path.Ext(name)] {
				t.Errorf("Content-Type %q, want %q", ct, contentTypes[path.Ext(name)])
			}
		})
	}
}

func TestCloseStopsServingAndRemovesFiles(t *testing.T) {
	env, err := Start()
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	dir := filepath.Dir(env.ConfigPath)
	if filepath.Dir(env.DBPath) != dir {
		t.Errorf("database %s is not beside the config %s", env.DBPath, env.ConfigPath)
	}
	if r := get(t, newRequest(t, http.MethodGet, env.FeedURLs[0])); r.status != http.StatusOK {
		t.Fatalf("before Close: status %d", r.status)
	}
	// A database the reader created must go too.
	if err := os.WriteFile(env.DBPath, []byte("db"), 0o600); err != nil {
		t.Fatal(err)
	}

	env.Close()

	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temporary directory %s still there after Close (stat: %v)", dir, err)
	}
	if resp, err := testClient().Do(newRequest(t, http.MethodGet, env.FeedURLs[0])); err == nil {
		resp.Body.Close()
		t.Errorf("server still answers after Close: %s", resp.Status)
	}
	env.Close() // a second Close is harmless
	if err := env.Stop(); err != nil {
		t.Errorf("Stop after Close: %v", err)
	}
}

func TestConfigLoads(t *testing.T) {
	env := startEnv(t)
	cfg, err := config.Load(env.ConfigPath)
	if err != nil {
		t.Fatalf("config.Load: %v", err)
	}
	if cfg.DBPath != env.DBPath {
		t.Errorf("DBPath %q, want %q", cfg.DBPath, env.DBPath)
	}
	if cfg.Reader.RefreshOnStart {
		t.Error("refresh_on_start is on; the demo refreshes before the first frame itself")
	}
	if len(cfg.Feeds) != len(subscriptions) {
		t.Fatalf("%d feeds, want %d", len(cfg.Feeds), len(subscriptions))
	}
	for i, f := range cfg.Feeds {
		s := subscriptions[i]
		if f.URL != env.FeedURLs[i] || f.Title != s.title || !slices.Equal(f.Tags, s.tags) {
			t.Errorf("feed %d = %q %q %q, want %q %q %q", i, f.URL, f.Title, f.Tags, env.FeedURLs[i], s.title, s.tags)
		}
	}
}

func TestTOMLString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/tmp/newsterm-demo-1/newsterm.db", `"/tmp/newsterm-demo-1/newsterm.db"`},
		{`C:\Users\ana\newsterm.db`, `"C:\\Users\\ana\\newsterm.db"`},
		{`say "hi"`, `"say \"hi\""`},
		{"tab\there\x7f", `"tab\u0009here\u007F"`},
		{"Terrorism & Security", `"Terrorism & Security"`},
		{"東京 🍁", `"東京 🍁"`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := tomlString(tc.in); got != tc.want {
				t.Errorf("tomlString(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}
