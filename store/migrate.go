package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema step. after, when set, runs in the same
// transaction once the SQL has (for data the SQL alone cannot derive).
type migration struct {
	version int
	name    string
	sql     string
	after   func(context.Context, *sql.Tx) error
}

// migrationHooks are the Go steps that follow a migration's SQL.
// (Migration 2 built an index that migration 5 replaces, so only 5 fills it.)
var migrationHooks = map[int]func(context.Context, *sql.Tx) error{
	5: compressBodies,
}

// migrations are the embedded steps in order; versions run 1, 2, 3, ...
var migrations = mustLoadMigrations(migrationFiles)

func mustLoadMigrations(fsys fs.FS) []migration {
	steps, err := loadMigrations(fsys)
	if err != nil {
		panic(err) // the embedded files are part of the program
	}
	return steps
}

func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	steps := make([]migration, 0, len(names)) // Glob sorts by name
	for i, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want a name starting %04d_", name, i+1)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		steps = append(steps, migration{version: v, name: base, sql: string(body), after: migrationHooks[v]})
	}
	return steps, nil
}

// schemaState is what decides whether and how a database is migrated.
type schemaState struct {
	version int // PRAGMA user_version
	objects int // tables, indexes and so on already in the file
}

func readSchemaState(ctx context.Context, db *sql.DB) (schemaState, error) {
	var st schemaState
	err := db.QueryRowContext(ctx, `SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&st.version, &st.objects)
	return st, err
}

// refuse says why a database in state st must not be opened by a program
// that knows latest migrations, or returns nil.
func refuse(abs string, st schemaState, latest int) error {
	switch {
	case st.version > latest:
		return fmt.Errorf("open database %s: its schema version %d is newer than this newsterm "+
			"understands (%d); upgrade newsterm or choose another path with --db", abs, st.version, latest)
	case st.version == 0 && st.objects > 0:
		return fmt.Errorf("open database %s: it is a SQLite database but not newsterm's; "+
			"choose another path with --db", abs)
	}
	return nil
}

// probe reads an existing file's schema state over a connection that
// changes nothing (no switch to WAL), so a file that must be refused is
// left exactly as it was.
func probe(ctx context.Context, abs string, latest int) error {
	fi, err := os.Stat(abs)
	if err != nil || fi.Size() == 0 {
		return nil // new database
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	db, err := sql.Open("sqlite", u.String()+fmt.Sprintf("?_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()))
	if err != nil {
		return fmt.Errorf("open database %s: %w", abs, err)
	}
	defer db.Close()
	var st schemaState
	err = retry(ctx, func() error {
		var err error
		st, err = readSchemaState(ctx, db)
		return err
	})
	if err != nil {
		return openError(abs, err)
	}
	return refuse(abs, st, latest)
}

// migrate brings the database up to the last of steps. A database that
// already holds newsterm data is copied to <path>.bak-v<old> first.
func (s *Store) migrate(ctx context.Context, steps []migration) error {
	var st schemaState
	err := s.retry(ctx, func() error {
		var err error
		st, err = readSchemaState(ctx, s.db)
		return err
	})
	if err != nil {
		return openError(s.path, err)
	}
	if err := refuse(s.path, st, len(steps)); err != nil {
		return err
	}
	if st.version == len(steps) {
		return nil
	}
	if st.version > 0 {
		if err := s.backupIfData(ctx, st.version); err != nil {
			return err
		}
	}
	for _, m := range steps[st.version:] {
		if err := s.withTx(ctx, fmt.Sprintf("migrate %s to version %d (%s)", s.path, m.version, m.name),
			func(tx *sql.Tx) error { return applyMigration(ctx, tx, m) }); err != nil {
			return err
		}
	}
	if st.version > 0 && st.version < compressedBodies && len(steps) >= compressedBodies {
		// Migration 5 compressed every body and replaced the index in
		// place, which leaves the file as large as before; VACUUM gives
		// the space back. The store works either way, so a failure (no
		// room for the copy VACUUM makes) only leaves the file large.
		_ = s.retry(ctx, func() error {
			_, err := s.db.ExecContext(ctx, "VACUUM")
			return err
		})
	}
	return nil
}

// compressedBodies is the migration that compresses bodies (0005).
const compressedBodies = 5

// applyMigration runs one step unless another process got there first.
func applyMigration(ctx context.Context, tx *sql.Tx, m migration) error {
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if m.after != nil {
		if err := m.after(ctx, tx); err != nil {
			return err
		}
	}
	// PRAGMA takes no bound parameters; version is an int.
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return fmt.Errorf("set schema version: %w", err)
	}
	return nil
}

// backupIfData backs the database up unless it holds no feeds, as when
// another process is creating it at this moment.
func (s *Store) backupIfData(ctx context.Context, version int) error {
	var has bool
	err := s.retry(ctx, func() error {
		return s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM feeds)").Scan(&has)
	})
	if err != nil {
		return openError(s.path, err)
	}
	if !has {
		return nil
	}
	return s.backup(ctx, version)
}

// backup copies the database, consistent and compacted, beside itself. If
// the usual name is taken (an earlier backup), a timestamp is added. The
// copy is written under a temporary name and renamed, so a backup file is
// always complete.
func (s *Store) backup(ctx context.Context, version int) error {
	dst := fmt.Sprintf("%s.bak-v%d", s.path, version)
	if _, err := os.Lstat(dst); err == nil {
		dst += "-" + time.Now().UTC().Format("20060102T150405.000000000")
	}
	// VACUUM INTO writes into a new or empty file; CreateTemp reserves one.
	f, err := os.CreateTemp(filepath.Dir(dst), filepath.Base(dst)+".partial-*")
	if err != nil {
		return fmt.Errorf("back up %s before migrating it failed (%v); nothing was changed: "+
			"make the directory writable, then run again", s.path, errors.Unwrap(err))
	}
	tmp := f.Name()
	f.Close()
	err = s.retry(ctx, func() error {
		_, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp)
		return err
	})
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("back up %s before migrating: %w", s.path, err)
		}
		return fmt.Errorf("back up %s to %s before migrating it failed (%v); nothing was changed: "+
			"free disk space or make the directory writable, then run again", s.path, dst, err)
	}
	s.backupPath = dst
	return nil
}

// BackupPath is the copy Open made before migrating, or "" when it did not
// need one.
func (s *Store) BackupPath() string { return s.backupPath }
