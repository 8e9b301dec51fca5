package article

import (
	"strings"
	"testing"
)

// TestFeedTextShowsPunctuationLiterally: text from a feed or a page
// reaches the reader exactly, whatever markdown made of it.
func TestFeedTextShowsPunctuationLiterally(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"ampersand", `<p>The 06:40 &amp; the late one</p>`, []string{"The 06:40 & the late one"}},
		{"literal references", `<p>AT&amp;T wrote &amp;amp; and &amp;#27; and &amp;copy</p>`, []string{"AT&T wrote &amp; and &#27; and &copy"}},
		{"angle brackets", `<p>if a &lt; b &amp;&amp; c &gt; d, print &lt;b&gt;</p>`, []string{"if a < b && c > d, print <b>"}},
		{"markdown punctuation", `<p>*stars* _under_ [brackets] #hash 1. $5 50% a~b~c x|y "q" it's a/b c:d e@f ^g?</p>`,
			[]string{`*stars* _under_ [brackets] #hash 1. $5 50% a~b~c x|y "q" it's a/b c:d e@f ^g?`}},
		{"heading and list", `<h2>Tuesday: mixing &amp; resting</h2><ul><li>salt &amp; water</li></ul>`, []string{"Tuesday: mixing & resting", "salt & water"}},
		{"table cell", `<table><tr><th>A &amp; B</th><th>x | y</th></tr><tr><td>1 &lt; 2</td><td>3</td></tr></table>`, []string{"A & B", "x | y", "1 < 2"}},
		{"code span", `<p>run <code>a &amp;&amp; b \&amp; &amp;lt;</code> now</p>`, []string{`run a && b \& &lt; now`}},
		{"code block", `<pre><code>echo a \&amp; b &lt;x&gt; &amp;amp;</code></pre>`, []string{`echo a \& b <x> &amp;`}},
		{"figure caption", `<p>` + strings.Repeat("Words of the story. ", 5) + `</p><figure><img src="https://e.example/a.jpg" alt="Salt &amp; pepper"><figcaption>Fish &amp; chips. Photograph: A &amp; B</figcaption></figure>`,
			[]string{"[image: Salt & pepper]", "Fish & chips. — A & B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := FromFeed(FeedItem{Title: "T", Link: "https://e.example/story", Content: tt.html})
			out := render(t, a, 100, StyleNoTTY)
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s\nbody: %q", want, out, a.Body)
				}
			}
			if tt.name != "code block" && tt.name != "code span" && strings.Contains(out, `\`) {
				t.Errorf("a markdown escape shows:\n%s", out)
			}
			plain := PlainText(a)
			for _, want := range tt.want {
				if strings.HasPrefix(want, "[image") {
					continue
				}
				if !strings.Contains(collapseSpace(plain), collapseSpace(want)) && !strings.Contains(tt.name, "table") {
					t.Errorf("search text lacks %q: %q", want, plain)
				}
			}
		})
	}
}

func TestGlamourText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a \& b`, `a &#38; b`},
		{`AT&T &amp; &lt; &copy &#27; &#xZZ;`, `AT&amp;T &amp; &lt; &amp;copy &#27; &amp;#xZZ;`},
		{"`a & \\& b` \\`x`", "`a &amp; \\&amp; b` &#96;x`"},
		{"```go\na \\& b\n```\nc \\& d", "```go\na \\& b\n```\nc &#38; d"},
		{"> ```\n> x \\& y\n> ```", "> ```\n> x \\& y\n> ```"},
		{"line\\\nbreak", "line\\\nbreak"},
		{"no escapes", "no escapes"},
	}
	for _, tt := range tests {
		if got := glamourText(tt.in); got != tt.want {
			t.Errorf("glamourText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
