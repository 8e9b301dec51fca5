package demo

import (
	"fmt"
	"strings"
)

// subscription is one bundled feed the demo config subscribes to.
type subscription struct {
	path  string // below the server root
	title string
	tags  []string
}

// subscriptions are the demo's feeds, one per format and feature it shows:
// a summary-only story extracted from its page, Media RSS photos with
// captions and credits, CJK and emoji titles, JSON Feed, Atom with
// threading counts and a long article, prose comment counts.
var subscriptions = []subscription{
	{path: "security.rss", title: "Terrorism & Security", tags: []string{"world"}},
	{path: "asia-desk.rss", title: "Asia Pacific Desk", tags: []string{"world"}},
	{path: "harbour-ledger.json", title: "The Harbour Ledger", tags: []string{"local"}},
	{path: "tidewater.atom", title: "Tidewater Engineering", tags: []string{"tech"}},
	{path: "orbit-frontpage.rss", title: "Orbit News: Front Page", tags: []string{"tech"}},
}

// configText is the demo's config file: the database in the temporary
// directory, no refresh on start (the demo fetches before the first frame)
// and one [[feed]] per subscription. urls are parallel to subscriptions.
func configText(dbPath string, urls []string) string {
	var b strings.Builder
	b.WriteString("# newsterm --demo: feeds bundled with newsterm, served from this machine.\n")
	b.WriteString("# This file and the database beside it are removed when the demo quits.\n\n")
	fmt.Fprintf(&b, "db = %s\n\n", tomlString(dbPath))
	b.WriteString("[reader]\n# The demo fetches its feeds before the first frame.\nrefresh_on_start = false\n")
	for i, s := range subscriptions {
		tags := make([]string, len(s.tags))
		for j, t := range s.tags {
			tags[j] = tomlString(t)
		}
		fmt.Fprintf(&b, "\n[[feed]]\nurl = %s\ntitle = %s\ntags = [%s]\n",
			tomlString(urls[i]), tomlString(s.title), strings.Join(tags, ", "))
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
