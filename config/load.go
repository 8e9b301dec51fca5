package config

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

const (
	// maxFileSize caps what Load reads: a config is a few kilobytes, and a
	// wrong --config path must not make newsterm read a disk image.
	maxFileSize = 4 << 20
	// maxLineLen caps one line, so a runaway line is named, not parsed.
	maxLineLen = 64 << 10
)

const syntaxFix = "check the TOML syntax on that line: strings need quotes, tables are [name], feeds are [[feed]]"

// Load reads path (DefaultPath() when path is ""). A missing file gives
// Default() with Path set. Errors are *Error values that name file:line,
// what is wrong and the fix; the first problem in the file is reported.
func Load(path string) (*Config, error) {
	if path == "" {
		path = DefaultPath()
	}
	data, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		c := Default()
		c.Path = path
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	c, _, err := parse(path, data)
	return c, err
}

// readFile reads at most maxFileSize bytes of path.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &Error{File: path, Msg: "cannot open: " + unwrapPath(err), Fix: "check the path and its permissions", Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read: " + unwrapPath(err), Fix: "check that it is a regular file", Err: err}
	}
	return data, nil
}

// unwrapPath drops the path an *fs.PathError repeats.
func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// parse checks, decodes and validates a config file's bytes.
func parse(file string, data []byte) (*Config, *layout, error) {
	if err := checkBytes(file, data); err != nil {
		return nil, nil, err
	}
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var m map[string]any
	if _, err := toml.Decode(string(body), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, nil, &Error{File: file, Line: errorLine(body, pe.Position), Msg: pe.Message, Fix: syntaxFix, Err: err}
		}
		return nil, nil, &Error{File: file, Msg: err.Error(), Fix: syntaxFix, Err: err}
	}
	l, msg, line, err := scanLayout(body)
	if err != nil {
		return nil, nil, &Error{File: file, Line: line, Msg: msg, Fix: syntaxFix, Err: err}
	}
	c := Default()
	c.Path = file
	d := decoder{file: file, l: l, c: c}
	d.root(m)
	if err := d.first(); err != nil {
		return nil, nil, err
	}
	return c, l, nil
}

// errorLine is the line of a syntax error's first byte. BurntSushi/toml
// counts an unexpected newline as being on the next line; the byte offset
// does not.
func errorLine(body []byte, p toml.Position) int {
	if p.Start < 0 || p.Start > len(body) {
		return p.Line
	}
	return bytes.Count(body[:p.Start], []byte("\n")) + 1
}

// checkBytes rejects what the TOML decoders would misreport or choke on:
// oversized files, invalid UTF-8 and huge lines, each with its line.
func checkBytes(file string, data []byte) error {
	if len(data) > maxFileSize {
		return errorf(file, 0, "check that --config names a newsterm config file",
			"file is larger than %d MiB", maxFileSize>>20)
	}
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c == '\n' {
			line, lineStart = line+1, i+1
			i++
			continue
		}
		if i-lineStart >= maxLineLen {
			return errorf(file, line, "break it up or remove it; lines may be at most 64 KiB",
				"line is longer than %d bytes", maxLineLen)
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return errorf(file, line, "save the file as UTF-8",
				"invalid UTF-8 (byte 0x%02x at column %d)", c, i-lineStart+1)
		}
		i += n
	}
	return nil
}

// decoder turns the decoded TOML into a Config, recording every problem with
// its line; first picks the earliest so the user fixes the file top down.
type decoder struct {
	file string
	l    *layout
	c    *Config
	errs []*Error
	// urlLines is the line of each accepted feed's url, for duplicates.
	urlLines []int
	// keyOwner maps a bound key to its action, to catch a key bound twice.
	keyOwner map[string]string
}

func (d *decoder) fail(path []string, fix, format string, args ...any) {
	d.failAt(d.l.line(path), fix, format, args...)
}

func (d *decoder) failAt(line int, fix, format string, args ...any) {
	d.errs = append(d.errs, errorf(d.file, line, fix, format, args...))
}

func (d *decoder) first() error {
	if len(d.errs) == 0 {
		return nil
	}
	best := d.errs[0]
	for _, e := range d.errs[1:] {
		if e.Line < best.Line {
			best = e
		}
	}
	return best
}

// wrongType records that path holds the wrong kind of value.
func (d *decoder) wrongType(path []string, v any, want, example string) {
	d.fail(path, "write "+example, "%s must be %s, not %s", pathString(path), want, typeName(v))
}
