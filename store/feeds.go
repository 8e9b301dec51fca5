package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
)

// Feed is a subscription row with counts.
type Feed struct {
	ID          int64
	URL         string
	Title       string // the config's title, else the feed's own, else the URL
	SiteURL     string
	Tags        []string
	Validators  feeds.Validators
	LastFetched time.Time // zero: never
	LastError   string    // "" when the last fetch succeeded
	RetryAt     time.Time // when the host asked to be fetched again (Retry-After); zero: any time
	Unread      int
	Total       int
}

// Subscription is what the config says about a feed.
type Subscription struct {
	URL   string
	Title string // optional override
	Tags  []string
}

// SyncSubscriptions makes the feeds table match the config: inserts new
// URLs, updates titles/tags/order; feeds no longer subscribed are hidden
// from Feeds/Items (their rows stay until DeleteFeed). A URL listed twice
// keeps its first place. Every command runs it at start, so when the table
// already matches (the usual case) it only reads: no write transaction,
// no wait for a refresh in another process.
func (s *Store) SyncSubscriptions(ctx context.Context, subs []Subscription) error {
	want, err := wantedSubscriptions(subs)
	if err != nil {
		return err
	}
	var have []subRow
	err = s.read(ctx, "read subscriptions", func() error {
		rows, err := s.db.QueryContext(ctx, `SELECT url, title, tags, position FROM feeds
			WHERE subscribed = 1 ORDER BY position, id`)
		if err != nil {
			return err
		}
		have, err = collect(rows, func(sc scanner) (r subRow, err error) {
			err = sc.Scan(&r.url, &r.title, &r.tags, &r.pos)
			return r, err
		})
		return err
	})
	if err == nil && slices.Equal(have, want) {
		return nil
	}
	return s.withTx(ctx, "save subscriptions", func(tx *sql.Tx) error {
		upsert, err := tx.PrepareContext(ctx, `
			INSERT INTO feeds (url, title, tags, position, subscribed) VALUES (?, ?, ?, ?, 1)
			ON CONFLICT (url) DO UPDATE SET
				title = excluded.title, tags = excluded.tags,
				position = excluded.position, subscribed = 1
			WHERE title IS NOT excluded.title OR tags IS NOT excluded.tags
				OR position IS NOT excluded.position OR subscribed IS NOT 1`)
		if err != nil {
			return fmt.Errorf("prepare subscription update: %w", err)
		}
		defer upsert.Close()
		keep := make(map[string]bool, len(want))
		for _, w := range want {
			if _, err := upsert.ExecContext(ctx, w.url, w.title, w.tags, w.pos); err != nil {
				return fmt.Errorf("subscribe %s: %w", w.url, err)
			}
			keep[w.url] = true
		}
		return unsubscribeOthers(ctx, tx, keep)
	})
}

// subRow is a subscription as the feeds table holds it.
type subRow struct {
	url, title, tags string
	pos              int
}

// wantedSubscriptions is subs as rows: URLs trimmed, blanks and repeats
// dropped, titles and tags sanitized, positions in order.
func wantedSubscriptions(subs []Subscription) ([]subRow, error) {
	out := make([]subRow, 0, len(subs))
	seen := make(map[string]bool, len(subs))
	for _, sub := range subs {
		u := strings.TrimSpace(sub.URL)
		if u == "" || seen[u] {
			continue
		}
		tags, err := json.Marshal(cleanTags(sub.Tags))
		if err != nil {
			return nil, fmt.Errorf("encode tags of %s: %w", u, err)
		}
		out = append(out, subRow{url: u, title: sanitize.Line(sub.Title), tags: string(tags), pos: len(seen)})
		seen[u] = true
	}
	return out, nil
}

func cleanTags(in []string) []string {
	out := make([]string, 0, len(in))
	for _, t := range in {
		if t = sanitize.Line(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func unsubscribeOthers(ctx context.Context, tx *sql.Tx, keep map[string]bool) error {
	rows, err := tx.QueryContext(ctx, "SELECT url FROM feeds WHERE subscribed = 1")
	if err != nil {
		return fmt.Errorf("list subscribed feeds: %w", err)
	}
	urls, err := collect(rows, scanOne[string])
	if err != nil {
		return fmt.Errorf("list subscribed feeds: %w", err)
	}
	for _, u := range urls {
		if keep[u] {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE feeds SET subscribed = 0 WHERE url = ?", u); err != nil {
			return fmt.Errorf("unsubscribe %s: %w", u, err)
		}
	}
	return nil
}

// DeleteFeed removes a feed and its items (ErrNotFound if there is no such
// feed).
func (s *Store) DeleteFeed(ctx context.Context, url string) error {
	return s.withTx(ctx, "delete feed "+url, func(tx *sql.Tx) error {
		return execFound(ctx, tx, "DELETE FROM feeds WHERE url = ?", url)
	})
}

const feedColumns = `f.id, f.url, f.title, f.feed_title, f.site_url, f.tags, f.etag,
	f.last_modified, f.last_fetched, f.last_error, f.retry_at,
	(SELECT count(*) FROM items i WHERE i.feed_id = f.id AND i.read = 0),
	(SELECT count(*) FROM items i WHERE i.feed_id = f.id)`

// Feeds lists subscribed feeds in config order with unread/total counts.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	var out []Feed
	err := s.read(ctx, "list feeds", func() error {
		rows, err := s.db.QueryContext(ctx, "SELECT "+feedColumns+
			" FROM feeds f WHERE f.subscribed = 1 ORDER BY f.position, f.id")
		if err != nil {
			return err
		}
		out, err = collect(rows, scanFeed)
		return err
	})
	return out, err
}

// Feed returns one feed by URL, subscribed or not (ErrNotFound if none).
func (s *Store) Feed(ctx context.Context, url string) (Feed, error) {
	var f Feed
	err := s.read(ctx, "read feed "+url, func() error {
		row := s.db.QueryRowContext(ctx, "SELECT "+feedColumns+" FROM feeds f WHERE f.url = ?", url)
		var err error
		f, err = scanFeed(row)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		return err
	})
	return f, err
}

type scanner interface{ Scan(dest ...any) error }

func scanFeed(r scanner) (Feed, error) {
	var (
		f                  Feed
		title, feedTitle   string
		tags               string
		lastFetched        sql.NullInt64
		retryAt            sql.NullInt64
		etag, lastModified string
	)
	err := r.Scan(&f.ID, &f.URL, &title, &feedTitle, &f.SiteURL, &tags, &etag, &lastModified,
		&lastFetched, &f.LastError, &retryAt, &f.Unread, &f.Total)
	if err != nil {
		return Feed{}, err
	}
	f.Title = firstNonEmpty(title, feedTitle, f.URL)
	f.Validators = feeds.Validators{ETag: etag, LastModified: lastModified}
	if lastFetched.Valid {
		f.LastFetched = fromMicro(lastFetched.Int64)
	}
	if retryAt.Valid {
		f.RetryAt = fromMicro(retryAt.Int64)
	}
	f.Tags = []string{}
	if err := json.Unmarshal([]byte(tags), &f.Tags); err != nil {
		return Feed{}, fmt.Errorf("decode tags of %s: %w", f.URL, err)
	}
	return f, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// Times are stored as Unix microseconds: the range covers any date a feed
// can write, and ordering is plain integer comparison.
func toMicro(t time.Time) int64 { return t.UnixMicro() }

func fromMicro(v int64) time.Time { return time.UnixMicro(v).UTC() }
