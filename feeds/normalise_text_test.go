package feeds

import (
	"strings"
	"testing"
)

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a<br>b", "a b"},
		{"<p>one</p><p>two</p>", " one  two "},
		{"H<b>e</b>llo", "Hello"},
		{"fish &amp; chips", "fish & chips"},
		{"A &amp;amp; B", "A &amp; B"},
		{"<style>p{}</style>x<script>y</script><template>t</template><noscript>n</noscript>", "x"},
		{`<div class="word">text</div>`, " text "},
		{"<tr><th>name</th><th>count</th></tr>", "  name  count  "}, // table cells are words apart
		{"<pre>code</pre>after<figure>x</figure>", " code after x "},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := HTMLText(tt.in); got != tt.want {
				t.Errorf("HTMLText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkHTMLText(b *testing.B) {
	s := strings.Repeat(`<p>A paragraph with <em>some</em> <a href="https://e.com/x">links</a> and &amp; entities.</p><ul><li>one</li><li>two</li></ul>`, 60)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		HTMLText(s)
	}
}
