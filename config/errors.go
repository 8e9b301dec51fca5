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
// is near enough to be a typo, else the whole list.
func suggestion(name string, valid []string, where string) string {
	best, bestD := "", 3
	for _, v := range valid {
		if d := editDistance(strings.ToLower(name), v); d < bestD {
			best, bestD = v, d
		}
	}
	if best != "" && bestD <= max(1, utf8.RuneCountInString(best)/3) {
		return "did you mean " + best + "?"
	}
	return "remove it; " + where + " takes " + strings.Join(valid, ", ")
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 {
		return len(ra)
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
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
	if k == "" {
		return `""`
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
