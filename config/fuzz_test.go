package config

import (
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader and, when they load, to the
// editors: nothing may panic, every error is one line naming the file, and
// an edit of a loadable file gives a loadable file.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(ExampleConfig))
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "fuzz.toml"
		c, _, err := parse(file, data)
		if err != nil {
			msg := err.Error()
			if strings.ContainsAny(msg, "\r\n") || !strings.HasPrefix(msg, file+":") {
				t.Fatalf("bad error %q", msg)
			}
			return
		}
		out, added, err := addFeedText(file, data, Feed{URL: "https://fuzz.example/new", Title: "T\"\\", Tags: []string{"x"}})
		if err != nil && strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("bad error %q", err)
		}
		if added {
			if _, _, err := parse(file, out); err != nil {
				t.Fatalf("file no longer loads after AddFeed: %v", err)
			}
		}
		for _, fd := range c.Feeds {
			out, removed, err := removeFeedText(file, data, fd.URL)
			if err != nil {
				if strings.ContainsAny(err.Error(), "\r\n") {
					t.Fatalf("bad error %q", err)
				}
				continue
			}
			if !removed {
				t.Fatalf("feed %q not found for removal", fd.URL)
			}
			c2, _, err := parse(file, out)
			if err != nil || len(c2.Feeds) != len(c.Feeds)-1 {
				t.Fatalf("after removing %q: %v", fd.URL, err)
			}
		}
	})
}
