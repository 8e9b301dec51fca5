package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2/unstable"
)

func TestAddFeeds(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		feeds []Feed
		added []bool
		want  string
	}{
		{
			name: "duplicate of the file and repeat in the list",
			src:  "# mine\n[[feed]]\nurl = \"https://a.example/feed/\"\n",
			feeds: []Feed{
				{URL: "https://b.example/rss", Title: "B"},
				{URL: "https://a.example/feed"},
				{URL: " https://b.example/rss/ ", Title: "B again"},
			},
			added: []bool{true, false, false},
			want:  "# mine\n[[feed]]\nurl = \"https://a.example/feed/\"\n\n[[feed]]\nurl = \"https://b.example/rss\"\ntitle = \"B\"\n",
		},
		{
			name: "comments and CRLF kept, blocks one blank line apart",
			src:  "# c\r\n[reader]\r\ntheme = \"dark\" # mine\r\n\r\n# end\r\n",
			feeds: []Feed{
				{URL: "https://a.example/", Tags: []string{"x", "y"}},
				{URL: "/srv/b.xml", Title: "B"},
			},
			added: []bool{true, true},
			want: "# c\r\n[reader]\r\ntheme = \"dark\" # mine\r\n\r\n# end\r\n\r\n" +
				"[[feed]]\r\nurl = \"https://a.example/\"\r\ntags = [\"x\", \"y\"]\r\n\r\n" +
				"[[feed]]\r\nurl = \"/srv/b.xml\"\r\ntitle = \"B\"\r\n",
		},
		{
			name:  "nothing new leaves the file alone",
			src:   "[[feed]]\nurl = \"https://a.example/\"\n# trailing comment",
			feeds: []Feed{{URL: "https://a.example"}, {URL: "https://a.example/"}},
			added: []bool{false, false},
			want:  "[[feed]]\nurl = \"https://a.example/\"\n# trailing comment",
		},
		{
			name:  "empty list",
			src:   "# c\n",
			added: []bool{},
			want:  "# c\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeConfig(t, tt.src)
			added, err := AddFeeds(p, tt.feeds)
			if err != nil || !slices.Equal(added, tt.added) {
				t.Fatalf("AddFeeds = %v, %v; want %v", added, err, tt.added)
			}
			if got := readString(t, p); got != tt.want {
				t.Errorf("file =\n%q\nwant\n%q", got, tt.want)
			}
			if _, err := Load(p); err != nil {
				t.Errorf("edited file does not load: %v", err)
			}
		})
	}
}

// TestAddFeedsMatchesAddFeed: one AddFeeds call writes the same file as
// AddFeed called for each feed in turn.
func TestAddFeedsMatchesAddFeed(t *testing.T) {
	list := []Feed{
		{URL: "https://n1.example/", Title: "One", Tags: []string{"t"}},
		{URL: "https://example.com/feed.xml"}, // in ExampleConfig
		{URL: "file:///srv/n2.xml"},
		{URL: "https://n1.example"},
		{URL: "~/feeds/n3.xml", Title: "Three \"quoted\""},
	}
	sources := map[string]string{
		"example":          ExampleConfig,
		"empty":            "",
		"no final newline": "[reader]\ntheme = \"dark\"",
		"CRLF":             "# c\r\n[[feed]]\r\nurl = \"https://a.example/\"\r\n",
		"blank line ends":  "# c\n\n",
	}
	for name, src := range sources {
		t.Run(name, func(t *testing.T) {
			one := writeConfig(t, src)
			var want []bool
			for _, f := range list {
				ok, err := AddFeed(one, f)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, ok)
			}
			batch := writeConfig(t, src)
			got, err := AddFeeds(batch, list)
			if err != nil || !slices.Equal(got, want) {
				t.Fatalf("AddFeeds = %v, %v; AddFeed one by one gave %v", got, err, want)
			}
			if a, b := readString(t, batch), readString(t, one); a != b {
				t.Errorf("AddFeeds wrote\n%q\nAddFeed one by one wrote\n%q", a, b)
			}
		})
	}
}

func TestAddFeedsCreatesFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "newsterm")
	p := filepath.Join(dir, "config.toml")
	if added, err := AddFeeds(p, nil); err != nil || len(added) != 0 {
		t.Fatalf("AddFeeds(nil) = %v, %v", added, err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Fatalf("adding nothing created %s", dir)
	}
	added, err := AddFeeds(p, []Feed{{URL: "https://a.example/"}, {URL: "https://b.example/"}})
	if err != nil || !slices.Equal(added, []bool{true, true}) {
		t.Fatalf("AddFeeds = %v, %v", added, err)
	}
	want := newFileHeader + "\n[[feed]]\nurl = \"https://a.example/\"\n\n[[feed]]\nurl = \"https://b.example/\"\n"
	if got := readString(t, p); got != want {
		t.Errorf("file =\n%q\nwant\n%q", got, want)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}

func TestAddFeedsRefuses(t *testing.T) {
	tests := []struct {
		name, src string
		feeds     []Feed
		words     []string
	}{
		{"broken file", "[fetch]\njobs = 1\n\nnope = \n", []Feed{{URL: "https://a.example/"}}, []string{":4: ", "expected value"}},
		{"broken file, nothing to add", "[fetch]\njob = 1\n", nil, []string{":2: ", "unknown key fetch.job"}},
		{"bad url in the middle", "# c\n", []Feed{{URL: "https://a.example/"}, {URL: "gopher://b.example/"}, {URL: "https://c.example/"}}, []string{`uses "gopher"`}},
		{"inline feed array", "feed = [{url = \"https://a.example/\"}]\n", []Feed{{URL: "https://b.example/"}, {URL: "https://c.example/"}}, []string{"add 2 feeds", "would no longer load"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeConfig(t, tt.src)
			added, err := AddFeeds(p, tt.feeds)
			if err == nil {
				t.Fatalf("AddFeeds = %v, nil; want an error", added)
			}
			if len(added) != len(tt.feeds) || slices.Contains(added, true) {
				t.Errorf("added = %v, want %d × false", added, len(tt.feeds))
			}
			assertOneLine(t, err.Error())
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if got := readString(t, p); got != tt.src {
				t.Errorf("file changed: %q", got)
			}
		})
	}
}

// TestLayoutLines checks the walker's line index against go-toml's own
// Shape, which counts lines the slow way.
func TestLayoutLines(t *testing.T) {
	for name, src := range map[string]string{
		"example": ExampleConfig,
		"CRLF and multi-line values": "# c\r\n[[feed]]\r\nurl = \"https://a.example/\"\r\ntitle = \"\"\"x\r\n# y\"\"\"\r\n" +
			"tags = [\r\n  \"a\",\r\n  \"b\",\r\n]\r\n[keys]\r\nquit = [\"q\",\r\n\"x\"]\r\n",
		"many feeds": manyFeeds(50),
	} {
		t.Run(name, func(t *testing.T) {
			data := []byte(src)
			p := unstable.Parser{}
			p.Reset(data)
			w := walker{p: &p, newlines: newlineOffsets(data)}
			checked := 0
			var check func(n *unstable.Node)
			check = func(n *unstable.Node) {
				if n.Raw.Length > 0 {
					s := p.Shape(n.Raw)
					start, end := w.lineAt(int(n.Raw.Offset)), w.lineAt(int(n.Raw.Offset+n.Raw.Length))
					if start != s.Start.Line || end != s.End.Line {
						t.Fatalf("node %q: lines %d–%d, Shape says %d–%d", p.Raw(n.Raw), start, end, s.Start.Line, s.End.Line)
					}
					checked++
				}
				for it := n.Children(); it.Next(); {
					check(it.Node())
				}
			}
			for p.NextExpression() {
				check(p.Expression())
			}
			if err := p.Error(); err != nil || checked == 0 {
				t.Fatalf("parsed with %v, checked %d nodes", err, checked)
			}
		})
	}
}

// manyFeeds is a config file with n [[feed]] blocks, as an import writes
// them.
func manyFeeds(n int) string {
	var b strings.Builder
	b.WriteString(newFileHeader)
	for i := range n {
		fmt.Fprintf(&b, "\n[[feed]]\nurl = \"http://127.0.0.1:9/feed%d.xml\"\ntitle = \"Feed %d\"\ntags = [\"t%d\"]\n", i, i, i%7)
	}
	return b.String()
}

// BenchmarkAddFeeds1000 is an OPML import of 1,000 feeds into an empty
// config file: one read, two parses, one atomic write.
func BenchmarkAddFeeds1000(b *testing.B) {
	list := make([]Feed, 1000)
	for i := range list {
		list[i] = Feed{URL: fmt.Sprintf("http://127.0.0.1:9/feed%d.xml", i), Title: fmt.Sprintf("Feed %d", i), Tags: []string{"imported"}}
	}
	p := filepath.Join(b.TempDir(), "config.toml")
	for b.Loop() {
		b.StopTimer()
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		added, err := AddFeeds(p, list)
		if err != nil || !added[len(added)-1] {
			b.Fatalf("AddFeeds = %v", err)
		}
	}
}

// BenchmarkLoad1000 is the config load every command starts with, at
// 1,000 feeds.
func BenchmarkLoad1000(b *testing.B) {
	p := filepath.Join(b.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(manyFeeds(1000)), 0o600); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c, err := Load(p)
		if err != nil || len(c.Feeds) != 1000 {
			b.Fatalf("Load = %v", err)
		}
	}
}
