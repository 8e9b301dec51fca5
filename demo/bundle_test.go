package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"image"
	_ "image/jpeg" // the bundle's photos are JPEGs
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsterm/newsterm/feeds"
)

// parseNow is after every date in the bundle, so nothing is clamped.
var parseNow = time.Date(2026, time.November, 28, 12, 0, 0, 0, time.UTC)

// parseAll fetches every subscribed feed from env and parses it, keyed by
// its path in the bundle.
func parseAll(t *testing.T, env *Env) map[string]feeds.Feed {
	t.Helper()
	out := map[string]feeds.Feed{}
	for _, u := range env.FeedURLs {
		base, err := url.Parse(u)
		if err != nil {
			t.Fatal(err)
		}
		r := get(t, newRequest(t, http.MethodGet, u))
		f, err := feeds.Parse(bytes.NewReader(r.body), base, feeds.ParseOptions{Now: parseNow})
		if err != nil {
			t.Fatalf("feeds.Parse %s: %v", u, err)
		}
		if len(f.Items) == 0 {
			t.Fatalf("feeds.Parse %s: no items", u)
		}
		out[path.Base(u)] = f
	}
	return out
}

func TestFeedsParse(t *testing.T) {
	env := startEnv(t)
	for name, f := range parseAll(t, env) {
		for _, it := range f.Items {
			t.Run(name+"/"+it.Title, func(t *testing.T) {
				if it.Title == "" || !utf8.ValidString(it.Title) {
					t.Errorf("title %q is empty or not UTF-8", it.Title)
				}
				urls := []string{it.Link, it.Comments.URL}
				if it.Photo != nil {
					urls = append(urls, it.Photo.URL)
				}
				for _, u := range urls {
					if u != "" && !strings.HasPrefix(u, env.BaseURL) {
						t.Errorf("URL %q does not resolve to the demo server %s", u, env.BaseURL)
					}
				}
				if it.Photo != nil {
					wantServed(t, it.Photo.URL, "image/jpeg")
				}
				if strings.TrimSpace(it.Content) == "" {
					// Summary only: the reader extracts the story from its page.
					wantServed(t, it.Link, "text/html")
				}
			})
		}
	}
}

func wantServed(t *testing.T, u, contentType string) {
	t.Helper()
	r := get(t, newRequest(t, http.MethodGet, u))
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), contentType) {
		t.Errorf("%s: status %d, Content-Type %q; want 200 %s", u, r.status, r.header.Get("Content-Type"), contentType)
	}
}

// TestFeedsShowTheProductOff checks the stories that each demonstrate a
// feature: known, zero and unknown comment counts, photo captions and
// credits, an HTML-typed Atom title decoded once.
func TestFeedsShowTheProductOff(t *testing.T) {
	unknown := -1
	tests := []struct {
		feed, title string // title: a prefix of the item's title
		comments    int    // -1: unknown
		photo       bool
		credit      string
		page        bool // the story's page is bundled
	}{
		{"security.rss", "Pakistan refuses to battle Haqqani network", 23, true, "Khalid Tanveer/Reuters", true},
		{"asia-desk.rss", "京都の紅葉", 18, true, "Misaki Sato/Asia Pacific Desk", true},
		{"asia-desk.rss", "深圳地铁22号线", 0, true, "", true},
		{"asia-desk.rss", "🎉 Seoul's night markets", 5, false, "", false},
		{"asia-desk.rss", "☕ 百年茶行", 12, false, "", true},
		{"harbour-ledger.json", "Winter ferry timetable", unknown, true, "", false},
		{"harbour-ledger.json", "Library opens on Sundays", unknown, false, "", false},
		{"tidewater.atom", "How we halved p99 write latency", 42, false, "", false},
		{"tidewater.atom", "Postmortem: the Tuesday DNS outage & what we changed", 7, false, "", false},
		{"tidewater.atom", "Tidewater CLI 3.4", unknown, false, "", false},
		{"orbit-frontpage.rss", "SQLite in WAL mode", 187, false, "", true},
		{"orbit-frontpage.rss", "Auroras could be visible", 31, false, "", true},
	}
	parsed := parseAll(t, startEnv(t))
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			it, ok := findItem(parsed[tc.feed], tc.title)
			if !ok {
				t.Fatalf("%s has no item titled %q...", tc.feed, tc.title)
			}
			switch c := it.Comments.Count; {
			case tc.comments == unknown && c != nil:
				t.Errorf("comment count %d, want unknown", *c)
			case tc.comments != unknown && (c == nil || *c != tc.comments):
				t.Errorf("comment count %v, want %d", c, tc.comments)
			}
			if (it.Photo != nil) != tc.photo {
				t.Fatalf("photo %+v, want photo: %v", it.Photo, tc.photo)
			}
			if it.Photo != nil && it.Photo.Credit != tc.credit {
				t.Errorf("photo credit %q, want %q", it.Photo.Credit, tc.credit)
			}
			if tc.page {
				wantServed(t, it.Link, "text/html")
			}
		})
	}
}

func findItem(f feeds.Feed, titlePrefix string) (feeds.Item, bool) {
	for _, it := range f.Items {
		if strings.HasPrefix(it.Title, titlePrefix) {
			return it, true
		}
	}
	return feeds.Item{}, false
}

// linkValue finds every URL a feed document gives: attributes, RSS link
// elements and JSON Feed URL members.
var linkValue = regexp.MustCompile(`(?:\b(?:href|url)="([^"]*)"|<(?:link|comments|wfw:commentRss)>([^<]*)<|"(?:url|image|home_page_url|feed_url)":\s*"([^"]*)")`)

func TestRelativeLinksResolveToTheServer(t *testing.T) {
	env := startEnv(t)
	server, err := url.Parse(env.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	docs := append([]string{"comments-haqqani.rss"}, subscriptionPaths()...)
	for _, name := range docs {
		t.Run(name, func(t *testing.T) {
			doc := get(t, newRequest(t, http.MethodGet, env.BaseURL+name))
			base := server.JoinPath(name)
			matches := linkValue.FindAllSubmatch(doc.body, -1)
			if len(matches) == 0 {
				t.Fatal("no links found")
			}
			for _, m := range matches {
				raw := string(bytes.Join(m[1:], nil))
				ref, err := url.Parse(raw)
				if err != nil || ref.IsAbs() || ref.Host != "" || strings.HasPrefix(raw, "/") {
					t.Errorf("link %q is not relative to the feed (%v)", raw, err)
					continue
				}
				abs := base.ResolveReference(ref)
				if abs.Host != server.Host {
					t.Errorf("link %q resolves to %s, off the demo server", raw, abs)
				}
				if strings.HasPrefix(abs.Path, "/photos/") {
					wantServed(t, abs.String(), "image/jpeg")
				}
			}
		})
	}
}

func subscriptionPaths() []string {
	var out []string
	for _, s := range subscriptions {
		out = append(out, s.path)
	}
	return out
}

// xmlTitle matches titles in RSS and Atom documents.
var xmlTitle = regexp.MustCompile(`(?s)<title[^>]*>(.*?)</title>`)

func TestTitlesAreValidUTF8WithCJKAndEmoji(t *testing.T) {
	files, err := loadBundle()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, name := range subscriptionPaths() {
		data := files[name].data
		if !utf8.Valid(data) {
			t.Errorf("%s is not valid UTF-8", name)
		}
		titles = append(titles, documentTitles(t, name, data)...)
	}
	var han, kana, emoji bool
	for _, title := range titles {
		if !utf8.ValidString(title) {
			t.Errorf("title %q is not valid UTF-8", title)
		}
		for _, r := range title {
			han = han || unicode.Is(unicode.Han, r)
			kana = kana || unicode.In(r, unicode.Hiragana, unicode.Katakana)
			emoji = emoji || r >= 0x1F300 && r <= 0x1FAFF || r == '☕'
		}
	}
	if !han || !kana || !emoji {
		t.Errorf("titles lack a script the demo shows off: Han %v, kana %v, emoji %v", han, kana, emoji)
	}
}

func documentTitles(t *testing.T, name string, data []byte) []string {
	t.Helper()
	if path.Ext(name) != ".json" {
		var out []string
		for _, m := range xmlTitle.FindAllSubmatch(data, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	var doc struct {
		Title string `json:"title"`
		Items []struct {
			Title string `json:"title"`
		} `json:"items"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := []string{doc.Title}
	for _, it := range doc.Items {
		out = append(out, it.Title)
	}
	return out
}

// TestExampleStoryUnchanged pins the example story to the bytes the
// end-to-end test and the article tests were written against.
func TestExampleStoryUnchanged(t *testing.T) {
	want := map[string]string{
		"security.rss":           "39587803efe4d414408ad04df6040a602f24094e2c532e9b09d7f91455d615b9",
		"csmonitor-haqqani.html": "20e0bd7178e58d04cf5486d26d21d2f2c6c49ff38494260e1831671252cb95f5",
	}
	files, err := loadBundle()
	if err != nil {
		t.Fatal(err)
	}
	for name, sum := range want {
		got := sha256.Sum256(files[name].data)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s changed: sha256 %x, want %s", name, got, sum)
		}
	}
}

// TestOnlyTheExampleMentionsHaqqani keeps the end-to-end search for
// "Haqqani" landing on the example story first.
func TestOnlyTheExampleMentionsHaqqani(t *testing.T) {
	files, err := loadBundle()
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range files {
		if name == "security.rss" || name == "csmonitor-haqqani.html" || path.Ext(name) == ".jpg" {
			continue
		}
		text := strings.ToLower(string(f.data))
		text = strings.ReplaceAll(text, "comments-haqqani.rss", "")
		text = strings.ReplaceAll(text, "csmonitor-haqqani.html", "")
		if strings.Contains(text, "haqqani") {
			t.Errorf("%s mentions Haqqani; search would find it beside the example story", name)
		}
	}
}

func TestPhotosDecode(t *testing.T) {
	files, err := loadBundle()
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range files {
		if path.Ext(name) != ".jpg" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			cfg, format, err := image.DecodeConfig(bytes.NewReader(f.data))
			if err != nil || format != "jpeg" || cfg.Width == 0 {
				t.Errorf("decode: %v, format %q, %dx%d", err, format, cfg.Width, cfg.Height)
			}
		})
	}
}

// bodyHref matches the links inside a story's HTML.
var bodyHref = regexp.MustCompile(`<a href="([^"]+)"`)

// TestNumberedLinksAreServed: the story that shows off the reader's
// numbered links (1–9) links to pages the demo serves, however a reader
// resolves them: against the feed, as Atom says, or against the story's
// own page, as many readers do.
func TestNumberedLinksAreServed(t *testing.T) {
	env := startEnv(t)
	it, ok := findItem(parseAll(t, env)["tidewater.atom"], "Tidewater CLI 3.4")
	if !ok {
		t.Fatal("no Tidewater CLI 3.4 story")
	}
	hrefs := bodyHref.FindAllStringSubmatch(it.Content, -1)
	if len(hrefs) < 2 {
		t.Fatalf("the story has %d links, want at least 2", len(hrefs))
	}
	for _, base := range []string{env.BaseURL + "tidewater.atom", it.Link} {
		b, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hrefs {
			ref, err := url.Parse(h[1])
			if err != nil {
				t.Fatal(err)
			}
			wantServed(t, b.ResolveReference(ref).String(), "text/html")
		}
	}
}
