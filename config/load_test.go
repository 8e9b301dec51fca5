package config

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeConfig writes src to a config file in a temporary directory.
func writeConfig(t *testing.T, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// loadErrorCases are broken config files, the line each error must name
// and words it must contain.
var loadErrorCases = []struct {
	name  string
	src   string
	line  int
	words []string
}{
	{"syntax: unclosed header", "[fetch\njobs = 8\n", 1, []string{"TOML syntax"}},
	{"syntax: missing value", "[fetch]\n\njobs = \n", 3, []string{"expected value"}},
	{"syntax: bare word value", "[reader]\ntheme = dark\n", 2, []string{"strings need quotes"}},
	{"syntax: duplicate key", "[fetch]\njobs = 1\njobs = 2\n", 3, []string{"jobs"}},
	{"syntax: control byte in string", "[reader]\ntheme = \"a\x01\"\n", 2, []string{"TOML"}},
	{"syntax: bare CR", "[fetch]\rjobs = 8\n", 1, []string{"TOML"}},
	{"unknown top-level key", "# c\ndbpath = \"x\"\n", 2, []string{"unknown key dbpath", "did you mean db?"}},
	{"unknown fetch key", "[fetch]\njobs = 2\njob = 8\n", 3, []string{"unknown key fetch.job", "did you mean jobs?"}},
	{"unknown reader key", "[reader]\n\ntheem = \"dark\"\n", 3, []string{"unknown key reader.theem", "did you mean theme?"}},
	{"unknown table", "\n[fetchh]\njobs = 1\n", 2, []string{"unknown key fetchh", "did you mean fetch?"}},
	{"unknown key, no near match", "[fetch]\nzzzzzz = 1\n", 2, []string{"unknown key fetch.zzzzzz", "remove it", "jobs, per_host"}},
	{"unknown dotted key", "fetch.jbos = 1\n", 1, []string{"unknown key fetch.jbos", "jobs"}},
	{"unknown key in inline table", "fetch = { jobs = 2, nope = 1 }\n", 1, []string{"unknown key fetch.nope"}},
	{"jobs is a string", "[fetch]\njobs = \"8\"\n", 2, []string{"fetch.jobs must be an integer, not a string", "jobs = 8"}},
	{"jobs is a float", "[fetch]\njobs = 8.5\n", 2, []string{"must be an integer, not a float"}},
	{"bool is a string", "[reader]\nmark_read_on_open = \"yes\"\n", 2, []string{"must be true or false"}},
	{"fetch is not a table", "fetch = 3\n", 1, []string{"fetch must be a table, not an integer"}},
	{"fetch is an array of tables", "[[fetch]]\njobs = 1\n", 1, []string{"fetch must be a table, not an array"}},
	{"keys is not a table", "keys = \"q\"\n", 1, []string{"keys must be a table"}},
	{"duration without unit", "[fetch]\ntimeout = \"30\"\n", 2, []string{`fetch.timeout = "30" is not a duration`, `"30s"`}},
	{"duration nonsense", "[fetch]\nconnect_timeout = \"fast\"\n", 2, []string{"not a duration"}},
	{"duration negative", "[fetch]\nheader_timeout = \"-1s\"\n", 2, []string{"out of range"}},
	{"duration zero", "[fetch]\ntimeout = \"0s\"\n", 2, []string{"out of range"}},
	{"duration absurd", "[fetch]\ntimeout = \"48h\"\n", 2, []string{"out of range", "1h"}},
	{"duration as integer", "[fetch]\ntimeout = 30\n", 2, []string{"must be a duration string, not an integer", `timeout = "30s"`}},
	{"size unit unknown", "[fetch]\nmax_body = \"32XB\"\n", 2, []string{`fetch.max_body = "32XB" is not a size`, "MiB"}},
	{"size words", "[fetch]\nmax_body = \"lots\"\n", 2, []string{"is not a size"}},
	{"size zero", "[fetch]\nmax_body = 0\n", 2, []string{"out of range", "1KiB"}},
	{"size too small", "[fetch]\nmax_body = \"10B\"\n", 2, []string{"out of range"}},
	{"size absurd", "[fetch]\nmax_body = \"2GiB\"\n", 2, []string{"out of range", "1GiB"}},
	{"size as float", "[fetch]\nmax_body = 1.5\n", 2, []string{"must be a size, not a float"}},
	{"jobs zero", "[fetch]\njobs = 0\n", 2, []string{"fetch.jobs = 0 is out of range", "1 to 100"}},
	{"jobs absurd", "[fetch]\njobs = 100000\n", 2, []string{"out of range"}},
	{"jobs dotted at top", "\nfetch.jobs = -1\n", 2, []string{"fetch.jobs = -1 is out of range"}},
	{"per_host zero", "[fetch]\nper_host = 0\n", 2, []string{"fetch.per_host = 0"}},
	{"keep_days negative", "[store]\nkeep_days = -1\n", 2, []string{"store.keep_days = -1 is out of range", "0 to 36500"}},
	{"keep_days as a string", "[store]\nkeep_days = \"30\"\n", 2, []string{"keep_days = 0 (no quotes)"}},
	{"unknown store key", "[store]\nkeep = 3\n", 2, []string{"unknown key store.keep", "did you mean keep_days?"}},
	{"max_redirects negative", "[fetch]\nmax_redirects = -1\n", 2, []string{"out of range", "0 to 30"}},
	{"max_items zero", "[fetch]\nmax_items = 0\n", 2, []string{"out of range"}},
	{"theme not in set", "[reader]\ntheme = \"blue\"\n", 2, []string{`reader.theme = "blue" is not a theme`, `"auto", "dark" or "light"`}},
	{"theme wrong type", "[reader]\ntheme = 1\n", 2, []string{"must be a string"}},
	{"db wrong type", "db = 1\n", 1, []string{"db must be a string"}},
	{"db empty", "db = \" \"\n", 1, []string{"db is empty"}},
	{"feed without url", "[[feed]]\nurl = \"https://a.example/\"\n\n[[feed]]\ntitle = \"x\"\n", 4, []string{"[[feed]] has no url", "add url ="}},
	{"feed url wrong type", "[[feed]]\nurl = 3\n", 2, []string{"feed.url must be a string"}},
	{"feed url empty", "[[feed]]\nurl = \"\"\n", 2, []string{"feed url is empty"}},
	{"feed url ftp", "[[feed]]\nurl = \"ftp://example.com/feed\"\n", 2, []string{`uses "ftp"`, "http, https or file"}},
	{"feed url javascript", "[[feed]]\nurl = \"javascript:alert(1)\"\n", 2, []string{`uses "javascript"`}},
	{"feed url relative", "[[feed]]\nurl = \"example.com/feed\"\n", 2, []string{"has no scheme", "https://example.com/feed.xml"}},
	{"feed url no host", "[[feed]]\nurl = \"https:///feed\"\n", 2, []string{"has no host"}},
	{"feed url control", "[[feed]]\nurl = \"https://a.example/\\u001b[31m\"\n", 2, []string{"control characters"}},
	{"feed duplicate", "[[feed]]\nurl = \"https://a.example/feed\"\n\n[[feed]]\n# same one\nurl = \"https://a.example/feed/\"\n", 6, []string{"listed twice, at lines 2 and 6", "remove one"}},
	{"feed duplicate inline", "feed = [\n  {url = \"https://a.example\"},\n  {url = \"https://a.example\"},\n]\n", 3, []string{"listed twice, at lines 2 and 3"}},
	{"feed single table", "[feed]\nurl = \"https://a.example\"\n", 1, []string{"[feed] is a single table", "[[feed]]"}},
	{"feed unknown key", "[[feed]]\nurl = \"https://a.example\"\ntitel = \"A\"\n", 3, []string{"unknown key feed.titel", "did you mean title?"}},
	{"feed title wrong type", "[[feed]]\nurl = \"https://a.example\"\ntitle = [\"A\"]\n", 3, []string{"feed.title must be a string, not an array"}},
	{"feed tags a string", "[[feed]]\nurl = \"https://a.example\"\ntags = \"news\"\n", 3, []string{"feed.tags must be an array of strings", `tags = ["news", "tech"]`}},
	{"feed tags hold numbers", "[[feed]]\nurl = \"https://a.example\"\ntags = [\n\"a\",\n 2]\n", 5, []string{"feed.tags must hold strings, not an integer"}},
	{"feed tag empty", "[[feed]]\nurl = \"https://a.example\"\ntags = [\"\"]\n", 3, []string{"empty tag"}},
	{"feed sub-table", "[[feed]]\nurl = \"https://a.example\"\n\n[feed.extra]\nx = 1\n", 4, []string{"unknown key feed.extra", "[[feed]] takes url, title, tags"}},
	{"huge value is cut in the message", "[reader]\ntheme = \"" + strings.Repeat("x", 5000) + "\"\n", 2, []string{"xxx…\" is not a theme"}},
	{"huge key is cut in the message", "[fetch]\n" + strings.Repeat("k", 5000) + " = 1\n", 2, []string{"unknown key fetch.\"kkk", "k…\""}},
	{"feed entry not a table", "feed = [\"https://a.example\"]\n", 1, []string{"feed entries must be tables"}},
	{"keys unknown action", "[keys]\nquitt = \"q\"\n", 2, []string{"unknown action quitt", "did you mean quit? Valid actions are up, down,", "help, quit"}},
	{"keys unknown action lists valid", "[keys]\nlaunch_rockets = \"x\"\n", 2, []string{"unknown action launch_rockets", "valid actions are up, down, open", "help, quit"}},
	{"keys bad key", "[keys]\nquit = [\"q\", \"hyper+q\"]\n", 2, []string{`keys.quit: "hyper+q" is not a key`, `"ctrl+c"`, `"pgdown"`}},
	{"keys empty string", "[keys]\nhelp = \"\"\n", 2, []string{"is not a key"}},
	{"keys wrong type", "[keys]\nhelp = 1\n", 2, []string{"keys.help must be a string or an array of strings"}},
	{"keys array of numbers", "[keys]\nhelp = [1]\n", 2, []string{"keys.help must hold strings"}},
	{"keys empty array", "[keys]\nhelp = []\n", 2, []string{"keys.help is empty"}},
	{"keys bound twice", "[keys]\nquit = \"q\"\nsearch = [\"/\", \"q\"]\n", 3, []string{`key "q" is bound to both quit and search`}},
	{"keys bound twice by alias", "[keys]\npage_down = \"space\"\ntoggle_read = \" \"\n", 3, []string{"bound to both page_down and toggle_read"}},
	{"invalid UTF-8", "# ok\n[reader]\ntheme = \"da\xffrk\"\n", 3, []string{"invalid UTF-8", "0xff", "save the file as UTF-8"}},
	{"invalid UTF-8 in comment", "# caf\xe9\n", 1, []string{"invalid UTF-8"}},
	{"huge line", "# ok\n# " + strings.Repeat("x", 70000) + "\n", 2, []string{"longer than 65536 bytes"}},
	{"first error wins", "[reader]\ntheme = \"blue\"\n[fetch]\njobs = 0\n", 2, []string{"theme"}},
	{"CRLF file error line", "# c\r\n[fetch]\r\njobs = 0\r\n", 3, []string{"fetch.jobs = 0"}},
}

func TestLoadErrors(t *testing.T) {
	for _, tt := range loadErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			p := writeConfig(t, tt.src)
			c, err := Load(p)
			if err == nil {
				t.Fatalf("Load succeeded: %+v", c)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			if ce.Line != tt.line {
				t.Errorf("line = %d, want %d: %v", ce.Line, tt.line, err)
			}
			msg := err.Error()
			assertOneLine(t, msg)
			if len(msg) > 600 {
				t.Errorf("error is %d bytes long", len(msg))
			}
			wantPrefix := p + ":" + strconv.Itoa(tt.line) + ": "
			if !strings.HasPrefix(msg, wantPrefix) {
				t.Errorf("error %q does not start with %q", msg, wantPrefix)
			}
			if !strings.Contains(msg, " — ") {
				t.Errorf("error %q has no fix after ' — '", msg)
			}
			for _, w := range tt.words {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
		})
	}
}

func assertOneLine(t *testing.T, msg string) {
	t.Helper()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error is not one line: %q", msg)
	}
}

func TestLoadTooLarge(t *testing.T) {
	p := writeConfig(t, strings.Repeat("# a comment line\n", (maxFileSize/17)+10))
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), "larger than 4 MiB") {
		t.Fatalf("err = %v, want a size error", err)
	}
}

func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(dir) // a directory, not a file
	var ce *Error
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "cannot read") {
		t.Fatalf("err = %v, want a cannot-read *Error", err)
	}
}
