package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

const (
	sharedFeed    = "https://shared.example/feed"
	writerCommits = 30
)

// concurrentWrites is one writer's share of the concurrency tests: it
// refreshes its own feed and a feed every writer shares (same GUIDs), marks
// items read and lists items in between. It returns how many items its
// fetches reported new, and fails on any error.
func concurrentWrites(t *testing.T, s *Store, who string) (newItems int) {
	ctx := context.Background()
	own := "https://" + who + ".example/feed"
	for i := range writerCommits {
		mine := story(fmt.Sprintf("%s-%d", who, i), i)
		shared := story(fmt.Sprintf("shared-%d", i), i)
		for _, f := range []Fetched{
			{URL: own, At: time.Now(), Feed: feeds.Feed{Title: who, Items: []feeds.Item{mine}}},
			{URL: sharedFeed, At: time.Now(), Feed: feeds.Feed{Title: "shared", Items: []feeds.Item{shared}}},
		} {
			n, err := s.SaveFetch(ctx, f)
			if err != nil {
				t.Errorf("%s: SaveFetch: %v", who, err)
				return newItems
			}
			newItems += n
		}
		it, err := s.ItemByLink(ctx, mine.Link)
		if err == nil {
			err = s.SetRead(ctx, it.ID, true)
		}
		if err == nil {
			_, err = s.Items(ctx, Query{Unread: true, Limit: 20})
		}
		if err != nil {
			t.Errorf("%s: %v", who, err)
			return newItems
		}
	}
	return newItems
}

// TestTwoHandlesWriteConcurrently has two Stores on one file (as the reader
// and a cron refresh would be) written from four goroutines at once.
func TestTwoHandlesWriteConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	handles := []*Store{openAt(t, path), openAt(t, path)}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := range 4 {
		wg.Go(func() {
			n := concurrentWrites(t, handles[w%2], fmt.Sprintf("w%d", w))
			mu.Lock()
			total += n
			mu.Unlock()
		})
	}
	wg.Wait()
	// Each writer's own items are new once; the shared ones once in all.
	if want := 4*writerCommits + writerCommits; total != want {
		t.Errorf("new items reported = %d, want %d", total, want)
	}
	var stored, read int
	err := handles[0].db.QueryRow("SELECT count(*), sum(read) FROM items").Scan(&stored, &read)
	if err != nil || stored != 5*writerCommits || read != 4*writerCommits {
		t.Errorf("stored %d items, %d read (%v); want %d, %d", stored, read, err, 5*writerCommits, 4*writerCommits)
	}
}

// TestTwoProcessesShareTheDatabase runs a writer in a child process while
// this process writes too; neither may see "database is locked".
func TestTwoProcessesShareTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	s := openAt(t, path)
	c := startChild(t, "writer", path, 0)
	defer c.kill()
	for {
		line, ok := c.next()
		if !ok {
			t.Fatal("child ended before it was ready")
		}
		if line == "ready" {
			break
		}
	}
	concurrentWrites(t, s, "parent")
	var rest []string
	for line, ok := c.next(); ok; line, ok = c.next() {
		rest = append(rest, line)
	}
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("child: %v; output: %q", err, rest)
	}
	if out := strings.Join(rest, "\n"); !strings.Contains(out, "done") || strings.Contains(out, "locked") {
		t.Errorf("child output = %q", out)
	}
	// Neither feed is subscribed; count the rows directly.
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM items").Scan(&n); err != nil || n != 3*writerCommits {
		t.Errorf("stored %d items (%v), want %d", n, err, 3*writerCommits)
	}
}

// TestConcurrentOpenOfNewDatabase opens one new file from several handles
// at once, as two programs started together would: each must succeed and
// the schema must be created once.
func TestConcurrentOpenOfNewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	stores := make([]*Store, 4)
	errs := make([]error, len(stores))
	var wg sync.WaitGroup
	for i := range stores {
		wg.Go(func() { stores[i], errs[i] = Open(context.Background(), path) })
	}
	wg.Wait()
	for i, s := range stores {
		if errs[i] != nil {
			t.Errorf("Open %d: %v", i, errs[i])
			continue
		}
		if v := userVersion(t, s.db); v != len(migrations) {
			t.Errorf("Open %d: user_version %d", i, v)
		}
		s.Close()
	}
}
