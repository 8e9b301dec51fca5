package config

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsterm/newsterm/sanitize"
)

// Error is a problem with a config file. It prints as one line,
// "<file>:<line>: <what is wrong> — <the fix>", so the command line and the
// reader's status bar can show it as it is.
type Error struct {
	File string
	Line int    // 1-based; 0 when the problem is not on one line
	Msg  string // what is wrong
	Fix  string // how to fix it
	Err  error  // the underlying error, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": " + e.Msg)
	if e.Fix != "" {
		b.WriteString(" — " + e.Fix)
	}
	return sanitize.Line(b.String())
}

func (e *Error) Unwrap() error { return e.Err }

// show quotes a value from the file for an error message: escaped, so
// control bytes stay visible and harmless, and cut so a huge value cannot
// flood the line.
func show(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return strconv.Quote(s)
}

// typeName names the TOML type of a decoded value for an error message.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	default:
		return "a date/time"
	}
}

// suggestion is the fix for an unknown name: the closest valid one when it
// is near enough to be a typo (or one is a prefix of the other), else the
// whole list.
func suggestion(name string, valid []string, where string) string {
	low := strings.ToLower(name)
	best, bestD := "", 1<<30
	for _, v := range valid {
		d := editDistance(low, v)
		if len(v) >= 2 && (strings.HasPrefix(low, v) || strings.HasPrefix(v, low)) {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = v, d
		}
	}
	if best != "" && bestD <= max(1, utf8.RuneCountInString(best)/3) {
		return "did you mean " + best + "?"
	}
	return "remove it; " + where + " takes " + strings.Join(valid, ", ")
}

// editDistance is the optimal string alignment distance between a and b in
// runes: insertions, deletions, substitutions and swaps of neighbours.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// pathString shows a key path as a user would write it, "fetch.jobs".
func pathString(path []string) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = bareKey(p)
	}
	return strings.Join(parts, ".")
}

// bareKey returns k as TOML would spell it: bare when it can be, quoted
// otherwise.
func bareKey(k string) string {
	if k == "" || len(k) > 60 {
		return show(k)
	}
	for _, r := range k {
		if !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return show(k)
		}
	}
	return k
}

// errorf is a short way to build an *Error.
func errorf(file string, line int, fix, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Fix: fix}
}
