package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/store"
)

// refreshSteppedMsg says one feed of a background refresh finished. next
// waits for the following message from the same run.
type refreshSteppedMsg struct {
	done, total int
	url         string
	err         error
	next        tea.Cmd
}

// refreshFinishedMsg ends a background refresh.
type refreshFinishedMsg struct {
	sum refresh.Summary
	err error
}

// startRefresh runs refresh.Run over list in the background. The reader
// hears about each feed as it lands (so new stories appear while the rest
// are still fetching) and once more at the end. The goroutine starts when
// the command runs, never while Update builds it.
func (b backend) startRefresh(list []store.Feed) tea.Cmd {
	feedsCopy := append([]store.Feed(nil), list...)
	return guard(func() tea.Msg {
		ch := make(chan tea.Msg, 16)
		go func() {
			defer close(ch)
			defer func() {
				if r := recover(); r != nil {
					ch <- refreshFinishedMsg{err: fmt.Errorf("refresh: internal error: %v", r)}
				}
			}()
			var wait tea.Cmd
			wait = func() tea.Msg { return <-ch }
			sum, err := b.refresh(b.ctx, feedsCopy, func(done, total int, url string, ferr error) {
				select {
				case ch <- refreshSteppedMsg{done: done, total: total, url: url, err: ferr, next: wait}:
				case <-b.ctx.Done():
				}
			})
			if err != nil {
				err = fmt.Errorf("refresh: %w", err)
			}
			select {
			case ch <- refreshFinishedMsg{sum: sum, err: err}:
			case <-b.ctx.Done():
			}
		}()
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	})
}

// refreshTargets picks the feeds r refreshes: the feed shown, else the
// feeds of the tag shown, else the selected story's feed.
func (m model) refreshTargets() []store.Feed {
	row := m.feeds.selected()
	if m.searchQuery == "" {
		switch q := m.items.query; {
		case q.FeedURL != "":
			return m.feedsWhere(func(f store.Feed) bool { return f.URL == q.FeedURL })
		case q.Tag != "":
			return m.feedsWhere(func(f store.Feed) bool { return hasTag(f, q.Tag) })
		}
	}
	if m.focus == paneFeeds && row.kind == viewFeed {
		return []store.Feed{row.feed}
	}
	if it, ok := m.items.selected(); ok {
		return m.feedsWhere(func(f store.Feed) bool { return f.ID == it.FeedID || f.URL == it.FeedURL })
	}
	return nil
}

func (m model) feedsWhere(keep func(store.Feed) bool) []store.Feed {
	var out []store.Feed
	for _, f := range m.feeds.feeds {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

func hasTag(f store.Feed, tag string) bool {
	for _, t := range f.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// beginRefresh starts refreshing list unless a refresh is running.
func (m model) beginRefresh(list []store.Feed) (model, tea.Cmd) {
	if m.refreshing {
		m.status = m.status.note("a refresh is already running")
		return m, nil
	}
	if len(list) == 0 {
		m.status = m.status.note("nothing to refresh")
		return m, nil
	}
	m.refreshing = true
	m.status = m.status.progress(0, len(list))
	return m, m.b.startRefresh(list)
}

// handleRefreshStepped reloads counts and the list, keeping the cursor on
// the same story, and waits for the next feed.
func (m model) handleRefreshStepped(msg refreshSteppedMsg) (model, tea.Cmd) {
	m.status = m.status.progress(msg.done, msg.total)
	if msg.err != nil {
		m.status = m.status.fail(msg.err)
	}
	return m, tea.Batch(msg.next, m.b.loadFeeds(), m.reloadKeepingCursor())
}

func (m model) handleRefreshFinished(msg refreshFinishedMsg) (model, tea.Cmd) {
	m.refreshing = false
	m.status = m.status.progress(0, 0)
	switch {
	case msg.err != nil:
		m.status = m.status.fail(msg.err)
	case len(msg.sum.Failed) > 0:
		f := msg.sum.Failed[0]
		m.status = m.status.fail(fmt.Errorf("%d new · %d of %d feeds failed: %s: %s",
			msg.sum.NewItems, len(msg.sum.Failed), msg.sum.Feeds, f.URL, f.Error))
	default:
		s := msg.sum
		m.status = m.status.note(fmt.Sprintf("refreshed %d%s · %d%s", s.Feeds, plural(s.Feeds, " feed", " feeds"),
			s.NewItems, plural(s.NewItems, " new story", " new stories")))
	}
	return m, tea.Batch(m.b.loadFeeds(), m.reloadKeepingCursor())
}

// reloadKeepingCursor reloads the list shown so that the cursor stays on
// the story it is on, wherever new stories put it.
func (m *model) reloadKeepingCursor() tea.Cmd {
	if m.items.fixed {
		return nil
	}
	return m.loadItems(m.items.pinned, m.items.cursor)
}
