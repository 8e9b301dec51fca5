package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestHelpReachesEveryBinding scrolls the help screen to the bottom and
// checks that every binding's description was on screen at some point.
func TestHelpReachesEveryBinding(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {70, 24}, {50, 20}, {30, 8}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := started(t, sampleStore(), w, h)
			m = press(t, m, "?")
			if !strings.Contains(ansi.Strip(m.statusLine()), "Keys · esc closes") {
				t.Fatalf("the status line does not say how to leave help: %q", ansi.Strip(m.statusLine()))
			}
			seen := ansi.Strip(m.View())
			checkFrame(t, m.View(), w, h)
			for steps := 0; m.helpTop < m.helpOverflow(); steps++ {
				if steps > 100 {
					t.Fatal("j never reached the end of help")
				}
				m = press(t, m, "j")
				if !m.showHelp {
					t.Fatal("j closed help before its end was shown")
				}
				checkFrame(t, m.View(), w, h)
				seen += ansi.Strip(m.View())
			}
			for _, group := range m.keys.FullHelp() {
				for _, b := range group {
					if !strings.Contains(seen, b.Help().Desc) {
						t.Fatalf("help never showed %q", b.Help().Desc)
					}
				}
			}
			if !strings.Contains(seen, "Mouse") {
				t.Fatal("help does not say what the mouse does")
			}
			m = press(t, m, "esc")
			if m.showHelp {
				t.Fatal("esc did not close help")
			}
		})
	}
}

func TestHelpClosesOnMovementWhenItFits(t *testing.T) {
	m := started(t, sampleStore(), 160, 45)
	m = press(t, m, "?", "j")
	if m.showHelp {
		t.Fatal("j did not close help that fits on the screen")
	}
	if got := selectedTitle(t, m); got != "Markets rally" {
		t.Fatalf("the key that closed help also moved the cursor to %q", got)
	}
}

func TestHelpShowsTheLastErrorWhole(t *testing.T) {
	m := started(t, sampleStore(), 70, 24)
	long := "config not reloaded, keeping the old one: /tmp/newsterm-demo-1/config.toml:35: " +
		"Key 'reader' has already been defined. — check the TOML syntax on that line"
	m.status = m.status.fail(errors.New(long))
	if strings.Contains(ansi.Strip(m.statusLine()), "already been defined") {
		t.Fatal("the test error fits the status line; make it longer")
	}
	m = press(t, m, "?")
	v := m.View()
	checkFrame(t, v, 70, 24)
	squeeze := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "┃", " ")), "") }
	if !strings.Contains(squeeze(ansi.Strip(v)), squeeze("✗ "+long)) {
		t.Fatalf("help does not show the whole error:\n%s", v)
	}
}
