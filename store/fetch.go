package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/newsterm/newsterm/feeds"
	"github.com/newsterm/newsterm/sanitize"
)

// Fetched is the outcome of one feed fetch to record.
type Fetched struct {
	URL         string
	At          time.Time
	Feed        feeds.Feed // items to upsert (ignored when NotModified or Err)
	NotModified bool
	Validators  feeds.Validators
	Err         error
}

// maxErrorLen caps a stored fetch error; it is shown on one line.
const maxErrorLen = 500

// SaveFetch records one fetch in one transaction: feed metadata, validators,
// last error, and item upserts keyed by (feed, GUID). Existing read/starred
// state is kept; items absent from this fetch stay, noted as having left
// the feed, until the expiry rule (SetExpiry) deletes them. Returns how
// many items were new. It is Prepare followed by SavePrepared.
//
// A failed fetch (Err) only records the error, the time and, for a
// *feeds.FetchError with RetryAt, when the host asked to be tried again;
// a 304 (NotModified) clears the error and the wait. A URL the store has
// not seen yet gets an unsubscribed feed row, which SyncSubscriptions
// turns visible.
func (s *Store) SaveFetch(ctx context.Context, f Fetched) (newItems int, err error) {
	if f.At.IsZero() {
		f.At = s.now()
	}
	return s.SavePrepared(ctx, Prepare(f))
}

// SavePrepared writes a fetch that Prepare made ready; see SaveFetch.
func (s *Store) SavePrepared(ctx context.Context, p Prepared) (newItems int, err error) {
	f := p.f
	if p.err != nil {
		return 0, fmt.Errorf("save fetch of %s: %w", f.URL, p.err)
	}
	keep := time.Duration(s.expireAfter.Load())
	err = s.withTx(ctx, "save fetch of "+f.URL, func(tx *sql.Tx) error {
		newItems = 0
		feedID, err := ensureFeed(ctx, tx, f.URL)
		if err != nil {
			return err
		}
		switch {
		case f.Err != nil:
			return recordFailure(ctx, tx, feedID, f)
		case f.NotModified:
			if err := recordNotModified(ctx, tx, feedID, f); err != nil {
				return err
			}
			return expire(ctx, tx, feedID, f.At, keep)
		}
		if err := recordFeed(ctx, tx, feedID, f); err != nil {
			return err
		}
		if newItems, err = upsertItems(ctx, tx, feedID, f.At, p.items); err != nil {
			return err
		}
		if err := markLeft(ctx, tx, feedID, f.At, p.items); err != nil {
			return err
		}
		return expire(ctx, tx, feedID, f.At, keep)
	})
	return newItems, err
}

// ensureFeed returns the feed's id, adding an unsubscribed row if needed.
func ensureFeed(ctx context.Context, tx *sql.Tx, url string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM feeds WHERE url = ?", url).Scan(&id)
	if err == nil {
		return id, nil
	}
	if err != sql.ErrNoRows {
		return 0, fmt.Errorf("find feed: %w", err)
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO feeds (url, subscribed, position)
		VALUES (?, 0, (SELECT coalesce(max(position), 0) + 1 FROM feeds)) RETURNING id`, url).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("add feed: %w", err)
	}
	return id, nil
}

func recordFailure(ctx context.Context, tx *sql.Tx, feedID int64, f Fetched) error {
	msg := sanitize.Line(f.Err.Error())
	if msg == "" {
		msg = "fetch failed"
	}
	if r := []rune(msg); len(r) > maxErrorLen {
		msg = string(r[:maxErrorLen-1]) + "…"
	}
	var retryAt any // NULL unless the host asked newsterm to wait
	if fe := (*feeds.FetchError)(nil); errors.As(f.Err, &fe) && !fe.RetryAt.IsZero() {
		retryAt = toMicro(fe.RetryAt)
	}
	_, err := tx.ExecContext(ctx, "UPDATE feeds SET last_error = ?, last_fetched = ?, retry_at = ? WHERE id = ?",
		msg, toMicro(f.At), retryAt, feedID)
	if err != nil {
		return fmt.Errorf("record error: %w", err)
	}
	return nil
}

func recordNotModified(ctx context.Context, tx *sql.Tx, feedID int64, f Fetched) error {
	// A 304 may carry fresh validators; keep the old ones when it does not.
	_, err := tx.ExecContext(ctx, `UPDATE feeds SET last_error = '', last_fetched = ?, retry_at = NULL,
		etag = CASE WHEN ?2 = '' THEN etag ELSE ?2 END,
		last_modified = CASE WHEN ?3 = '' THEN last_modified ELSE ?3 END
		WHERE id = ?4`,
		toMicro(f.At), f.Validators.ETag, f.Validators.LastModified, feedID)
	if err != nil {
		return fmt.Errorf("record not modified: %w", err)
	}
	return nil
}

func recordFeed(ctx context.Context, tx *sql.Tx, feedID int64, f Fetched) error {
	_, err := tx.ExecContext(ctx, `UPDATE feeds SET feed_title = ?, site_url = ?, etag = ?,
		last_modified = ?, last_fetched = ?, last_error = '', retry_at = NULL WHERE id = ?`,
		sanitize.Line(f.Feed.Title), sanitize.Line(f.Feed.SiteURL), f.Validators.ETag,
		f.Validators.LastModified, toMicro(f.At), feedID)
	if err != nil {
		return fmt.Errorf("record feed: %w", err)
	}
	return nil
}

// upsertSQL inserts an item or, when (feed, GUID) exists, updates it only
// if something the feed says has changed. read, starred and first_seen are
// never touched; published moves only when the feed gives a date (?19).
// RETURNING yields a row for each insert and real change, which is what
// the search index must follow. body is compressed deterministically, so
// equal content gives equal blobs.
const upsertSQL = `
INSERT INTO items (feed_id, guid, title, link, author, published, first_seen,
	photo_url, photo_caption, photo_credit, photo_width, photo_height,
	comments_count, comments_url, categories, enclosures, summary, body)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
ON CONFLICT (feed_id, guid) DO UPDATE SET
	title = excluded.title, link = excluded.link, author = excluded.author,
	published = CASE WHEN ?19 THEN excluded.published ELSE items.published END,
	photo_url = excluded.photo_url, photo_caption = excluded.photo_caption,
	photo_credit = excluded.photo_credit, photo_width = excluded.photo_width,
	photo_height = excluded.photo_height, comments_count = excluded.comments_count,
	comments_url = excluded.comments_url, categories = excluded.categories,
	enclosures = excluded.enclosures, summary = excluded.summary, body = excluded.body
WHERE items.title IS NOT excluded.title OR items.link IS NOT excluded.link
	OR items.author IS NOT excluded.author
	OR (?19 AND items.published IS NOT excluded.published)
	OR items.photo_url IS NOT excluded.photo_url OR items.photo_caption IS NOT excluded.photo_caption
	OR items.photo_credit IS NOT excluded.photo_credit OR items.photo_width IS NOT excluded.photo_width
	OR items.photo_height IS NOT excluded.photo_height
	OR items.comments_count IS NOT excluded.comments_count
	OR items.comments_url IS NOT excluded.comments_url OR items.categories IS NOT excluded.categories
	OR items.enclosures IS NOT excluded.enclosures OR items.summary IS NOT excluded.summary
	OR items.body IS NOT excluded.body
RETURNING id`

// upsertItems writes the prepared items and keeps the index in step. An
// item is new when its id is above every id that existed before: ids only
// grow (AUTOINCREMENT) and this transaction is the only writer.
func upsertItems(ctx context.Context, tx *sql.Tx, feedID int64, at time.Time, rows []itemRow) (int, error) {
	var maxID int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM items").Scan(&maxID); err != nil {
		return 0, fmt.Errorf("read last item id: %w", err)
	}
	upsert, err := tx.PrepareContext(ctx, upsertSQL)
	if err != nil {
		return 0, fmt.Errorf("prepare item upsert: %w", err)
	}
	defer upsert.Close()
	idx, err := newIndexer(ctx, tx)
	if err != nil {
		return 0, err
	}
	defer idx.close()
	// The index is written after all upserts: every statement that touches
	// items in between would make FTS5 flush its pending terms to disk.
	added := make(map[int64]bool)
	var changed []int
	ids := make([]int64, len(rows))
	for i := range rows {
		r := &rows[i]
		err := upsert.QueryRowContext(ctx, feedID, r.guid, r.title, r.link, r.author, r.published,
			toMicro(at), r.photoURL, r.caption, r.credit, r.width, r.height, r.count, r.commentsURL,
			r.categories, r.encls, r.summary, r.body, r.dated).Scan(&ids[i])
		if err == sql.ErrNoRows {
			continue // unchanged
		}
		if err != nil {
			return 0, fmt.Errorf("save item %q: %w", r.guid, err)
		}
		if ids[i] > maxID {
			added[ids[i]] = true
		}
		changed = append(changed, i)
	}
	for _, i := range changed {
		if err := idx.index(ctx, ids[i], rows[i].terms); err != nil {
			return 0, err
		}
	}
	return len(added), nil
}

// itemGUID is the item's key within its feed: the GUID, else the link,
// else a hash of title and date.
func itemGUID(it *feeds.Item) string {
	if it.GUID != "" {
		return it.GUID
	}
	if it.Link != "" {
		return it.Link
	}
	h := sha256.Sum256([]byte(it.Title + "\x00" + it.Published.UTC().Format(time.RFC3339Nano)))
	return "sha256:" + hex.EncodeToString(h[:16])
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
