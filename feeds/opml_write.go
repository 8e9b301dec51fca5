package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

type opmlDoc struct {
	XMLName xml.Name        `xml:"opml"`
	Version string          `xml:"version,attr"`
	Title   string          `xml:"head>title"`
	Body    []opmlOutlineEl `xml:"body>outline"`
}

type opmlOutlineEl struct {
	Type     string `xml:"type,attr"`
	Text     string `xml:"text,attr"`
	Title    string `xml:"title,attr"`
	XMLURL   string `xml:"xmlUrl,attr"`
	HTMLURL  string `xml:"htmlUrl,attr,omitempty"`
	Category string `xml:"category,attr,omitempty"`
}

// WriteOPML writes an OPML 2.0 document; tags become category attributes.
// Every text is sanitised and every attribute escaped, so an exported
// list carries no terminal controls and no markup from the feeds.
func WriteOPML(w io.Writer, title string, outlines []Outline) error {
	doc := opmlDoc{Version: "2.0", Title: line(title)}
	for _, o := range outlines {
		t := line(o.Title)
		if t == "" {
			t = line(o.URL)
		}
		doc.Body = append(doc.Body, opmlOutlineEl{
			Type:     "rss",
			Text:     t,
			Title:    t,
			XMLURL:   line(o.URL),
			HTMLURL:  line(o.Site),
			Category: opmlCategory(o.Tags),
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	return nil
}

// opmlCategory writes tags as OPML 2.0 category paths, "/news,/tech". A
// comma inside a tag would split it on import, so it becomes a space.
func opmlCategory(tags []string) string {
	var parts []string
	for _, t := range tags {
		t = strings.Trim(line(strings.ReplaceAll(t, ",", " ")), "/")
		if t != "" {
			parts = append(parts, "/"+t)
		}
	}
	return strings.Join(parts, ",")
}
