// Package demo serves newsterm's bundled offline feeds and pages from an
// in-process loopback server, so `newsterm --demo` runs the whole path
// (fetch, parse, extract, render) without a network.
package demo

// Temporary stub: replaced by the real bundle.

import "errors"

// Env is a running demo: a loopback server, a temporary config listing its
// feeds, and a temporary database path. Close stops the server and removes
// the temporary files.
type Env struct {
	ConfigPath string
	DBPath     string
	FeedURLs   []string
	Close      func()
}

// Start serves the bundle on 127.0.0.1 and writes the temporary config.
func Start() (*Env, error) { return nil, errors.New("not implemented") }
