package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsterm/newsterm/store"
)

// flags are the parts of a story the reader writes: read and starred.
type flags struct{ read, starred bool }

func flagsOf(it store.Item) flags { return flags{read: it.Read, starred: it.Starred} }

func (f flags) on(it store.Item) store.Item {
	it.Read, it.Starred = f.read, f.starred
	return it
}

// flagWrite is the write in flight for one story. Only one runs per story
// at a time, so m pressed twice cannot land in the store out of order:
// a press while one is in flight is kept in want and written when the
// one in flight answers.
type flagWrite struct {
	want   flags
	queued bool
}

// withWrite is a copy of writes with id set to w (nil-safe); the model's
// map is never changed in place, so an older model value keeps its own.
func withWrite(writes map[int64]flagWrite, id int64, w *flagWrite) map[int64]flagWrite {
	out := make(map[int64]flagWrite, len(writes)+1)
	for k, v := range writes {
		out[k] = v
	}
	if w == nil {
		delete(out, id)
	} else {
		out[id] = *w
	}
	return out
}

// writeFlags shows story to, which was from, and writes its flags, or
// queues them behind the write in flight for the same story.
func (m model) writeFlags(from, to store.Item) (model, tea.Cmd) {
	m = m.changed(to)
	if _, busy := m.writes[to.ID]; busy {
		m.writes = withWrite(m.writes, to.ID, &flagWrite{want: flagsOf(to), queued: true})
		return m, nil
	}
	m.writes = withWrite(m.writes, to.ID, &flagWrite{})
	return m, m.b.setFlags(from, flagsOf(to))
}

// handleItemChanged ends a story's write. msg.item holds what the store
// has now: on failure the row shows that and a queued press is dropped;
// on success a press queued meanwhile is written next, so the row and the
// store end in the state of the last press.
func (m model) handleItemChanged(msg itemChangedMsg) (model, tea.Cmd) {
	id := msg.item.ID
	w := m.writes[id]
	m.writes = withWrite(m.writes, id, nil)
	if msg.err != nil {
		m = m.showFlags(id, flagsOf(msg.item))
		m.status = m.status.fail(msg.err)
		return m, nil
	}
	if w.queued && w.want != flagsOf(msg.item) {
		m.writes = withWrite(m.writes, id, &flagWrite{})
		return m, tea.Batch(m.b.setFlags(msg.item, w.want), m.b.loadFeeds())
	}
	m = m.showFlags(id, flagsOf(msg.item))
	return m, m.b.loadFeeds()
}

// showFlags sets story id's flags wherever it is on screen, keeping the
// rest of the row as last loaded.
func (m model) showFlags(id int64, f flags) model {
	for _, it := range m.items.rows {
		if it.ID == id {
			m.items = m.items.update(f.on(it))
			break
		}
	}
	if m.reader.id == id {
		m.reader.item = f.on(m.reader.item)
	}
	return m
}

// setFlags writes the flags of story it that differ from to; the answer
// carries the story as the store has it afterwards.
func (b backend) setFlags(it store.Item, to flags) tea.Cmd {
	return guardAs(func(err error) tea.Msg { return itemChangedMsg{item: it, err: err} }, func() tea.Msg {
		if it.Read != to.read {
			if err := b.db.SetRead(b.ctx, it.ID, to.read); err != nil {
				return itemChangedMsg{item: it, err: fmt.Errorf("mark story %d: %w", it.ID, err)}
			}
			it.Read = to.read
		}
		if it.Starred != to.starred {
			if err := b.db.SetStarred(b.ctx, it.ID, to.starred); err != nil {
				return itemChangedMsg{item: it, err: fmt.Errorf("star story %d: %w", it.ID, err)}
			}
			it.Starred = to.starred
		}
		return itemChangedMsg{item: it}
	})
}
