package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// isSymlink reports whether path itself is a symbolic link.
func isSymlink(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// writeAtomic replaces path with data: a temporary file in the same
// directory, synced, given the old file's permissions (0600 for a new
// file), then renamed over it. A crash leaves the old file or the new one,
// never half of either. A missing directory is created 0700.
func writeAtomic(path string, data []byte) (err error) {
	fail := func(what string, err error) error {
		return &Error{File: path, Msg: what + ": " + unwrapPath(err), Fix: "check the directory's permissions and free space", Err: err}
	}
	mode := fs.FileMode(0o600)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fail("cannot stat", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fail("cannot create directory", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail("cannot write", err)
	}
	defer func() {
		if err != nil {
			// Best effort: err already says what failed, and the temporary
			// file's name starts with a dot.
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fail("cannot write", err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail("cannot set permissions", err)
	}
	if err := tmp.Sync(); err != nil {
		return fail("cannot sync", err)
	}
	if err := tmp.Close(); err != nil {
		return fail("cannot write", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail("cannot replace", err)
	}
	return syncDir(dir)
}

// syncDir makes the rename durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return &Error{File: dir, Msg: "cannot open directory: " + unwrapPath(err), Err: err}
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return &Error{File: dir, Msg: "cannot sync directory: " + unwrapPath(err), Err: err}
	}
	return nil
}
