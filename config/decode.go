package config

import (
	"cmp"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	topKeys    = []string{"db", "fetch", "reader", "store", "keys", "feed"}
	fetchKeys  = []string{"jobs", "per_host", "connect_timeout", "header_timeout", "timeout", "max_body", "max_redirects", "max_items"}
	readerKeys = []string{"theme", "mark_read_on_open", "refresh_on_start"}
	storeKeys  = []string{"keep_days"}
)

// sortedKeys lists m's keys in file order, so problems are found top down.
func (d *decoder) sortedKeys(m map[string]any, path []string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		la := d.l.line(append(slices.Clip(path), a))
		lb := d.l.line(append(slices.Clip(path), b))
		return cmp.Or(cmp.Compare(la, lb), strings.Compare(a, b))
	})
	return keys
}

func (d *decoder) root(m map[string]any) {
	for _, k := range d.sortedKeys(m, nil) {
		v, path := m[k], []string{k}
		switch k {
		case "db":
			d.db(v)
		case "fetch":
			d.table(path, v, "[fetch] with jobs = 8 under it", d.fetchKey)
		case "reader":
			d.table(path, v, `[reader] with theme = "auto" under it`, d.readerKey)
		case "store":
			d.table(path, v, "[store] with keep_days = 0 under it", d.storeKey)
		case "keys":
			d.table(path, v, `[keys] with quit = ["q"] under it`, d.keysKey)
		case "feed":
			d.feeds(v)
			d.duplicateFeeds()
		default:
			d.fail(path, suggestion(k, topKeys, "the top level"), "unknown key %s", pathString(path))
		}
	}
}

// table checks that v is a table and hands each of its keys to each.
func (d *decoder) table(path []string, v any, example string, each func(path []string, v any)) {
	t, ok := v.(map[string]any)
	if !ok {
		d.wrongType(path, v, "a table", example)
		return
	}
	for _, k := range d.sortedKeys(t, path) {
		each(append(slices.Clip(path), k), t[k])
	}
}

func (d *decoder) db(v any) {
	path := []string{"db"}
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, v, "a string", `db = "~/.local/share/newsterm/newsterm.db"`)
		return
	}
	s = strings.TrimSpace(s)
	if s == "" {
		d.fail(path, "remove the line to use the default, or give a file path", "db is empty")
		return
	}
	p, ok := expandHome(s)
	if !ok {
		d.fail(path, "write the full path", "db %s starts with ~ but the home directory is unknown", show(s))
		return
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(d.file), p)
	}
	d.c.DBPath = p
}

func (d *decoder) fetchKey(path []string, v any) {
	f := &d.c.Fetch
	switch path[1] {
	case "jobs":
		d.intIn(path, v, 1, 100, &f.Jobs)
	case "per_host":
		d.intIn(path, v, 1, 100, &f.PerHost)
	case "connect_timeout":
		d.duration(path, v, &f.ConnectTimeout)
	case "header_timeout":
		d.duration(path, v, &f.HeaderTimeout)
	case "timeout":
		d.duration(path, v, &f.Timeout)
	case "max_body":
		d.size(path, v, &f.MaxBody)
	case "max_redirects":
		d.intIn(path, v, 0, 30, &f.MaxRedirects)
	case "max_items":
		d.intIn(path, v, 1, 1_000_000, &f.MaxItems)
	default:
		d.fail(path, suggestion(path[1], fetchKeys, "[fetch]"), "unknown key %s", pathString(path))
	}
}

func (d *decoder) readerKey(path []string, v any) {
	r := &d.c.Reader
	switch path[1] {
	case "theme":
		s, ok := v.(string)
		if !ok {
			d.wrongType(path, v, "a string", `theme = "auto"`)
			return
		}
		t := strings.ToLower(strings.TrimSpace(s))
		if !slices.Contains(Themes, t) {
			d.fail(path, `use "auto", "dark" or "light"`, "reader.theme = %s is not a theme", show(s))
			return
		}
		r.Theme = t
	case "mark_read_on_open":
		d.boolean(path, v, &r.MarkReadOnOpen)
	case "refresh_on_start":
		d.boolean(path, v, &r.RefreshOnStart)
	default:
		d.fail(path, suggestion(path[1], readerKeys, "[reader]"), "unknown key %s", pathString(path))
	}
}

// maxKeepDays bounds keep_days at about a century.
const maxKeepDays = 36500

func (d *decoder) storeKey(path []string, v any) {
	switch path[1] {
	case "keep_days":
		d.intIn(path, v, 0, maxKeepDays, &d.c.Storage.KeepDays)
	default:
		d.fail(path, suggestion(path[1], storeKeys, "[store]"), "unknown key %s", pathString(path))
	}
}

func (d *decoder) boolean(path []string, v any, dst *bool) {
	b, ok := v.(bool)
	if !ok {
		d.wrongType(path, v, "true or false", path[len(path)-1]+" = true (no quotes)")
		return
	}
	*dst = b
}

func (d *decoder) intIn(path []string, v any, lo, hi int64, dst *int) {
	n, ok := v.(int64)
	if !ok {
		d.wrongType(path, v, "an integer", path[len(path)-1]+" = "+strconv.Itoa(*dst)+" (no quotes)")
		return
	}
	if n < lo || n > hi {
		d.fail(path, "use a number from "+strconv.FormatInt(lo, 10)+" to "+strconv.FormatInt(hi, 10),
			"%s = %d is out of range", pathString(path), n)
		return
	}
	*dst = int(n)
}

const maxDuration = time.Hour

func (d *decoder) duration(path []string, v any, dst *time.Duration) {
	name := path[len(path)-1]
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, v, "a duration string", name+` = "30s"`)
		return
	}
	t, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		d.fail(path, `write a number with a unit, like "30s", "2m" or "1m30s"`,
			"%s = %s is not a duration", pathString(path), show(s))
		return
	}
	if t <= 0 || t > maxDuration {
		d.fail(path, "use a duration above 0s and at most 1h", "%s = %s is out of range", pathString(path), show(s))
		return
	}
	*dst = t
}

const (
	minBody = 1 << 10
	maxBody = 1 << 30
)

var (
	sizeRE    = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)$`)
	sizeUnits = map[string]float64{
		"": 1, "b": 1,
		"kb": 1e3, "mb": 1e6, "gb": 1e9,
		"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
	}
)

func (d *decoder) size(path []string, v any, dst *int64) {
	const fix = `write bytes as an integer, or a size like "32MiB" (B, KB, MB, GB, KiB, MiB, GiB)`
	var n float64
	var written string
	switch x := v.(type) {
	case int64:
		n, written = float64(x), strconv.FormatInt(x, 10)
	case string:
		written = show(x)
		m := sizeRE.FindStringSubmatch(strings.TrimSpace(x))
		unit, ok := 0.0, false
		if m != nil {
			unit, ok = sizeUnits[strings.ToLower(m[2])]
		}
		if !ok {
			d.fail(path, fix, "%s = %s is not a size", pathString(path), show(x))
			return
		}
		num, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			d.fail(path, fix, "%s = %s is not a size", pathString(path), show(x))
			return
		}
		n = num * unit
	default:
		d.wrongType(path, v, "a size", path[len(path)-1]+` = "32MiB"`)
		return
	}
	if math.IsNaN(n) || n < minBody || n > maxBody {
		d.fail(path, "use a size from 1KiB to 1GiB", "%s = %s is out of range", pathString(path), written)
		return
	}
	*dst = int64(n)
}
