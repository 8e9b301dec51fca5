package article

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// Pages well under the 8 MiB input cap, built from blocks that are cheap
// to send and costly to lay out: identical headings make goldmark's heading
// IDs quadratic and one long list makes glamour count every item's earlier
// siblings. In the reader a render runs on every open and every resize, so
// the cost must grow linearly with the page; compare the two sizes of each
// page (go test ./article -run '^$' -bench RenderHostile). Before headings
// past a bound became bold text and long lists were split, the 1 MiB list
// took over 20 s and the 1 MiB heading page about 6 minutes.
func BenchmarkRenderHostile(b *testing.B) {
	pages := []struct {
		name, unit, wrap string
	}{
		{"identical-headings", "<h2>h</h2><p>text here.</p>", "%s"},
		{"one-long-list", "<li>item text</li>", "<ul>%s</ul>"},
	}
	base, _ := url.Parse("https://example.com/story")
	for _, p := range pages {
		for _, size := range []int{128 << 10, 512 << 10} {
			page := strings.Replace(p.wrap, "%s", strings.Repeat(p.unit, size/len(p.unit)), 1)
			b.Run(fmt.Sprintf("%s-%dKiB", p.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				for b.Loop() {
					a, err := Extract(strings.NewReader(page), base)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := Render(a, 80, StyleNoTTY); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
