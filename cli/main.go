// Package cli is newsterm's command line: it finds the subcommand, parses
// its flags (before or after its arguments), runs it against the config,
// the store and the fetcher, and turns the outcome into an exit status —
// 0 success, 1 runtime failure, 2 usage error — with one line on stderr
// naming what went wrong.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/newsterm/newsterm/sanitize"
)

// Version is newsterm's version: printed by --version and sent in the
// User-Agent header. main sets it for a release build; otherwise it is the
// module version `go install` recorded, else "dev".
var Version = moduleVersion()

func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// command is one subcommand: its synopsis and help text and the function
// that runs it with the arguments that follow its name.
type command struct {
	name     string
	synopsis string // arguments and flags, after "newsterm NAME "
	summary  string // one line for the command list
	help     string // a paragraph for NAME --help
	run      func(ctx context.Context, a *app, args []string) error
}

// commands are newsterm's subcommands in the order the help lists them.
var commands = []command{
	addCommand,
	removeCommand,
	feedsCommand,
	refreshCommand,
	itemsCommand,
	readCommand,
	searchCommand,
	importCommand,
	exportCommand,
}

func (a *app) lookupCommand(name string) (command, bool) {
	for _, c := range a.commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Main runs newsterm with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	a := newApp(stdin, stdout, stderr)
	a.commands = commands
	err := a.run(ctx, args)
	code := a.report(err)
	if code == exitOK && a.out.err != nil {
		a.errOut.printf("newsterm: write output: %s\n", sanitize.Line(a.out.err.Error()))
		code = exitFailure
	}
	return code
}

// run finds the subcommand in args and runs it; with none it starts the
// interactive reader.
func (a *app) run(ctx context.Context, args []string) error {
	i := commandIndex(args)
	if i < 0 {
		return a.runRoot(ctx, args)
	}
	if args[i] == "help" { // newsterm help [COMMAND]: that command's --help
		rest := append(append([]string{}, args[:i]...), args[i+1:]...)
		return a.run(ctx, append(rest, "--help"))
	}
	c, ok := a.lookupCommand(args[i])
	if !ok {
		return usageErrorf("", "unknown command %q", sanitize.Line(args[i]))
	}
	a.cmd = c
	rest := append(append([]string{}, args[:i]...), args[i+1:]...)
	return c.run(ctx, a, rest)
}

// commandIndex returns the index of the subcommand's name in args: the first
// argument that is neither a flag nor the value of a global flag that takes
// one. -1 when there is none.
func commandIndex(args []string) int {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			if i+1 < len(args) {
				return i + 1
			}
			return -1
		case len(arg) > 1 && arg[0] == '-':
			name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
			if (name == "config" || name == "db") && !hasValue {
				i++
			}
		default:
			return i
		}
	}
	return -1
}

// errHelp says usage was printed on request: exit 0.
var errHelp = errors.New("help shown")

// errReported says the command already explained its failure on stderr.
var errReported = errors.New("failure reported")

// usageError is a mistake in the command line: exit 2.
type usageError struct {
	cmd string // "" for newsterm itself
	msg string
}

func (e *usageError) Error() string { return e.msg }

func usageErrorf(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

// report prints err as one line on stderr and returns the exit status.
func (a *app) report(err error) int {
	var usage *usageError
	switch {
	case err == nil || errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &usage):
		prog := "newsterm"
		if usage.cmd != "" {
			prog += " " + usage.cmd
		}
		a.errOut.printf("%s: %s (see %s --help)\n", prog, sanitize.Line(usage.msg), prog)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailure
	case errors.Is(err, context.Canceled): // Ctrl-C: every write so far is committed
		a.errOut.printf("%s: interrupted\n", a.progName())
		return exitFailure
	default:
		a.errOut.printf("%s: %s\n", a.progName(), sanitize.Line(err.Error()))
		return exitFailure
	}
}

// progName is "newsterm" and the running command's name, for messages.
func (a *app) progName() string {
	if a.cmd.name == "" {
		return "newsterm"
	}
	return "newsterm " + a.cmd.name
}
