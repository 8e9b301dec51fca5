// Command newsterm is a terminal news reader: subscribe to feeds, refresh
// them, and read whole stories — caption, credit and comment count included —
// in an interactive reader or one at a time from the command line.
package main

import (
	"os"

	"github.com/newsterm/newsterm/cli"
)

// version is set when building a release:
// go build -ldflags "-X main.version=v1.0.0".
var version = ""

func main() {
	if version != "" {
		cli.Version = version
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
