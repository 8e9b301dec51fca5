package main

import (
	"os"
	"strings"
	"testing"

	"github.com/newsterm/newsterm/config"
)

// TestREADMEQuotesExampleConfig keeps the README's configuration reference
// the same file that config's tests prove loads.
func TestREADMEQuotesExampleConfig(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```toml\n"+config.ExampleConfig+"```") {
		t.Fatal("README.md's example config differs from config.ExampleConfig: paste it again")
	}
	for _, action := range config.Actions {
		if !strings.Contains(string(readme), action) {
			t.Errorf("README.md does not mention the %s action", action)
		}
	}
}
