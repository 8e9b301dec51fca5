package feeds

import (
	"net/url"
	"strings"
	"testing"
)

func TestResolverOriginDecidesFileLinks(t *testing.T) {
	tests := []struct {
		name, origin, xmlBase, raw, want string
	}{
		{"remote relative", "https://news.example/feed.xml", "", "a.html", "https://news.example/a.html"},
		{"remote http base", "https://news.example/feed.xml", "http://cdn.example/x/", "a.html", "http://cdn.example/x/a.html"},
		{"remote relative base", "https://news.example/f/feed.xml", "../b/", "a.html", "https://news.example/b/a.html"},
		{"remote file base ignored", "https://news.example/feed.xml", "file:///etc/", "passwd", "https://news.example/passwd"},
		{"remote file base in upper case ignored", "https://news.example/feed.xml", "FILE:///etc/", "passwd", "https://news.example/passwd"},
		{"remote javascript base ignored", "https://news.example/feed.xml", "javascript:alert(1)//", "a", "https://news.example/a"},
		{"remote absolute file link", "https://news.example/feed.xml", "", "file:///etc/passwd", ""},
		{"remote opaque file link", "https://news.example/feed.xml", "", "file:etc/passwd", ""},
		{"remote file link without a host", "https://news.example/feed.xml", "", "https:///etc/passwd", ""},
		{"remote data link", "https://news.example/feed.xml", "", "data:text/html,x", ""},
		{"unknown origin file base ignored", "", "file:///etc/", "passwd", "passwd"},
		{"unknown origin file link", "", "", "file:///etc/passwd", ""},
		{"local relative", "file:///home/u/feed.xml", "", "a.html", "file:///home/u/a.html"},
		{"local file base", "file:///home/u/feed.xml", "file:///srv/", "a.html", "file:///srv/a.html"},
		{"local http base", "file:///home/u/feed.xml", "https://site.example/", "a.html", "https://site.example/a.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := newResolver(mustURL(t, tt.origin)).at(tt.xmlBase)
			if got := res.resolve(tt.raw); got != tt.want {
				t.Errorf("resolve(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestAbsHTML(t *testing.T) {
	const origin = "https://news.example/blog/feed.xml"
	tests := []struct {
		name, origin, in, want string
	}{
		{"relative link and image", origin,
			`<p>See <a href="post.html">this</a> <img src="/i/a.png" alt="A"></p>`,
			`<p>See <a href="https://news.example/blog/post.html">this</a> <img src="https://news.example/i/a.png" alt="A"></p>`},
		{"protocol-relative", origin, `<img src="//cdn.example/a.png">`, `<img src="https://cdn.example/a.png">`},
		{"srcset candidates", origin,
			`<img srcset="a.jpg 1x, /b.jpg 2x,c.jpg, https://cdn.example/d.jpg 640w">`,
			`<img srcset="https://news.example/blog/a.jpg 1x, https://news.example/b.jpg 2x, https://news.example/blog/c.jpg, https://cdn.example/d.jpg 640w">`},
		{"untouched markup stays byte for byte", origin,
			`<P CLASS=lead>Caf&eacute; <B>bold</B> <a href="post.html" TITLE='x'>y</a><!-- c --> a < b`,
			`<P CLASS=lead>Caf&eacute; <B>bold</B> <a href="https://news.example/blog/post.html" title="x">y</a><!-- c --> a < b`},
		{"absolute, anchors and other schemes are left alone", origin,
			`<a href="https://x.example/">1</a><a href="#fn1">2</a><a href="mailto:a@b.example">3</a><a href="javascript:x()">4</a><img src="data:image/png;base64,AA==">`,
			`<a href="https://x.example/">1</a><a href="#fn1">2</a><a href="mailto:a@b.example">3</a><a href="javascript:x()">4</a><img src="data:image/png;base64,AA==">`},
		{"file links dropped from a remote document", origin,
			`<a href="file:///etc/passwd">x</a><img src=" FILE:///dev/tty " alt=t><img srcset="file:///a 1x, b.jpg 2x">`,
			`<a>x</a><img alt="t"><img srcset="https://news.example/blog/b.jpg 2x">`},
		{"attribute escaping kept safe", origin,
			`<a href="a&amp;b.html?q=&quot;x&quot;">x</a>`,
			`<a href="https://news.example/blog/a&amp;b.html?q=&#34;x&#34;">x</a>`},
		{"a truncated tag at the end is kept", origin, `<p>x</p><img src="a.`, `<p>x</p><img src="a.`},
		{"script text is not rewritten", origin, `<script>var s = '<img src="a.png">'</script>`, `<script>var s = '<img src="a.png">'</script>`},
		{"local document", "file:///home/u/feed.xml", `<img src="a.png"><a href="file:///home/u/b.html">b</a>`,
			`<img src="file:///home/u/a.png"><a href="file:///home/u/b.html">b</a>`},
		{"no base leaves relative links", "", `<img src="a.png"><a href="file:///etc/passwd">b</a>`,
			`<img src="a.png"><a>b</a>`},
		{"plain text", origin, `no markup, src or href here`, `no markup, src or href here`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newResolver(mustURL(t, tt.origin)).absHTML(tt.in); got != tt.want {
				t.Errorf("absHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// Relative URLs inside an item's HTML mean what the feed meant: resolved
// against xml:base in force, else the feed's own URL (RFC 4287 section 2),
// not against the story's page as a reader would later guess.
func TestItemHTMLResolvedAgainstItsBase(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"Atom entry xml:base", `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry xml:base="https://cdn.example/2024/"><id>1</id><title>a</title><link href="https://news.example/a"/>
<summary type="html">&lt;a href="more.html"&gt;more&lt;/a&gt;</summary>
<content type="html">&lt;p&gt;&lt;a href="story.html"&gt;s&lt;/a&gt; &lt;img src="pic.jpg" srcset="pic-2x.jpg 2x"&gt;&lt;/p&gt;</content>
</entry></feed>`, []string{
			`href="https://cdn.example/2024/more.html"`, `href="https://cdn.example/2024/story.html"`,
			`src="https://cdn.example/2024/pic.jpg"`, `srcset="https://cdn.example/2024/pic-2x.jpg 2x"`}},
		{"Atom without xml:base", `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><id>1</id><title>a</title><link href="https://other.example/2024/05/a"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="story.html">s</a><img src="pic.jpg"/></div></content>
</entry></feed>`, []string{`href="https://news.example/feeds/story.html"`, `src="https://news.example/feeds/pic.jpg"`}},
		{"RSS item xml:base", `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
<item xml:base="https://cdn.example/p/"><guid>1</guid><title>a</title>
<description><![CDATA[<a href="teaser.html">t</a>]]></description>
<content:encoded><![CDATA[<img src="pic.jpg">]]></content:encoded></item></channel></rss>`,
			[]string{`href="https://cdn.example/p/teaser.html"`, `src="https://cdn.example/p/pic.jpg"`}},
		{"RSS without xml:base", `<rss version="2.0"><channel><title>t</title>
<item><guid>1</guid><title>a</title><description><![CDATA[<img src="/i/pic.jpg">]]></description></item></channel></rss>`,
			[]string{`src="https://news.example/i/pic.jpg"`}},
		{"remote Atom with a file xml:base", `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="file:///etc/"><title>t</title>
<entry><id>1</id><title>a</title>
<content type="html">&lt;a href="passwd"&gt;p&lt;/a&gt;&lt;img src="shadow"&gt;</content></entry></feed>`,
			[]string{`<a>p</a>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := Parse(strings.NewReader(tt.doc), mustURL(t, "https://news.example/feeds/all.xml"), ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(feed.Items) != 1 {
				t.Fatalf("items = %d, want 1", len(feed.Items))
			}
			html := feed.Items[0].Summary + "\n" + feed.Items[0].Content
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("item HTML lacks %s:\n%s", w, html)
				}
			}
			if strings.Contains(strings.ToLower(html), "file:") {
				t.Errorf("a remote feed's item HTML links a local file:\n%s", html)
			}
		})
	}
}

// FuzzURLAttrsAbsolute: whenever the cheap scan says absHTML may keep the
// HTML as it is, the tokenizing rewrite indeed changes nothing.
func FuzzURLAttrsAbsolute(f *testing.F) {
	for _, s := range []string{
		`<a href="https://x.example/a">a</a>`, `<img SRC = 'http://x/y.jpg'>`, `<a href=/rel>x</a>`,
		`<a href="&#x6a;avascript:x">x</a>`, `<img srcset="a.jpg 1x">`, `<a href\n=\n"https://x/">`,
		`<a title="href=" href="rel">`, `research on src code`,
	} {
		f.Add(s)
	}
	base, err := url.Parse("https://news.example/feed/")
	if err != nil {
		f.Fatal(err)
	}
	r := resolver{origin: base, base: base}
	f.Fuzz(func(t *testing.T, s string) {
		if urlAttrsAbsolute(s) {
			if got := r.rewriteHTML(s); got != s {
				t.Errorf("urlAttrsAbsolute(%q) but rewriteHTML gives %q", s, got)
			}
		}
	})
}
