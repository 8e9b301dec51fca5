package cli_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The seven body paragraphs of the Haqqani story, by a phrase each, in order.
var haqqaniParagraphs = []string{
	"Pakistan's top military commanders announced Sunday",
	"The announcement signals a certain measure of defiance",
	"Pakistan news outlet The Express Tribune reports",
	"In an unusually frank assessment",
	"In the most blunt remarks by a US official",
	"Pakistan has denied that it supports the Haqqanis",
	"The official Pakistani response to Washington's accusations",
}

// Chrome around the story on its page, none of which may be printed.
var haqqaniChrome = []string{
	"Skip to", "Recent posts", "Read Comments", "View reader comments",
	"Comment on this story", "A daily summary of global reports", "All Rights Reserved",
}

// flat joins wrapped lines so phrases can be found across line breaks.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestReadByID(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("security.rss"))
	id := strconv.FormatInt(w.items()[0].ID, 10)

	r := w.mustRun("read", id)
	out := flat(r.stdout)
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("read on a pipe printed escape bytes")
	}
	for _, want := range []string{
		"Pakistan refuses to battle Haqqani network", "Terrorism & Security",
		"Khalid Tanveer/Reuters", "23 comments", "Staff writer",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("read lacks %q", want)
		}
	}
	if n := strings.Count(out, "Pakistani protesters in Multan"); n != 1 {
		t.Errorf("caption printed %d times, want once", n)
	}
	last := -1
	for _, p := range haqqaniParagraphs {
		i := strings.Index(out, p)
		if i < 0 {
			t.Errorf("paragraph missing: %q", p)
			continue
		}
		if i < last {
			t.Errorf("paragraph out of order: %q", p)
		}
		last = i
	}
	for _, c := range haqqaniChrome {
		if strings.Contains(out, c) {
			t.Errorf("page chrome printed: %q", c)
		}
	}
	for _, line := range lines(r.stdout) {
		if len([]rune(line)) > 80 {
			t.Errorf("line wider than 80 columns on a pipe: %q", line)
		}
	}

	// Again, from the cache, with the story now read.
	again := w.mustRun("read", id)
	if flat(again.stdout) != out {
		t.Errorf("second read differs from the first")
	}
	if it := w.items()[0]; !it.Read {
		t.Errorf("story not marked read after read")
	}
}

func TestReadByLinkAndPath(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("security.rss"))
	tests := []struct {
		name string
		arg  string
	}{
		{"stored link", w.url("csmonitor-haqqani.html")},
		{"page not in the store", w.url("csmonitor-haqqani.html?utm=1")},
		{"path", "testdata/csmonitor-haqqani.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := w.with(t).mustRun("read", tt.arg, "--width", "100")
			out := flat(r.stdout)
			for _, want := range []string{"Pakistan refuses to battle Haqqani network", "Khalid Tanveer/Reuters", haqqaniParagraphs[6]} {
				if !strings.Contains(out, want) {
					t.Errorf("read %s lacks %q", tt.arg, want)
				}
			}
			if strings.Contains(r.stdout, "\x1b") {
				t.Errorf("escape bytes on a pipe")
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	w := newWorld(t)
	tests := []struct {
		name string
		args []string
		want *regexp.Regexp
	}{
		{"unknown id", []string{"read", "999"}, regexp.MustCompile(`no story with id 999`)},
		{"missing file", []string{"read", "testdata/nothing-here.html"}, regexp.MustCompile(`no such file`)},
		{"page down", []string{"read", closedURL(t)}, regexp.MustCompile(`127\.0\.0\.1`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := w.run(tt.args...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
			oneLine(t, "error", r.stderr)
			if !tt.want.MatchString(r.stderr) {
				t.Errorf("stderr %q does not match %s", r.stderr, tt.want)
			}
		})
	}
}

// A story whose page cannot be fetched falls back to the feed's text: exit 0
// and a note on stderr.
func TestReadFallsBackToFeedText(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("news.rss"))
	items := w.items()
	ferry := items[len(items)-1] // summary only; its page is a 404
	r := w.run("read", strconv.FormatInt(ferry.ID, 10))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(flat(r.stdout), "The early crossing moves to") {
		t.Errorf("feed text not shown: %q", r.stdout)
	}
	oneLine(t, "fallback note", r.stderr)
}

func TestReadFlagsAfterID(t *testing.T) {
	w := newWorld(t)
	w.mustRun("add", w.url("security.rss"))
	id := strconv.FormatInt(w.items()[0].ID, 10)
	a := w.run("read", id, "--width", "60", "--style", "notty")
	b := w.run("--width=60", "read", "--style=notty", "--", id)
	if a.code != 0 || a.code != b.code || a.stdout != b.stdout {
		t.Errorf("read with flags after the id differs: exit %d vs %d\n%s\n---\n%s", a.code, b.code, a.stdout, b.stdout)
	}
	for _, line := range lines(a.stdout) {
		if len([]rune(line)) > 60 {
			t.Errorf("line wider than --width 60: %q", line)
		}
	}
}
