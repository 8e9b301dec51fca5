package article

import (
	"encoding/json"
	"strconv"
	"strings"
)

// linkedData is what a page's JSON-LD says about its article.
type linkedData struct {
	Headline     string
	Section      string
	Description  string
	Author       string
	Published    string
	CommentCount *int
	Image        ldImage
}

type ldImage struct {
	URL, Caption  string
	Width, Height int
}

// articleTypes are the schema.org types whose fields describe the story.
var articleTypes = wordSet("article", "newsarticle", "blogposting",
	"reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
	"reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
	"scholarlyarticle", "techarticle", "socialmediaposting", "posting")

// parseLinkedData reads JSON-LD blocks and returns the first article
// object's fields. Blocks that are not valid JSON are skipped.
func parseLinkedData(blocks [][]byte) linkedData {
	var objs []map[string]any
	for _, b := range blocks {
		var v any
		if json.Unmarshal(b, &v) != nil {
			continue
		}
		collectObjects(v, &objs, 0)
	}
	var best map[string]any
	for _, o := range objs {
		if isArticleType(o["@type"]) {
			best = o
			break
		}
	}
	if best == nil {
		for _, o := range objs {
			if _, ok := o["headline"]; ok {
				best = o
				break
			}
		}
	}
	if best == nil {
		return linkedData{}
	}
	return linkedData{
		Headline:     ldString(best["headline"]),
		Section:      ldString(best["articleSection"]),
		Description:  ldString(best["description"]),
		Author:       ldNames(best["author"]),
		Published:    ldString(best["datePublished"]),
		CommentCount: ldCommentCount(best),
		Image:        ldImageOf(resolveRef(best["image"], objs)),
	}
}

// collectObjects gathers the objects of v, looking into arrays and
// @graph, a few levels deep.
func collectObjects(v any, out *[]map[string]any, depth int) {
	if depth > 4 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectObjects(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, t)
		if g, ok := t["@graph"]; ok {
			collectObjects(g, out, depth+1)
		}
		if m, ok := t["mainEntity"]; ok {
			collectObjects(m, out, depth+1)
		}
	}
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return articleTypes[strings.ToLower(t)]
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString returns v as text: a string, the first string of an array, or
// a number.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		for _, e := range t {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

// ldNames returns the names in an author field: a string, a Person, or a
// list of them.
func ldNames(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case map[string]any:
		return ldString(t["name"])
	case []any:
		var names []string
		for _, e := range t {
			if n := ldNames(e); n != "" {
				names = append(names, n)
			}
		}
		return joinNames(names)
	}
	return ""
}

// ldInt reads a count given as a number or a numeric string.
func ldInt(v any) (int, bool) {
	switch t := v.(type) {
	case float64:
		if t >= 0 && t < 1e12 {
			return int(t), true
		}
	case string:
		return parseCount(t)
	case map[string]any:
		return ldInt(t["value"])
	}
	return 0, false
}

// ldCommentCount reads commentCount, else an interactionStatistic whose
// type is CommentAction.
func ldCommentCount(o map[string]any) *int {
	if n, ok := ldInt(o["commentCount"]); ok {
		return &n
	}
	// The older form: "interactionCount": "UserComments:27".
	if s, ok := o["interactionCount"].(string); ok {
		if typ, count, found := strings.Cut(s, ":"); found && strings.EqualFold(strings.TrimSpace(typ), "UserComments") {
			if n, ok := parseCount(count); ok {
				return &n
			}
		}
	}
	var stats []any
	switch t := o["interactionStatistic"].(type) {
	case []any:
		stats = t
	case map[string]any:
		stats = []any{t}
	}
	for _, s := range stats {
		m, ok := s.(map[string]any)
		if !ok {
			continue
		}
		typ := ldString(m["interactionType"])
		if typ == "" {
			if tm, ok := m["interactionType"].(map[string]any); ok {
				typ = ldString(tm["@type"])
			}
		}
		if !strings.HasSuffix(typ, "CommentAction") && !strings.HasSuffix(typ, "UserComments") {
			continue
		}
		if n, ok := ldInt(m["userInteractionCount"]); ok {
			return &n
		}
	}
	return nil
}

// resolveRef replaces a reference ({"@id": "…#primaryimage"}) by the
// object of the same page that carries that @id, as Yoast's @graph
// writes the lead image.
func resolveRef(v any, objs []map[string]any) any {
	ref, ok := v.(map[string]any)
	if !ok || len(ref) != 1 {
		return v
	}
	id, ok := ref["@id"].(string)
	if !ok || id == "" {
		return v
	}
	for _, o := range objs {
		if o["@id"] == id && len(o) > 1 {
			return o
		}
	}
	return v
}

func ldImageOf(v any) ldImage {
	switch t := v.(type) {
	case string:
		return ldImage{URL: strings.TrimSpace(t)}
	case []any:
		for _, e := range t {
			if img := ldImageOf(e); img.URL != "" {
				return img
			}
		}
	case map[string]any:
		img := ldImage{URL: ldString(t["url"]), Caption: ldString(t["caption"])}
		if img.URL == "" {
			img.URL = ldString(t["contentUrl"])
		}
		img.Width, _ = ldInt(t["width"])
		img.Height, _ = ldInt(t["height"])
		return img
	}
	return ldImage{}
}
