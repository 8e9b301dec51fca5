package cli_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Broken, absurd and missing dates neither crash a command nor break the
// newest-first order, and --json prints each as RFC 3339 or null.
func TestBrokenDatesSortAndPrint(t *testing.T) {
	dates := []string{"Tue, 03 Mar 2026 08:00:00 GMT", "0000-00-00T00:00:00Z", "Mon, 01 Jan 0001 00:00:00 GMT",
		"yesterday", "", "Fri, 31 Dec 9999 23:59:59 GMT", "-1", "Sun, 99 Foo 2026 99:99:99 XYZ",
		"Thu, 01 Jan 1970 00:00:00 GMT", "Mon, 02 Mar 2026 08:00:00 +9900", "2026-03-01T08:00:00.123456789123Z"}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Dates</title>`)
	for i, d := range dates {
		fmt.Fprintf(&b, "<item><guid>d%d</guid><title>Dated story %d</title><pubDate>%s</pubDate></item>", i, i, d)
	}
	b.WriteString(`</channel></rss>`)
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(rw, b.String())
	}))
	t.Cleanup(srv.Close)
	w := newWorld(t)
	w.mustRun("add", srv.URL+"/dates.rss")
	w.mustRun("items")
	w.mustRun("search", "dated")
	list := w.items()
	if len(list) != len(dates) {
		t.Fatalf("items = %d, want %d", len(list), len(dates))
	}
	var prev time.Time
	for i, it := range list {
		if it.Published == nil { // unknown: allowed by the --json contract
			continue
		}
		at, err := time.Parse(time.RFC3339, *it.Published)
		if err != nil {
			t.Errorf("%s: published %q is not RFC 3339", it.Title, *it.Published)
			continue
		}
		if at.After(time.Now().Add(time.Minute)) {
			t.Errorf("%s: published %s is in the future", it.Title, at)
		}
		if i > 0 && at.After(prev) {
			t.Errorf("%s (%s) listed after an older story (%s)", it.Title, at, prev)
		}
		prev = at
	}
}
