package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"modernc.org/sqlite"
)

func userVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatalf("user_version: %v", err)
	}
	return v
}

func TestOpenFreshDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "we?ird #dir", "data")
	path := filepath.Join(dir, "news%20.db")
	s := openAt(t, path)
	if got := userVersion(t, s.db); got != len(migrations) {
		t.Errorf("user_version = %d, want %d", got, len(migrations))
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("created directory: %v, %v; want mode 0700", fi, err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at the exact path: %v", err)
	}
	if s.BackupPath() != "" {
		t.Errorf("fresh database was backed up to %s", s.BackupPath())
	}
	var tables int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name IN
		('feeds', 'items', 'articles', 'items_fts')`).Scan(&tables); err != nil || tables != 4 {
		t.Errorf("tables = %d, %v; want 4", tables, err)
	}
}

func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var conns []*sql.Conn
	for range 3 { // held at once, so they are three distinct connections
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	want := map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "synchronous": "1",
		"page_size": "16384"} // a new file gets 16 KiB pages
	for i, c := range conns {
		for pragma, v := range want {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil || got != v {
				t.Errorf("conn %d: PRAGMA %s = %q, %v; want %q", i, pragma, got, err, v)
			}
		}
		c.Close()
	}
}

// oldDatabase writes a database at schema version 1 holding one feed and
// two items, one of them read.
func oldDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := open(context.Background(), path, migrations[:1])
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.db.Exec(`
		INSERT INTO feeds (id, url, title) VALUES (1, 'https://a.example/feed', 'Alpha');
		INSERT INTO items (feed_id, guid, title, published, first_seen, content, read)
		VALUES (1, 'g1', 'Old story', 100, 100, '<p>a <i>capybara</i> appears</p>', 1),
		       (1, 'g2', 'Older story', 50, 50, '', 0);`)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateExistingDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	oldDatabase(t, path)

	s := openAt(t, path)
	if got := userVersion(t, s.db); got != len(migrations) {
		t.Errorf("user_version = %d, want %d", got, len(migrations))
	}
	got := items(t, s, Query{})
	if guids(got) != "[g1 g2]" || !got[0].Read || got[1].Read || got[0].FeedTitle != "Alpha" {
		t.Errorf("items after migration = %+v", got)
	}
	found, err := s.Search(ctx, "capybara", 0)
	if err != nil || guids(found) != "[g1]" {
		t.Errorf("search over migrated items = %s, %v", guids(found), err)
	}
	// Migration 5 moved the content into the compressed body column.
	for id, want := range map[int64]string{got[0].ID: "<p>a <i>capybara</i> appears</p>", got[1].ID: ""} {
		if _, content, err := s.Body(ctx, id); err != nil || content != want {
			t.Errorf("Body(%d) after migration = %q, %v; want %q", id, content, err, want)
		}
	}
	if want := path + ".bak-v1"; s.BackupPath() != want {
		t.Errorf("BackupPath = %q, want %q", s.BackupPath(), want)
	}
	bak, err := sql.Open("sqlite", s.BackupPath())
	if err != nil {
		t.Fatal(err)
	}
	defer bak.Close()
	var n int
	if err := bak.QueryRow("SELECT count(*) FROM items").Scan(&n); err != nil || n != 2 {
		t.Errorf("backup holds %d items, %v; want 2", n, err)
	}
	if v := userVersion(t, bak); v != 1 {
		t.Errorf("backup user_version = %d, want 1", v)
	}
}

func TestMigrationBackupNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	oldDatabase(t, path)
	earlier := []byte("an earlier backup")
	if err := os.WriteFile(path+".bak-v1", earlier, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path)
	if s.BackupPath() == path+".bak-v1" || !strings.HasPrefix(s.BackupPath(), path+".bak-v1-") {
		t.Errorf("BackupPath = %q, want a new name beside %s.bak-v1", s.BackupPath(), path)
	}
	if got, _ := os.ReadFile(path + ".bak-v1"); !bytes.Equal(got, earlier) {
		t.Errorf("earlier backup was overwritten")
	}
}

func TestOpenRefusesFilesItCannotUse(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noise := make([]byte, 8192)
	rand.Read(noise)
	tests := []struct {
		name, path, want string
	}{
		{"garbage", write("garbage.db", noise), "not a SQLite database"},
		{"text", write("notes.db", []byte("my shopping list\n")), "too short"},
		{"header only", write("short.db", sqliteMagic), "too short"},
		{"truncated", truncatedDatabase(t, filepath.Join(dir, "truncated.db")), "truncated"},
		{"newer schema", newerDatabase(t, filepath.Join(dir, "newer.db")), "upgrade newsterm"},
		{"someone else's", foreignDatabase(t, filepath.Join(dir, "other.db")), "not newsterm's"},
		{"a directory", dir, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readAll(t, tt.path)
			s, err := Open(context.Background(), tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.path) || !strings.Contains(msg, tt.want) ||
				strings.Contains(msg, "\n") || !strings.Contains(msg, "--db") && !strings.Contains(msg, "upgrade") {
				t.Errorf("error = %q; want one line naming the file, %q and a fix", msg, tt.want)
			}
			if after := readAll(t, tt.path); !bytes.Equal(before, after) {
				t.Errorf("file changed")
			}
		})
	}
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func truncatedDatabase(t *testing.T, path string) string {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	subscribe(t, s, Subscription{URL: feedA})
	for i := range 50 {
		it := story(strconv.Itoa(i), i)
		it.Content = strings.Repeat("<p>padding text</p>", 50)
		save(t, s, feedA, it)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 3*4096); err != nil {
		t.Fatal(err)
	}
	return path
}

func newerDatabase(t *testing.T, path string) string {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = " + strconv.Itoa(len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func foreignDatabase(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE recipes (name TEXT)"); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenInUnwritablePlace(t *testing.T) {
	tests := []struct{ name, path, want string }{
		{"directory cannot be created", "/proc/newsterm-test/news.db", "cannot create its directory"},
		{"file cannot be created", "/proc/newsterm-test.db", "make its directory writable"},
		{"parent is a file", filepath.Join(readmeFile(t), "news.db"), "cannot create its directory"},
	}
	if os.Geteuid() != 0 { // root writes through permission bits
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
		tests = append(tests, struct{ name, path, want string }{"read-only directory",
			filepath.Join(ro, "news.db"), "make its directory writable"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(context.Background(), tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) || !strings.Contains(msg, "--db") ||
				strings.Contains(msg, "\n") {
				t.Errorf("error = %q; want one line with %q and --db", msg, tt.want)
			}
		})
	}
}

func readmeFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "README")
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadMigrations(t *testing.T) {
	sqlFile := &fstest.MapFile{Data: []byte("SELECT 1;")}
	tests := []struct {
		name  string
		files fstest.MapFS
		ok    bool
	}{
		{"in order", fstest.MapFS{"migrations/0001_a.sql": sqlFile, "migrations/0002_b.sql": sqlFile}, true},
		{"gap", fstest.MapFS{"migrations/0001_a.sql": sqlFile, "migrations/0003_c.sql": sqlFile}, false},
		{"no number", fstest.MapFS{"migrations/init.sql": sqlFile}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := loadMigrations(tt.files); (err == nil) != tt.ok {
				t.Errorf("err = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func TestCheckPragmasRejectsRollbackJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	conn, err := (&sqlite.Driver{}).Open("file:" + path + "?_pragma=journal_mode(DELETE)&_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = checkPragmas(conn.(sqlite.ExecQuerierContext), "")
	if err == nil || !strings.Contains(err.Error(), `journal_mode is "delete", want "wal"`) {
		t.Errorf("checkPragmas = %v; want a journal_mode error", err)
	}
}

func TestNewDatabaseIsPrivate(t *testing.T) {
	s := openTest(t)
	for _, p := range []string{s.Path(), s.Path() + "-wal"} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want mode 0600", p, fi, err)
		}
	}
}

// TestUpgradeShrinksTheFile: a store from before migration 5 holds its
// bodies uncompressed; after the upgrade every body reads back the same,
// search still finds words in them, and the file is smaller (VACUUM).
func TestUpgradeShrinksTheFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, migrations[:4])
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("<p>Officials said the talks would resume on Tuesday in the capital.</p>\n", 60)
	for i := range 300 {
		_, err := old.db.ExecContext(ctx, `INSERT OR IGNORE INTO feeds (id, url) VALUES (1, 'https://a.example/feed');
			INSERT INTO items (feed_id, guid, title, published, first_seen, content) VALUES (1, ?, 'Story', 1, 1, ?)`,
			fmt.Sprint("g", i), body+fmt.Sprintf("<p>marker%d</p>", i))
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, path)

	s := openAt(t, path)
	subscribe(t, s, Subscription{URL: "https://a.example/feed"})
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if after := fileSize(t, path); after > before/2 {
		t.Errorf("file is %d bytes after the upgrade, %d before; want less than half", after, before)
	}
	for _, id := range []int64{1, 150, 300} {
		_, content, err := s.Body(ctx, id)
		if want := body + fmt.Sprintf("<p>marker%d</p>", id-1); err != nil || content != want {
			t.Errorf("Body(%d) after the upgrade = %d bytes, %v; want the original %d", id, len(content), err, len(want))
		}
	}
	if found, err := s.Search(ctx, "marker149", 0); err != nil || len(found) != 1 || found[0].ID != 150 {
		t.Errorf("Search(marker149) = %v, %v", found, err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
