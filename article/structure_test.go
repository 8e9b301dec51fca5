package article

import (
	"strings"
	"testing"
)

func TestStructureRewrites(t *testing.T) {
	story := `<p>` + strings.Repeat("The story itself begins here and goes on for a while. ", 4) + `</p>`
	tests := []struct {
		name, page string
		want, gone []string
	}{
		{"line numbers beside the code",
			story + `<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd"><pre class="chroma"><code><span class="lnt">1
</span><span class="lnt">2
</span></code></pre></td><td class="lntd"><pre class="chroma"><code class="language-go" data-lang="go"><span class="line">x := 1
</span><span class="line">y := 2
</span></code></pre></td></tr></table></div></div>` + story,
			[]string{"```go\nx := 1\ny := 2\n```"}, []string{"1\n2\n", "|"}},
		{"language named on the wrapper",
			story + `<div class="language-python highlighter-rouge"><div class="highlight"><pre class="highlight"><code>print("hi")
</code></pre></div></div>` + story,
			[]string{"```python\nprint(\"hi\")\n```"}, nil},
		{"an image with an emphasised line under it",
			story + `<p><img src="https://e.example/cam.jpg" alt="A camera" width="800" height="533" />
<em>The camera, in a food box.</em></p>` + story,
			[]string{"\\[image: A camera\\]\\\nThe camera, in a food box."}, []string{"*The camera"}},
		{"a heading named like page chrome inside the story",
			story + `<h3 class="header-anchor-post">Milk is a loss leader<div class="header-anchor-parent"><button aria-label="Link">Link</button></div></h3>` + story,
			[]string{"### Milk is a loss leader"}, []string{"Link"}},
		{"live-blog entries keep their times",
			`<h1>Live</h1><div class="body"><article class="block"><header><a href="#b2"><time datetime="2025-05-02T07:05:00Z">07.05 BST</time></a></header><h2>Recount called</h2>` + story + `<footer><a href="https://facebook.example/share">Share</a></footer></article><article class="block"><header><time datetime="2025-05-02T06:40:00Z">06.40 BST</time></header>` + story + `</article></div>`,
			[]string{"**07.05 BST**\n\n## Recount called", "**06.40 BST**"}, []string{"Share"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(tt.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.want {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body)
				}
			}
			for _, s := range tt.gone {
				if strings.Contains(a.Body, s) {
					t.Errorf("body keeps %q:\n%s", s, a.Body)
				}
			}
		})
	}
}

// TestLongListsAndManyHeadings: lists are split and headings past a
// bound become bold text, so that rendering stays linear, and nothing
// is lost.
func TestLongListsAndManyHeadings(t *testing.T) {
	var b strings.Builder
	b.WriteString("<article><h1>T</h1><ol>")
	for i := 0; i < 250; i++ {
		b.WriteString("<li>item text</li>")
	}
	b.WriteString("</ol>")
	for i := 0; i < 260; i++ {
		b.WriteString("<h2>Same heading</h2><p>" + strings.Repeat("Text under the heading. ", 4) + "</p>")
	}
	b.WriteString("</article>")
	a, err := Extract(strings.NewReader(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, a, 80, StyleNoTTY)
	for _, want := range []string{"1. item text", "100. item text", "101. item text", "250. item text"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(out, "## Same heading"); n != maxHeadings {
		t.Errorf("%d headings kept as headings, want %d", n, maxHeadings)
	}
	if n := strings.Count(out, "Same heading"); n != 260 {
		t.Errorf("%d of 260 headings shown", n)
	}
}
