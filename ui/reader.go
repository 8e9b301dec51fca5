package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/article"
	"github.com/newsterm/newsterm/store"
)

// Sources the reader can show.
const (
	sourcePage = "page" // what article.Load chose: the extracted page or the whole feed text
	sourceFeed = "feed" // the feed's own text, on toggle_source
)

// reader is the right pane: one story, rendered by package article at the
// pane's width, in a scrolling viewport.
type reader struct {
	styles        *Styles
	width, height int

	id        int64 // the story shown (0: none)
	item      store.Item
	loading   bool // article not here yet
	spin      spinner.Model
	art       *article.Article // from article.Load (or the cache)
	feedArt   *article.Article // the feed's own text
	note      string           // why the page could not be had (already sanitised)
	err       string           // why nothing could be shown
	source    string
	rendered  renderKey // what the viewport holds
	requested renderKey // the newest render asked for
	vp        viewport.Model
}

// renderKey says which render a text is: story, width and source.
type renderKey struct {
	id     int64
	width  int
	source string
}

// articleLoadedMsg answers an open of story id.
type articleLoadedMsg struct {
	id       int64
	art      article.Article
	feedArt  article.Article
	note     string
	err      error
	cacheErr error // the story shows, but could not be cached
}

// articleRenderedMsg is a render of story id at width.
type articleRenderedMsg struct {
	key  renderKey
	text string
	err  error
}

func newReader(s *Styles) reader {
	sp := spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(s.Muted))
	return reader{styles: s, spin: sp, source: sourcePage, vp: viewport.New(0, 0)}
}

func (r reader) setSize(w, h int) reader {
	r.width, r.height = w, h
	r.vp.Width = w
	r.vp.Height = max(h-r.headerLines(), 0)
	return r
}

func (r reader) headerLines() int {
	if r.header("") != "" {
		return 1
	}
	return 0
}

// header is the line above the story: which text is shown when the user
// switched to the feed's own, or why the page could not be had.
func (r reader) header(toggleKey string) string {
	switch {
	case r.showing() == nil:
		return ""
	case r.source == sourceFeed:
		return "The feed's own text (" + toggleKey + " shows the page)"
	case r.note != "":
		return "⚠ " + r.note
	}
	return ""
}

// open starts showing it; the caller sends the load.
func (r reader) open(it store.Item) reader {
	r.id, r.item = it.ID, it
	r.loading, r.art, r.feedArt, r.note, r.err = true, nil, nil, "", ""
	r.source = sourcePage
	r.rendered, r.requested = renderKey{}, renderKey{}
	r.vp.SetContent("")
	r.vp.GotoTop()
	return r.setSize(r.width, r.height)
}

// loaded takes a finished load for the story still shown.
func (r reader) loaded(msg articleLoadedMsg) reader {
	if msg.id != r.id {
		return r
	}
	r.loading = false
	if msg.err != nil {
		r.err = clean(msg.err.Error())
		return r
	}
	art, feedArt := msg.art, msg.feedArt
	r.art, r.feedArt, r.note = &art, &feedArt, clean(msg.note)
	return r.setSize(r.width, r.height)
}

// showing is the article for the current source.
func (r reader) showing() *article.Article {
	if r.source == sourceFeed && r.feedArt != nil {
		return r.feedArt
	}
	return r.art
}

// wantRender is the render the pane needs now, if it does not have it.
func (r reader) wantRender() (renderKey, article.Article, bool) {
	a := r.showing()
	if a == nil || r.width <= 0 {
		return renderKey{}, article.Article{}, false
	}
	k := renderKey{id: r.id, width: r.width, source: r.source}
	if k == r.rendered {
		return k, *a, false
	}
	return k, *a, true
}

// rendered takes a render that matches what is shown; others are stale.
func (r reader) applyRender(msg articleRenderedMsg) reader {
	want := renderKey{id: r.id, width: r.width, source: r.source}
	if msg.key != want {
		return r
	}
	if msg.err != nil {
		r.err = clean(msg.err.Error())
		return r
	}
	keep := r.rendered.id == msg.key.id && r.rendered.source == msg.key.source
	frac := r.vp.ScrollPercent()
	r.rendered = msg.key
	r.err = ""
	r.vp.SetContent(msg.text)
	if keep {
		r.vp.SetYOffset(int(frac * float64(max(r.vp.TotalLineCount()-r.vp.Height, 0))))
	} else {
		r.vp.GotoTop()
	}
	return r
}

func (r reader) toggleSource() reader {
	if r.source == sourcePage {
		r.source = sourceFeed
	} else {
		r.source = sourcePage
	}
	return r.setSize(r.width, r.height)
}

// links are the numbered links of the article shown.
func (r reader) links() []string {
	if a := r.showing(); a != nil {
		return a.Links
	}
	return nil
}

// busy reports whether the spinner should turn.
func (r reader) busy() bool {
	_, _, need := r.wantRender()
	return r.id != 0 && (r.loading || need)
}

func (r reader) tick(msg spinner.TickMsg) (reader, tea.Cmd) {
	if !r.busy() {
		return r, nil
	}
	var cmd tea.Cmd
	r.spin, cmd = r.spin.Update(msg)
	return r, cmd
}

func (r reader) scroll(n int) reader {
	if n < 0 {
		r.vp.ScrollUp(-n)
	} else {
		r.vp.ScrollDown(n)
	}
	return r
}

func (r reader) page(down bool) reader {
	if down {
		r.vp.PageDown()
	} else {
		r.vp.PageUp()
	}
	return r
}

// view draws the pane; toggleKey names the key that switches between
// the page and the feed's own text.
func (r reader) view(empty, toggleKey string) string {
	switch {
	case r.id == 0:
		return lines(r.styles.Muted.Render(wrap(empty, r.width)), r.width, r.height)
	case r.err != "" && r.rendered.id != r.id:
		title := r.styles.Title.Render(clean(r.item.Title))
		return lines(title+"\n\n"+r.styles.Error.Render(r.err), r.width, r.height)
	case r.rendered.id != r.id:
		title := r.styles.Title.Render(clean(r.item.Title))
		return lines(title+"\n\n"+r.spin.View()+" loading…", r.width, r.height)
	}
	var b strings.Builder
	if h := r.header(toggleKey); h != "" {
		b.WriteString(r.styles.Note.Render(fit(h, r.width)))
		b.WriteByte('\n')
	}
	b.WriteString(r.vp.View())
	return lines(b.String(), r.width, r.height)
}
