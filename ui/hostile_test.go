package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/article"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/store"
)

// payloads are things a feed, a page or a server can send that would act
// on the terminal if they reached it. "pwned" marks text that must vanish
// with its sequence.
var payloads = []struct{ name, s string }{
	{"OSC title", "\x1b]0;pwned\x07Real Title"},
	{"OSC title ST", "\x1b]2;pwned\x1b\\Real Title"},
	{"clear screen", "\x1b[2JReal Title"},
	{"cursor move", "Real\x1b[10;10HTitle"},
	{"unterminated OSC", "Real Title\x1b]0;pwned"},
	{"DCS", "\x1bPpwned\x1b\\Real Title"},
	{"C1 CSI", "\u009b2JReal Title"},
	{"C1 OSC", "\u009d0;pwned\u009cReal Title"},
	{"raw C1 byte", "Real \x9b31mTitle"},
	{"bidi override", "Real \u202eeltiT\u202c"},
	{"bidi isolate", "\u2067Real Title\u2069"},
	{"decoded entity", "Real &#27;[2J\x1b[2JTitle"}, // what glamour makes of &#27;
	{"bell backspace CR DEL", "Real\x07\b\r\x7f Title"},
	{"OSC 8 javascript", "\x1b]8;;javascript:alert(1)\x07Real Title\x1b]8;;\x07"},
	{"OSC 52 clipboard", "\x1b]52;c;cHduZWQ=\x07Real Title"},
	{"SGR inside", "\x1b[5mReal Title\x1b[0m"},
}

// terminalSafe checks s against the allow-list: SGR and http(s) OSC 8
// only, no other control, no C1, no bidi controls.
func terminalSafe(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("invalid UTF-8")
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			end, err := allowedSequence(s[i:])
			if err != nil {
				return fmt.Errorf("at %d: %w: %q", i, err, s[i:min(i+24, len(s))])
			}
			i += end
			continue
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f:
			return fmt.Errorf("control %U at %d", r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return fmt.Errorf("bidi control %U at %d", r, i)
		}
		i += n
	}
	return nil
}

// allowedSequence measures the escape sequence at the start of s if it is
// SGR or an http(s) (or closing) OSC 8.
func allowedSequence(s string) (int, error) {
	if strings.HasPrefix(s, "\x1b[") {
		for j := 2; j < len(s); j++ {
			c := s[j]
			switch {
			case c == 'm':
				return j + 1, nil
			case c >= '0' && c <= '9' || c == ';' || c == ':':
			default:
				return 0, errors.New("CSI other than SGR")
			}
		}
		return 0, errors.New("unterminated CSI")
	}
	if strings.HasPrefix(s, "\x1b]8;") {
		body, end := s[4:], -1
		if k := strings.IndexAny(body, "\x07\x1b"); k >= 0 {
			end = k
		}
		if end < 0 {
			return 0, errors.New("unterminated OSC 8")
		}
		_, uri, _ := strings.Cut(body[:end], ";")
		if uri != "" && !strings.HasPrefix(uri, "http://") && !strings.HasPrefix(uri, "https://") {
			return 0, errors.New("OSC 8 to a non-http link")
		}
		if body[end] == 0x07 {
			return 4 + end + 1, nil
		}
		if strings.HasPrefix(body[end:], "\x1b\\") {
			return 4 + end + 2, nil
		}
		return 0, errors.New("bad OSC 8 terminator")
	}
	return 0, errors.New("escape other than SGR and OSC 8")
}

func TestTerminalSafeCatchesPayloads(t *testing.T) {
	for _, p := range payloads {
		if p.name == "SGR inside" {
			continue // SGR is allowed in a frame; it is the fields that drop it
		}
		t.Run(p.name, func(t *testing.T) {
			if terminalSafe(p.s) == nil {
				t.Fatalf("the checker accepts %q", p.s)
			}
		})
	}
}

// hostileStore puts payload p into every field a stranger controls.
func hostileStore(p string) *fakeStore {
	fs := newFakeStore()
	fs.addFeed("https://evil.example/rss", p, p)
	fs.addFeed("https://evil.example/two", "Plain feed")
	fs.feeds[0].LastError = p
	for range 3 {
		it := fs.addItem("https://evil.example/rss", p, 0)
		fs.items[len(fs.items)-1].Author = p
		fs.bodies[it.ID] = [2]string{p, p}
	}
	fs.addItem("https://evil.example/two", "Fine story "+p, 0)
	return fs
}

// hostileBackend returns p from the renderer, the page loader and the
// network, as a renderer that decodes &#27; or a server's error line would.
func hostileBackend(fs *fakeStore, p string) backend {
	b := testBackend(fs)
	b.render = func(a article.Article, w int, _ string) (string, error) {
		return p + "\n" + a.Title + "\n" + strings.Repeat(p, 3), nil
	}
	b.loadArticle = func(_ context.Context, it article.FeedItem) (article.Article, string, error) {
		return article.Article{Title: p, Body: p, Links: []string{p}}, "page failed: " + p, nil
	}
	b.refresh = func(_ context.Context, list []store.Feed, pr refresh.Progress) (refresh.Summary, error) {
		sum := refresh.Summary{Feeds: len(list), Failed: []refresh.Failure{}}
		for i, f := range list {
			err := errors.New("fetch: " + p)
			sum.Failed = append(sum.Failed, refresh.Failure{URL: f.URL, Error: err.Error()})
			if pr != nil {
				pr(i+1, len(list), f.URL, err)
			}
		}
		return sum, nil
	}
	b.fetchPage = func(context.Context, string) (feeds.Page, error) { return feeds.Page{}, errors.New(p) }
	return b
}

// TestHostileTextNeverReachesTheTerminal drives hostile fixtures through
// the real model at each layout and checks every frame and every child
// view (so each sink filters, not only the final one).
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	steps := []tea.Msg{
		keyMsg("j"), keyMsg("enter"), keyMsg("v"), keyMsg("v"), keyMsg("esc"), keyMsg("R"),
		failedMsg{err: errors.New("x")}, keyMsg("?"), keyMsg("?"), keyMsg("h"), keyMsg("j"),
		keyMsg("j"), keyMsg("d"), keyMsg("n"), keyMsg("/"), keyMsg("\x1b]0;title\x07\x9b2J"), keyMsg("enter"),
		keyMsg("a"), keyMsg("https://evil.example/\x1b[2J"), keyMsg("enter"), keyMsg("1"), keyMsg("o"),
	}
	for _, p := range payloads {
		for _, size := range [][2]int{{160, 45}, {100, 30}, {70, 24}} {
			t.Run(fmt.Sprintf("%s/%dx%d", p.name, size[0], size[1]), func(t *testing.T) {
				fs := hostileStore(p.s)
				m := newModel(hostileBackend(fs, p.s), testConfig(), darkTheme())
				m = drive(t, m, m.Init())
				m = send(t, m, sizeMsg(size[0], size[1]))
				check := func(when string) {
					t.Helper()
					views := map[string]string{
						"View": m.View(), "feeds": m.feeds.view(true), "items": m.items.view(true, m.emptyText()),
						"reader": m.reader.view("", "v"), "status": m.statusLine(),
					}
					for sink, v := range views {
						if err := terminalSafe(v); err != nil {
							t.Fatalf("after %s, %s: %v", when, sink, err)
						}
						if strings.Contains(v, "pwned") {
							t.Fatalf("after %s, %s shows the body of a removed sequence", when, sink)
						}
					}
				}
				check("start")
				for i, msg := range steps {
					if msg, ok := msg.(failedMsg); ok {
						msg.err = errors.New(p.s)
					}
					m = send(t, m, msg)
					check(fmt.Sprintf("step %d (%v)", i, msg))
				}
			})
		}
	}
}

// TestHostileArticleThroughTheRealRenderer feeds entity-encoded escapes
// (which an HTML decoder or glamour turns into live ESC bytes) through
// package article's real FromFeed and Render into the reader pane.
func TestHostileArticleThroughTheRealRenderer(t *testing.T) {
	bodies := []string{
		"<p>Before &#27;]0;pwned&#7; after</p>",
		"<p>&#x1b;[2J cleared? &#155;31m C1</p>",
		"<h2>Head &#27;]8;;javascript:alert(1)&#27;\\click&#27;]8;;&#27;\\</h2><p>&#8238;reversed&#8236; text</p>",
		"<pre><code>\x1b]0;pwned\x07 code</code></pre>",
		`<p><a href="javascript:alert(1)">link</a> and <a href="https://ok.example/">ok</a></p>`,
	}
	for i, body := range bodies {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			fs := sampleStore()
			fs.bodies[1] = [2]string{body, body}
			b := testBackend(fs)
			b.render = article.Render
			b.loadArticle = func(_ context.Context, it article.FeedItem) (article.Article, string, error) {
				return article.FromFeed(it), "", nil
			}
			for _, style := range []string{"dark", "notty"} {
				m := newModel(b, testConfig(), darkTheme())
				m.styles.ArticleStyle = style
				m = drive(t, m, m.Init())
				m = send(t, m, sizeMsg(160, 45))
				m = press(t, m, "enter")
				if m.reader.rendered.id != 1 {
					t.Fatalf("%s: the story did not render: %q", style, m.reader.err)
				}
				for name, v := range map[string]string{"View": m.View(), "reader": m.reader.view("", "v")} {
					if err := terminalSafe(v); err != nil {
						t.Fatalf("%s %s: %v", style, name, err)
					}
					if strings.Contains(v, "pwned") {
						t.Fatalf("%s %s shows the body of a removed sequence", style, name)
					}
				}
			}
		})
	}
}
