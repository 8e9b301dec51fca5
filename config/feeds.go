package config

import (
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsterm/newsterm/sanitize"
)

var feedKeys = []string{"url", "title", "tags"}

const feedExample = `[[feed]] blocks, each with url = "https://example.com/feed.xml"`

// feeds decodes the [[feed]] array. An inline array of tables
// (feed = [{url = "..."}]) is read too, but only [[feed]] blocks can be
// removed by RemoveFeed.
func (d *decoder) feeds(v any) {
	var list []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		list = x
	case []any:
		for i, el := range x {
			t, ok := el.(map[string]any)
			if !ok {
				d.fail([]string{"feed", strconv.Itoa(i)}, "write "+feedExample, "feed entries must be tables, not %s", typeName(el))
				return
			}
			list = append(list, t)
		}
	case map[string]any:
		d.fail([]string{"feed"}, "write [[feed]] (double brackets), one block per subscription", "[feed] is a single table")
		return
	default:
		d.wrongType([]string{"feed"}, v, "a list of feeds", feedExample)
		return
	}
	for i, t := range list {
		d.feed([]string{"feed", strconv.Itoa(i)}, t)
	}
}

func (d *decoder) feed(path []string, t map[string]any) {
	f := Feed{Line: d.l.line(path)}
	hasURL := false
	for _, k := range d.sortedKeys(t, path) {
		kp, v := append(slices.Clip(path), k), t[k]
		name := "feed." + bareKey(k)
		switch k {
		case "url":
			s, ok := v.(string)
			if !ok {
				d.fail(kp, `write url = "https://example.com/feed.xml"`, "%s must be a string, not %s", name, typeName(v))
				return
			}
			hasURL = true
			f.URL = strings.TrimSpace(s)
			if msg, fix := checkFeedURL(f.URL); msg != "" {
				d.fail(kp, fix, "%s", msg)
				return
			}
			if p, ok := expandHome(f.URL); ok {
				f.URL = p
			}
		case "title":
			s, ok := v.(string)
			if !ok {
				d.fail(kp, `write title = "Example News"`, "%s must be a string, not %s", name, typeName(v))
				return
			}
			f.Title = sanitize.Line(s)
		case "tags":
			tags, ok := d.tags(kp, v)
			if !ok {
				return
			}
			f.Tags = tags
		default:
			d.fail(kp, suggestion(k, feedKeys, "[[feed]]"), "unknown key %s", name)
			return
		}
	}
	if !hasURL {
		d.fail(path, `add url = "https://example.com/feed.xml" to the block, or remove the block`, "[[feed]] has no url")
		return
	}
	d.c.Feeds = append(d.c.Feeds, f)
	d.urlLines = append(d.urlLines, d.l.line(append(slices.Clip(path), "url")))
}

func (d *decoder) tags(path []string, v any) ([]string, bool) {
	const fix = `write tags = ["news", "tech"]`
	arr, ok := v.([]any)
	if !ok {
		d.fail(path, fix, "feed.tags must be an array of strings, not %s", typeName(v))
		return nil, false
	}
	tags := make([]string, 0, len(arr))
	for i, el := range arr {
		s, ok := el.(string)
		if !ok {
			d.fail(append(slices.Clip(path), strconv.Itoa(i)), fix, "feed.tags must hold strings, not %s", typeName(el))
			return nil, false
		}
		s = sanitize.Line(s)
		if s == "" {
			d.fail(path, "remove the empty tag", "feed.tags has an empty tag")
			return nil, false
		}
		if !slices.Contains(tags, s) {
			tags = append(tags, s)
		}
	}
	return tags, true
}

// checkFeedURL says what is wrong with a feed URL and how to fix it, or ""
// when it is fine: http and https URLs with a host, file:// URLs, and
// absolute or ~/ paths.
func checkFeedURL(s string) (msg, fix string) {
	const fix0 = `write a full URL like "https://example.com/feed.xml", or an absolute path for a local file`
	switch {
	case s == "":
		return "feed url is empty", fix0
	case strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return "feed url " + show(s) + " contains control characters", fix0
	case filepath.IsAbs(s) || hasHomePrefix(s):
		return "", ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return "feed url " + show(s) + " is not a valid URL", fix0
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "feed url " + show(s) + " has no host", fix0
		}
	case "file":
		if u.Path == "" && u.Opaque == "" {
			return "feed url " + show(s) + " has no path", `write file:///absolute/path/feed.xml`
		}
	case "":
		return "feed url " + show(s) + " has no scheme", fix0
	default:
		return "feed url " + show(s) + " uses " + show(u.Scheme) + ", which newsterm does not fetch", "use an http, https or file URL"
	}
	return "", ""
}

// SameURL reports whether two feed URLs name the same subscription: equal
// after trimming spaces, ignoring one trailing slash
// ("https://example.com/feed/" is "https://example.com/feed"), with a
// file:// URL the same as its path ("file:///srv/feed.xml" is
// "/srv/feed.xml", as export writes a path and import reads it back).
func SameURL(a, b string) bool { return canonURL(a) == canonURL(b) }

func canonURL(s string) string {
	s = strings.TrimSpace(s)
	if p, ok := expandHome(s); ok {
		s = p
	}
	if u, err := url.Parse(s); err == nil && strings.EqualFold(u.Scheme, "file") &&
		(u.Host == "" || u.Host == "localhost") && u.Path != "" && u.RawQuery == "" && u.Fragment == "" {
		s = filepath.FromSlash(u.Path)
	}
	if len(s) > 1 {
		s = strings.TrimSuffix(s, "/")
	}
	return s
}

// duplicateFeeds reports a subscription listed twice, naming both lines.
func (d *decoder) duplicateFeeds() {
	seen := map[string]int{}
	for i, f := range d.c.Feeds {
		k := canonURL(f.URL)
		if j, ok := seen[k]; ok {
			line := d.urlLines[i]
			d.failAt(line, "remove one of the two [[feed]] blocks",
				"feed %s is listed twice, at lines %d and %d", show(f.URL), d.urlLines[j], line)
			return
		}
		seen[k] = i
	}
}
