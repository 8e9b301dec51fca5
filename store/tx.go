package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// busyRetries is how many more times an operation that met SQLITE_BUSY
// after the busy timeout is tried again.
const busyRetries = 3

// retry runs fn again when SQLite still reports a lock after its own busy
// timeout: rare (recovery after a crash, a checkpoint in another process),
// but "database is locked" must not reach the user for it. fn must be safe
// to run more than once.
func (s *Store) retry(ctx context.Context, fn func() error) error { return retry(ctx, fn) }

func retry(ctx context.Context, fn func() error) error {
	delay := 50 * time.Millisecond
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil || !isBusy(err) || attempt == busyRetries {
			return err
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		delay *= 4
	}
}

// withTx runs fn in one write transaction (BEGIN IMMEDIATE, from the DSN),
// committing when fn returns nil and rolling back otherwise. The error fn
// returned is the one reported. fn may run again after SQLITE_BUSY, so it
// must reset anything it accumulates outside the database.
func (s *Store) withTx(ctx context.Context, what string, fn func(*sql.Tx) error) error {
	select {
	case s.write <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", what, ctx.Err())
	}
	defer func() { <-s.write }()
	err := s.retry(ctx, func() error { return s.runTx(ctx, fn) })
	if err != nil {
		if errors.Is(err, ErrNotFound) || errors.Is(err, context.Canceled) ||
			errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("%s: %w", what, err)
		}
		return s.writeError(what, err)
	}
	return nil
}

func (s *Store) runTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
			return fmt.Errorf("%w (rollback also failed: %v)", err, rbErr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// read runs a query function with the same retry as writes, wrapping its
// error with what was being read.
func (s *Store) read(ctx context.Context, what string, fn func() error) error {
	err := s.retry(ctx, fn)
	if err == nil {
		return nil
	}
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%s: %w", what, err)
	}
	if isBusy(err) {
		return fmt.Errorf("%s: %w", what, busyError(s.path))
	}
	if de := diskError(s.path, err); de != nil {
		return fmt.Errorf("%s: %w", what, de)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// collect reads every row with scan, then closes the rows and checks
// rows.Err: the one loop behind the lists the store reads. Empty is [].
func collect[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// scanOne scans a single-column row.
func scanOne[T any](r scanner) (T, error) {
	var v T
	err := r.Scan(&v)
	return v, err
}

// execFound runs a statement meant to touch an existing row, and returns
// ErrNotFound when it touched none.
func execFound(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// eachItem runs fn on each row of "SELECT id, ... FROM items", in id order
// and 500 rows at a time, so that a migration over a large store never
// holds every row at once. columns follows "id, " in the select list;
// scan reads a whole row, id first, and id gives a row's id back.
func eachItem[T any](ctx context.Context, tx *sql.Tx, columns string, scan func(scanner) (T, error),
	id func(T) int64, fn func(T) error) error {
	for last := int64(0); ; {
		rows, err := tx.QueryContext(ctx, "SELECT id, "+columns+" FROM items WHERE id > ? ORDER BY id LIMIT 500", last)
		if err != nil {
			return err
		}
		batch, err := collect(rows, scan)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			if err := fn(r); err != nil {
				return err
			}
		}
		last = id(batch[len(batch)-1])
	}
}
