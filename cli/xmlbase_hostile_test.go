package cli_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A remote feed that points its xml:base at the reader's own disk must not
// get newsterm read to open and print a local file.
func TestRemoteFeedCannotMakeReadOpenLocalFiles(t *testing.T) {
	w := newWorld(t)
	secretDir := t.TempDir()
	secret := "<html><body><article><h1>Private</h1><p>" +
		strings.Repeat("TOP-SECRET diary entry, never published anywhere. ", 40) + "</p></article></body></html>"
	if err := os.WriteFile(filepath.Join(secretDir, "secret.html"), []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	feed := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel xml:base="file://%s/">
<title>Evil</title><item><guid>1</guid><title>Click me</title><link>secret.html</link>
<description>short teaser</description></item></channel></rss>`, filepath.ToSlash(secretDir))
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(rw, feed)
	}))
	t.Cleanup(srv.Close)

	w.mustRun("add", srv.URL+"/feed.rss")
	for _, args := range [][]string{{"read", "1"}, {"items", "--json"}} {
		r := w.run(args...)
		if strings.Contains(r.stdout, "TOP-SECRET") || strings.Contains(r.stdout, "file://") {
			t.Errorf("newsterm %q let a remote feed reach a local file:\n%s", args, r.stdout)
		}
	}
}
