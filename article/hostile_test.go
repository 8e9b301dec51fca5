package article

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// unsafeEscape returns a description of the first byte sequence in out
// that a terminal would act on other than SGR colour and OSC 8 links to
// http(s), or "" when there is none.
func unsafeEscape(out string) string {
	for i := 0; i < len(out); {
		c := out[i]
		if c == 0x1b {
			end := escapeEnd(out, i)
			seq := out[i:end]
			if !isSGRSeq(seq) && !isSafeLink(seq) {
				return fmt.Sprintf("escape %q at %d", seq, i)
			}
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("invalid UTF-8 at %d", i)
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
			return fmt.Sprintf("control %#x at %d", r, i)
		case r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("C1 control %#x at %d", r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("bidi control %#x at %d", r, i)
		}
		i += size
	}
	return ""
}

func isSGRSeq(seq string) bool {
	if len(seq) < 3 || !strings.HasPrefix(seq, "\x1b[") || !strings.HasSuffix(seq, "m") {
		return false
	}
	return strings.Trim(seq[2:len(seq)-1], "0123456789;:") == ""
}

func isSafeLink(seq string) bool {
	body, ok := strings.CutPrefix(seq, "\x1b]8;")
	if !ok {
		return false
	}
	body = strings.TrimSuffix(strings.TrimSuffix(body, "\x1b\\"), "\x07")
	_, uri, ok := strings.Cut(body, ";")
	return ok && (uri == "" || strings.HasPrefix(uri, "https://") || strings.HasPrefix(uri, "http://"))
}

func checkTerminalSafe(t *testing.T, out string) {
	t.Helper()
	if bad := unsafeEscape(out); bad != "" {
		t.Errorf("output carries %s", bad)
	}
}

const hostilePage = `<!DOCTYPE html><html><head>
<title>&#27;]0;pwned&#7;Real Title</title>
<meta property="og:title" content="&#27;]0;pwned&#7;Real Title &#x202e;evil">
<meta name="author" content="&#27;[31mMallory">
<script>document.title = "owned"; alert(1)</script>
<style>body{background:url(javascript:alert(1))}</style>
<script type="application/ld+json">{"@type":"NewsArticle","commentCount":"7","author":{"name":"\u001b]0;x\u0007Eve"}}</script>
</head><body onload="alert('load')">
<iframe src="javascript:alert(1)"></iframe><object data="evil.swf"></object><embed src="evil.swf">
<article>
<h1 onclick="alert(2)">Real Title</h1>
<p onmouseover="alert(3)">A paragraph that is long enough to count as story text, with an escape &#27;]0;x&#7; hidden in it and a colour &#27;[31mred&#27;[0m too, plus a C1 byte &#x9b;2J and a bidi override &#x202e;here.</p>
<p>Links of every kind follow in this second story paragraph: <a href="javascript:alert(4)">js link</a>, <a href="JaVaScRiPt:alert(5)">mixed case</a>, <a href="java&#09;script:alert(6)">tabbed</a>, <a href="data:text/html,&lt;script&gt;alert(7)&lt;/script&gt;">data link</a>, <a href="file:///etc/passwd">file link</a>, <a href="vbscript:msgbox(8)">vb link</a>, <a href="https://example.com/ok">good link</a>.</p>
<p><img src="data:image/png;base64,AAAA" alt="&#27;]52;c;cGF3bmVk&#7;pixel" onerror="alert(9)"> and <svg onload="alert(10)"><script>alert(11)</script></svg> and a <form action="javascript:alert(12)"><input value="x"><button formaction="javascript:alert(13)">go</button></form> end of the third story paragraph, which is long enough.</p>
<template><p>template text</p></template><noscript><p>noscript text</p></noscript>
</article></body></html>`

func TestHostilePage(t *testing.T) {
	base, _ := url.Parse("https://example.com/story")
	a, err := Extract(strings.NewReader(hostilePage), base)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Real Title evil" && a.Title != "Real Title" {
		t.Errorf("Title = %q, want the text without escapes", a.Title)
	}
	if a.Byline != "Mallory" {
		t.Errorf("Byline = %q, want Mallory", a.Byline)
	}
	if len(a.Links) != 1 || a.Links[0] != "https://example.com/ok" {
		t.Errorf("Links = %q, want only the https link", a.Links)
	}
	for _, style := range []string{StyleNoTTY, StyleDark, StyleLight} {
		out := render(t, a, 80, style)
		checkTerminalSafe(t, out)
		for _, bad := range []string{"alert", "owned", "pwned", "javascript", "vbscript", "data:", "file:", "template text", "noscript text", "]0;", "]52;"} {
			if strings.Contains(strings.ToLower(out), bad) {
				t.Errorf("%s output contains %q", style, bad)
			}
		}
		for _, text := range []string{"js link", "mixed case", "tabbed", "data link", "file link", "vb link", "good link [1]"} {
			if !strings.Contains(collapseSpace(stripForTest(out)), text) {
				t.Errorf("%s output lost the link text %q", style, text)
			}
		}
	}
}

// TestHostileStructure feeds pages built to be slow or deep; each must
// come back, flattened, with its text.
func TestHostileStructure(t *testing.T) {
	para := "<p>" + strings.Repeat("Word after word of ordinary story text. ", 4) + "</p>"
	tests := []struct {
		name string
		page string
		want string
	}{
		{"1000 nested divs", strings.Repeat("<div>", 1000) + para + "deep text" + strings.Repeat("</div>", 1000), "deep text"},
		{"1000 nested inline", "<p>" + strings.Repeat("<b><i>", 1000) + "inline text" + strings.Repeat("</i></b>", 1000) + "</p>" + para, "inline text"},
		{"unclosed nesting", strings.Repeat("<div><span>", 5000) + para + "unclosed text", "unclosed text"},
		{"end tags the parser ignores", strings.Repeat("<div><object></div></object>", 20000) + para + "scoped text", "scoped text"},
		{"10k paragraphs", strings.Repeat(para, 10000) + "<p>last paragraph</p>", "last paragraph"},
		{"nested lists", strings.Repeat("<ul><li>", 2000) + "list text" + para, "list text"},
		{"nested tables", strings.Repeat("<table><tr><td>", 1000) + "cell text" + para, "cell text"},
		{"empty", "", ""},
		{"only text", "just some text", "just some text"},
		{"binary", "\x00\x01\x02\xff\xfe<p>\x1b[2J bytes</p>", "bytes"},
	}
	base, _ := url.Parse("https://example.com/story")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(tt.page), base)
			if err != nil {
				t.Fatal(err)
			}
			out := render(t, a, 80, StyleDark)
			checkTerminalSafe(t, out)
			if !strings.Contains(stripForTest(out), tt.want) {
				t.Errorf("output lost %q", tt.want)
			}
		})
	}
}

func TestInputIsCapped(t *testing.T) {
	page := "<p>" + strings.Repeat("a", maxInput) + "</p><p>after the cap</p>"
	a, err := Extract(strings.NewReader(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body, "after the cap") {
		t.Error("text past the input cap was read")
	}
}

func TestPrepareFlattensNesting(t *testing.T) {
	pg, err := prepare(strings.NewReader(strings.Repeat("<div>", 1000) + "x" + strings.Repeat("</div>", 1000)))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseDocument(pg, nil)
	if err != nil {
		t.Fatal(err)
	}
	depth, deepest := 0, 0
	var visit func(n *htmlNode, d int)
	visit = func(n *htmlNode, d int) {
		if d > deepest {
			deepest = d
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, d+1)
		}
	}
	visit(doc, depth)
	if deepest > maxDepth+8 {
		t.Errorf("tree is %d deep, want at most about %d", deepest, maxDepth)
	}
	if !strings.Contains(textOf(doc), "x") {
		t.Error("flattening lost the text")
	}
}
