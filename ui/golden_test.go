package ui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

// TestGolden runs the whole program at three terminal sizes with an ASCII
// colour profile and the test clock, and compares the final frame with
// testdata/TestGolden/*.golden (go test ./ui -run TestGolden -update
// rewrites them).
func TestGolden(t *testing.T) {
	useASCII(t)
	tests := []struct {
		w, h  int
		keys  []tea.KeyMsg
		until string // text that shows once the keys have had their effect
	}{
		{160, 45, []tea.KeyMsg{keyMsg("j"), keyMsg("enter")}, "Body of 新しい研究が発表された"},
		{100, 30, []tea.KeyMsg{keyMsg("j"), keyMsg("j"), keyMsg("enter")}, "Body of Launch day 🚀"},
		{70, 24, []tea.KeyMsg{keyMsg("j")}, "›●  新しい研究"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			cfg := testConfig()
			cfg.Reader.MarkReadOnOpen = false // nothing changes after the render lands
			m := newModel(testBackend(sampleStore()), cfg, darkTheme())
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(tc.w, tc.h))
			waitOutput(t, tm, "Rust 2.0")
			for _, k := range tc.keys {
				tm.Send(k)
			}
			waitOutput(t, tm, tc.until)
			tm.Send(keyMsg("q"))
			final := tm.FinalModel(t, teatest.WithFinalTimeout(hangGuard))
			golden.RequireEqual(t, []byte(final.View()))
		})
	}
}

func waitOutput(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(hangGuard), teatest.WithCheckInterval(5*time.Millisecond))
}

// hangGuard only stops a test that hangs; nothing waits for it to pass.
const hangGuard = 30 * time.Second

// useASCII draws without colour for the rest of t, then puts the colour
// profile back for the tests after it.
func useASCII(t *testing.T) {
	t.Helper()
	prev := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.Ascii)
	t.Cleanup(func() { lipgloss.SetColorProfile(prev) })
}

func TestUseASCIIPutsTheProfileBack(t *testing.T) {
	orig := lipgloss.ColorProfile()
	t.Cleanup(func() { lipgloss.SetColorProfile(orig) })
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Run("inside", func(t *testing.T) {
		useASCII(t)
		if p := lipgloss.ColorProfile(); p != termenv.Ascii {
			t.Fatalf("profile %v inside, want Ascii", p)
		}
	})
	if p := lipgloss.ColorProfile(); p != termenv.TrueColor {
		t.Fatalf("profile %v after, want TrueColor back", p)
	}
}
