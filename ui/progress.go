package ui

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"github.com/newsterm/newsterm/sanitize"
)

// RunProgress shows a one-line progress bar on out (a terminal) while work
// runs in its own goroutine. work calls step once per finished unit with a
// label (the feed just fetched); the bar shows done/total and that label.
// It returns work's error, or tea.ErrInterrupted at once when the user
// presses ctrl+c (work is then left to end with the process).
//
// The `refresh` command is its only user: it runs inline (no alternate
// screen) and reads no keys, so the summary printed after it lands right
// below the finished bar.
func RunProgress(out io.Writer, total int, work func(step func(label string)) error) error {
	p := tea.NewProgram(newProgressModel(total, barProfile(termenv.ColorProfile)), tea.WithOutput(out), tea.WithInput(nil))
	tty := isTerminal(out)
	result := make(chan error, 1)
	go func() {
		if !tty {
			// No size will ever arrive for a file or a pipe: lay out at
			// 80, sent before any step so the last frame has it.
			p.Send(tea.WindowSizeMsg{Width: 80})
		}
		err := work(func(label string) { p.Send(progressSteppedMsg{label: label}) })
		result <- err
		p.Send(progressFinishedMsg{})
	}()
	if _, err := p.Run(); err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
			return err
		}
		// The bar failed (not the work): let the work finish, report both.
		if werr := <-result; werr != nil {
			return werr
		}
		return fmt.Errorf("progress display: %w", err)
	}
	return <-result
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressSteppedMsg says one more unit of work finished.
type progressSteppedMsg struct{ label string }

// progressFinishedMsg says the work returned.
type progressFinishedMsg struct{}

// progressModel is the bar: how far along, and what finished last.
type progressModel struct {
	bar      progress.Model
	width    int // 0 until a size arrives
	done     int
	total    int
	label    string
	finished bool
}

// barProfile is the colour profile for the bar: none when NO_COLOR is
// set to something (set but empty does not count, as for the rest of
// the command line), else what detect says the terminal supports.
func barProfile(detect func() termenv.Profile) termenv.Profile {
	if os.Getenv("NO_COLOR") != "" {
		return termenv.Ascii
	}
	return detect()
}

func newProgressModel(total int, profile termenv.Profile) progressModel {
	return progressModel{
		bar: progress.New(progress.WithDefaultGradient(), progress.WithoutPercentage(),
			progress.WithColorProfile(profile)),
		total: total,
	}
}

func (m progressModel) Init() tea.Cmd { return nil }

func (m progressModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width > 0 { // 0: a pseudo-terminal that does not know its size
			m.width = msg.Width
		}
	case progressSteppedMsg:
		if m.done < m.total {
			m.done++
		}
		m.label = sanitize.Line(msg.label)
	case progressFinishedMsg:
		m.finished = true
		m.label = ""
		return m, tea.Quit
	}
	return m, nil
}

// View lays out "[bar] done/total label" within the terminal's width: the
// bar takes up to 40 columns and the label whatever is left. Nothing is
// drawn before the terminal's size is known.
func (m progressModel) View() string {
	if m.width == 0 {
		return ""
	}
	count := fmt.Sprintf(" %d/%d", m.done, m.total)
	barWidth := min(40, m.width-len(count)-1)
	if barWidth < 10 {
		return ansi.Truncate(count[1:]+" "+m.label, max(m.width-1, 1), "…")
	}
	m.bar.Width = barWidth
	percent := 1.0
	if m.total > 0 {
		percent = float64(m.done) / float64(m.total)
	}
	line := m.bar.ViewAs(percent) + count
	if rest := m.width - 1 - barWidth - len(count) - 1; rest > 0 && m.label != "" {
		line += " " + ansi.Truncate(m.label, rest, "…")
	}
	return line
}
