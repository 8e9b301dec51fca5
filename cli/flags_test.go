package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsterm/newsterm/config"
	"github.com/newsterm/newsterm/refresh"
)

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		flags      []string
		positional []string
		err        string
	}{
		{name: "flags after", args: []string{"42", "--width", "80"}, flags: []string{"--width=80"}, positional: []string{"42"}},
		{name: "flags before", args: []string{"--json", "--limit", "5"}, flags: []string{"--json", "--limit=5"}},
		{name: "equals", args: []string{"--limit=5", "x"}, flags: []string{"--limit=5"}, positional: []string{"x"}},
		{name: "value starting with a dash", args: []string{"--tag", "-news"}, flags: []string{"--tag=-news"}},
		{name: "double dash ends flags", args: []string{"--json", "--", "--limit", "-x"}, flags: []string{"--json"}, positional: []string{"--limit", "-x"}},
		{name: "lone dash is positional", args: []string{"-"}, positional: []string{"-"}},
		{name: "repeated", args: []string{"--tag", "a", "u", "--tag=b"}, flags: []string{"--tag=a", "--tag=b"}, positional: []string{"u"}},
		{name: "unknown", args: []string{"--nope"}, err: "unknown flag --nope"},
		{name: "three dashes", args: []string{"---json"}, err: "unknown flag ---json"},
		{name: "missing value", args: []string{"x", "--limit"}, err: "flag --limit needs a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.Bool("json", false, "")
			fs.Int("limit", 0, "")
			fs.Int("width", 0, "")
			var tags stringList
			fs.Var(&tags, "tag", "")
			flags, positional, err := splitArgs(fs, tt.args)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(flags, tt.flags) || !slices.Equal(positional, tt.positional) {
				t.Errorf("got flags %q positional %q, want %q %q", flags, positional, tt.flags, tt.positional)
			}
			if err := fs.Parse(flags); err != nil {
				t.Errorf("flag package refused %q: %v", flags, err)
			}
		})
	}
}

func TestCommandIndex(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{}, -1},
		{[]string{"--demo"}, -1},
		{[]string{"items"}, 0},
		{[]string{"--config", "c.toml", "--db", "d.db", "items"}, 4},
		{[]string{"--config=c.toml", "read", "42"}, 1},
		{[]string{"--", "items"}, 1},
	}
	for _, tt := range tests {
		if got := commandIndex(tt.args); got != tt.want {
			t.Errorf("commandIndex(%q) = %d, want %d", tt.args, got, tt.want)
		}
	}
}

func TestPlainSummary(t *testing.T) {
	long := strings.Repeat("é", 600)
	tests := []struct {
		name, html, want string
	}{
		{"tags and entities", "<p>Fish &amp; chips <b>today</b>&nbsp;only</p>", "Fish & chips today only"},
		{"double-escaped stays once decoded", "A &amp;amp; B", "A &amp; B"},
		{"blocks separate words", "<p>one</p><p>two</p>two<br>three", "one two two three"},
		{"script and style dropped", "<style>p{}</style><script>alert(1)</script>text", "text"},
		{"whitespace collapsed", "  a \n\t b  ", "a b"},
		{"escapes removed", "a\x1b]0;pwned\x07b &#27;[2Jc", "ab c"},
		{"cut at 500 runes", long, strings.Repeat("é", 500)},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := plainSummary(tt.html)
			if got != tt.want {
				t.Errorf("plainSummary(%q) = %q, want %q", tt.html, got, tt.want)
			}
			if !utf8.ValidString(got) || utf8.RuneCountInString(got) > summaryMax {
				t.Errorf("summary invalid or too long: %d runes", utf8.RuneCountInString(got))
			}
		})
	}
}

func TestSubscriptionURL(t *testing.T) {
	tests := []struct {
		arg, want string
		err       bool
	}{
		{arg: "https://example.com/feed.xml", want: "https://example.com/feed.xml"},
		{arg: "file:///tmp/feed.xml", want: "file:///tmp/feed.xml"},
		{arg: "/tmp/feed.xml", want: "/tmp/feed.xml"},
		{arg: "javascript:alert(1)", err: true},
		{arg: "https:///nohost", err: true},
		{arg: "", err: true},
	}
	for _, tt := range tests {
		got, err := subscriptionURL(tt.arg)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("subscriptionURL(%q) = %q, %v", tt.arg, got, err)
		}
	}
}

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		sum  refresh.Summary
		want string
	}{
		{refresh.Summary{Feeds: 1, NewItems: 1, Failed: []refresh.Failure{}}, "1 feed, 1 new item, 0 failed"},
		{refresh.Summary{Feeds: 3, NewItems: 12, Failed: []refresh.Failure{{URL: "u", Error: "e"}}},
			"3 feeds, 12 new items, 1 failed — newsterm feeds shows why"},
	}
	for _, tt := range tests {
		if got := summaryLine(tt.sum); got != tt.want {
			t.Errorf("summaryLine(%+v) = %q, want %q", tt.sum, got, tt.want)
		}
	}
}

func TestRefreshOptions(t *testing.T) {
	cfg := config.Default()
	cfg.Fetch.Jobs, cfg.Fetch.PerHost = 5, 1
	tests := []struct {
		jobs              int
		wantJobs, wantPer int
	}{
		{0, 5, 1}, // no --jobs: the config's
		{1, 1, 1},
		{12, 12, 12}, // --jobs N sets both
	}
	for _, tt := range tests {
		opt := refreshOptions(cfg, tt.jobs)
		if opt.Jobs != tt.wantJobs || opt.PerHost != tt.wantPer || opt.UserAgent != "newsterm/"+Version {
			t.Errorf("--jobs %d: Jobs %d PerHost %d UserAgent %q, want %d, %d and newsterm/%s",
				tt.jobs, opt.Jobs, opt.PerHost, opt.UserAgent, tt.wantJobs, tt.wantPer, Version)
		}
	}
}

func TestReportInterrupted(t *testing.T) {
	var stderr strings.Builder
	a := newApp(strings.NewReader(""), io.Discard, &stderr)
	a.cmd = refreshCommand
	err := fmt.Errorf("refresh: save https://a.example/feed: %w", context.Canceled)
	if code := a.report(err); code != exitFailure || stderr.String() != "newsterm refresh: interrupted\n" {
		t.Errorf("report(%v) = exit %d, stderr %q; want 1 and one line saying interrupted", err, code, stderr.String())
	}
}
