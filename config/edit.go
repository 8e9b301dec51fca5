package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsterm/newsterm/sanitize"
)

// newFileHeader starts a config file that AddFeed creates.
const newFileHeader = "# newsterm config: subscriptions and settings.\n" +
	"# newsterm add/remove edit this file and keep your comments.\n"

// AddFeed appends a [[feed]] block to the file at path (DefaultPath() when
// path is ""), creating it and its directory if missing, keeping everything
// already in the file byte for byte. added is false when the URL is already
// there (see SameURL). The block is written after one blank line, with the
// file's own line endings; title and tags are written when given.
func AddFeed(path string, f Feed) (added bool, err error) {
	got, err := AddFeeds(path, []Feed{f})
	if err != nil {
		return false, err
	}
	return got[0], nil
}

// AddFeeds is AddFeed for many feeds at once, as an OPML import needs: the
// file is read, checked and written once, however long the list, so
// importing a thousand feeds costs one edit rather than a thousand. Each new
// feed gets its own [[feed]] block, in the order given, one blank line
// apart. added[i] is false when feeds[i] is already in the file or earlier
// in the list (see SameURL). added always has len(feeds) entries. The edit
// is all or nothing: a bad URL anywhere in the list, or a file that does
// not load before or would not load after, is an error, the file is left
// as it was and every added[i] is false.
func AddFeeds(path string, feeds []Feed) (added []bool, err error) {
	none := make([]bool, len(feeds))
	path, target, err := editTarget(path)
	if err != nil {
		return none, err
	}
	data, err := readFile(target)
	missing := errors.Is(err, fs.ErrNotExist)
	if err != nil && !missing {
		return none, err
	}
	if missing {
		data = []byte(newFileHeader)
	}
	out, added, err := addFeedsText(path, data, feeds)
	if err != nil {
		return none, err
	}
	if !slices.Contains(added, true) {
		return added, nil
	}
	if err := writeAtomic(target, out); err != nil {
		return none, err
	}
	return added, nil
}

// addFeedText is addFeedsText for one feed.
func addFeedText(file string, data []byte, f Feed) ([]byte, bool, error) {
	out, added, err := addFeedsText(file, data, []Feed{f})
	if err != nil {
		return nil, false, err
	}
	return out, added[0], nil
}

// addFeedsText is AddFeeds on the file's bytes; file names it in errors.
// out is nil when nothing is added.
func addFeedsText(file string, data []byte, feeds []Feed) (out []byte, added []bool, err error) {
	urls := make([]string, len(feeds))
	for i, f := range feeds {
		urls[i] = strings.TrimSpace(f.URL)
		if msg, fix := checkFeedURL(urls[i]); msg != "" {
			return nil, nil, &Error{File: file, Msg: msg, Fix: fix}
		}
	}
	c, _, err := parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	// canonURL keys make map lookups agree with SameURL.
	seen := make(map[string]bool, len(c.Feeds)+len(feeds))
	for _, g := range c.Feeds {
		seen[canonURL(g.URL)] = true
	}
	added = make([]bool, len(feeds))
	nl := lineEnding(data)
	var blocks strings.Builder
	n, last := 0, ""
	for i, f := range feeds {
		k := canonURL(urls[i])
		if seen[k] {
			continue
		}
		seen[k], added[i] = true, true
		if n > 0 {
			blocks.WriteString(nl)
		}
		blocks.WriteString(feedBlock(urls[i], f.Title, f.Tags, nl))
		n, last = n+1, urls[i]
	}
	if n == 0 {
		return nil, added, nil
	}
	out = appendBlock(data, blocks.String(), nl)
	if _, _, err := parse(file, out); err != nil {
		what := last
		if n > 1 {
			what = fmt.Sprintf("%d feeds", n)
		}
		return nil, nil, fmt.Errorf("add %s: the file would no longer load (%w)", what, err)
	}
	return out, added, nil
}

// RemoveFeed deletes the [[feed]] block with this URL (see SameURL), keeping
// the rest of the file byte for byte. The block runs from its [[feed]]
// header to the next table header, less any comment lines directly above
// that header (they describe the next block). When it is the last block,
// the blank lines just above it go too, so an add followed by a remove
// leaves a file that ended in one newline as it was. removed is false when
// no block has that URL.
func RemoveFeed(path, url string) (removed bool, err error) {
	path, target, err := editTarget(path)
	if err != nil {
		return false, err
	}
	data, err := readFile(target)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	out, removed, err := removeFeedText(path, data, url)
	if err != nil || !removed {
		return false, err
	}
	return true, writeAtomic(target, out)
}

// removeFeedText is RemoveFeed on the file's bytes; file names it in errors.
func removeFeedText(file string, data []byte, url string) ([]byte, bool, error) {
	c, l, err := parse(file, data)
	if err != nil {
		return nil, false, err
	}
	idx := slices.IndexFunc(c.Feeds, func(f Feed) bool { return SameURL(f.URL, url) })
	if idx < 0 {
		return nil, false, nil
	}
	f := c.Feeds[idx]
	if len(l.feedHeaders) != len(c.Feeds) {
		return nil, false, errorf(file, f.Line, "remove it by hand, or write each feed as a [[feed]] block",
			"feed %s is part of an inline array", show(f.URL))
	}
	from, to := blockSpan(data, l, l.feedHeaders[idx])
	out := append(append([]byte{}, data[:from]...), data[to:]...)
	if c2, _, err := parse(file, out); err != nil || len(c2.Feeds) != len(c.Feeds)-1 {
		return nil, false, errorf(file, f.Line, "remove the block by hand",
			"cannot cut the [[feed]] block for %s out cleanly", show(f.URL))
	}
	return out, true, nil
}

// editTarget resolves path (DefaultPath() when "") and, when it is a
// symlink (dotfile managers use them), the file it points to, so the edit
// replaces the real file and keeps the link.
func editTarget(path string) (string, string, error) {
	if path == "" {
		path = DefaultPath()
	}
	target, err := filepath.EvalSymlinks(path)
	switch {
	case err == nil:
		return path, target, nil
	case errors.Is(err, fs.ErrNotExist) && !isSymlink(path):
		return path, path, nil
	default:
		return path, "", &Error{File: path, Msg: "cannot resolve: " + unwrapPath(err), Fix: "check the path and any symlink in it", Err: err}
	}
}

// blockSpan is the byte range of the [[feed]] block whose header is on
// line header.
func blockSpan(data []byte, l *layout, header int) (from, to int) {
	starts := lineStarts(data)
	nLines := len(starts) - 1
	text := func(n int) string { return strings.TrimSpace(string(data[starts[n-1]:starts[n]])) }
	isComment := func(n int) bool { return !l.inValue[n] && strings.HasPrefix(text(n), "#") }
	isBlank := func(n int) bool { return !l.inValue[n] && text(n) == "" }
	next := 0
	for _, h := range l.headers {
		if h > header {
			next = h
			break
		}
	}
	from = starts[header-1]
	if next == 0 || next > nLines {
		first := header
		for first > 1 && isBlank(first-1) {
			first--
		}
		return starts[first-1], len(data)
	}
	end := next
	for end-1 > header && isComment(end-1) {
		end--
	}
	return from, starts[end-1]
}

// lineStarts gives the offset of each line's first byte, plus len(data).
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return append(starts, len(data))
}

// lineEnding is the file's line ending: that of its first line, else "\n".
func lineEnding(data []byte) string {
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// appendBlock adds block after data with exactly one blank line between
// (none added when data already ends with a blank line).
func appendBlock(data []byte, block, nl string) []byte {
	out := append([]byte{}, data...)
	if len(out) == 0 {
		return append(out, block...)
	}
	if out[len(out)-1] != '\n' {
		out = append(out, nl...)
	}
	body := out[:len(out)-1]
	last := body[bytes.LastIndexByte(body, '\n')+1:]
	if len(bytes.TrimSpace(last)) > 0 {
		out = append(out, nl...)
	}
	return append(out, block...)
}

// feedBlock writes a [[feed]] block. The title and tags may come from a
// feed on the network, so they are sanitised before they reach the file.
func feedBlock(url, title string, tags []string, nl string) string {
	var b strings.Builder
	b.WriteString("[[feed]]" + nl)
	b.WriteString("url = " + tomlString(url) + nl)
	if t := sanitize.Line(title); t != "" {
		b.WriteString("title = " + tomlString(t) + nl)
	}
	var quoted []string
	for _, t := range tags {
		if t = sanitize.Line(t); t != "" {
			quoted = append(quoted, tomlString(t))
		}
	}
	if len(quoted) > 0 {
		b.WriteString("tags = [" + strings.Join(quoted, ", ") + "]" + nl)
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
