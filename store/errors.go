package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader refuses, before SQLite touches it, a file that is not a
// SQLite database or that is shorter than its own header says. An empty
// file is a new database.
func checkHeader(abs string) error {
	f, err := os.Open(abs)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: %v; check its permissions or choose another path with --db",
			abs, errors.Unwrap(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open database %s: %w", abs, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("open database %s: it is a directory; pass a file path with --db", abs)
	}
	if fi.Size() == 0 {
		return nil
	}
	hdr := make([]byte, 100)
	if _, err := io.ReadFull(f, hdr); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return notDatabase(abs, "file is too short to be a SQLite database")
		}
		return fmt.Errorf("open database %s: %w", abs, err)
	}
	if !bytes.Equal(hdr[:16], sqliteMagic) {
		return notDatabase(abs, "file is not a SQLite database")
	}
	if want := declaredSize(hdr); want > 0 && fi.Size() < want && !walHasFrames(abs) {
		return damaged(abs, fmt.Sprintf("file is truncated: %d of %d bytes", fi.Size(), want))
	}
	return nil
}

// declaredSize is the file size the header promises, or 0 when the header's
// page count is not known to be current.
func declaredSize(hdr []byte) int64 {
	pageSize := int64(binary.BigEndian.Uint16(hdr[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(hdr[28:32]))
	changes := binary.BigEndian.Uint32(hdr[24:28])
	validFor := binary.BigEndian.Uint32(hdr[92:96])
	if changes != validFor {
		return 0
	}
	return pages * pageSize
}

// walHasFrames reports whether a write-ahead log with content sits beside
// the database; then pages may legitimately live only in the log.
func walHasFrames(abs string) bool {
	fi, err := os.Stat(abs + "-wal")
	return err == nil && fi.Size() > 0
}

func notDatabase(abs, why string) error {
	return fmt.Errorf("open database %s: %s; move it aside or choose another path with --db", abs, why)
}

func damaged(abs, why string) error {
	return fmt.Errorf("open database %s: %s; restore a copy (migrations leave %s.bak-v*), "+
		"move it aside, or choose another path with --db", abs, why, abs)
}

// sqliteCode is the primary SQLite result code inside err, or 0.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}

// isBusy reports whether err is SQLite saying another connection holds a
// lock, which a retry can cure.
func isBusy(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

// openError turns a failure to open or first use the database into one line
// that names the file and the fix.
func openError(abs string, err error) error {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_NOTADB:
		return notDatabase(abs, "file is not a SQLite database")
	case sqlite3.SQLITE_CORRUPT:
		return damaged(abs, "database file is damaged")
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return fmt.Errorf("open database %s: cannot create or write it or its -wal file (%v); "+
			"make its directory writable or choose another path with --db", abs, err)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return busyError(abs)
	}
	if de := diskError(abs, err); de != nil {
		return fmt.Errorf("open database: %w", de)
	}
	return fmt.Errorf("open database %s: %w", abs, err)
}

// busyError replaces SQLite's "database is locked" once every retry is spent.
func busyError(abs string) error {
	return fmt.Errorf("database %s is busy: another newsterm kept it locked for too long; try again", abs)
}

// writeError names the database in a failed write and explains the causes
// a user can fix.
func (s *Store) writeError(what string, err error) error {
	if de := diskError(s.path, err); de != nil {
		return fmt.Errorf("%s: %w", what, de)
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%s: %s is read-only (%v); check its permissions", what, s.path, err)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%s: %w", what, damaged(s.path, "database file is damaged"))
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%s: %w", what, busyError(s.path))
	}
	return fmt.Errorf("%s: %w", what, err)
}

// explained is an error whose text is a complete explanation for the user
// while the error it explains stays reachable through errors.Is and
// errors.As.
type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }

// diskError explains, in one line naming the file and the fix, the errors
// the file system gives SQLite: SQLITE_FULL (ENOSPC) and SQLITE_IOERR with
// any extended code (a quota or file-size limit, EDQUOT or EFBIG, arrives
// as SQLITE_IOERR_WRITE; a failing disk as SQLITE_IOERR_READ and others).
// It returns nil for any other error.
func diskError(abs string, err error) error {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return nil
	}
	var msg string
	switch code := e.Code(); {
	case code&0xff == sqlite3.SQLITE_FULL:
		msg = fmt.Sprintf("cannot write %s (disk full): free some space and try again", abs)
	case code == sqlite3.SQLITE_IOERR_READ, code == sqlite3.SQLITE_IOERR_SHORT_READ,
		code == sqlite3.SQLITE_IOERR_CORRUPTFS:
		msg = fmt.Sprintf("cannot read %s (disk I/O error): the disk may be failing; "+
			"copy the file somewhere safe and check the disk", abs)
	case code&0xff == sqlite3.SQLITE_IOERR:
		msg = fmt.Sprintf("cannot write %s (disk I/O error): the disk may be full, over quota or failing; "+
			"free some space and try again", abs)
	default:
		return nil
	}
	return &explained{msg: msg, err: err}
}
