package ui

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"
)

func TestBrowserArgv(t *testing.T) {
	tests := []struct {
		name, link, env, goos string
		want                  []string
		err                   string
	}{
		{"xdg-open", "https://example.com/a?b=c&d", "", "linux", []string{"xdg-open", "https://example.com/a?b=c&d"}, ""},
		{"macOS open", "http://example.com/", "", "darwin", []string{"open", "http://example.com/"}, ""},
		{"$BROWSER with flags", "https://example.com/", "firefox --new-tab", "linux", []string{"firefox", "--new-tab", "https://example.com/"}, ""},
		{"$BROWSER list takes the first", "https://example.com/", "w3m:lynx", "linux", []string{"w3m", "https://example.com/"}, ""},
		{"shell text stays one argument", "https://example.com/$(reboot);x|y`id`", "", "linux", []string{"xdg-open", "https://example.com/$(reboot);x|y`id`"}, ""},
		{"leading dash", "-https://example.com/", "", "linux", nil, "starts with '-'"},
		{"option injection", "--help", "", "linux", nil, "starts with '-'"},
		{"javascript", "javascript:alert(1)", "", "linux", nil, "only http and https"},
		{"file", "file:///etc/passwd", "", "linux", nil, "only http and https"},
		{"data", "data:text/html,<script>", "", "linux", nil, "only http and https"},
		{"no host", "https:///path", "", "linux", nil, "only http and https"},
		{"relative", "/local/path", "", "linux", nil, "only http and https"},
		{"space", "https://example.com/a b", "", "linux", nil, "control"},
		{"newline", "https://example.com/\nrm", "", "linux", nil, "control"},
		{"escape", "https://example.com/\x1b]0;x\x07", "", "linux", nil, "control"},
		{"empty", "", "", "linux", nil, "no link"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := browserArgv(tc.link, tc.env, tc.goos)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want one saying %q", err, tc.err)
				}
				if terminalSafe(err.Error()) != nil {
					t.Fatalf("the error echoes raw control text: %q", err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("argv %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestOpenKeysStartTheBrowser(t *testing.T) {
	fs := sampleStore()
	fs.items[0].Comments.URL = "https://news.example/comments/1"
	var opened [][]string
	b := testBackend(fs)
	b.openURL = func(argv []string) error { opened = append(opened, argv); return nil }
	b.getenv = func(k string) string {
		if k == "BROWSER" {
			return "mybrowser"
		}
		return ""
	}
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	m = press(t, m, "o", "c", "j", "c")
	want := [][]string{
		{"mybrowser", "https://example.com/1"},
		{"mybrowser", "https://news.example/comments/1"},
	}
	if len(opened) != 2 || !slices.Equal(opened[0], want[0]) || !slices.Equal(opened[1], want[1]) {
		t.Fatalf("opened %q, want %q", opened, want)
	}
	if !strings.Contains(m.status.info, "no comments page") {
		t.Fatalf("a story without a comments page says %q", m.status.info)
	}
}

func TestNumberedLinks(t *testing.T) {
	fs := sampleStore()
	var opened []string
	b := testBackend(fs)
	inner := b.loadArticle
	b.loadArticle = func(ctx contextT, it articleFeedItem) (articleT, string, error) {
		a, note, err := inner(ctx, it)
		a.Links = []string{"https://one.example/", "javascript:alert(1)"}
		return a, note, err
	}
	b.openURL = func(argv []string) error { opened = append(opened, argv[len(argv)-1]); return nil }
	m := newModel(b, testConfig(), darkTheme())
	m = drive(t, m, m.Init())
	m = send(t, m, sizeMsg(160, 40))
	m = press(t, m, "enter", "1")
	if !slices.Equal(opened, []string{"https://one.example/"}) {
		t.Fatalf("1 opened %q", opened)
	}
	m = press(t, m, "2")
	if len(opened) != 1 || !strings.Contains(m.status.err, "only http and https") {
		t.Fatalf("a javascript: link was not refused (status %q)", m.status.err)
	}
	m = press(t, m, "9")
	if !strings.Contains(m.status.info, "no link 9") {
		t.Fatalf("status %q", m.status.info)
	}
}

func TestCopyLinkWritesOSC52(t *testing.T) {
	tests := []struct {
		name, tmux, term, prefix string
	}{
		{"plain", "", "xterm-256color", "\x1b]52;c;"},
		{"tmux", "/tmp/tmux-0/default,1,0", "screen", "\x1bPtmux;\x1b\x1b]52;c;"},
		{"screen", "", "screen.xterm", "\x1bP\x1b]52;c;"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			b := testBackend(sampleStore())
			b.clipboard = &out
			b.getenv = func(k string) string {
				return map[string]string{"TMUX": tc.tmux, "TERM": tc.term}[k]
			}
			m := newModel(b, testConfig(), darkTheme())
			m = drive(t, m, m.Init())
			m = send(t, m, sizeMsg(160, 40))
			next, cmd := m.Update(keyMsg("y"))
			m = next.(model)
			if cmd != nil {
				t.Fatal("copying left a command to run: the sequence must be written from Update, in order with the frames")
			}
			enc := base64.StdEncoding.EncodeToString([]byte("https://example.com/1"))
			if !strings.HasPrefix(out.String(), tc.prefix) || !strings.Contains(out.String(), enc) {
				t.Fatalf("wrote %q, want %q…%s", out.String(), tc.prefix, enc)
			}
			if !strings.Contains(m.status.info, "copied") {
				t.Fatalf("status %q", m.status.info)
			}
		})
	}
}

// FuzzBrowserArgv: whatever the link and $BROWSER, an accepted link is an
// http(s) URL passed whole as the last argument, never starting with '-',
// holding no space or control character.
func FuzzBrowserArgv(f *testing.F) {
	f.Add("https://example.com/a?b=c", "", "linux")
	f.Add("-oProxyCommand=x", "firefox", "linux")
	f.Add("javascript:alert(1)", "", "darwin")
	f.Add("https://e.com/\x1b]0;x\x07", "sh -c", "linux")
	f.Add("file:///etc/passwd", "lynx:w3m", "windows")
	f.Fuzz(func(t *testing.T, link, browser, goos string) {
		argv, err := browserArgv(link, browser, goos)
		if err != nil {
			return
		}
		if len(argv) < 2 || argv[len(argv)-1] != link {
			t.Fatalf("link is not the last argument: %q", argv)
		}
		if strings.HasPrefix(link, "-") {
			t.Fatalf("option-like link accepted: %q", link)
		}
		lower := strings.ToLower(link)
		if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
			t.Fatalf("non-http link accepted: %q", link)
		}
		for _, r := range link {
			if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("control or space in accepted link: %q", link)
			}
		}
	})
}
