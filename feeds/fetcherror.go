package feeds

import (
	"fmt"
	"strings"
	"time"

	"github.com/newsterm/newsterm/sanitize"
)

// FetchError is a failure to get a document: the network, a timeout, the
// redirect policy, an HTTP status, the body cap, an empty body or a host's
// Retry-After. Errors that are not FetchErrors come from the document
// itself (not a feed, bad charset), which lets `add` tell "the site is
// down" from "this is not a feed".
type FetchError struct {
	URL        string    // as asked
	StatusCode int       // the HTTP status, 0 when none applies
	RetryAt    time.Time // when the host said to come back; zero when it did not
	Err        error     // the cause, nil for an HTTP status
	msg        string    // one line, terminal-safe
}

// Error is one line naming the URL, free of terminal escapes: status text
// and transport errors carry remote text.
func (e *FetchError) Error() string { return e.msg }

// Unwrap returns the cause.
func (e *FetchError) Unwrap() error { return e.Err }

// fetchErr builds a FetchError whose message is "fetch URL: reason".
func fetchErr(rawURL string, status int, cause error, format string, args ...any) *FetchError {
	what := rawURL
	if strings.TrimSpace(what) == "" {
		what = `""`
	}
	return &FetchError{
		URL:        rawURL,
		StatusCode: status,
		Err:        cause,
		msg:        errorLine(fmt.Sprintf("fetch %s: %s", what, fmt.Sprintf(format, args...))),
	}
}

// docError is an error about a fetched document (charset, parse), kept on
// one terminal-safe line while the cause stays reachable by errors.Is/As.
type docError struct {
	msg string
	err error
}

func (e *docError) Error() string { return e.msg }
func (e *docError) Unwrap() error { return e.err }

func docErr(rawURL string, err error) error {
	return &docError{msg: errorLine(fmt.Sprintf("parse %s: %v", rawURL, err)), err: err}
}

// maxErrorRunes bounds an error line; a status text can be kilobytes.
const maxErrorRunes = 400

func errorLine(s string) string {
	s = sanitize.Line(s)
	if r := []rune(s); len(r) > maxErrorRunes {
		s = string(r[:maxErrorRunes-1]) + "…"
	}
	return s
}

// retryLater refuses a request locally because its host asked newsterm to
// wait (Retry-After); no request reaches the network.
type retryLater struct {
	host  string
	until time.Time
}

func (e *retryLater) Error() string {
	return fmt.Sprintf("%s asked newsterm to wait until %s (Retry-After); not fetched",
		e.host, e.until.UTC().Format(time.RFC3339))
}

// sizeText formats a byte count the way the config file writes it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
