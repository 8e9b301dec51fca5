package config

import (
	"bytes"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// layout is where things are in a config file. BurntSushi/toml decodes the
// values but reports lines only for syntax errors; go-toml's unstable parser
// supplies the line of every key, table header and [[feed]] block so that
// value errors can name a line and AddFeed/RemoveFeed can edit text.
type layout struct {
	lines       map[string]int // key path (pathKey) → 1-based line
	headers     []int          // lines of every [table] and [[array]] header
	feedHeaders []int          // line of each [[feed]] header, in order
	inValue     map[int]bool   // lines inside a value that spans lines
}

// pathKey joins a key path for layout.lines; array elements are indices.
func pathKey(path []string) string { return strings.Join(path, "\x00") }

// line is the line of path, or of its nearest ancestor that has one.
func (l *layout) line(path []string) int {
	for n := len(path); n > 0; n-- {
		if ln, ok := l.lines[pathKey(path[:n])]; ok {
			return ln
		}
	}
	return 0
}

// scanLayout walks data with go-toml's parser. On a syntax error it returns
// the parser's message and line (0 when it cannot be placed).
func scanLayout(data []byte) (*layout, string, int, error) {
	l := &layout{lines: map[string]int{}, inValue: map[int]bool{}}
	p := unstable.Parser{}
	p.Reset(data)
	w := walker{p: &p, l: l, arrays: map[string]int{}, newlines: newlineOffsets(data)}
	for p.NextExpression() {
		w.expression(p.Expression())
	}
	if err := p.Error(); err != nil {
		var pe *unstable.ParserError
		if errors.As(err, &pe) && len(pe.Highlight) > 0 && inside(data, pe.Highlight) {
			return nil, pe.Message, p.Shape(p.Range(pe.Highlight)).Start.Line, err
		}
		return nil, err.Error(), 0, err
	}
	return l, "", 0, nil
}

// inside reports whether sub is a non-empty subslice of data
// (Parser.Range panics otherwise).
func inside(data, sub []byte) bool {
	if len(sub) == 0 {
		return false
	}
	for i := range data {
		if &data[i] == &sub[0] {
			return i+len(sub) <= len(data)
		}
	}
	return false
}

type walker struct {
	p      *unstable.Parser
	l      *layout
	cur    []string
	arrays map[string]int // array-of-tables path → element count
	// newlines is the offset of every '\n' in the data. Parser.Shape counts
	// lines from the start of the file on every call, which made a file of
	// 1,000 feeds take a quarter of a second to load.
	newlines []int
}

// newlineOffsets lists the offset of every '\n' in data.
func newlineOffsets(data []byte) []int {
	offs := make([]int, 0, bytes.Count(data, []byte("\n")))
	for i, c := range data {
		if c == '\n' {
			offs = append(offs, i)
		}
	}
	return offs
}

// lineAt is the 1-based line of the byte at offset: one more than the
// newlines before it.
func (w *walker) lineAt(offset int) int {
	return sort.SearchInts(w.newlines, offset) + 1
}

func (w *walker) lineOf(n *unstable.Node, fallback int) int {
	if n == nil || n.Raw.Length == 0 {
		return fallback
	}
	return w.lineAt(int(n.Raw.Offset))
}

func (w *walker) set(path []string, line int) {
	k := pathKey(path)
	if _, ok := w.l.lines[k]; !ok {
		w.l.lines[k] = line
	}
}

func (w *walker) expression(e *unstable.Node) {
	switch e.Kind {
	case unstable.Table, unstable.ArrayTable:
		w.header(e)
	case unstable.KeyValue:
		w.keyValue(e, w.cur)
		if e.Raw.Length > 0 {
			start, end := int(e.Raw.Offset), int(e.Raw.Offset+e.Raw.Length)
			for ln := w.lineAt(start) + 1; ln <= w.lineAt(end); ln++ {
				w.l.inValue[ln] = true
			}
		}
	}
}

func (w *walker) header(e *unstable.Node) {
	var parts []string
	line := 0
	for it := e.Key(); it.Next(); {
		if line == 0 {
			line = w.lineOf(it.Node(), 0)
		}
		parts = append(parts, string(it.Node().Data))
	}
	w.l.headers = append(w.l.headers, line)
	var path []string
	for i, part := range parts {
		path = append(path, part)
		k := pathKey(path)
		switch n, isArray := w.arrays[k]; {
		case i == len(parts)-1 && e.Kind == unstable.ArrayTable:
			w.set(path, line)
			w.arrays[k] = n + 1
			path = append(path, strconv.Itoa(n))
			if k == "feed" {
				w.l.feedHeaders = append(w.l.feedHeaders, line)
			}
		case isArray:
			path = append(path, strconv.Itoa(n-1))
		}
		w.set(path, line)
	}
	w.cur = path
}

func (w *walker) keyValue(kv *unstable.Node, base []string) {
	line := w.lineOf(kv, 0)
	path := slices.Clip(base)
	for it := kv.Key(); it.Next(); {
		path = append(slices.Clip(path), string(it.Node().Data))
		w.set(path, line)
	}
	w.value(kv.Value(), path, line)
}

func (w *walker) value(v *unstable.Node, path []string, line int) {
	switch v.Kind {
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			w.keyValue(it.Node(), path)
		}
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); i++ {
			el := append(slices.Clip(path), strconv.Itoa(i))
			ln := w.lineOf(it.Node(), line)
			w.set(el, ln)
			w.value(it.Node(), el, ln)
		}
	}
}
