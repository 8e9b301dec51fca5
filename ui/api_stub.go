// Package ui is newsterm's interactive reader: a Bubble Tea program with
// feed, item and reader panes over the store.
package ui

// Temporary stub: replaced by the real program.

import (
	"errors"
	"time"

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
// restored on every exit path, panics included.
func Run(d Deps) error { return errors.New("not implemented") }
