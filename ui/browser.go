package ui

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"runtime"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

// browserOpenedMsg says the browser was started on link (or why not).
type browserOpenedMsg struct {
	link string
	err  error
}

// checkLink accepts only absolute http and https links that cannot be
// read as an option or smuggle a control character into an argument.
func checkLink(link string) error {
	if link == "" {
		return errors.New("this story has no link")
	}
	if strings.HasPrefix(link, "-") {
		return fmt.Errorf("refusing to open %q: it starts with '-'", clean(link))
	}
	for _, r := range link {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return fmt.Errorf("refusing to open %q: it holds spaces or control characters", clean(link))
		}
	}
	u, err := url.Parse(link)
	if err != nil {
		return fmt.Errorf("refusing to open %q: %w", clean(link), err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("refusing to open %q: only http and https links open", clean(link))
	}
	return nil
}

// browserArgv is the command that opens link: $BROWSER (the first of a
// colon-separated list, split into words, never through a shell), else the
// platform's opener. The link is always its own, last argument.
func browserArgv(link, browserEnv, goos string) ([]string, error) {
	if err := checkLink(link); err != nil {
		return nil, err
	}
	if first, _, _ := strings.Cut(browserEnv, ":"); strings.TrimSpace(first) != "" {
		words := strings.Fields(first)
		return append(words, link), nil
	}
	switch goos {
	case "darwin":
		return []string{"open", link}, nil
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", link}, nil
	}
	return []string{"xdg-open", link}, nil
}

// startBrowser runs argv detached from the terminal: its output would
// scribble over the screen.
func startBrowser(argv []string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", argv[0], err)
	}
	// Reap it in the background; openers such as xdg-open exit quickly.
	go func() { _ = cmd.Wait() }()
	return nil
}

// openLink opens link in the browser, in a command.
func (b backend) openLink(link string) tea.Cmd {
	return guard(func() tea.Msg {
		argv, err := browserArgv(link, b.getenv("BROWSER"), runtime.GOOS)
		if err == nil {
			err = b.openURL(argv)
		}
		return browserOpenedMsg{link: link, err: err}
	})
}

// copyLink puts link on the clipboard with OSC 52, wrapped for tmux or
// screen when running inside one. The link is base64 inside the sequence,
// so nothing in it can act on the terminal.
//
// It runs in Update, not in a tea.Cmd. Bubble Tea v1.3.10 has no way to
// pass raw bytes through its renderer (Printf and Println print above
// the program and are dropped in the alternate screen), and a Cmd runs
// on its own goroutine, unordered with the program's own writes. Update
// runs on the event loop, the goroutine Bubble Tea itself writes its
// out-of-frame sequences from (window title, alternate screen, mouse
// modes), and the renderer writes each frame in one call, as this writes
// the sequence in one: the two cannot interleave on the terminal. The
// write is a hundred-odd bytes to the terminal and does not block.
func (b backend) copyLink(link string) error {
	if err := checkLink(link); err != nil {
		return err
	}
	seq := osc52.New(link)
	switch {
	case b.getenv("TMUX") != "":
		seq = seq.Tmux()
	case strings.HasPrefix(b.getenv("TERM"), "screen"):
		seq = seq.Screen()
	}
	if err := writeAll(b.clipboard, seq.String()); err != nil {
		return fmt.Errorf("copy link: %w", err)
	}
	return nil
}

func writeAll(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}
