package cli_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/newsterm/newsterm/cli"
)

// TestUserAgentCarriesTheVersion: every request newsterm makes, from add
// and from refresh, says "newsterm/VERSION" with the version --version
// prints.
func TestUserAgentCarriesTheVersion(t *testing.T) {
	feed, err := os.ReadFile("testdata/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.Header.Get("User-Agent"))
		mu.Unlock()
		rw.Header().Set("Content-Type", "application/rss+xml")
		rw.Write(feed)
	}))
	t.Cleanup(srv.Close)
	w := newWorld(t)
	w.mustRun("add", srv.URL+"/feed.rss")
	w.mustRun("refresh")
	version := w.runRaw("--version").stdout
	mu.Lock()
	defer mu.Unlock()
	want := "newsterm/" + cli.Version
	if len(agents) != 2 || version != "newsterm "+cli.Version+"\n" {
		t.Fatalf("%d requests, --version %q; want 2 and %q", len(agents), version, "newsterm "+cli.Version)
	}
	for i, ua := range agents {
		if ua != want {
			t.Errorf("request %d: User-Agent %q, want %q", i, ua, want)
		}
	}
}
