package article

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

var longText = strings.Repeat("Council members debated the plan for hours before the vote was called. ", 12)

func TestIsWholeStory(t *testing.T) {
	tests := []struct {
		name    string
		summary string
		content string
		want    bool
	}{
		{"nothing", "", "", false},
		{"short summary", "<p>Three blocks will be car-free.</p>", "", false},
		{"short content", "", "<p>Just a teaser of the story.</p>", false},
		{"long content", "<p>Teaser.</p>", "<p>" + longText + "</p>", true},
		{"long summary only", "<p>" + longText + "</p>", "", true},
		{"ellipsis", "", "<p>" + longText + "and then…</p>", false},
		{"three dots", "", "<p>" + longText + "and then...</p>", false},
		{"bracketed ellipsis", "", "<p>" + longText + "</p><p>[…]</p>", false},
		{"bracketed dots", "", "<p>" + longText + " [...]</p>", false},
		{"continue reading", "", `<p>` + longText + `</p><p><a href="/x">Continue reading <span>Council votes</span> →</a></p>`, false},
		{"read more", "", `<p>` + longText + ` <a href="/x">Read more »</a></p>`, false},
		{"more link", "", `<p>` + longText + ` <a href="/x">(more…)</a></p>`, false},
		{"content repeats summary", "<p>" + longText + "</p>", "<div>" + longText + "</div>", false},
		{"ends with a sentence", "", "<p>" + longText + "The end.</p>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := FeedItem{Summary: tt.summary, Content: tt.content}
			if got := IsWholeStory(it); got != tt.want {
				t.Errorf("IsWholeStory = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFromFeed(t *testing.T) {
	it := wholeFeedItem(t)
	a := FromFeed(it)
	if a.Source != SourceFeed {
		t.Errorf("Source = %q, want feed", a.Source)
	}
	if a.Title != it.Title || a.Section != "City Hall" || a.Byline != "Jo Park" || !a.Published.Equal(it.Published) {
		t.Errorf("header = %q / %q / %q / %v", a.Title, a.Section, a.Byline, a.Published)
	}
	if a.Dek != "Three blocks will be car-free from next spring after a 7–2 vote." {
		t.Errorf("Dek = %q, want the summary", a.Dek)
	}
	if a.Comments.Count == nil || *a.Comments.Count != 0 {
		t.Errorf("comment count = %v, want a known 0", a.Comments.Count)
	}
	if !strings.HasPrefix(a.Body, "The city council voted 7–2") || !strings.Contains(a.Body, `\[image: Cyclists on Market Street\]`) {
		t.Errorf("body:\n%s", a.Body)
	}
	if len(a.Links) != 1 || a.Links[0] != "https://citydesk.example/2023/trial-closure-results" {
		t.Errorf("Links = %q", a.Links)
	}
}

func TestFromFeedKeepsFeedPhotoOutOfBody(t *testing.T) {
	it := wholeFeedItem(t)
	it.Content = `<figure><img src="https://citydesk.example/media/market-street.jpg?w=300" alt="Cyclists on Market Street"><figcaption>Cyclists. Photo: Jo Park</figcaption></figure>` + it.Content
	it.Photo = &feeds.Photo{URL: "https://citydesk.example/media/market-street.jpg", Credit: "Jo Park/City Desk"}
	a := FromFeed(it)
	if a.Photo == nil || a.Photo.Alt != "Cyclists on Market Street" || a.Photo.Credit != "Jo Park/City Desk" {
		t.Fatalf("Photo = %+v, want the feed's photo with the page's alt text", a.Photo)
	}
	if strings.HasPrefix(a.Body, `\[image`) {
		t.Errorf("the feed photo is repeated at the top of the body:\n%s", a.Body)
	}
}

func TestFromFeedUsesSummaryWithoutContent(t *testing.T) {
	a := FromFeed(FeedItem{Title: "T", Summary: `<p>Only a <b>summary</b> &amp; a <a href="https://e.example/x">link</a>.</p>`})
	if want := `Only a **summary** \& a link \[1\].`; a.Body != want {
		t.Errorf("Body = %q, want %q", a.Body, want)
	}
	if a.Dek != "" {
		t.Errorf("Dek = %q, want none when the summary is the body", a.Dek)
	}
}

func TestMerge(t *testing.T) {
	count := 23
	it := FeedItem{
		Title: "Feed title", Link: "https://news.example/a", Author: "Feed Author",
		Published: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Section: "Feed section",
		Photo:    &feeds.Photo{URL: "https://cdn.example/1200/photo.jpg", Caption: "Feed caption", Credit: "Feed credit"},
		Comments: feeds.Comments{Count: &count, URL: "https://news.example/a#comments"},
	}
	t.Run("page lacks everything", func(t *testing.T) {
		a := Merge(Article{Body: "text", Source: SourcePage}, it)
		if a.Title != "Feed title" || a.Byline != "Feed Author" || a.Section != "Feed section" || a.URL != it.Link {
			t.Errorf("header not filled from the feed: %+v", a)
		}
		if a.Comments.Count == nil || *a.Comments.Count != 23 || a.Comments.URL != it.Comments.URL {
			t.Errorf("comments = %+v", a.Comments)
		}
		if a.Photo == nil || a.Photo.Credit != "Feed credit" {
			t.Errorf("photo = %+v", a.Photo)
		}
	})
	t.Run("page values first", func(t *testing.T) {
		pageCount := 4
		page := Article{Title: "Page title", Byline: "Page Author", Section: "Page section",
			Comments: Comments{Count: &pageCount},
			Photo:    &Photo{URL: "https://cdn.example/600/photo.jpg", Caption: "Page caption"}}
		a := Merge(page, it)
		if a.Title != "Page title" || a.Byline != "Page Author" || a.Section != "Page section" || *a.Comments.Count != 4 {
			t.Errorf("page values replaced: %+v", a)
		}
		if a.Photo.Caption != "Page caption" || a.Photo.Credit != "Feed credit" {
			t.Errorf("photo = %+v, want the page caption and the feed credit", a.Photo)
		}
		if page.Photo.Credit != "" {
			t.Error("Merge changed the page's photo in place")
		}
	})
	t.Run("different photo", func(t *testing.T) {
		a := Merge(Article{Photo: &Photo{URL: "https://cdn.example/other.jpg"}}, it)
		if a.Photo.Credit != "" {
			t.Errorf("credit of another image copied: %+v", a.Photo)
		}
	})
}

// fakeFetcher serves one page or one error and counts requests.
type fakeFetcher struct {
	page  feeds.Page
	err   error
	calls int
}

func (f *fakeFetcher) FetchPage(ctx context.Context, rawURL string) (feeds.Page, error) {
	f.calls++
	if f.err != nil {
		return feeds.Page{}, f.err
	}
	return f.page, ctx.Err()
}

func haqqaniPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "csmonitor-haqqani.html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLoadFrom(t *testing.T) {
	ctx := context.Background()
	item := *haqqaniItem()
	pageURL, _ := url.Parse(item.Link)
	t.Run("whole story needs no fetch", func(t *testing.T) {
		f := &fakeFetcher{}
		a, note, err := LoadFrom(ctx, f, wholeFeedItem(t))
		if err != nil || note != "" || f.calls != 0 || a.Source != SourceFeed {
			t.Errorf("got source %q, note %q, err %v, %d fetches", a.Source, note, err, f.calls)
		}
	})
	t.Run("summary fetches the page", func(t *testing.T) {
		f := &fakeFetcher{page: feeds.Page{URL: pageURL, Body: haqqaniPage(t)}}
		a, note, err := LoadFrom(ctx, f, item)
		if err != nil || note != "" || f.calls != 1 {
			t.Fatalf("note %q, err %v, %d fetches", note, err, f.calls)
		}
		if a.Source != SourcePage || a.Comments.Count == nil || *a.Comments.Count != 23 || !strings.HasPrefix(a.Body, haqqaniParagraphs[0]) {
			t.Errorf("article = %+v", a)
		}
	})
	t.Run("fetch failure falls back", func(t *testing.T) {
		f := &fakeFetcher{err: errors.New("fetch " + item.Link + ": HTTP 404\x1b]0;x\x07")}
		a, note, err := LoadFrom(ctx, f, item)
		if err != nil {
			t.Fatal(err)
		}
		if want := "showing the feed text: fetch " + item.Link + ": HTTP 404"; note != want {
			t.Errorf("note = %q, want %q", note, want)
		}
		if a.Source != SourceFeed || !strings.HasPrefix(a.Body, "Pakistan said Sunday") {
			t.Errorf("fallback article = %+v", a)
		}
	})
	t.Run("error without the URL gets it", func(t *testing.T) {
		_, note, _ := LoadFrom(ctx, &fakeFetcher{err: errors.New("connection refused")}, item)
		if want := "showing the feed text: fetch " + item.Link + ": connection refused"; note != want {
			t.Errorf("note = %q, want %q", note, want)
		}
	})
	t.Run("page without a story", func(t *testing.T) {
		f := &fakeFetcher{page: feeds.Page{URL: pageURL, Body: []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>")}}
		a, note, err := LoadFrom(ctx, f, item)
		if err != nil || a.Source != SourceFeed || !strings.HasPrefix(note, "showing the feed text: no story found at ") {
			t.Errorf("source %q, note %q, err %v", a.Source, note, err)
		}
	})
	t.Run("no link", func(t *testing.T) {
		it := item
		it.Link = ""
		_, note, err := LoadFrom(ctx, &fakeFetcher{}, it)
		if err != nil || note != "showing the feed text: the story has no link" {
			t.Errorf("note %q, err %v", note, err)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		a, note, err := LoadFrom(cctx, &fakeFetcher{err: context.Canceled}, item)
		if !errors.Is(err, context.Canceled) || a.Source != SourceFeed || note == "" {
			t.Errorf("source %q, note %q, err %v", a.Source, note, err)
		}
	})
}

func TestLoadNilClient(t *testing.T) {
	a, note, err := Load(context.Background(), nil, *haqqaniItem())
	if err != nil || a.Source != SourceFeed || !strings.HasPrefix(note, "showing the feed text: no client") {
		t.Errorf("source %q, note %q, err %v", a.Source, note, err)
	}
}

// TestLoadOverHTTP runs Load through the real client against a local
// server: the page's text with the feed's comment count, and a 404 that
// falls back to the feed text with a one-line note.
func TestLoadOverHTTP(t *testing.T) {
	page := haqqaniPage(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := feeds.NewClient(feeds.Options{Timeout: 5 * time.Second})

	item := *haqqaniItem()
	item.Link = srv.URL + "/story"
	item.Photo.URL = srv.URL + "/photos/multan-protest.jpg"
	a, note, err := Load(context.Background(), client, item)
	if err != nil || note != "" {
		t.Fatalf("Load: note %q, err %v", note, err)
	}
	out := stripForTest(render(t, a, 80, StyleNoTTY))
	for _, want := range []string{"Terrorism & Security", "Staff writer · Sep 26, 2011 · 23 comments", "Khalid Tanveer/Reuters", haqqaniParagraphs[6]} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}

	item.Link = srv.URL + "/missing"
	a, note, err = Load(context.Background(), client, item)
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != SourceFeed || !strings.HasPrefix(note, "showing the feed text: fetch "+item.Link) ||
		!strings.Contains(note, "404") || strings.ContainsAny(note, "\n\x1b") {
		t.Errorf("source %q, note %q", a.Source, note)
	}
}

// TestLoadTricklingPage: a server that sends half a page and then stalls
// gives the feed text once the client's deadline fires.
func TestLoadTricklingPage(t *testing.T) {
	page := haqqaniPage(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(page[:len(page)/2])
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	client := feeds.NewClient(feeds.Options{Timeout: 300 * time.Millisecond, HeaderTimeout: 300 * time.Millisecond})
	item := *haqqaniItem()
	item.Link = srv.URL + "/slow"
	a, note, err := Load(context.Background(), client, item)
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != SourceFeed || !strings.HasPrefix(note, "showing the feed text: ") || strings.Contains(note, "\n") {
		t.Errorf("source %q, note %q", a.Source, note)
	}
}
