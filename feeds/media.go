package feeds

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	ext "github.com/mmcdole/gofeed/extensions"
)

// The lead photo comes from the first source that names one, in tiers:
// Media RSS content images (and JSON Feed's image), then image enclosures,
// then Media RSS thumbnails, then itunes:image. Within a tier the largest
// image by width×height wins, the first on a tie. Caption and credit come
// from the image's own media:description / media:title / media:credit,
// else its media:group's, else the item's.

const (
	tierContent = iota
	tierEnclosure
	tierThumbnail
	tierITunes
)

type photoCandidate struct {
	url    string
	width  int
	height int
	tier   int
	text   mediaText
}

// mediaText is the caption and credit in force for a media element.
type mediaText struct {
	caption string
	credit  string
}

// over returns t with blanks filled from outer.
func (t mediaText) over(outer mediaText) mediaText {
	if t.caption == "" {
		t.caption = outer.caption
	}
	if t.credit == "" {
		t.credit = outer.credit
	}
	return t
}

// textOf reads media:description (else media:title) and media:credit from
// the children of a media element (or the item's extensions).
func textOf(descs, titles, credits []ext.Extension) mediaText {
	var t mediaText
	for _, group := range [][]ext.Extension{descs, titles} {
		for _, e := range group {
			if t.caption == "" {
				t.caption = plainOrHTML(e.Value, e.Attrs["type"])
			}
		}
	}
	for _, e := range credits {
		if t.credit == "" {
			t.credit = plainOrHTML(e.Value, "")
		}
	}
	return t
}

// photo picks the item's lead image, or nil.
func photo(it *itemSource, ns prefixes, res resolver) *Photo {
	exts := it.u.Extensions
	itemText := textOf(extElems(exts, ns.media, "description"), extElems(exts, ns.media, "title"), extElems(exts, ns.media, "credit"))
	var cands []photoCandidate
	add := func(raw string, w, h, tier int, t mediaText) {
		if u := res.resolve(raw); u != "" {
			cands = append(cands, photoCandidate{url: u, width: w, height: h, tier: tier, text: t})
		}
	}
	addMedia := func(contents, thumbs []ext.Extension, outer mediaText) {
		for _, c := range contents {
			t := textOf(children(c, "description"), children(c, "title"), children(c, "credit")).over(outer)
			if isImage(c.Attrs["medium"], c.Attrs["type"], c.Attrs["url"]) {
				add(c.Attrs["url"], dim(c.Attrs["width"]), dim(c.Attrs["height"]), tierContent, t)
			}
			for _, th := range children(c, "thumbnail") {
				add(th.Attrs["url"], dim(th.Attrs["width"]), dim(th.Attrs["height"]), tierThumbnail, t)
			}
		}
		for _, th := range thumbs {
			add(th.Attrs["url"], dim(th.Attrs["width"]), dim(th.Attrs["height"]), tierThumbnail, outer)
		}
	}
	addMedia(extElems(exts, ns.media, "content"), extElems(exts, ns.media, "thumbnail"), itemText)
	for _, g := range extElems(exts, ns.media, "group") {
		gt := textOf(children(g, "description"), children(g, "title"), children(g, "credit")).over(itemText)
		addMedia(children(g, "content"), children(g, "thumbnail"), gt)
	}
	for _, raw := range it.images {
		add(raw, 0, 0, tierContent, itemText)
	}
	for _, e := range it.u.Enclosures {
		if e != nil && isImage("", e.Type, e.URL) {
			add(e.URL, 0, 0, tierEnclosure, itemText)
		}
	}
	if it.u.ITunesExt != nil {
		add(it.u.ITunesExt.Image, 0, 0, tierITunes, itemText)
	}
	return best(cands)
}

func best(cands []photoCandidate) *Photo {
	var pick *photoCandidate
	for i := range cands {
		c := &cands[i]
		if pick == nil || c.tier < pick.tier ||
			(c.tier == pick.tier && c.width*c.height > pick.width*pick.height) {
			pick = c
		}
	}
	if pick == nil {
		return nil
	}
	return &Photo{URL: pick.url, Caption: pick.text.caption, Credit: pick.text.credit, Width: pick.width, Height: pick.height}
}

// isImage decides from Media RSS medium, MIME type or file name whether a
// media object is a still image.
func isImage(medium, typ, rawURL string) bool {
	switch strings.ToLower(strings.TrimSpace(medium)) {
	case "image":
		return true
	case "video", "audio", "document", "executable":
		return false
	}
	if typ = strings.ToLower(strings.TrimSpace(typ)); typ != "" {
		return strings.HasPrefix(typ, "image/")
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".svg":
		return true
	}
	return false
}

// dim parses a width or height; nonsense gives 0 (unknown).
func dim(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 100000 {
		return 0
	}
	return n
}
