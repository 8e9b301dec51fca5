package article

import (
	"strings"
	"testing"
)

func TestCommentCountsInPages(t *testing.T) {
	story := `<p>` + strings.Repeat("The story itself begins here and goes on for a while. ", 4) + `</p>`
	ld := func(body string) string {
		return `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",` + body + `}</script>`
	}
	tests := []struct {
		name, page string
		want       int // -1: unknown
	}{
		{"count then word", `<h1>T</h1><a href="#comments">312 comments</a>` + story, 312},
		{"word then count", `<h1>T</h1><a href="#comments" class="js-link">Comments (312)</a>` + story, 312},
		{"count with a colon", `<h1>T</h1>` + story + `<a class="comment-link" href="/p.html#comment-form">6 comments:</a>`, 6},
		{"thousands", `<h1>T</h1><span class="comment-count">1.2K</span>` + story, 1200},
		{"json-ld comment count", ld(`"commentCount":23`) + story, 23},
		{"json-ld interaction statistic", ld(`"interactionStatistic":[{"@type":"InteractionCounter","interactionType":"https://schema.org/LikeAction","userInteractionCount":90},{"@type":"InteractionCounter","interactionType":{"@type":"CommentAction"},"userInteractionCount":"1,204"}]`) + story, 1204},
		{"json-ld user comments", ld(`"interactionCount":"UserComments:27"`) + story, 27},
		{"bare number in a labelled button", `<h1>T</h1><button aria-label="responses"><span>41</span></button>` + story, 41},
		{"a vote count is no comment count", `<h1>T</h1><div class="pw-multi-vote-count"><span>1.8K</span></div>` + story, -1},
		{"an archive's post count is no comment count", `<h1>T</h1>` + story + `<aside><a class="post-count-link" href="/2024/">2024</a> <span class="post-count">(14)</span></aside>`, -1},
		{"a story sentence is no count", `<h1>T</h1>` + story + `<p>There were 12 comments at the hearing.</p>`, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(tt.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want < 0 && a.Comments.Count != nil:
				t.Errorf("count = %d, want unknown", *a.Comments.Count)
			case tt.want >= 0 && (a.Comments.Count == nil || *a.Comments.Count != tt.want):
				t.Errorf("count = %v, want %d", a.Comments.Count, tt.want)
			}
		})
	}
}
