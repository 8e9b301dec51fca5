// Package store keeps feeds, items, read/starred state, extracted articles
// and a full-text index in one SQLite file.
//
// The file is shared by the interactive reader and any `newsterm refresh`
// run from cron, so every connection uses WAL, a busy timeout and
// BEGIN IMMEDIATE for writes; a write that still meets SQLITE_BUSY is
// retried. Schema changes are numbered migrations embedded in the binary,
// and an existing database is copied aside before it is migrated.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
)

// ErrNotFound is returned for an unknown id or URL.
var ErrNotFound = errors.New("not found")

// busyTimeout is how long SQLite itself waits for another writer.
const busyTimeout = 10 * time.Second

// Store is the database handle. Safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// write serialises this handle's write transactions so that goroutines
	// of one process queue in Go instead of polling SQLite's file lock.
	write chan struct{}
	now   func() time.Time
	// backupPath is the copy taken before migrating, if any.
	backupPath string
	// expireAfter is the expiry rule (see SetExpiry), in nanoseconds.
	expireAfter atomic.Int64
}

// Open opens (creating if needed) the database at path and migrates it.
// The parent directory is created (0700) when missing. A file that is not a
// newsterm database, or one written by a newer newsterm, is an error and is
// left untouched.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, migrations)
}

func open(ctx context.Context, path string, steps []migration) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: empty path; pass --db FILE")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open database %s: cannot create its directory (%v); "+
			"check permissions or choose another path with --db", abs, errors.Unwrap(err))
	}
	if err := checkHeader(abs); err != nil {
		return nil, err
	}
	if err := createPrivate(abs); err != nil {
		return nil, err
	}
	if err := probe(ctx, abs, len(steps)); err != nil {
		return nil, err
	}
	if err := setPageSize(ctx, abs); err != nil {
		return nil, err
	}
	db := sql.OpenDB(connector{dsn: dsn(abs)})
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(time.Minute)
	s := &Store{db: db, path: abs, write: make(chan struct{}, 1), now: time.Now}
	if err := s.retry(ctx, func() error { return db.PingContext(ctx) }); err != nil {
		db.Close()
		return nil, openError(abs, err)
	}
	if err := s.migrate(ctx, steps); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// createPrivate creates a missing database file readable by its owner
// only; SQLite gives the -wal and -shm files the same mode.
func createPrivate(abs string) error {
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: cannot create it (%v); "+
			"make its directory writable or choose another path with --db", abs, errors.Unwrap(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("create database %s: %w", abs, err)
	}
	return nil
}

// pageSize is a new database's page size: 16 KiB pages hold several
// compressed stories each, where 4 KiB pages left much of each page empty.
const pageSize = 16384

// setPageSize gives a new, empty database file its page size. It must come
// before anything writes the header (the switch to WAL does), which the
// driver's DSN pragmas, applied in name order, cannot promise. An existing
// database keeps the size it has.
func setPageSize(ctx context.Context, abs string) error {
	if fi, err := os.Stat(abs); err != nil || fi.Size() > 0 {
		return nil
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	db, err := sql.Open("sqlite", u.String()+fmt.Sprintf("?_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()))
	if err != nil {
		return fmt.Errorf("create database %s: %w", abs, err)
	}
	defer db.Close()
	err = retry(ctx, func() error {
		_, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d; PRAGMA journal_mode = WAL", pageSize))
		return err
	})
	if err != nil {
		return openError(abs, err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Checkpoint copies the write-ahead log into the database file and
// truncates the log, keeping the -wal file small between runs.
func (s *Store) Checkpoint(ctx context.Context) error {
	err := s.retry(ctx, func() error {
		_, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		return err
	})
	if err != nil {
		if de := diskError(s.path, err); de != nil {
			return fmt.Errorf("checkpoint: %w", de)
		}
		return fmt.Errorf("checkpoint %s: %w", s.path, err)
	}
	return nil
}

// dsn builds a file: URI, so that '?' or '#' in a path stay part of the
// name, with the settings every pooled connection needs. busy_timeout comes
// first so the switch to WAL already waits for other processes. Statement
// journals (every upsert in a refresh writes one) stay in memory: on disk
// they were a third of the time spent storing a feed.
func dsn(abs string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), OmitHost: false}
	q := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)"+
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_txlock=immediate",
		busyTimeout.Milliseconds())
	return u.String() + "?" + q
}

// drv is a private driver instance so the pragma check below runs on this
// package's connections only.
var drv = func() *sqlite.Driver {
	d := &sqlite.Driver{}
	d.RegisterConnectionHook(checkPragmas)
	return d
}()

// connector opens connections through drv.
type connector struct{ dsn string }

func (c connector) Connect(context.Context) (driver.Conn, error) { return drv.Open(c.dsn) }
func (c connector) Driver() driver.Driver                        { return drv }

// checkPragmas reads back what the DSN asked for on each new connection:
// a database that silently stayed out of WAL mode would make the reader and
// a background refresh block each other.
func checkPragmas(conn sqlite.ExecQuerierContext, _ string) error {
	ctx := context.Background()
	want := []struct{ pragma, value string }{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", fmt.Sprint(busyTimeout.Milliseconds())},
	}
	for _, w := range want {
		got, err := pragmaValue(ctx, conn, w.pragma)
		if err != nil {
			return err
		}
		if got != w.value {
			return fmt.Errorf("PRAGMA %s is %q, want %q (the filesystem may not support "+
				"shared memory); put the database on a local disk with --db", w.pragma, got, w.value)
		}
	}
	return nil
}

func pragmaValue(ctx context.Context, conn sqlite.ExecQuerierContext, name string) (string, error) {
	rows, err := conn.QueryContext(ctx, "PRAGMA "+name, nil)
	if err != nil {
		return "", fmt.Errorf("read PRAGMA %s: %w", name, err)
	}
	defer rows.Close()
	v := make([]driver.Value, len(rows.Columns()))
	if err := rows.Next(v); err != nil {
		if err == io.EOF {
			return "", fmt.Errorf("read PRAGMA %s: no value", name)
		}
		return "", fmt.Errorf("read PRAGMA %s: %w", name, err)
	}
	switch x := v[0].(type) {
	case []byte:
		return string(x), nil
	default:
		return fmt.Sprint(x), nil
	}
}
