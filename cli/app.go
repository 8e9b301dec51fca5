package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/store"
)

// app is one run of newsterm: its streams and the global flags.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	out    *printer // stdout
	errOut *printer // stderr

	commands   []command // every subcommand, for lookup and the help
	cmd        command   // the one running (the zero command: newsterm itself)
	configPath string    // --config
	dbPath     string    // --db
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{
		stdin:  stdin,
		stdout: stdout,
		out:    &printer{w: stdout},
		errOut: &printer{w: stderr},
	}
}

// printer writes formatted text and keeps the first write error, so a
// command can print freely and the failure is reported once at the end.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err != nil {
		return
	}
	_, p.err = fmt.Fprintf(p.w, format, args...)
}

func (p *printer) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n, err := p.w.Write(b)
	p.err = err
	return n, err
}

// loadConfig reads the config file (--config, else the XDG default) and
// applies --db.
func (a *app) loadConfig() (*config.Config, error) {
	path := a.configPath
	if path == "" {
		path = config.DefaultPath()
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	if cfg.Path == "" {
		cfg.Path = path
	}
	switch {
	case a.dbPath != "":
		cfg.DBPath = a.dbPath
	case cfg.DBPath == "":
		cfg.DBPath = config.DefaultDBPath()
	}
	return cfg, nil
}

// openStore opens the database cfg names (store.Open creates its
// directory, private to the user), sets the
// expiry rule from [store] keep_days and makes its subscriptions match the
// config file.
func openStore(ctx context.Context, cfg *config.Config) (*store.Store, error) {
	db, err := store.Open(ctx, cfg.DBPath) // its errors name the file and the fix
	if err != nil {
		return nil, err
	}
	db.SetExpiry(cfg.Storage.KeepFor())
	if err := db.SyncSubscriptions(ctx, subscriptions(cfg)); err != nil {
		return nil, closeAfter(db, fmt.Errorf("sync subscriptions from %s: %w", cfg.Path, err))
	}
	return db, nil
}

// closeAfter closes db after a failure, keeping the failure as the error.
func closeAfter(db *store.Store, err error) error {
	if cerr := db.Close(); cerr != nil {
		return fmt.Errorf("%w (closing the database also failed: %v)", err, cerr)
	}
	return err
}

// withStore loads the config, opens the store and runs fn, closing the
// store afterwards.
func (a *app) withStore(ctx context.Context, fn func(cfg *config.Config, db *store.Store) error) error {
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	db, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	if err := fn(cfg, db); err != nil {
		return closeAfter(db, err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

func subscriptions(cfg *config.Config) []store.Subscription {
	subs := make([]store.Subscription, len(cfg.Feeds))
	for i, f := range cfg.Feeds {
		subs[i] = store.Subscription{URL: f.URL, Title: f.Title, Tags: f.Tags}
	}
	return subs
}

// clientOptions turns the config's [fetch] table into fetcher options.
func clientOptions(cfg *config.Config) feeds.Options {
	f := cfg.Fetch
	return feeds.Options{
		Jobs:           f.Jobs,
		PerHost:        f.PerHost,
		ConnectTimeout: f.ConnectTimeout,
		HeaderTimeout:  f.HeaderTimeout,
		Timeout:        f.Timeout,
		MaxBody:        f.MaxBody,
		MaxRedirects:   f.MaxRedirects,
		MaxItems:       f.MaxItems,
		UserAgent:      "newsterm/" + Version,
	}
}

// terminal is what newsterm may assume about its standard output.
type terminal struct {
	isTTY bool // stdout is a terminal
	color bool // and NO_COLOR is not set
	width int  // its columns, 0 when not a terminal
}

func (a *app) terminal() terminal {
	f, ok := a.stdout.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return terminal{}
	}
	t := terminal{isTTY: true, color: os.Getenv("NO_COLOR") == ""}
	if w, _, err := term.GetSize(int(f.Fd())); err == nil {
		t.width = w
	}
	return t
}
