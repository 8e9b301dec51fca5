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
