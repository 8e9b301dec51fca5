package feeds

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ToUTF8 decodes a fetched document to UTF-8. Its encoding is the first of
// these that names one newsterm knows (WHATWG labels, so "iso-8859-1"
// means windows-1252, as in browsers):
//
//  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which is removed;
//  2. the charset parameter of the HTTP Content-Type (contentType);
//  3. the document's own word: the XML declaration's encoding (or the
//     UTF-16 byte pattern of "<?xml" without a mark); for an HTML page
//     without one, <meta charset> or <meta http-equiv="Content-Type">
//     in the first 1024 bytes;
//  4. UTF-8.
//
// The body is transcoded once; bytes that are invalid in the encoding
// become U+FFFD, so the result is always valid UTF-8. An XML declaration's
// encoding attribute is rewritten to UTF-8 so that a parser does not
// decode the text a second time.
func ToUTF8(body []byte, contentType string) ([]byte, error) {
	enc, name, rest := detectEncoding(body, contentType)
	out := rest
	if name != "utf-8" || !utf8.Valid(rest) {
		var err error
		out, _, err = transform.Bytes(enc.NewDecoder(), rest)
		if err != nil {
			return nil, fmt.Errorf("decoding %s: %w", name, err)
		}
	}
	if !utf8.Valid(out) { // decoders emit U+FFFD already; this keeps the promise regardless
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return rewriteXMLEncoding(out), nil
}

// detectEncoding applies ToUTF8's precedence; rest is body without a BOM.
func detectEncoding(body []byte, contentType string) (enc encoding.Encoding, name string, rest []byte) {
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		return unicode.UTF8, "utf-8", body[3:]
	case bytes.HasPrefix(body, []byte("\xFF\xFE")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", body[2:]
	case bytes.HasPrefix(body, []byte("\xFE\xFF")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", body[2:]
	}
	mediaType, label := parseContentType(contentType)
	if enc, name := lookupEncoding(label); enc != nil {
		return enc, name, body
	}
	label, declared := xmlDeclEncoding(body)
	if !declared && isHTMLPage(mediaType, body) {
		label = metaCharset(body)
	}
	if enc, name := lookupEncoding(label); enc != nil {
		return enc, name, body
	}
	return unicode.UTF8, "utf-8", body
}

// lookupEncoding finds a WHATWG encoding by label; nil when the label is
// unknown or names the "replacement" encoding (which decodes nothing).
func lookupEncoding(label string) (encoding.Encoding, string) {
	if strings.TrimSpace(label) == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	switch {
	case enc == nil || name == "replacement":
		return nil, ""
	case name == "utf-8":
		return unicode.UTF8, name
	}
	return enc, name
}

// parseContentType returns the media type and charset label of an HTTP
// Content-Type, reading a malformed header as leniently as browsers do.
func parseContentType(ct string) (mediaType, label string) {
	if mt, params, err := mime.ParseMediaType(ct); err == nil {
		return mt, params["charset"]
	}
	mediaType, params, _ := strings.Cut(ct, ";")
	mediaType = strings.ToLower(strings.TrimSpace(mediaType))
	// Find "charset=" in params itself: lower-casing first can change the
	// length of a hostile header and so the offsets.
	if i := indexFold(params, "charset="); i >= 0 {
		v := params[i+len("charset="):]
		if j := strings.IndexAny(v, "; \t"); j >= 0 {
			v = v[:j]
		}
		label = strings.Trim(v, `"'`)
	}
	return mediaType, label
}

// indexFold is strings.Index ignoring ASCII case, with offsets into s.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

var (
	xmlDeclRE  = regexp.MustCompile(`^[ \t\r\n]*<\?xml[ \t\r\n][^>]*?\?>`)
	xmlEncAttr = regexp.MustCompile(`[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')`)
)

// xmlDeclEncoding returns the encoding an XML declaration names, and
// whether the document has a declaration at all (one without an encoding
// means UTF-8). A declaration written in UTF-16 without a mark is
// recognised by its byte pattern (XML 1.0 appendix F).
func xmlDeclEncoding(body []byte) (label string, declared bool) {
	switch {
	case bytes.HasPrefix(body, []byte("<\x00?\x00x\x00")):
		return "utf-16le", true
	case bytes.HasPrefix(body, []byte("\x00<\x00?\x00x")):
		return "utf-16be", true
	}
	start, end, ok := encodingValue(body)
	if !ok {
		return "", xmlDeclRE.Match(declHead(body))
	}
	return string(body[start:end]), true
}

// encodingValue locates the value of the XML declaration's encoding
// attribute.
func encodingValue(body []byte) (start, end int, ok bool) {
	decl := xmlDeclRE.Find(declHead(body))
	if decl == nil {
		return 0, 0, false
	}
	m := xmlEncAttr.FindSubmatchIndex(decl)
	switch {
	case m == nil:
		return 0, 0, false
	case m[2] >= 0:
		return m[2], m[3], true
	default:
		return m[4], m[5], true
	}
}

// declHead bounds the search for a declaration.
func declHead(body []byte) []byte { return body[:min(len(body), 1024)] }

// rewriteXMLEncoding makes a decoded document's XML declaration say UTF-8,
// copying only when it said something else.
func rewriteXMLEncoding(doc []byte) []byte {
	start, end, ok := encodingValue(doc)
	if !ok || strings.EqualFold(string(doc[start:end]), "utf-8") {
		return doc
	}
	out := make([]byte, 0, len(doc)-(end-start)+5)
	out = append(out, doc[:start]...)
	out = append(out, "UTF-8"...)
	return append(out, doc[end:]...)
}

// isHTMLPage reports whether a document is a web page: by its media type, or
// when the type says nothing specific, by sniffing.
func isHTMLPage(mediaType string, body []byte) bool {
	switch mediaType {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "text/plain", "application/octet-stream":
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return false
}

// metaCharset returns the label a page's <meta> names in its first 1024
// bytes, using x/net/html/charset's WHATWG prescan. DetermineEncoding
// falls back to a guess when no <meta> answers; the prescan sees an ASCII
// copy ending in one UTF-8 letter, so that guess is always "utf-8", the
// same outcome as a <meta> naming UTF-8, and any other name is the page's.
func metaCharset(body []byte) string {
	const window = 1024
	probe := make([]byte, 0, window)
	for _, b := range body[:min(len(body), window-2)] {
		if b >= utf8.RuneSelf {
			b = '?'
		}
		probe = append(probe, b)
	}
	probe = append(probe, "é"...)
	if _, name, _ := charset.DetermineEncoding(probe, "text/html"); name != "utf-8" {
		return name
	}
	return ""
}
