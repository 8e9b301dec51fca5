//go:build unix

package ui

import (
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// idle is a program that runs until it is told to quit.
type idle struct{}

func (idle) Init() tea.Cmd                       { return nil }
func (idle) Update(tea.Msg) (tea.Model, tea.Cmd) { return idle{}, nil }
func (idle) View() string                        { return "" }

func TestHangupQuitsTheProgram(t *testing.T) {
	p := tea.NewProgram(idle{}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer(),
		tea.WithoutSignalHandler())
	stop := quitOnHangup(p)
	defer stop()
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the program ended with %v", err)
		}
	case <-time.After(hangGuard):
		p.Kill()
		t.Fatal("SIGHUP did not end the program")
	}
}
