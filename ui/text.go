package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/newsterm/newsterm/sanitize"
)

// fit makes s exactly w cells wide: cut at a grapheme boundary with an
// ellipsis when too long (a wide rune that would straddle the edge is
// dropped, never split), padded with spaces when short.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	if pad := w - lipgloss.Width(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// fitMiddle is fit that cuts from the middle: the start of a wrapped
// error says what failed and its end says why, so both stay.
func fitMiddle(s string, w int) string {
	sw := lipgloss.Width(s)
	if w <= 0 || sw <= w {
		return fit(s, w)
	}
	head := (w - 1) / 3
	tail := ansi.TruncateLeft(s, sw-(w-1-head), "")
	return fit(ansi.Truncate(s, head, "")+"…"+tail, w)
}

// fitLeft is fit with the padding on the left (numbers, ages).
func fitLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) > w {
		s = ansi.Truncate(s, w, "")
	}
	if pad := w - lipgloss.Width(s); pad > 0 {
		s = strings.Repeat(" ", pad) + s
	}
	return s
}

// wrap breaks s into lines of at most w cells, between words where it can.
func wrap(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Wrap(s, w, "")
}

// clean is the sink filter for one untrusted field shown on one line.
func clean(s string) string { return sanitize.Line(s) }

// age is how long ago t was, in at most three cells: "now", "5m", "3h",
// "2d" up to two weeks, then "3w", then "1y". Unknown dates show nothing.
func age(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	case d < 14*24*time.Hour:
		return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
	case d < 365*24*time.Hour:
		return fmt.Sprintf("%dw", int(d/(7*24*time.Hour)))
	}
	return fmt.Sprintf("%dy", min(int(d/(365*24*time.Hour)), 99))
}

// compact prints a count in at most four cells: 7, 512, 1.2k, 34k, 2.1M,
// 340M, 5G. Digits past the first or second are cut, not rounded, so
// 9,999 stays "9.9k" rather than becoming the five cells of "10.0k".
func compact(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprint(max(n, 0))
	case n < 10_000:
		return fmt.Sprintf("%d.%dk", n/1000, n/100%10)
	case n < 1_000_000:
		return fmt.Sprintf("%dk", n/1000)
	case n < 10_000_000:
		return fmt.Sprintf("%d.%dM", n/1_000_000, n/100_000%10)
	case n < 1_000_000_000:
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dG", min(n/1_000_000_000, 999))
}

// lines pads or cuts s to exactly h lines, each exactly w cells.
func lines(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	in := strings.Split(s, "\n")
	out := make([]string, h)
	for i := range out {
		if i < len(in) {
			out[i] = fit(in[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return strings.Join(out, "\n")
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
}
