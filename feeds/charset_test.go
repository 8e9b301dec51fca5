package feeds

import (
	"os"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Bytes encodes s as UTF-16, little- or big-endian, with an optional
// byte order mark.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestToUTF8(t *testing.T) {
	const decl16 = `<?xml version="1.0" encoding="UTF-16"?><t>日本 é</t>`
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
	}{
		{"ISO-8859-1 from the XML declaration only",
			[]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><t>caf` + "\xe9</t>"), "application/rss+xml",
			`<?xml version="1.0" encoding="UTF-8"?><t>café</t>`},
		{"windows-1252 from the HTTP header only",
			[]byte("<?xml version=\"1.0\"?><t>\x93hi\x94 \x80</t>"), "text/xml; charset=windows-1252",
			`<?xml version="1.0"?><t>“hi” €</t>`},
		{"the header wins over a conflicting declaration",
			[]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><t>` + "\xe9</t>"), "text/xml; charset=ISO-8859-5",
			`<?xml version="1.0" encoding="UTF-8"?><t>щ</t>`},
		{"a UTF-8 BOM wins over the header",
			[]byte("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"windows-1252\"?><t>café</t>"), "text/xml; charset=windows-1252",
			`<?xml version="1.0" encoding="UTF-8"?><t>café</t>`},
		{"a UTF-16LE BOM", utf16Bytes(decl16, false, true), "text/xml; charset=windows-1252",
			`<?xml version="1.0" encoding="UTF-8"?><t>日本 é</t>`},
		{"a UTF-16BE BOM", utf16Bytes(decl16, true, true), "",
			`<?xml version="1.0" encoding="UTF-8"?><t>日本 é</t>`},
		{"UTF-16 without a BOM, known by the declaration's bytes", utf16Bytes(decl16, false, false), "",
			`<?xml version="1.0" encoding="UTF-8"?><t>日本 é</t>`},
		{"a quoted charset parameter", []byte("<t>\x80</t>"), `text/xml; charset="windows-1252"`, "<t>€</t>"},
		{"a malformed Content-Type still gives its charset", []byte("<t>\x80</t>"), "text/xml; charset=windows-1252; junk",
			"<t>€</t>"},
		{"an unknown header label falls to the declaration",
			[]byte(`<?xml version='1.0' encoding='iso-8859-1'?><t>` + "\xe9</t>"), "text/xml; charset=x-bogus",
			`<?xml version='1.0' encoding='UTF-8'?><t>é</t>`},
		{"the replacement encoding is not used", []byte("<t>é</t>"), "text/xml; charset=iso-2022-kr", "<t>é</t>"},
		{"invalid UTF-8 becomes U+FFFD", []byte("<t>a\xffb\xe2\x82</t>"), "", "<t>a\uFFFDb\uFFFD</t>"},
		{"a declaration without encoding means UTF-8",
			[]byte("<?xml version=\"1.0\"?><html><meta charset=\"windows-1252\"><p>\xc3\xa9</p></html>"), "text/html",
			"<?xml version=\"1.0\"?><html><meta charset=\"windows-1252\"><p>é</p></html>"},
		{"HTML <meta charset>", []byte("<!DOCTYPE html><html><head><meta charset=\"windows-1252\"></head><p>\x80</p></html>"),
			"text/html", "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"></head><p>€</p></html>"},
		{"HTML <meta> found by sniffing when the type says nothing",
			[]byte("<html><head><meta charset=\"windows-1252\"></head><p>\x80</p></html>"), "",
			"<html><head><meta charset=\"windows-1252\"></head><p>€</p></html>"},
		{"HTML <meta> naming UTF-16 means UTF-8", []byte("<!DOCTYPE html><meta charset=\"utf-16\"><p>é</p>"), "text/html",
			"<!DOCTYPE html><meta charset=\"utf-16\"><p>é</p>"},
		{"the header wins over <meta>", []byte("<!DOCTYPE html><meta charset=\"windows-1252\"><p>\xe9</p>"),
			"text/html; charset=ISO-8859-5", "<!DOCTYPE html><meta charset=\"windows-1252\"><p>щ</p>"},
		{"a <meta> inside a feed is not read",
			[]byte("<rss><item><description><![CDATA[<meta charset=\"windows-1252\">]]> é</description></item></rss>"), "",
			"<rss><item><description><![CDATA[<meta charset=\"windows-1252\">]]> é</description></item></rss>"},
		{"JSON Feed stays UTF-8", []byte(`{"title":"café"}`), "application/feed+json", `{"title":"café"}`},
		{"empty", []byte{}, "text/xml; charset=windows-1252", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToUTF8(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("ToUTF8 = %q\nwant      %q", got, tt.want)
			}
		})
	}
}

func TestToUTF8KeepsValidUTF8InPlace(t *testing.T) {
	body := []byte(`<?xml version="1.0" encoding="utf-8"?><t>café</t>`)
	got, err := ToUTF8(body, "application/rss+xml")
	if err != nil {
		t.Fatal(err)
	}
	if &got[0] != &body[0] {
		t.Error("valid UTF-8 was copied")
	}
}

func TestToUTF8Fixtures(t *testing.T) {
	tests := []struct{ file, contentType, want string }{
		{"latin1.rss", "application/rss+xml", "<title>La crème brûlée</title>"},
		{"cp1252.rss", "application/rss+xml; charset=windows-1252", "<title>“Quoted” – costs 5€</title>"},
		{"page-1252.html", "text/html", "<p>Naïve café — €5</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile("testdata/client/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ToUTF8(body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("decoded %s lacks %q:\n%s", tt.file, tt.want, got)
			}
			if strings.Contains(string(got), "ISO-8859-1") {
				t.Error("XML declaration still names ISO-8859-1")
			}
		})
	}
}

// FuzzCharset: any bytes under any Content-Type decode without panic to
// valid UTF-8, and an XML declaration left in the output says UTF-8.
func FuzzCharset(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><t>caf`+"\xe9</t>"), "application/rss+xml")
	f.Add([]byte("<t>\x93hi\x94</t>"), "text/xml; charset=windows-1252")
	f.Add(utf16Bytes(`<?xml version="1.0" encoding="UTF-16"?><t>é</t>`, false, true), "")
	f.Add([]byte("<!DOCTYPE html><meta charset=\"shift_jis\"><p>\x82\xa0</p>"), "text/html")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		out, err := ToUTF8(body, contentType)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("ToUTF8(%q, %q) = %q: not valid UTF-8", body, contentType, out)
		}
		if start, end, ok := encodingValue(out); ok && !strings.EqualFold(string(out[start:end]), "utf-8") {
			t.Fatalf("output declares encoding %q", out[start:end])
		}
	})
}

// BenchmarkToUTF8 decodes a 1 MiB windows-1252 feed and passes a 1 MiB
// UTF-8 one through.
func BenchmarkToUTF8(b *testing.B) {
	item := "<item><title>\x93Caf\xe9\x94 \x80 na\xefve</title></item>\n"
	cp1252 := []byte(`<?xml version="1.0" encoding="windows-1252"?><rss>` + strings.Repeat(item, (1<<20)/len(item)) + "</rss>")
	utf, err := ToUTF8(cp1252, "")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		body []byte
	}{{"windows-1252", cp1252}, {"utf-8", utf}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.body)))
			for b.Loop() {
				if _, err := ToUTF8(bc.body, "application/rss+xml"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestParseContentTypeHostile: a header whose lower-cased form is shorter
// than itself (invalid UTF-8, "İ") must not panic.
func TestParseContentTypeHostile(t *testing.T) {
	for _, ct := range []string{"text/xml;\xff\xff\xffcharset=", "a;İİİİcharset=x", "x;;charset=\"utf-8", ";CHARSET=latin1 q"} {
		parseContentType(ct)
	}
	if _, l := parseContentType("text/html ; x=\"; CHARSET=Latin1 q"); l != "Latin1" {
		t.Errorf("label = %q, want Latin1", l)
	}
}
