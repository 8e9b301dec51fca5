package feeds

import (
	"slices"
	"testing"
)

func collectWords(f func(func(string))) []string {
	out := []string{}
	f(func(w string) { out = append(out, w) })
	return out
}

// longWay is what HTMLWords promises: TextWords over HTMLText.
func longWay(s string) []string {
	return collectWords(func(y func(string)) { TextWords(HTMLText(s), y) })
}

var htmlWordCases = []string{
	`<p>The <b>Haqqani</b> network&#39;s reach&mdash;far &amp; wide.</p><p>Next</p>`,
	`<div class="xylophone" title="a > b"><p>Kraków's café</p></div><script>var secret = "</p>";</script>tail`,
	`H<b>e</b>llo`, `Hel<br>lo`, `word</b><i>more`, `word</b><p>more`, `caf&eacute; &laquo;x&raquo;`,
	`<!-- note -->text`, `a < b && c`, `<style>p{}</style><STYLE >q</style >w`, `<textarea>a<b>c</textarea>`,
	`AT&amp;T &#8220;quoted&#8221; &#x2014;dash&#xZZ; &unknown;`, `<img src="x.jpg" alt="alt text">after`,
	`<a href='https://x.example/?a=1&b=2'>link</a>`, `unterminated <a href="x`, `</ p>`, `<?xml?>x`,
	`東京、大阪 <em>naïve</em>ly`, "tab\tnew\nline\u2028sep",
}

func TestHTMLWordsMatchesTheLongWay(t *testing.T) {
	for _, s := range htmlWordCases {
		got := collectWords(func(y func(string)) { HTMLWords(s, y) })
		if want := longWay(s); !slices.Equal(got, want) {
			t.Errorf("HTMLWords(%q)\n got %q\nwant %q", s, got, want)
		}
	}
}

// TestHTMLWordsFastPathCoversFeedMarkup: the one pass must accept the
// markup feeds are made of, or it saves nothing.
func TestHTMLWordsFastPathCoversFeedMarkup(t *testing.T) {
	for _, s := range []string{
		`<p>Officials said on <a href="https://x.example/a?b=1&amp;c=2">Tuesday</a> that talks would resume &amp; continue&hellip;</p>`,
		`<figure><img src="https://cdn.example/1.jpg" alt="A photo"><figcaption>Caption — credit</figcaption></figure>`,
		`<blockquote><p>技術 piñata</p><cite>Chloé Dubois</cite></blockquote><pre><code>func main() {}</code></pre>`,
		`<ul><li>One</li><li>Two&nbsp;three</li></ul><h3>Heading</h3><script>x()</script>`,
	} {
		if !scanHTMLWords(s, func(string) {}) {
			t.Errorf("the one pass leaves %q to the long way", s)
		}
	}
}

func TestTextWords(t *testing.T) {
	got := collectWords(func(y func(string)) { TextWords("network's reach—far, “quoted” 東京、大阪 a1", y) })
	want := []string{"network", "s", "reach", "far", "quoted", "東京、大阪", "a1"}
	if !slices.Equal(got, want) {
		t.Errorf("TextWords = %q, want %q", got, want)
	}
}

func FuzzHTMLWords(f *testing.F) {
	for _, s := range htmlWordCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := collectWords(func(y func(string)) { HTMLWords(s, y) })
		if want := longWay(s); !slices.Equal(got, want) {
			t.Errorf("HTMLWords(%q)\n got %q\nwant %q", s, got, want)
		}
	})
}
