package article

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseFragment(t *testing.T, markup string) *html.Node {
	t.Helper()
	pg, err := prepare(strings.NewReader(markup))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseDocument(pg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestCaptionAndCredit(t *testing.T) {
	tests := []struct {
		name, figure, caption, credit string
	}{
		{"credit element", `<figcaption>Protesters in Multan. <span class="credit">Khalid Tanveer/Reuters</span></figcaption>`, "Protesters in Multan.", "Khalid Tanveer/Reuters"},
		{"small", `<figcaption>Boats in the harbour <small>Photo: Ana Ruiz</small></figcaption>`, "Boats in the harbour", "Ana Ruiz"},
		{"cite", `<figcaption>A quiet street.<cite>Jo Park/City Desk</cite></figcaption>`, "A quiet street.", "Jo Park/City Desk"},
		{"Photograph:", `<figcaption>People cool off in Paris. Photograph: Stéphane de Sakutin/AFP/Getty Images</figcaption>`, "People cool off in Paris.", "Stéphane de Sakutin/AFP/Getty Images"},
		{"Photo by", `<figcaption>Seedlings in March. Photo by Maria Lopez</figcaption>`, "Seedlings in March.", "Maria Lopez"},
		{"parenthesised agency", `<figcaption>Residents wade through a street. (AP Photo/Carlos Macedo)</figcaption>`, "Residents wade through a street.", "AP Photo/Carlos Macedo"},
		{"trailing agency line", "<figcaption>Protesters shout slogans.<br>Khalid Tanveer/Reuters</figcaption>", "Protesters shout slogans.", "Khalid Tanveer/Reuters"},
		{"trailing agency sentence", `<figcaption>Protesters shout slogans on Friday. Khalid Tanveer/Reuters</figcaption>`, "Protesters shout slogans on Friday.", "Khalid Tanveer/Reuters"},
		{"hidden labels", `<span class="Copyright"><span class="visually-hidden">Image source, </span>Getty Images</span><figcaption><span class="VisuallyHidden">Image caption, </span>Fire near Lindos</figcaption>`, "Fire near Lindos", "Getty Images"},
		{"label inside caption", `<figcaption><span class="sr-only">Image caption, </span>Fire near Lindos. <span class="sr-only">Image source, </span>Reuters</figcaption>`, "Fire near Lindos.", "Reuters"},
		{"Illustration:", `<figcaption>Illustration: Guardian Design</figcaption>`, "", "Guardian Design"},
		{"no credit", `<figcaption>A photo by the harbour shows boats at rest.</figcaption>`, "A photo by the harbour shows boats at rest.", ""},
		{"slash in text is not a credit", `<figcaption>Prices rose 5% year/year in May.</figcaption>`, "Prices rose 5% year/year in May.", ""},
		{"wordpress caption", `<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">The garden in June. Credit: Maria Lopez</p></div>`, "The garden in June.", "Maria Lopez"},
		{"visible credit label", `<figcaption><span>Shelves of tools.</span><span class="css-1ly73wi">Credit</span><span class="css-1ly73wi">...</span><span><span>Oliver Marsh for The Daily Record</span></span></figcaption>`, "Shelves of tools.", "Oliver Marsh for The Daily Record"},
		{"agency with several slashes", `<figcaption><span>Cranes stand idle, March 5, 2025. <a href="/reprints">REUTERS/Anna Kowal/File Photo</a></span><span class="x"><a href="/reprints">Purchase Licensing Rights</a>, opens new tab</span></figcaption>`, "Cranes stand idle, March 5, 2025.", "REUTERS/Anna Kowal/File Photo"},
		{"linked credit after Photo by", `<figcaption>The one good stand. Photo by <a href="https://u.example/@m">Maren Kolb</a> / <a href="https://u.example/">Unsplash</a></figcaption>`, "The one good stand.", "Maren Kolb / Unsplash"},
		{"parenthesised Image:", `<figcaption>The pool has been closed since 2023 <span class="caption-credit">(Image: Newsquest)</span></figcaption>`, "The pool has been closed since 2023", "Newsquest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseFragment(t, `<figure><img src="a.jpg" alt="a">`+tt.figure+`</figure>`)
			fig := find(doc, func(n *html.Node) bool { return isTag(n, "figure") })
			caption, credit := captionAndCredit(fig)
			if caption != tt.caption || credit != tt.credit {
				t.Errorf("got (%q, %q), want (%q, %q)", caption, credit, tt.caption, tt.credit)
			}
		})
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Staff writer / September 26, 2011", "Staff writer"},
		{"by Jane Doe", "Jane Doe"},
		{"BY DIANE JEANTET and MAURICIO SAVARESE", "Diane Jeantet and Mauricio Savarese"},
		{"Jane Doe | Reuters", "Jane Doe"},
		{"Jane Doe, Updated 3 hours ago", "Jane Doe"},
		{"Jane Doe, September 26, 2011", "Jane Doe"},
		{"Written by: Ana Ruiz", "Ana Ruiz"},
		{"https://example.com/profile/jane", ""},
		{"  Nick Beake\n  Europe correspondent ", "Nick Beake"},
		{"Mary O'Neil", "Mary O'Neil"},
		{"\x1b]0;x\x07Eve", "Eve"},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"312", 312, true}, {"1,234", 1234, true}, {"1.2k", 1200, true}, {"3K", 3000, true},
		{"1.234", 1234, true}, {"abc", 0, false}, {"", 0, false}, {"-5", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseCount(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseCount(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCommentCounts(t *testing.T) {
	base, _ := url.Parse("https://news.example/story")
	tests := []struct {
		name, page string
		count      int // -1: unknown
		url        string
	}{
		{"link text", `<a href="#comments">312 comments</a>`, 312, "https://news.example/story#comments"},
		{"parenthesised", `<h2><a href="/story/comments">Comments (1,024)</a></h2>`, 1024, "https://news.example/story/comments"},
		{"counter element", `<span class="comment-count">17</span><a href="#respond">Leave a reply</a>`, 17, "https://news.example/story#respond"},
		{"one", `<a href="#comments">1 Comment</a>`, 1, "https://news.example/story#comments"},
		{"screen-reader suffix", `<a href="#comments">4 Comments<span class="screen-reader-text"> on A long post title that goes on</span></a>`, 4, "https://news.example/story#comments"},
		{"json-ld count", `<script type="application/ld+json">{"@type":"NewsArticle","commentCount":"58"}</script>`, 58, ""},
		{"interaction statistic", `<script type="application/ld+json">{"@type":"BlogPosting","interactionStatistic":[{"@type":"InteractionCounter","interactionType":"https://schema.org/LikeAction","userInteractionCount":900},{"@type":"InteractionCounter","interactionType":{"@type":"CommentAction"},"userInteractionCount":"42"}]}</script>`, 42, ""},
		{"only a link", `<a href="#comments">Read comments</a>`, -1, "https://news.example/story#comments"},
		{"a number that is not a count", `<p>312 people attended.</p><span class="price">17</span>`, -1, ""},
		{"nothing", `<p>Story.</p>`, -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := prepare(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parseDocument(pg, base)
			if err != nil {
				t.Fatal(err)
			}
			c := findComments(newPageInfo(doc, base, parseLinkedData(pg.jsonLD)))
			switch {
			case tt.count < 0 && c.Count != nil:
				t.Errorf("count = %d, want unknown", *c.Count)
			case tt.count >= 0 && (c.Count == nil || *c.Count != tt.count):
				t.Errorf("count = %v, want %d", c.Count, tt.count)
			}
			if c.URL != tt.url {
				t.Errorf("URL = %q, want %q", c.URL, tt.url)
			}
		})
	}
}

func TestLinkedData(t *testing.T) {
	ld := parseLinkedData([][]byte{
		[]byte(`not json`),
		[]byte(`{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle","Article"],"headline":"Headline","articleSection":["Politics","World"],"author":[{"@type":"Person","name":"A One"},{"name":"B Two"},"C Three"],"datePublished":"2024-01-02T03:04:05Z","image":{"@type":"ImageObject","url":"https://e.example/i.jpg","caption":"A caption","width":{"@type":"QuantitativeValue","value":1200},"height":"800"}}]}`),
	})
	if ld.Headline != "Headline" || ld.Section != "Politics" || ld.Author != "A One, B Two and C Three" || ld.Published != "2024-01-02T03:04:05Z" {
		t.Errorf("linked data = %+v", ld)
	}
	if ld.Image.URL != "https://e.example/i.jpg" || ld.Image.Caption != "A caption" || ld.Image.Width != 1200 || ld.Image.Height != 800 {
		t.Errorf("image = %+v", ld.Image)
	}
}

// TestHeaderLayouts checks the header rules on small pages written the
// ways sites write them.
func TestHeaderLayouts(t *testing.T) {
	story := `<p>` + strings.Repeat("The story itself begins here and goes on for a while. ", 4) + `</p>`
	tests := []struct {
		name, page                  string
		title, section, dek, byline string
	}{
		{"breadcrumb", `<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/science">Science</a></li><li><a href="/science/space">Space</a></li></ol></nav><h1>Rocket lands</h1>` + story,
			"Rocket lands", "Space", "", ""},
		{"kicker and standfirst", `<header><a class="article-kicker" href="/politics">Politics</a><h1>Vote passes</h1><p class="standfirst">The bill now goes to the upper house for a final reading.</p><p class="byline">By <a rel="author" href="/a">Sam Lee</a></p></header>` + story,
			"Vote passes", "Politics", "The bill now goes to the upper house for a final reading.", "Sam Lee"},
		{"h2 after h1", `<h1>Storm hits coast</h1><h2>Thousands without power as winds reach 100mph</h2><div class="author-name">Kim Cho</div>` + story,
			"Storm hits coast", "", "Thousands without power as winds reach 100mph", "Kim Cho"},
		{"title tag only", `<head><title>Markets rally on rate hopes | Money Daily</title></head><body>` + story,
			"Markets rally on rate hopes", "", "", ""},
		{"itemprop author", `<h1>Quiet week</h1><span itemprop="author" itemscope><span itemprop="name">Lee Park</span></span>` + story,
			"Quiet week", "", "", "Lee Park"},
		{"meta description repeating the body is no dek", `<head><meta name="description" content="The story itself begins here and goes on for a while."></head><h1>A</h1>` + story,
			"A", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(tt.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Section != tt.section || a.Dek != tt.dek || a.Byline != tt.byline {
				t.Errorf("got title %q, section %q, dek %q, byline %q", a.Title, a.Section, a.Dek, a.Byline)
			}
			if !strings.HasPrefix(a.Body, "The story itself begins") {
				t.Errorf("body does not start with the story:\n%s", a.Body)
			}
		})
	}
}
