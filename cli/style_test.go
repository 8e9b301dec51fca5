package cli

import (
	"testing"

	"github.com/newsterm/newsterm/config"
)

func TestRenderStyleResolvesAuto(t *testing.T) {
	colour := terminal{isTTY: true, color: true, width: 100}
	tests := []struct {
		name      string
		asked     string
		theme     string
		term      terminal
		dark      bool
		want      string
		wantAsked int // times the background was asked about
	}{
		{"auto on a light terminal", "auto", "auto", colour, false, "light", 1},
		{"auto on a dark terminal", "auto", "auto", colour, true, "dark", 1},
		{"auto off a terminal", "auto", "auto", terminal{}, true, "notty", 0},
		{"auto under NO_COLOR", "auto", "auto", terminal{isTTY: true, width: 100}, true, "notty", 0},
		{"theme light in the config", "auto", "light", colour, true, "light", 0},
		{"theme dark in the config", "auto", "dark", colour, false, "dark", 0},
		{"light asked for", "light", "dark", colour, true, "light", 0},
		{"notty asked for", "notty", "auto", colour, true, "notty", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked := 0
			hasDark := func() bool { asked++; return tt.dark }
			cfg := &config.Config{Reader: config.Reader{Theme: tt.theme}}
			if got := renderStyle(tt.asked, cfg, tt.term, hasDark); got != tt.want {
				t.Errorf("renderStyle = %q, want %q", got, tt.want)
			}
			if asked != tt.wantAsked {
				t.Errorf("background asked %d times, want %d", asked, tt.wantAsked)
			}
		})
	}
}
