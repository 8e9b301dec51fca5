package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/demo"
	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/refresh"
	"github.com/newsterm/newsterm/sanitize"
	"github.com/newsterm/newsterm/store"
	"github.com/newsterm/newsterm/ui"
)

// rootCommand is newsterm without a subcommand: the interactive reader.
var rootCommand = command{
	synopsis: "[--demo] [--config FILE] [--db FILE] | COMMAND [ARGS]",
	help: `A terminal news reader. Without a command it opens the interactive reader over
your subscriptions; --demo opens it over bundled feeds, offline, in a temporary store.`,
}

func (a *app) runRoot(ctx context.Context, args []string) error {
	a.cmd = rootCommand
	fs := a.newFlags()
	demoMode := fs.Bool("demo", false, "read the bundled demo feeds (offline, temporary store)")
	version := fs.Bool("version", false, "print the version")
	args, err := a.parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 0 {
		return usageErrorf("", "unknown command %q", args[0])
	}
	if *version {
		a.out.printf("newsterm %s\n", Version)
		return nil
	}
	if !a.terminal().isTTY {
		return errors.New("the reader needs a terminal; in scripts use newsterm items, read or feeds")
	}
	if *demoMode {
		return a.runDemo(ctx)
	}
	return a.runReader(ctx, nil)
}

// runDemo starts the bundled feeds' server and temporary files, fills the
// store from them so the first screen already has stories, and runs the
// reader over them; everything is removed on the way out.
func (a *app) runDemo(ctx context.Context) (err error) {
	env, err := demo.Start()
	if err != nil {
		return fmt.Errorf("start the demo: %w", err)
	}
	defer func() { err = a.stopDemo(env, err) }()
	a.configPath, a.dbPath = env.ConfigPath, env.DBPath
	return a.runReader(ctx, func(cfg *config.Config, db *store.Store, c *feeds.Client) error {
		list, err := db.Feeds(ctx)
		if err != nil {
			return fmt.Errorf("list demo feeds: %w", err)
		}
		if _, err := refresh.Run(ctx, c, db, list, time.Now, nil); err != nil {
			return fmt.Errorf("load demo feeds: %w", err)
		}
		return nil
	})
}

// stopDemo stops the demo's server and removes its files. When the reader
// ended well a failure to stop is the command's error; otherwise it is
// said on stderr in one line and the reader's error err stays the one
// that sets the exit status.
func (a *app) stopDemo(env interface{ Stop() error }, err error) error {
	stopErr := env.Stop()
	switch {
	case stopErr == nil:
		return err
	case err == nil:
		return stopErr
	}
	a.errOut.printf("%s: %s\n", a.progName(), sanitize.Line(stopErr.Error()))
	return err
}

// runReader opens the config and store and runs the interactive reader,
// after prepare (if any) has run on them.
func (a *app) runReader(ctx context.Context, prepare func(*config.Config, *store.Store, *feeds.Client) error) error {
	return a.withStore(ctx, func(cfg *config.Config, db *store.Store) error {
		client := feeds.NewClient(clientOptions(cfg))
		if prepare != nil {
			if err := prepare(cfg, db, client); err != nil {
				return err
			}
		}
		err := ui.Run(ui.Deps{
			Config: cfg,
			Store:  db,
			Client: client,
			Now:    time.Now,
			Reload: a.loadConfig,
		})
		if err != nil {
			return fmt.Errorf("reader: %w", err)
		}
		return nil
	})
}
