// Package demo serves newsterm's bundled offline feeds and pages from an
// in-process loopback server, so `newsterm --demo` runs the whole path
// (fetch, parse, extract, render) without a network.
package demo

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// shutdownTimeout bounds how long Stop waits for requests in flight.
const shutdownTimeout = 2 * time.Second

// Env is a running demo: a loopback server, a temporary config listing its
// feeds, and a temporary database path. Close stops the server and removes
// the temporary files.
type Env struct {
	ConfigPath string
	DBPath     string
	FeedURLs   []string
	Close      func()

	// BaseURL is the server's root, ending in "/"; every bundled file is
	// served below it.
	BaseURL string

	stopOnce sync.Once
	stopErr  error
	stop     func() error
}

// Start serves the bundle on 127.0.0.1 and writes the temporary config.
func Start() (*Env, error) {
	files, err := loadBundle()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo: listen on 127.0.0.1: %w", err)
	}
	dir, err := os.MkdirTemp("", "newsterm-demo-")
	if err != nil {
		return nil, errors.Join(fmt.Errorf("demo: make temporary directory: %w", err), ln.Close())
	}
	env := &Env{
		ConfigPath: filepath.Join(dir, "config.toml"),
		DBPath:     filepath.Join(dir, "newsterm.db"),
		BaseURL:    "http://" + ln.Addr().String() + "/",
	}
	for _, s := range subscriptions {
		env.FeedURLs = append(env.FeedURLs, env.BaseURL+s.path)
	}
	text := configText(env.DBPath, env.FeedURLs)
	if err := os.WriteFile(env.ConfigPath, []byte(text), 0o600); err != nil {
		err = fmt.Errorf("demo: write %s: %w", env.ConfigPath, err)
		return nil, errors.Join(err, ln.Close(), os.RemoveAll(dir))
	}

	srv := &http.Server{Handler: bundleHandler{files: files}, ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	env.stop = func() error { return shutdown(srv, served, dir) }
	env.Close = func() {
		if err := env.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "newsterm:", err)
		}
	}
	return env, nil
}

// Stop shuts the server down and removes the temporary directory. It is
// safe to call more than once; later calls return the first call's error.
// Close is kept for callers that have nowhere to send the error: it
// writes a failure to os.Stderr. Callers with their own error output
// (newsterm's command line) defer Stop and report its error themselves.
func (e *Env) Stop() error {
	e.stopOnce.Do(func() { e.stopErr = e.stop() })
	return e.stopErr
}

// shutdown stops srv (forcibly if requests outlive shutdownTimeout), waits
// for its Serve loop to return, and removes dir.
func shutdown(srv *http.Server, served <-chan error, dir string) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	var errs []error
	if err := srv.Shutdown(ctx); err != nil {
		errs = append(errs, fmt.Errorf("demo: stop server: %w", err), srv.Close())
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		errs = append(errs, fmt.Errorf("demo: serve: %w", err))
	}
	if err := os.RemoveAll(dir); err != nil {
		errs = append(errs, fmt.Errorf("demo: remove %s: %w", dir, err))
	}
	return errors.Join(errs...)
}
