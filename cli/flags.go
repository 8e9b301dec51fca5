package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags returns a flag set for the running command with the global
// flags every command accepts already defined.
func (a *app) newFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("newsterm "+a.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.configPath, "config", a.configPath, "config `FILE` (default $XDG_CONFIG_HOME/newsterm/config.toml)")
	fs.StringVar(&a.dbPath, "db", a.dbPath, "database `FILE` (default: the config's db, else $XDG_DATA_HOME/newsterm/newsterm.db)")
	return fs
}

// parseFlags parses args for the running command with fs and returns the
// positional arguments. Flags may come before or after positional arguments, as
// --name value, --name=value or with one dash; "--" ends the flags. --help
// or -h anywhere before "--" prints c's usage and returns errHelp.
func (a *app) parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	c := a.cmd
	if wantsHelp(args) {
		a.printUsage(c, fs)
		return nil, errHelp
	}
	flags, positional, err := splitArgs(fs, args)
	if err != nil {
		return nil, &usageError{cmd: c.name, msg: err.Error()}
	}
	if err := fs.Parse(flags); err != nil {
		msg := strings.NewReplacer("flag -", "flag --", "for -", "for --").Replace(err.Error())
		return nil, &usageError{cmd: c.name, msg: msg}
	}
	return positional, nil
}

func wantsHelp(args []string) bool {
	for _, arg := range args {
		switch arg {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// splitArgs moves every flag in args (with its value) in front of the
// positional arguments, so the standard flag package, which stops at the
// first positional argument, sees them all.
func splitArgs(fs *flag.FlagSet, args []string) (flags, positional []string, err error) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			return flags, append(positional, args[i+1:]...), nil
		}
		if len(arg) < 2 || arg[0] != '-' {
			positional = append(positional, arg)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimPrefix(arg[1:], "-"), "=")
		f := fs.Lookup(name)
		if f == nil || name == "" {
			return nil, nil, fmt.Errorf("unknown flag %s", arg)
		}
		if hasValue || isBoolFlag(f) {
			flags = append(flags, arg)
			continue
		}
		if i+1 >= len(args) {
			return nil, nil, fmt.Errorf("flag --%s needs a value", name)
		}
		i++
		flags = append(flags, "--"+name+"="+args[i])
	}
	return flags, positional, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// stringList is a flag that may be given several times (--tag a --tag b).
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// printUsage writes c's help to stdout: synopsis, what it does, its flags.
func (a *app) printUsage(c command, fs *flag.FlagSet) {
	prog := "newsterm"
	if c.name != "" {
		prog += " " + c.name
	}
	a.out.printf("Usage: %s %s\n\n%s\n", prog, c.synopsis, c.help)
	if c.name == "" {
		var t table
		for _, sub := range a.commands {
			t.add("  "+sub.name, sub.summary)
		}
		a.out.printf("\nCommands:\n")
		t.write(a.out)
		a.out.printf("\nnewsterm COMMAND --help shows a command's flags.\n")
	}
	var t table
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		left := "  --" + f.Name
		if name != "" {
			left += " " + name
		}
		t.add(left, usage)
	})
	t.add("  -h, --help", "show this help")
	a.out.printf("\nFlags:\n")
	t.write(a.out)
}

// flagGiven reports whether the flag named name was on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}
