package cli_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsterm/newsterm/cli"
)

// world is one user's newsterm: a temporary config and database, and a
// local web server publishing the files in testdata/.
type world struct {
	t      *testing.T
	dir    string
	config string
	db     string
	srv    *httptest.Server
}

func newWorld(t *testing.T) *world {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg-config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg-data"))
	t.Setenv("NO_COLOR", "")
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir("testdata")))
	mux.HandleFunc("/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "the feed server is down", http.StatusInternalServerError)
	})
	mux.HandleFunc("/hostile-status.rss", hostileStatus)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &world{t: t, dir: dir, config: filepath.Join(dir, "c.toml"), db: filepath.Join(dir, "d.db"), srv: srv}
}

// hostileStatus answers with a status line carrying terminal escapes.
func hostileStatus(w http.ResponseWriter, r *http.Request) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	buf.WriteString("HTTP/1.1 503 \x1b]0;pwned\x07Service \x1b[2JUnavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	buf.Flush()
}

// with returns w reporting to t (a subtest).
func (w *world) with(t *testing.T) *world {
	c := *w
	c.t = t
	return &c
}

func (w *world) url(name string) string { return w.srv.URL + "/" + name }

// result is what one run of newsterm printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// run runs newsterm with the world's config and database.
func (w *world) run(args ...string) result {
	w.t.Helper()
	return w.runRaw(append([]string{"--config", w.config, "--db", w.db}, args...)...)
}

func (w *world) runRaw(args ...string) result {
	w.t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Main(args, strings.NewReader(""), &out, &errOut)
	return result{stdout: out.String(), stderr: errOut.String(), code: code}
}

// mustRun runs newsterm and fails the test unless it exits 0.
func (w *world) mustRun(args ...string) result {
	w.t.Helper()
	r := w.run(args...)
	if r.code != 0 {
		w.t.Fatalf("newsterm %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// item is the part of items --json the tests look at.
type item struct {
	ID        int64 `json:"id"`
	Feed      struct{ URL, Title string }
	Title     string  `json:"title"`
	Link      string  `json:"link"`
	Author    string  `json:"author"`
	Published *string `json:"published"`
	Summary   string  `json:"summary"`
	Image     *struct {
		URL, Caption, Credit string
	} `json:"image"`
	Comments struct {
		Count *int    `json:"count"`
		URL   *string `json:"url"`
	} `json:"comments"`
	Read    bool `json:"read"`
	Starred bool `json:"starred"`
}

type feed struct {
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Site        string   `json:"site"`
	Tags        []string `json:"tags"`
	Unread      int      `json:"unread"`
	Total       int      `json:"total"`
	LastFetched *string  `json:"last_fetched"`
	Error       *string  `json:"error"`
}

func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("output is not the expected JSON: %v\n%s", err, s)
	}
	return v
}

func (w *world) items(args ...string) []item {
	w.t.Helper()
	return decode[[]item](w.t, w.mustRun(append([]string{"items", "--json"}, args...)...).stdout)
}

func (w *world) feeds() []feed {
	w.t.Helper()
	return decode[[]feed](w.t, w.mustRun("feeds", "--json").stdout)
}

// oneLine fails unless s is exactly one non-empty line.
func oneLine(t *testing.T, what, s string) {
	t.Helper()
	if strings.Count(s, "\n") != 1 || !strings.HasSuffix(s, "\n") || strings.TrimSpace(s) == "" {
		t.Errorf("%s should be one line, got %q", what, s)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// closedURL is an address nothing listens on.
func closedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return "http://" + addr + "/feed.rss"
}

func lines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// runWithStdin runs newsterm in w with stdin reading input.
func runWithStdin(w *world, input string, out, errOut *strings.Builder, args ...string) int {
	w.t.Helper()
	args = append([]string{"--config", w.config, "--db", w.db}, args...)
	return cli.Main(args, strings.NewReader(input), out, errOut)
}
