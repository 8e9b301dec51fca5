package article

import (
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// fixture is one saved page and the feed item that pointed at it.
type fixture struct {
	name string // testdata/<name>.html
	url  string // where the page was served
	item *FeedItem
}

func haqqaniItem() *FeedItem {
	count := 23
	return &FeedItem{
		Title:     "Pakistan refuses to battle Haqqani network",
		Link:      "https://www.csmonitor.com/World/terrorism-security/2011/0926/Pakistan-refuses-to-battle-Haqqani-network",
		Author:    "Staff writer",
		Published: time.Date(2011, 9, 26, 14, 5, 0, 0, time.UTC),
		Summary:   "Pakistan said Sunday that it would not heed US calls to crack down on the Haqqani network, a militant group that Washington blames for the 20-hour siege on its embassy in Kabul this month.",
		Section:   "Terrorism & Security",
		Photo: &feeds.Photo{
			URL:     "https://www.csmonitor.com/World/terrorism-security/2011/0926/photos/multan-protest.jpg",
			Caption: "Pakistani protesters in Multan, Pakistan, shout slogans condemning the US for accusing the country's most powerful intelligence agency of supporting extremist attacks against American targets in Afghanistan, Friday.",
			Credit:  "Khalid Tanveer/Reuters",
			Width:   600, Height: 400,
		},
		Comments: feeds.Comments{Count: &count, URL: "https://www.csmonitor.com/World/terrorism-security/2011/0926/Pakistan-refuses-to-battle-Haqqani-network#comments"},
	}
}

var fixtures = []fixture{
	{"csmonitor-haqqani", "https://www.csmonitor.com/World/terrorism-security/2011/0926/Pakistan-refuses-to-battle-Haqqani-network", haqqaniItem()},
	{"wire-flood", "https://wirenews.example/article/brazil-floods-rio-grande-do-sul-4b2c", nil},
	{"guardian-heatwave", "https://www.theguardian.com/world/2019/jul/25/paris-heatwave-record", nil},
	{"bbc-wildfires", "https://www.bbc.co.uk/news/world-europe-66271123", nil},
	{"wordpress-tomatoes", "https://gardennotes.example/2023/06/14/tomatoes/", nil},
	{"blog-json", "https://ana.example/posts/faster-json/", nil},
	{"reuters-port", "https://www.wirewire.example/business/autos-transportation/dockworkers-end-strike-2025-03-12/", nil},
	{"times-library", "https://www.dailyrecord.example/2024/10/06/us/alder-falls-library-tools.html", nil},
	{"liveblog-election", "https://www.courier.example/local/live/2025/may/02/harbour-by-election-results-live", nil},
	{"wp-tt4-bakery", "https://millbrook.example/2024/11/18/sourdough-three-days/", nil},
	{"ghost-casper", "https://spokes.example/repairing-100-bicycles/", nil},
	{"substack-letter", "https://smallchange.example/p/corner-shop-economics", nil},
	{"medium-essay", "https://medium.example/@kasiawren/dark-mode-month-3b9f1c", nil},
	{"hugo-papermod", "https://shednotes.example/posts/token-bucket/", nil},
	{"jekyll-minima", "https://wren.example/2024/02/11/counting-birds.html", nil},
	{"drupal-council", "https://elmsteadgazette.example/news/2025/04/new-bus-lanes-station-road", nil},
	{"blogger-walks", "https://fellwalks.example/2024/09/the-long-way-round-haystacks.html", nil},
	{"main-pullquote", "https://www.northernreview.example/features/last-lighthouse-keeper", nil},
	{"regional-cookies", "https://www.valleyecho.example/news/abermill/25011234.swimming-pool-reopen/", nil},
	{"ap-wildfire", "https://assocwire.example/article/colorado-wildfire-containment-2f3e", nil},
}

// extractFixture extracts a fixture page and merges its feed item.
func extractFixture(t testing.TB, fx fixture) Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", fx.name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	base, err := url.Parse(fx.url)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(f, base)
	if err != nil {
		t.Fatalf("Extract(%s): %v", fx.name, err)
	}
	if fx.item != nil {
		a = Merge(a, *fx.item)
	}
	return a
}

func render(t testing.TB, a Article, width int, style string) string {
	t.Helper()
	out, err := Render(a, width, style)
	if err != nil {
		t.Fatalf("Render(width %d, %s): %v", width, style, err)
	}
	return out
}

// checkGolden compares got with testdata/golden/name, or rewrites it
// under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./article/ -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("output differs from %s (-update rewrites it):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got part.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + "\n  want: " + quote(wl) + "\n  got:  " + quote(gl) + "\n")
			if shown++; shown == 5 {
				break
			}
		}
	}
	return b.String()
}

func quote(s string) string { return "\"" + strings.ReplaceAll(s, "\x1b", `\x1b`) + "\"" }

func itoa(n int) string { return groupThousands(n) }

func TestGoldenPages(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			a := extractFixture(t, fx)
			out := sanitize.Strip(render(t, a, 80, StyleDark))
			checkGolden(t, fx.name+".txt", out)
			checkWidth(t, out, 80, a.Links)
		})
	}
}

func TestGoldenWholeFeedItem(t *testing.T) {
	it := wholeFeedItem(t)
	if !IsWholeStory(it) {
		t.Fatal("IsWholeStory = false for a complete story")
	}
	a := FromFeed(it)
	out := sanitize.Strip(render(t, a, 80, StyleDark))
	checkGolden(t, "feed-whole.txt", out)
	checkWidth(t, out, 80, a.Links)
}

func TestGoldenWidths(t *testing.T) {
	a := extractFixture(t, fixtures[0])
	for _, width := range []int{40, 120} {
		t.Run(itoa(width), func(t *testing.T) {
			out := sanitize.Strip(render(t, a, width, StyleDark))
			checkGolden(t, "csmonitor-haqqani.w"+itoa(width)+".txt", out)
			checkWidth(t, out, width, a.Links)
		})
	}
}

// TestGoldenStyled keeps one raw rendering, escapes and all, so that a
// change of colours or weights shows up in review.
func TestGoldenStyled(t *testing.T) {
	a := extractFixture(t, fixtures[0])
	out := render(t, a, 80, StyleDark)
	checkGolden(t, "csmonitor-haqqani.ansi.txt", out)
	if out == sanitize.Strip(out) {
		t.Error("dark style rendered no styling at all")
	}
}

func TestGoldenPlain(t *testing.T) {
	a := extractFixture(t, fixtures[0])
	out := render(t, a, 80, StyleNoTTY)
	checkGolden(t, "csmonitor-haqqani.notty.txt", out)
	if strings.ContainsRune(out, 0x1b) {
		t.Error("notty output carries escape bytes")
	}
}

// checkWidth fails for any line wider than width, except lines of the
// Links list that hold one unbreakable URL.
func checkWidth(t *testing.T, out string, width int, links []string) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if w := displayWidth(line); w > width && !isLinkLine(line, links) {
			t.Errorf("line %d is %d columns wide, more than %d: %q", i+1, w, width, sanitize.Strip(line))
		}
	}
}

func isLinkLine(line string, links []string) bool {
	plain := strings.TrimSpace(sanitize.Strip(line))
	for _, l := range links {
		if strings.HasSuffix(plain, l) && strings.HasPrefix(plain, "[") {
			return true
		}
	}
	return false
}

func wholeFeedItem(t testing.TB) FeedItem {
	t.Helper()
	content, err := os.ReadFile(filepath.Join("testdata", "feed-whole.html"))
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	return FeedItem{
		Title:     "Council votes to close Market Street to cars",
		Link:      "https://citydesk.example/2024/03/market-street-car-free",
		Author:    "Jo Park",
		Published: time.Date(2024, 3, 12, 22, 40, 0, 0, time.UTC),
		Summary:   "<p>Three blocks will be car-free from next spring after a 7–2 vote.</p>",
		Content:   string(content),
		Section:   "City Hall",
		Comments:  feeds.Comments{Count: &count, URL: "https://citydesk.example/2024/03/market-street-car-free#comments"},
	}
}
