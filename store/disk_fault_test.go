package store

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The disk-fault tests re-run this test binary as a child that meets a
// full disk (a file-size limit, RLIMIT_FSIZE) or an unwritable directory
// (running as an unprivileged user) while using the production code.
const (
	envFaultDB    = "NEWSTERM_STORE_FAULT_DB"
	envFaultMode  = "NEWSTERM_STORE_FAULT_MODE" // "fsize" or "unprivileged"
	envFaultLimit = "NEWSTERM_STORE_FAULT_LIMIT"
)

// nobody is the user and group the read-only child becomes when started
// as root.
const nobody = 65534

// TestDiskFaultChild is the child's body; run directly it does nothing.
func TestDiskFaultChild(t *testing.T) {
	path := os.Getenv(envFaultDB)
	if path == "" {
		return
	}
	switch os.Getenv(envFaultMode) {
	case "fsize":
		limit, _ := strconv.ParseUint(os.Getenv(envFaultLimit), 10, 64)
		signal.Ignore(syscall.SIGXFSZ) // get EFBIG from write(2) instead of dying
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
			t.Fatalf("setrlimit: %v", err)
		}
		fillUntilFull(path)
	case "unprivileged":
		if os.Geteuid() == 0 { // root writes through permission bits: become nobody
			if err := syscall.Setgid(nobody); err != nil {
				t.Fatalf("setgid: %v", err)
			}
			if err := syscall.Setuid(nobody); err != nil {
				t.Fatalf("setuid: %v", err)
			}
		}
		s, err := Open(context.Background(), path)
		if err != nil {
			fmt.Println("err", err)
			return
		}
		_, err = s.SaveFetch(context.Background(), Fetched{URL: feedA, At: t0,
			Feed: feeds.Feed{Title: "A", Items: []feeds.Item{story("written-by-nobody", 1)}}})
		s.Close()
		if err != nil {
			fmt.Println("err", err)
			return
		}
		fmt.Println("ok")
	}
}

// fillUntilFull writes ever more items, printing "ack N" for each commit
// that succeeded and, for the first failure, "code N" (the SQLite result
// code the error still wraps, or 0) and then "err MESSAGE".
func fillUntilFull(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("err", err)
		return
	}
	defer s.Close()
	pad := strings.Repeat("<p>filler text for a full disk</p>", 200)
	for n := range 100000 {
		it := story("fill-"+strconv.Itoa(n), n)
		it.Content = pad
		_, err := s.SaveFetch(ctx, Fetched{URL: feedA, At: t0, Feed: feeds.Feed{Title: "A", Items: []feeds.Item{it}}})
		if err != nil {
			var se *sqlite.Error
			if errors.As(err, &se) {
				fmt.Println("code", se.Code())
			} else {
				fmt.Println("code", 0)
			}
			fmt.Println("err", err)
			return
		}
		fmt.Println("ack", n)
	}
}

// runFaultChild runs the child to its end and returns its output lines.
func runFaultChild(t *testing.T, mode, db string, env ...string) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFaultChild$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), envFaultDB+"="+db, envFaultMode+"="+mode), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s\n%s", err, out, stderr.String())
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if l := sc.Text(); strings.HasPrefix(l, "ack ") || strings.HasPrefix(l, "code ") ||
			strings.HasPrefix(l, "err ") || l == "ok" {
			lines = append(lines, l)
		}
	}
	return lines
}

// seedDatabase creates a database holding a few stories and closes it.
func seedDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	subscribe(t, s, Subscription{URL: feedA})
	save(t, s, feedA, story("kept-1", 1), story("kept-2", 2))
	if err := s.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// checkIntact opens path read-only and wants integrity_check ok and every
// GUID in want present.
func checkIntact(t *testing.T, path string, want []string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	for _, g := range want {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM items WHERE guid = ?", g).Scan(&n); err != nil || n != 1 {
			t.Errorf("acknowledged story %s: count %d, %v", g, n, err)
		}
	}
}

// fillToLimit runs the fsize child against a seeded database and returns
// the database's path and the child's final error line. Every commit it
// acknowledged (and the seed) must still be there, intact.
func fillToLimit(t *testing.T) (path, msg string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "full.db")
	seedDatabase(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	limit := fi.Size() + 256<<10
	lines := runFaultChild(t, "fsize", path, envFaultLimit+"="+strconv.FormatInt(limit, 10))
	if len(lines) == 0 {
		t.Fatal("the child printed nothing")
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "err ") {
		t.Fatalf("the child never met the size limit: last line %q", last)
	}
	want := []string{"kept-1", "kept-2"}
	code := -1
	for _, l := range lines {
		if n, ok := strings.CutPrefix(l, "ack "); ok {
			want = append(want, "fill-"+n)
		}
		if c, ok := strings.CutPrefix(l, "code "); ok {
			code, _ = strconv.Atoi(c)
		}
	}
	if p := code & 0xff; p != sqlite3.SQLITE_IOERR && p != sqlite3.SQLITE_FULL {
		t.Errorf("the error wraps SQLite result code %d; want SQLITE_IOERR or SQLITE_FULL reachable with errors.As", code)
	}
	if len(want) < 3 {
		t.Errorf("no commit succeeded before the limit (%d bytes)", limit)
	}
	checkIntact(t, path, want)
	return path, strings.TrimPrefix(last, "err ")
}

// Writes that fail mid-refresh (the file cannot grow) lose no acknowledged
// commit, leave the file passing integrity_check, and the error is one line.
func TestFailedWritesLoseNothing(t *testing.T) {
	_, msg := fillToLimit(t)
	if msg == "" || strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error = %q; want one line", msg)
	}
}

// SQLite's own "database or disk is full" (what ENOSPC gives) becomes a
// line naming the file and the fix. max_page_count stands in for the disk.
func TestDiskFullErrorNamesTheFileAndTheFix(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tiny.db")
	seedDatabase(t, path)
	s := openAt(t, path)
	var pages int
	if err := s.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Close(); err != nil {
		t.Fatal(err)
	}
	s.db = sql.OpenDB(connector{dsn: dsn(s.path) + fmt.Sprintf("&_pragma=max_page_count(%d)", pages+2)})
	var err error
	for n := 0; n < 200 && err == nil; n++ {
		it := story("big-"+strconv.Itoa(n), n)
		it.Content = strings.Repeat("<p>a long story that does not fit</p>", 500)
		_, err = s.SaveFetch(context.Background(), Fetched{URL: feedA, At: t0, Feed: feeds.Feed{Items: []feeds.Item{it}}})
	}
	if err == nil {
		t.Fatal("200 large stories fitted in two spare pages")
	}
	if c := sqliteCode(err); c != sqlite3.SQLITE_FULL {
		t.Errorf("errors.As finds SQLite code %d under %q; want SQLITE_FULL kept", c, err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "disk full") || !strings.Contains(msg, path) || !strings.Contains(msg, "free some space") ||
		strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error = %q; want one line: disk full, %s, free some space", msg, path)
	}
	checkIntact(t, path, []string{"kept-1", "kept-2"})
}

// An existing database in a directory its user cannot write: Open or the
// first write fails with one clear line, and the file is left as it was.
func TestReadOnlyDirectoryGivesAClearError(t *testing.T) {
	base, err := os.MkdirTemp("", "newsterm-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.WalkDir(base, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o700)
			}
			return nil
		})
		os.RemoveAll(base)
	})
	tests := []struct {
		name  string
		setup func(dir, path string)
	}{
		{"read-only database file", func(dir, path string) {
			must(t, os.Chmod(path, 0o444))
		}},
		{"database writable, directory not", func(dir, path string) {
			if os.Geteuid() == 0 {
				must(t, os.Chown(path, nobody, nobody))
			}
		}},
		{"new database in a read-only directory", func(dir, path string) {
			must(t, os.Remove(path))
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(base, strconv.Itoa(i))
			must(t, os.Mkdir(dir, 0o755))
			path := filepath.Join(dir, "news.db")
			seedDatabase(t, path)
			must(t, os.Chmod(path, 0o600))
			tt.setup(dir, path)
			must(t, os.Chmod(dir, 0o555))
			must(t, os.Chmod(base, 0o755))
			before, _ := os.ReadFile(path)
			start := time.Now()
			lines := runFaultChild(t, "unprivileged", path)
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "err ") {
				t.Fatalf("child said %q; want one error", lines)
			}
			msg := strings.TrimPrefix(lines[0], "err ")
			t.Logf("error: %s", msg)
			if !strings.Contains(msg, path) || !strings.Contains(msg, "writ") || strings.Contains(msg, "database is locked") {
				t.Errorf("error = %q; want it to name %s and say it cannot be written", msg, path)
			}
			if d := time.Since(start); d > 8*time.Second {
				t.Errorf("the error took %v (a busy wait on a lock it can never get?)", d)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the database file changed")
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
