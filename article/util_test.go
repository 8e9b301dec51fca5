package article

import (
	"github.com/charmbracelet/lipgloss"
	"golang.org/x/net/html"

	"github.com/newsterm/newsterm/sanitize"
)

type htmlNode = html.Node

func displayWidth(s string) int { return lipgloss.Width(s) }

func stripForTest(s string) string { return sanitize.Strip(s) }
