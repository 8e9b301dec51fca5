package store

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

// The crash and two-process tests re-run this test binary as a child that
// writes through the production code path. The child is selected with
// -test.run=TestCrashChild and configured through these variables.
const (
	envChildDB    = "NEWSTERM_STORE_CHILD_DB"
	envChildMode  = "NEWSTERM_STORE_CHILD_MODE" // "crash" or "writer"
	envChildRound = "NEWSTERM_STORE_CHILD_ROUND"
)

// maxChildCommits bounds a crash child that is never killed.
const maxChildCommits = 400

// TestCrashChild is the child process's body; run directly it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envChildDB)
	if path == "" {
		return
	}
	round, _ := strconv.Atoi(os.Getenv(envChildRound))
	ctx := context.Background()
	fmt.Println("start")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("child open: %v", err)
	}
	defer s.Close()
	fmt.Println("ready")
	switch os.Getenv(envChildMode) {
	case "crash":
		crashWrites(t, s, round)
	case "writer":
		concurrentWrites(t, s, "child")
		fmt.Println("done")
	default:
		t.Fatalf("unknown child mode %q", os.Getenv(envChildMode))
	}
}

// crashLink names item j of commit seq in a crash round.
func crashLink(round, seq, j int) string {
	return fmt.Sprintf("https://crash.example/%d/%d/%d", round, seq, j)
}

// crashItems is what commit seq of a round writes: 1 to 4 items.
func crashItems(round, seq int) []feeds.Item {
	out := make([]feeds.Item, 1+seq%4)
	for j := range out {
		link := crashLink(round, seq, j)
		out[j] = feeds.Item{GUID: link, Link: link, Title: "crash story " + link,
			Published: t0.Add(time.Duration(seq) * time.Second),
			Content:   "<p>body of the crash story, long enough to span a little space</p>"}
	}
	return out
}

// crashWrites commits until killed, printing each acknowledged commit:
// "ack SEQ" after a feed's items, "read LINK" after marking an earlier
// item read. It also checkpoints and caches articles now and then so the
// kill can land in those too.
func crashWrites(t *testing.T, s *Store, round int) {
	ctx := context.Background()
	url := fmt.Sprintf("https://crash.example/feed/%d", round)
	for seq := range maxChildCommits {
		_, err := s.SaveFetch(ctx, Fetched{URL: url, At: time.Now(),
			Feed: feeds.Feed{Title: "crash", Items: crashItems(round, seq)}})
		if err != nil {
			t.Fatalf("child SaveFetch: %v", err)
		}
		fmt.Println("ack", seq)
		if seq%3 == 2 {
			link := crashLink(round, seq-1, 0)
			it, err := s.ItemByLink(ctx, link)
			if err != nil {
				t.Fatalf("child ItemByLink: %v", err)
			}
			if err := s.SetRead(ctx, it.ID, true); err != nil {
				t.Fatalf("child SetRead: %v", err)
			}
			fmt.Println("read", link)
			if err := s.SaveArticle(ctx, it.ID, []byte(`{"body":"x"}`), "article text"); err != nil {
				t.Fatalf("child SaveArticle: %v", err)
			}
		}
		if seq%7 == 6 {
			if err := s.Checkpoint(ctx); err != nil {
				t.Fatalf("child Checkpoint: %v", err)
			}
		}
	}
}

// child is a running child process and its output, line by line.
type child struct {
	cmd   *exec.Cmd
	lines *bufio.Scanner
	out   io.ReadCloser
}

func startChild(t *testing.T, mode, db string, round int) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChildDB+"="+db, envChildMode+"="+mode,
		envChildRound+"="+strconv.Itoa(round))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &child{cmd: cmd, lines: bufio.NewScanner(out), out: out}
}

// next returns the child's next output line, or false when it has ended.
func (c *child) next() (string, bool) {
	if c.lines.Scan() {
		return c.lines.Text(), true
	}
	return "", false
}

// kill ends the child with SIGKILL and reaps it.
func (c *child) kill() {
	c.cmd.Process.Kill()
	io.Copy(io.Discard, c.out)
	c.cmd.Wait()
}
