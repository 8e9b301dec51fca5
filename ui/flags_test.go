package ui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// pressHeld types keys without running what they start, as when keys
// arrive faster than the store answers; the commands come back in order.
func pressHeld(t *testing.T, m model, keys ...string) (model, []tea.Cmd) {
	t.Helper()
	var cmds []tea.Cmd
	for _, k := range keys {
		next, cmd := m.Update(keyMsg(k))
		m = next.(model)
		cmds = append(cmds, cmd)
	}
	return m, cmds
}

// runReversed runs cmds last first, each with everything it leads to: the
// worst order in which parallel writes could land.
func runReversed(t *testing.T, m model, cmds []tea.Cmd) model {
	t.Helper()
	for i := len(cmds) - 1; i >= 0; i-- {
		m = drive(t, m, cmds[i])
	}
	return m
}

func TestQuickPressesEndInTheLastPressedState(t *testing.T) {
	tests := []struct {
		name        string
		keys        []string
		read, starr bool
	}{
		{"m twice", []string{"m", "m"}, false, false},
		{"m three times", []string{"m", "m", "m"}, true, false},
		{"s twice", []string{"s", "s"}, false, false},
		{"s three times", []string{"s", "s", "s"}, false, true},
		{"m s m", []string{"m", "s", "m"}, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			m := started(t, fs, 160, 40)
			m, cmds := pressHeld(t, m, tc.keys...)
			m = runReversed(t, m, cmds)
			stored, _ := fs.Item(nil, 1)
			if stored.Read != tc.read || stored.Starred != tc.starr {
				t.Errorf("store has read=%v starred=%v, want %v %v", stored.Read, stored.Starred, tc.read, tc.starr)
			}
			row, _ := m.items.selected()
			if row.Read != tc.read || row.Starred != tc.starr {
				t.Errorf("row shows read=%v starred=%v, want %v %v", row.Read, row.Starred, tc.read, tc.starr)
			}
			if len(m.writes) != 0 {
				t.Errorf("writes still in flight: %v", m.writes)
			}
		})
	}
}

func TestFailedWriteDropsTheQueuedPressAndShowsTheStore(t *testing.T) {
	fs := sampleStore()
	m := started(t, fs, 160, 40)
	fs.failWith = errors.New("database is read-only")
	m, cmds := pressHeld(t, m, "m", "m", "m")
	m = runReversed(t, m, cmds)
	if row, _ := m.items.selected(); row.Read {
		t.Fatal("the row shows read although no write reached the store")
	}
	if !strings.Contains(m.status.err, "read-only") {
		t.Fatalf("status %q, want the store's error", m.status.err)
	}
	if len(m.writes) != 0 {
		t.Fatalf("writes still in flight: %v", m.writes)
	}
}

func TestMarkReadOnOpen(t *testing.T) {
	tests := []struct {
		name     string
		fail     bool
		keys     []string // pressed before the writes answer
		read     bool     // in the store and on screen at the end
		wantNote string
	}{
		{"open marks read", false, []string{"enter"}, true, ""},
		{"a failed write leaves it unread", true, []string{"enter"}, false, "read-only"},
		{"m right after opening wins", false, []string{"enter", "m"}, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			m := started(t, fs, 160, 40)
			if tc.fail {
				fs.failWith = errors.New("database is read-only")
			}
			m, cmds := pressHeld(t, m, tc.keys...)
			m = runReversed(t, m, cmds)
			if stored, _ := fs.Item(nil, 1); stored.Read != tc.read {
				t.Errorf("store has read=%v, want %v", stored.Read, tc.read)
			}
			if row, _ := m.items.selected(); row.Read != tc.read {
				t.Errorf("row shows read=%v, want %v", row.Read, tc.read)
			}
			if m.reader.item.Read != tc.read {
				t.Errorf("reader has read=%v, want %v", m.reader.item.Read, tc.read)
			}
			if !strings.Contains(m.status.err, tc.wantNote) {
				t.Errorf("status %q, want %q", m.status.err, tc.wantNote)
			}
		})
	}
}
