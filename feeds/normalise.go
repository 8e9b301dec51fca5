package feeds

import (
	"crypto/sha1"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// earliest is the oldest publication date believed; older ones (year 1,
// "0000-00-00", epoch placeholders before it) are treated as unknown.
var earliest = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// normalise turns a parsed document into a Feed: every text field
// terminal-safe, every URL absolute (those in summary and content HTML too)
// and none local unless the document is, at most opt.MaxItems items, the
// first of any duplicate GUIDs kept.
func normalise(doc *docSource, res resolver, opt ParseOptions) Feed {
	f := doc.feed
	feed := Feed{
		SiteURL:     res.resolve(f.Link),
		Description: plainOrHTML(f.Description, ""),
	}
	if doc.titleHTML {
		feed.Title = htmlLine(f.Title)
	} else {
		feed.Title = line(f.Title)
	}
	feedAuthor := personName(f.Author, f.Authors)
	if feedAuthor == "" && f.ITunesExt != nil {
		feedAuthor = line(f.ITunesExt.Author)
	}
	seen := make(map[string]bool, min(len(doc.items), opt.MaxItems))
	for i := range doc.items {
		if len(feed.Items) >= opt.MaxItems {
			break
		}
		it := normaliseItem(&doc.items[i], doc.ns, res, opt.Now)
		if it.Author == "" {
			it.Author = feedAuthor
		}
		if seen[it.GUID] {
			continue
		}
		seen[it.GUID] = true
		feed.Items = append(feed.Items, it)
	}
	return feed
}

func normaliseItem(src *itemSource, ns prefixes, feedRes resolver, now time.Time) Item {
	u := src.u
	res := feedRes.at(src.xmlBase)
	it := Item{
		Link:       res.resolve(u.Link),
		Author:     personName(u.Author, u.Authors),
		Published:  published(u, now),
		Summary:    res.absHTML(block(src.summary)),
		Content:    res.absHTML(block(src.content)),
		Categories: categories(u.Categories),
		Enclosures: enclosures(u.Enclosures, res),
		Photo:      photo(src, ns, res),
		Comments:   comments(src, ns, res),
	}
	if src.titleHTML {
		it.Title = htmlLine(u.Title)
	} else {
		it.Title = line(u.Title)
	}
	if it.Link == "" {
		it.Link = res.resolve(src.permalink)
	}
	if it.Link == "" {
		for _, l := range u.Links {
			if it.Link = res.resolve(l); it.Link != "" {
				break
			}
		}
	}
	it.GUID = guid(u.GUID, it.Link, it.Title, src.dateKey)
	return it
}

// guid is the feed's id, else the link, else a hash of title and date.
// Over-long ids are hashed so that they stay usable as keys.
func guid(id, link, title, date string) string {
	id = line(id)
	switch {
	case id != "" && len(id) <= maxGUID:
		return id
	case id != "":
		return hashKey(id)
	case link != "":
		return link
	}
	return hashKey(title + "\n" + date)
}

func hashKey(s string) string {
	sum := sha1.Sum([]byte(s))
	return "sha1:" + hex.EncodeToString(sum[:])
}

// published is the item's publication date, else its update date, in UTC;
// a date in the future is clamped to now, an implausibly old one is
// unknown (zero).
func published(u *gofeed.Item, now time.Time) time.Time {
	t := u.PublishedParsed
	if t == nil {
		t = u.UpdatedParsed
	}
	if t == nil || t.Before(earliest) {
		return time.Time{}
	}
	if t.After(now) {
		return now.UTC()
	}
	return t.UTC()
}

// personName is a person's name, else their email address.
func personName(p *gofeed.Person, all []*gofeed.Person) string {
	if p == nil && len(all) > 0 {
		p = all[0]
	}
	if p == nil {
		return ""
	}
	if name := line(p.Name); name != "" {
		return name
	}
	return line(p.Email)
}

func categories(raw []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range raw {
		c = line(c)
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
		if len(out) == maxCategories {
			break
		}
	}
	return out
}

func enclosures(raw []*gofeed.Enclosure, res resolver) []Enclosure {
	var out []Enclosure
	for _, e := range raw {
		if e == nil {
			continue
		}
		u := res.resolve(e.URL)
		if u == "" {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(e.Length), 10, 64)
		if err != nil || n < 0 {
			n = 0
		}
		out = append(out, Enclosure{URL: u, Type: line(e.Type), Length: n})
		if len(out) == maxEnclosures {
			break
		}
	}
	return out
}
