package store

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// crashSeed fixes the kill points; change it to explore others.
const crashSeed = 20250301

const crashRounds = 50

// TestCrashLosesNoAcknowledgedCommit kills a child process writing through
// SaveFetch, SetRead, SaveArticle and Checkpoint at seeded random points,
// then checks that every commit the child acknowledged is in the database
// and that the file passes PRAGMA integrity_check. Every tenth round the
// child starts from a database at an older schema version, so the kill
// can land inside the backup or the migration.
func TestCrashLosesNoAcknowledgedCommit(t *testing.T) {
	rng := rand.New(rand.NewPCG(crashSeed, 1))
	dir := t.TempDir()
	main := filepath.Join(dir, "crash.db")
	for round := range crashRounds {
		db, killAfter := main, 2+rng.IntN(40)
		migrating := round%10 == 9
		if migrating {
			db = filepath.Join(dir, "migrate"+strconv.Itoa(round)+".db")
			oldDatabase(t, db)
			killAfter = 1 + rng.IntN(4) // 1: right after "start", inside Open
		}
		acked, reads := runCrashChild(t, db, round, killAfter)
		checkAfterCrash(t, db, round, acked, reads, migrating)
		if t.Failed() {
			t.Fatalf("round %d (kill after %d lines) failed", round, killAfter)
		}
	}
}

// runCrashChild starts a crash child, kills it after it has printed
// killAfter lines, and returns the commits it acknowledged.
func runCrashChild(t *testing.T, db string, round, killAfter int) (acked []int, reads []string) {
	t.Helper()
	c := startChild(t, "crash", db, round)
	defer c.kill()
	for n := 0; n < killAfter; n++ {
		line, ok := c.next()
		if !ok {
			c.cmd.Wait()
			t.Fatalf("round %d: child ended early after %d lines", round, n)
		}
		switch verb, arg, _ := strings.Cut(line, " "); verb {
		case "ack":
			seq, err := strconv.Atoi(arg)
			if err != nil {
				t.Fatalf("round %d: bad line %q", round, line)
			}
			acked = append(acked, seq)
		case "read":
			reads = append(reads, arg)
		}
	}
	c.kill()
	return acked, reads
}

func checkAfterCrash(t *testing.T, db string, round int, acked []int, reads []string, migrated bool) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, db)
	if err != nil {
		t.Fatalf("round %d: reopen after kill: %v", round, err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("round %d: integrity_check = %q, %v", round, check, err)
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 0)"); err != nil {
		t.Errorf("round %d: search index integrity: %v", round, err)
	}
	for _, seq := range acked {
		for j := range crashItems(round, seq) {
			if _, err := s.ItemByLink(ctx, crashLink(round, seq, j)); err != nil {
				t.Errorf("round %d: acknowledged commit %d lost item %d: %v", round, seq, j, err)
			}
		}
	}
	for _, link := range reads {
		if it, err := s.ItemByLink(ctx, link); err != nil || !it.Read {
			t.Errorf("round %d: acknowledged read of %s lost: %+v, %v", round, link, it, err)
		}
	}
	if migrated {
		var old int
		err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM items WHERE guid IN ('g1', 'g2')").Scan(&old)
		if err != nil || old != 2 || userVersion(t, s.db) != len(migrations) {
			t.Errorf("round %d: after an interrupted migration: %d old items (%v), version %d",
				round, old, err, userVersion(t, s.db))
		}
	}
}
