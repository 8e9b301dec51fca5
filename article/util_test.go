package article

import "github.com/charmbracelet/lipgloss"

func displayWidth(s string) int { return lipgloss.Width(s) }
