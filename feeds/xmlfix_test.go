package feeds

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestRepairXML(t *testing.T) {
	esc := placeholder(0x1b)
	tests := []struct{ in, want string }{
		{"<a>plain</a>", "<a>plain</a>"},
		{"<a>&#27;[1m</a>", "<a>" + esc + "[1m</a>"},
		{"<a>&#x1B;&#X1b;</a>", "<a>" + esc + esc + "</a>"},
		{"<a>&#9;&#10;&#13;&#233;&#x1F600;</a>", "<a>&#9;&#10;&#13;&#233;&#x1F600;</a>"},
		{"<a>&#0;&#xFFFE;&#xD800;&#x110000;&#12345678901;</a>", "<a>" + placeholder(0) + "\uFFFD\uFFFD\uFFFD\uFFFD</a>"},
		{"<a>&#;&#x;&#12 &amp;#27;</a>", "<a>&#;&#x;&#12 &amp;#27;</a>"},
		{"<a>\x1b\x07\x00</a>", "<a>" + esc + placeholder(7) + placeholder(0) + "</a>"},
		{"<a>\t\r\n</a>", "<a>\t\r\n</a>"},
		{"<a>\xff\xfe \uFFFF é</a>", "<a>\uFFFD\uFFFD \uFFFD é</a>"},
		{"<a>&#27", "<a>&#27"},
	}
	for _, tt := range tests {
		got := string(repairXML([]byte(tt.in)))
		if got != tt.want {
			t.Errorf("repairXML(%q) = %q, want %q", tt.in, got, tt.want)
		}
		d := xml.NewDecoder(strings.NewReader(got))
		d.Strict = false
		for {
			if _, err := d.Token(); err != nil {
				if !strings.Contains(err.Error(), "EOF") {
					t.Errorf("repaired %q still fails: %v", got, err)
				}
				break
			}
		}
	}
}

func TestRestoreControls(t *testing.T) {
	in := "a" + placeholder(0x1b) + "]0;x" + placeholder(7) + "b\uF8FF"
	if got := restoreControls(in); got != "a\x1b]0;x\x07b\uF8FF" {
		t.Errorf("restoreControls = %q", got)
	}
}

func TestNeutraliseDeclaration(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?xml version="1.0" encoding="ISO-8859-1"?><rss/>`, `<?xml version="1.0" encoding="UTF-8"?><rss/>`},
		{"\xef\xbb\xbf<?xml version='1.0' encoding = 'windows-1252' standalone='yes'?><rss/>", `<?xml version='1.0' encoding="UTF-8" standalone='yes'?><rss/>`},
		{`<?xml version="1.0" encoding="utf-8"?><rss/>`, `<?xml version="1.0" encoding="utf-8"?><rss/>`},
		{`<?xml version="1.0"?><rss encoding="latin1"/>`, `<?xml version="1.0"?><rss encoding="latin1"/>`},
		{`<?xml version="1.0" encoding="broken`, `<?xml version="1.0" encoding="broken`},
		{`<rss/>`, `<rss/>`},
	}
	for _, tt := range tests {
		if got := string(neutraliseDeclaration([]byte(tt.in))); got != tt.want {
			t.Errorf("neutraliseDeclaration(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRepairJSON(t *testing.T) {
	if got := string(repairJSON([]byte("{\"a\":\"x\x1by\x00\"}\n"))); got != "{\"a\":\"x\\u001by\\u0000\"}\n" {
		t.Errorf("repairJSON = %q", got)
	}
}
