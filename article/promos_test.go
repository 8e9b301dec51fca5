package article

import (
	"net/url"
	"strings"
	"testing"
)

// TestPromotionsWithoutNames: boxes and prompts that no class name
// gives away still go, and the story around them stays.
func TestPromotionsWithoutNames(t *testing.T) {
	para := func(s string) string {
		return `<p>` + s + ` ` + strings.Repeat("The story goes on with more words. ", 5) + `</p>`
	}
	tests := []struct {
		name, page string
		gone, kept []string
	}{
		{"newsletter box found by its email field",
			para("First.") + `<div class="c-box"><h3>The Morning Echo</h3><p>Our best local stories in your inbox.</p><form action="/n"><input type="email" name="email"><button>Sign me up</button></form><p>By signing up you agree to our privacy notice.</p></div>` + para("Second."),
			[]string{"Morning Echo", "inbox", "privacy notice", "Sign me up"}, []string{"First.", "Second."}},
		{"sign-in prompt found by where its links go",
			para("First.") + `<div class="x1"><p>We are having trouble retrieving the article content.</p><p>Please <a href="https://myaccount.news.example/auth/login">log into</a> your account, or <a href="/subscription/all-access">subscribe</a>.</p></div>` + para("Second."),
			[]string{"trouble retrieving", "log into"}, []string{"First.", "Second."}},
		{"a story link to another site's sign-up page stays",
			para("First.") + `<p>The agency opened <a href="https://agency.example.gov/register">a register of lost dogs</a> on Monday.</p>` + para("Second."),
			nil, []string{"register of lost dogs"}},
		{"a standards line after the story",
			para("First.") + para("Last.") + `<div class="row"><p>Our Standards: <a href="/info/trust-principles/">The Trust Principles.</a>, opens new tab</p></div>`,
			[]string{"Our Standards", "Trust Principles"}, []string{"First.", "Last."}},
		{"teasers for other stories",
			para("First.") + para("Last.") + `<section><h2>More stories</h2><article><h3><a href="/a">Reservoirs fall to record lows</a></h3><p>Water managers across seven states say they are preparing for cuts next year as reservoirs drop.</p></article><article><h3><a href="/b">Heat records fall for a third day</a></h3><p>Phoenix hit 118 degrees on Monday, and forecasters said relief was not expected until the weekend.</p></article></section>`,
			[]string{"More stories", "Reservoirs", "Phoenix"}, []string{"First.", "Last."}},
		{"a list of books in the story stays",
			para("First.") + `<section><h2>Five books for the summer</h2><div><h3><a href="https://books.example/tide">The Tide Clock</a></h3><p>A novel about a lighthouse and the family who kept it for three generations.</p></div><div><h3><a href="https://books.example/salt">Salt Roads</a></h3><p>A history of the trade routes that carried salt across the north of England.</p></div></section>` + para("Last."),
			nil, []string{"Five books for the summer", "The Tide Clock", "Salt Roads", "three generations"}},
		{"a section of the story with a linked heading stays",
			para("First.") + `<section><h2><a href="/timeline">Timeline</a></h2>` + para("In 2019.") + `</section>`,
			nil, []string{"Timeline", "In 2019."}},
		{"a last sentence with a link stays",
			para("First.") + `<p>The full report is <a href="/report.pdf">on the council's website</a> and runs to 212 pages.</p>`,
			nil, []string{"First.", "runs to 212 pages"}},
	}
	base, _ := url.Parse("https://www.news.example/2025/story")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(`<html><body><article><h1>Headline</h1>`+tt.page+`</article></body></html>`), base)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.gone {
				if strings.Contains(a.Body, s) {
					t.Errorf("body keeps %q:\n%s", s, a.Body)
				}
			}
			for _, s := range tt.kept {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lost %q:\n%s", s, a.Body)
				}
			}
		})
	}
}

func TestLinkPostStays(t *testing.T) {
	a := FromFeed(FeedItem{Title: "Worth reading", Link: "https://blog.example/p/2",
		Content: `<p>Worth reading: <a href="https://paper.example/long-read">a long look at harbour seals</a>.</p>`})
	if !strings.Contains(a.Body, "a long look at harbour seals") || len(a.Links) != 1 {
		t.Errorf("a link post lost its link:\n%s", a.Body)
	}
}

func TestFeedSignOffGoes(t *testing.T) {
	content := `<p>` + strings.Repeat("A whole story told in the feed itself, sentence after sentence. ", 12) + `</p>` +
		`<p>The post <a href="https://blog.example/p/1">Whole story</a> appeared first on <a href="https://blog.example/">The Blog</a>.</p>`
	a := FromFeed(FeedItem{Title: "Whole story", Link: "https://blog.example/p/1", Content: content})
	if strings.Contains(a.Body, "appeared first") || len(a.Links) != 0 {
		t.Errorf("the feed's sign-off stayed:\n%s\nlinks %q", a.Body, a.Links)
	}
	if !strings.Contains(a.Body, "A whole story told in the feed itself") {
		t.Errorf("the story went:\n%s", a.Body)
	}
}

func TestSameSite(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"myaccount.news.example", "www.news.example", true},
		{"account.paper.co.uk", "www.paper.co.uk", true},
		{"www.other.co.uk", "www.paper.co.uk", false},
		{"news.example", "news.example.net", false},
	}
	for _, tt := range tests {
		if got := sameSite(tt.a, tt.b); got != tt.want {
			t.Errorf("sameSite(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
