package ui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/newsterm/newsterm/article"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
)

// failedMsg reports an action that went wrong; it goes to the status line.
type failedMsg struct{ err error }

// feedsLoadedMsg is the feed list with counts.
type feedsLoadedMsg struct {
	feeds   []store.Feed
	starred int
	err     error
}

// searchedMsg answers the search for query.
type searchedMsg struct {
	query string
	items []store.Item
	err   error
}

// itemChangedMsg says a story's read or starred flag was written.
type itemChangedMsg struct {
	item store.Item
	err  error
}

// markedAllMsg says every story in a view was marked read.
type markedAllMsg struct {
	n   int
	err error
}

// unreadFoundMsg answers next/previous unread for list generation gen:
// index is -1 when there is none.
type unreadFoundMsg struct {
	gen   int
	index int
	open  bool
	err   error
}

// guard turns a panic inside a command into an error on the status line:
// a bad page or a bug in one action never takes the reader down.
func guard(f func() tea.Msg) tea.Cmd {
	return guardAs(func(err error) tea.Msg { return failedMsg{err: err} }, f)
}

// guardAs is guard for a command someone waits on: the panic comes back
// as that command's own failed answer (fail), so nothing waits forever.
func guardAs(fail func(error) tea.Msg, f func() tea.Msg) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = fail(fmt.Errorf("internal error: %v", r))
			}
		}()
		return f()
	}
}

func (b backend) loadFeeds() tea.Cmd {
	return guard(func() tea.Msg {
		list, err := b.db.Feeds(b.ctx)
		if err != nil {
			return feedsLoadedMsg{err: fmt.Errorf("load feeds: %w", err)}
		}
		n, err := b.db.CountItems(b.ctx, store.Query{Starred: true})
		if err != nil {
			return feedsLoadedMsg{feeds: list, err: fmt.Errorf("count starred: %w", err)}
		}
		return feedsLoadedMsg{feeds: list, starred: n}
	})
}

// loadWindow loads limit rows of q from offset.
func (b backend) loadWindow(gen, seq int, q store.Query, offset, limit int) tea.Cmd {
	failed := func(err error) tea.Msg { return itemsLoadedMsg{gen: gen, seq: seq, anchor: -1, err: err} }
	return guardAs(failed, func() tea.Msg {
		msg := itemsLoadedMsg{gen: gen, seq: seq, offset: offset, anchor: -1}
		msg.total, msg.err = b.db.CountItems(b.ctx, q)
		if msg.err != nil {
			msg.err = fmt.Errorf("count stories: %w", msg.err)
			return msg
		}
		q.Offset, q.Limit = offset, limit
		msg.rows, msg.err = b.db.Items(b.ctx, q)
		if msg.err != nil {
			msg.err = fmt.Errorf("load stories: %w", msg.err)
		}
		return msg
	})
}

// reloadItems reloads q after the store changed, finding where the story
// anchorID (at anchorIdx out of oldTotal before) went: new stories can only
// push it down by as many as arrived, so only that stretch is searched.
func (b backend) reloadItems(gen, seq int, q store.Query, anchorID int64, anchorIdx, oldTotal, size int) tea.Cmd {
	failed := func(err error) tea.Msg { return itemsLoadedMsg{gen: gen, seq: seq, anchor: -1, err: err} }
	return guardAs(failed, func() tea.Msg {
		msg := itemsLoadedMsg{gen: gen, seq: seq, anchorID: anchorID, anchor: -1}
		total, err := b.db.CountItems(b.ctx, q)
		if err != nil {
			msg.err = fmt.Errorf("count stories: %w", err)
			return msg
		}
		msg.total = total
		center := clamp(anchorIdx, 0, max(total-1, 0))
		if anchorID != 0 {
			idx, err := b.findItem(q, anchorID, max(anchorIdx-64, 0), anchorIdx+max(total-oldTotal, 0)+64)
			if err != nil {
				msg.err = err
				return msg
			}
			if idx >= 0 {
				msg.anchor, center = idx, idx
			}
		}
		msg.offset = max(center-size/2, 0)
		q.Offset, q.Limit = msg.offset, size
		if msg.rows, err = b.db.Items(b.ctx, q); err != nil {
			msg.err = fmt.Errorf("load stories: %w", err)
		}
		return msg
	})
}

// findItem looks for id among q's rows [lo, hi); -1 when absent.
func (b backend) findItem(q store.Query, id int64, lo, hi int) (int, error) {
	const chunk = 500
	for off := lo; off < hi; off += chunk {
		q.Offset, q.Limit = off, min(chunk, hi-off)
		rows, err := b.db.Items(b.ctx, q)
		if err != nil {
			return -1, fmt.Errorf("find story %d: %w", id, err)
		}
		for i, it := range rows {
			if it.ID == id {
				return off + i, nil
			}
		}
		if len(rows) < q.Limit {
			break
		}
	}
	return -1, nil
}

// findUnread pages through q from index from (inclusive) in direction
// dir (1 or -1) for the nearest unread story.
func (b backend) findUnread(gen int, q store.Query, from, dir int, open bool) tea.Cmd {
	return guard(func() tea.Msg {
		msg := unreadFoundMsg{gen: gen, index: -1, open: open}
		var err error
		if dir > 0 {
			msg.index, err = b.unreadAfter(q, from)
		} else {
			msg.index, err = b.unreadBefore(q, from)
		}
		if err != nil {
			msg.err = fmt.Errorf("find unread: %w", err)
		}
		return msg
	})
}

const unreadChunk = 500

func (b backend) unreadAfter(q store.Query, from int) (int, error) {
	for off := max(from, 0); ; off += unreadChunk {
		q.Offset, q.Limit = off, unreadChunk
		rows, err := b.db.Items(b.ctx, q)
		if err != nil {
			return -1, err
		}
		for j, it := range rows {
			if !it.Read {
				return off + j, nil
			}
		}
		if len(rows) < unreadChunk {
			return -1, nil
		}
	}
}

func (b backend) unreadBefore(q store.Query, from int) (int, error) {
	for end := from; end >= 0; {
		off := max(end-unreadChunk+1, 0)
		q.Offset, q.Limit = off, end-off+1
		rows, err := b.db.Items(b.ctx, q)
		if err != nil {
			return -1, err
		}
		for j := len(rows) - 1; j >= 0; j-- {
			if !rows[j].Read {
				return off + j, nil
			}
		}
		end = off - 1
	}
	return -1, nil
}

// openArticle loads story it for the reader: the cached article if any,
// else article.Load (which fetches and extracts the page when the feed
// text is not the whole story), caching what it got. A failed fetch still
// answers with the feed text and a one-line note.
func (b backend) openArticle(it store.Item) tea.Cmd {
	failed := func(err error) tea.Msg { return articleLoadedMsg{id: it.ID, err: err} }
	return guardAs(failed, func() tea.Msg {
		msg := articleLoadedMsg{id: it.ID}
		summary, content, err := b.db.Body(b.ctx, it.ID)
		if err != nil {
			msg.err = fmt.Errorf("load story %d: %w", it.ID, err)
			return msg
		}
		fi := feedItem(it, summary, content)
		msg.feedArt = article.FromFeed(fi)
		a, ok, readErr := b.cachedArticle(it.ID)
		if ok {
			msg.art = a
			return msg
		}
		// A cache that cannot be read is reported, and the story loaded
		// as if it were not cached.
		msg.cacheErr = readErr
		a, note, err := b.loadArticle(b.ctx, fi)
		if err != nil {
			msg.art, msg.note = msg.feedArt, "showing the feed text: "+err.Error()
			return msg
		}
		msg.art, msg.note = a, note
		if note == "" {
			msg.cacheErr = errors.Join(readErr, b.cacheArticle(it.ID, a))
		}
		return msg
	})
}

// cachedArticle is story id's cached article, if there is a usable one.
func (b backend) cachedArticle(id int64) (article.Article, bool, error) {
	data, ok, err := b.db.Article(b.ctx, id)
	if err != nil {
		return article.Article{}, false, fmt.Errorf("read cached story %d: %w", id, err)
	}
	if !ok {
		return article.Article{}, false, nil
	}
	a, err := b.unmarshal(data)
	if err != nil {
		return article.Article{}, false, fmt.Errorf("read cached story %d: %w", id, err)
	}
	return a, true, nil
}

func (b backend) cacheArticle(id int64, a article.Article) error {
	data, err := b.marshal(a)
	if err != nil {
		return fmt.Errorf("cache story %d: %w", id, err)
	}
	if err := b.db.SaveArticle(b.ctx, id, data, b.plainText(a)); err != nil {
		return fmt.Errorf("cache story %d: %w", id, err)
	}
	return nil
}

// feedItem is what the store knows about a story, as package article wants it.
func feedItem(it store.Item, summary, content string) article.FeedItem {
	return article.FeedItem{
		Title: it.Title, Link: it.Link, Author: it.Author, Published: it.Published,
		Summary: summary, Content: content, Section: it.FeedTitle,
		Photo: it.Photo, Comments: it.Comments,
	}
}

// renderArticle lays a out at the key's width. The text is filtered once
// more here: the renderer decodes entities and could re-create escapes.
// A line the renderer left wider than the pane (a long link, a wide
// table) is broken rather than cut off at the border.
func (b backend) renderArticle(k renderKey, a article.Article, style string) tea.Cmd {
	failed := func(err error) tea.Msg { return articleRenderedMsg{key: k, err: err} }
	return guardAs(failed, func() tea.Msg {
		text, err := b.render(a, k.width, style)
		if err != nil {
			return articleRenderedMsg{key: k, err: fmt.Errorf("render story %d: %w", k.id, err)}
		}
		return articleRenderedMsg{key: k, text: ansi.Hardwrap(sanitize.Terminal(text), k.width, true)}
	})
}

// searchLimit caps how many results a search shows.
const searchLimit = 1000

func (b backend) search(query string) tea.Cmd {
	return guard(func() tea.Msg {
		items, err := b.db.Search(b.ctx, query, searchLimit) // its errors name the query
		return searchedMsg{query: query, items: items, err: err}
	})
}

// markAllRead marks q read, or, for search results, the stories ids.
func (b backend) markAllRead(q store.Query, ids []int64) tea.Cmd {
	return guard(func() tea.Msg {
		if ids == nil {
			n, err := b.db.MarkRead(b.ctx, q)
			if err != nil {
				err = fmt.Errorf("mark all read: %w", err)
			}
			return markedAllMsg{n: n, err: err}
		}
		for i, id := range ids {
			if err := b.db.SetRead(b.ctx, id, true); err != nil {
				return markedAllMsg{n: i, err: fmt.Errorf("mark story %d: %w", id, err)}
			}
		}
		return markedAllMsg{n: len(ids)}
	})
}
