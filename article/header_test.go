package article

import (
	"strings"
	"testing"
	"time"
)

// TestHeaderMarkup covers header fields in the markup of common
// publishing systems.
func TestHeaderMarkup(t *testing.T) {
	story := `<p>` + strings.Repeat("The story itself begins here and goes on for a while. ", 4) + `</p>`
	tests := []struct {
		name, page            string
		section, dek, byline  string
		date                  string // 2006-01-02, "" for none
		notInBody, stayInBody string
	}{
		{"a By label of its own before the name",
			`<h1>T</h1><p class="byline"><span class="byline-prefix">By </span><span itemprop="name"><a href="/by/ruth">Ruth Amsel</a></span></p>` + story,
			"", "", "Ruth Amsel", "", "", ""},
		{"the site title links to the author in the page banner",
			`<header class="site-header" role="banner"><a class="site-title" rel="author" href="/">Wren's workbench</a></header><article><header><h1>T</h1><p class="post-meta"><time datetime="2024-02-11T10:00:00+00:00">Feb 11, 2024</time> • <span itemprop="author" itemscope><span itemprop="name">Wren Ellis</span></span></p></header>` + story + `</article>`,
			"", "", "Wren Ellis", "2024-02-11", "", ""},
		{"submitted by, in the article's own footer",
			`<h1>T</h1><article><footer class="node__meta"><div class="node__submitted">Submitted by <span typeof="schema:Person" property="schema:name">Gareth Pryce</span> on <time datetime="2025-04-08T11:15:36+01:00">Tue, 04/08/2025 - 11:15</time></div></footer><div class="field--name-body">` + story + `</div></article>`,
			"", "", "Gareth Pryce", "2025-04-08", "Submitted by", ""},
		{"a published abbr with a machine-readable title",
			`<h3 class="post-title">T</h3><div class="post-body">` + story + `</div><div class="post-footer">Posted by <span class="fn" itemprop="author"><span itemprop="name">Megan Hart</span></span> at <abbr class="published" itemprop="datePublished" title="2024-09-15T19:42:00+01:00">19:42</abbr></div>`,
			"", "", "Megan Hart", "2024-09-15", "", ""},
		{"the odds and ends around a byline go with it",
			`<article><h1>T</h1><div class="ab"><div class="cd"><a href="/@k"><img alt="Kasia Wren" width="44" height="44" src="https://e.example/a.jpg"></a><a data-testid="authorName" href="/@k">Kasia Wren</a> · <a href="/follow">Follow</a></div><div><span>5 min read</span> · <span>Aug 9, 2024</span></div><div><span>1.8K</span></div></div>` + story + `</article>`,
			"", "", "Kasia Wren", "", "min read", "The story itself"},
		{"a placeholder section is no kicker",
			`<head><meta property="article:section" content="posts"></head><h1>T</h1>` + story,
			"", "", "", "", "", ""},
		{"a menu whose class says section is no kicker",
			`<div class="tabs section"><ul><li><a href="/">Home</a></li><li><a href="/p/list.html">The list</a></li></ul></div><h1>T</h1>` + story,
			"", "", "", "", "", ""},
		{"the primary tag is the kicker",
			`<article><header><div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/workshop/">Workshop</a></span></div><h1>T</h1></header>` + story + `</article>`,
			"Workshop", "", "", "", "", ""},
		{"a summary list is no dek and stays in the body",
			`<head><meta name="description" content="Dockworkers went back to work after a pay deal that ends the strike."></head><h1>T</h1><div class="body"><ul data-testid="Summary"><li>Unions accept 6.5% rise</li><li>Backlog to take a week</li></ul>` + story + `</div>`,
			"", "Dockworkers went back to work after a pay deal that ends the strike.", "", "", "", "Unions accept 6.5% rise"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(tt.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !a.Published.IsZero() {
				date = a.Published.Format(time.DateOnly)
			}
			if a.Section != tt.section || a.Dek != tt.dek || a.Byline != tt.byline || date != tt.date {
				t.Errorf("got section %q, dek %q, byline %q, date %q\nwant        %q, %q, %q, %q",
					a.Section, a.Dek, a.Byline, date, tt.section, tt.dek, tt.byline, tt.date)
			}
			if tt.notInBody != "" && strings.Contains(a.Body, tt.notInBody) {
				t.Errorf("body keeps %q:\n%s", tt.notInBody, a.Body)
			}
			if tt.stayInBody != "" && !strings.Contains(a.Body, tt.stayInBody) {
				t.Errorf("body lost %q:\n%s", tt.stayInBody, a.Body)
			}
		})
	}
}

func TestLinkedDataImageReference(t *testing.T) {
	ld := parseLinkedData([][]byte{[]byte(`{"@context":"https://schema.org","@graph":[` +
		`{"@type":"Article","headline":"H","image":{"@id":"https://e.example/p/#primaryimage"}},` +
		`{"@type":"ImageObject","@id":"https://e.example/p/#primaryimage","url":"https://e.example/loaves.jpg","width":1600,"height":1067,"caption":"Loaves cooling on the rack"}]}`)})
	want := ldImage{URL: "https://e.example/loaves.jpg", Caption: "Loaves cooling on the rack", Width: 1600, Height: 1067}
	if ld.Image != want {
		t.Errorf("image = %+v, want %+v", ld.Image, want)
	}
}
