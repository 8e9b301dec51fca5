// Package ui is newsterm's interactive reader: a Bubble Tea program with
// feed, item and reader panes over the store.
//
// The root model owns size, focus, keys, styles and the status line; the
// feed list, item list and reader are child values it lays out. Everything
// that touches the store, the network, the config file, the browser or the
// article renderer runs in a tea.Cmd whose message says what it answers,
// so late answers for something the user has moved away from are dropped.
package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// Deps is everything the reader needs; main builds it.
type Deps struct {
	Config *config.Config
	Store  *store.Store
	Client *feeds.Client
	Now    func() time.Time // clock (tests inject one)
	// Reload re-reads the config file after `e` (edit); returning an
	// error keeps the old config.
	Reload func() (*config.Config, error)
}

// Run runs the full-screen reader until the user quits. The terminal is
// restored on every exit path, panics included: a panic comes back as an
// error instead of killing the process with the terminal in raw mode.
func Run(d Deps) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("reader crashed: %v\n%s", r, debug.Stack())
		}
	}()
	if d.Store == nil {
		return errors.New("reader: no store open")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // stops a background refresh still running at exit
	cfg := d.Config
	if cfg == nil {
		cfg = config.Default()
	}
	// Ask the terminal for its background once, before Bubble Tea owns it.
	t := pickTheme(cfg.Reader.Theme, lipgloss.HasDarkBackground)
	m := newModel(newBackend(ctx, d), cfg, t)
	return run(m, tea.WithAltScreen(), tea.WithMouseCellMotion())
}

// run runs m as a program. Bubble Tea restores the terminal when Update or
// a command panics and reports it; run turns that, and a panic outside the
// event loop, into an error.
func run(m tea.Model, opts ...tea.ProgramOption) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("reader crashed: %v", r)
		}
	}()
	p := tea.NewProgram(m, opts...)
	defer quitOnHangup(p)()
	if _, err := p.Run(); err != nil {
		if errors.Is(err, tea.ErrProgramPanic) {
			return fmt.Errorf("reader crashed (terminal restored): %w", err)
		}
		return fmt.Errorf("reader: %w", err)
	}
	return nil
}

// quitOnHangup ends p when its terminal goes away (the window closed,
// the tmux session killed) instead of letting SIGHUP kill the process, so
// deferred clean-up still runs: the demo's temporary files, the store.
// The returned func stops listening.
func quitOnHangup(p *tea.Program) func() {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-hup:
			p.Quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}

// pane names the three panes.
type pane int

const (
	paneFeeds pane = iota
	paneItems
	paneReader
)

// model is the root: it owns size, focus, keys, styles and the status
// line, and routes messages to the child models.
type model struct {
	b      backend
	cfg    *config.Config
	keys   keyMap
	styles *Styles
	help   help.Model

	width, height int
	ready         bool // a size has arrived; nothing is drawn before
	focus         pane
	feedsHidden   bool // toggle_feeds at 120+ columns
	feedsShown    bool // toggle_feeds below 120 columns
	showHelp      bool
	helpTop       int // first help line shown when help is taller than the screen

	feeds  feedList
	items  itemList
	reader reader
	prompt prompt
	pick   picker // the feeds a page offers, when it offers several
	status status

	feedsLoaded  bool
	startedOnce  bool   // refresh-on-start has been started
	refreshing   bool   // a refresh is running
	pendingOpen  bool   // open the selected story once its row is loaded
	searchQuery  string // the query whose results are shown ("" none)
	beforeSearch feedRow
	writes       map[int64]flagWrite // read/starred writes in flight, by story
}

// newModel builds the root model; the theme is chosen by the caller.
func newModel(b backend, cfg *config.Config, t theme) model {
	if cfg == nil {
		cfg = config.Default()
	}
	s := newStyles(t)
	keys, err := newKeyMap(cfg.Keys)
	h := help.New()
	h.Styles = s.Help
	m := model{
		b: b, cfg: cfg, keys: keys, styles: s, help: h,
		focus:  paneItems,
		feeds:  newFeedList(s),
		items:  newItemList(s, b.now),
		reader: newReader(s),
		prompt: newPrompt(s),
	}
	if err != nil {
		m.status = m.status.fail(err)
	}
	return m
}

// Init paints from the store at once; refresh-on-start waits for the feed
// list (see handleFeedsLoaded).
func (m model) Init() tea.Cmd {
	return tea.Batch(m.b.loadFeeds(), m.loadItems(0, 0))
}

// loadItems asks for the current query's window around the story anchorID
// (at index anchorIdx before the reload); 0 loads from the top.
func (m *model) loadItems(anchorID int64, anchorIdx int) tea.Cmd {
	if m.items.fixed {
		return nil
	}
	var seq int
	m.items, seq = m.items.requested()
	return m.b.reloadItems(m.items.gen, seq, m.items.query, anchorID, anchorIdx,
		m.items.total, max(windowSize, 4*m.items.height))
}

// ensureWindow loads the rows around the cursor when they are missing.
func (m *model) ensureWindow() tea.Cmd {
	off, limit, ok := m.items.needsWindow()
	if !ok {
		return nil
	}
	var seq int
	m.items, seq = m.items.requested()
	return m.b.loadWindow(m.items.gen, seq, m.items.query, off, limit)
}
