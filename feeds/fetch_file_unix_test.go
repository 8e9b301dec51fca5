//go:build unix

package feeds

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Only regular files are documents: opening a FIFO blocks until a writer
// comes, reading /dev/tty waits for the keyboard, /dev/zero never ends.
func TestLocalFilesMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "feed.xml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.xml")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	tests := []struct{ name, in, wantErr string }{
		{"named pipe", fifo, "is a named pipe, not a regular file"},
		{"symbolic link to a named pipe", link, "is a named pipe, not a regular file"},
		{"file URL of a named pipe", "file://" + filepath.ToSlash(fifo), "is a named pipe, not a regular file"},
		{"socket", sock, "is a socket, not a regular file"},
		{"character device", "/dev/null", "is a device, not a regular file"},
		{"endless device", "file:///dev/zero", "is a device, not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, Options{})
			done := make(chan error, 1)
			go func() {
				_, err := c.FetchPage(context.Background(), tt.in)
				done <- err
			}()
			select {
			case err := <-done:
				checkFetchError(t, err, tt.in, tt.wantErr)
			case <-time.After(hangGuard):
				release(fifo) // let the blocked open return
				t.Fatalf("reading %s blocked", tt.in)
			}
		})
	}
}

// release opens the FIFO for writing, without blocking, so that a reader
// stuck in open returns.
func release(fifo string) {
	if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}
