package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"
)

// SetExpiry sets the rule that deletes old items: when a feed's fetch is
// saved, its items that are read, not starred, and left the feed more than
// after ago are deleted in the same transaction. 0 (the default) keeps
// every item. An item still in its feed, unread or starred is never
// deleted, so a refresh never brings a story back as new.
func (s *Store) SetExpiry(after time.Duration) {
	s.expireAfter.Store(int64(max(after, 0)))
}

// markLeft notes which items left the feed with this document (in
// items_left, since at) and which are back, comparing the ids the
// document lists with those the previous one did. The work grows with the
// document, not with the feed's history.
func markLeft(ctx context.Context, tx *sql.Tx, feedID int64, at time.Time, rows []itemRow) error {
	now, err := listedIDs(ctx, tx, feedID, rows)
	if err != nil {
		return err
	}
	var prevJSON string
	if err := tx.QueryRowContext(ctx, "SELECT listed FROM feeds WHERE id = ?", feedID).Scan(&prevJSON); err != nil {
		return fmt.Errorf("read the items last listed: %w", err)
	}
	var prev []int64
	if err := json.Unmarshal([]byte(prevJSON), &prev); err != nil {
		return fmt.Errorf("decode the items last listed: %w", err)
	}
	var gone []int64
	for _, id := range prev {
		if _, found := slices.BinarySearch(now, id); !found {
			gone = append(gone, id)
		}
	}
	nowJSON, err := json.Marshal(now)
	if err != nil {
		return fmt.Errorf("encode listed items: %w", err)
	}
	goneJSON, err := json.Marshal(gone)
	if err != nil {
		return fmt.Errorf("encode items that left: %w", err)
	}
	steps := []struct {
		what, query string
		args        []any
		skip        bool
	}{
		{"note items that left the feed", `INSERT OR IGNORE INTO items_left (item_id, feed_id, left_at)
			SELECT i.id, i.feed_id, ? FROM json_each(?) j JOIN items i ON i.id = j.value`,
			[]any{toMicro(at), string(goneJSON)}, len(gone) == 0},
		{"note items back in the feed", `DELETE FROM items_left WHERE item_id IN (SELECT value FROM json_each(?))`,
			[]any{string(nowJSON)}, len(now) == 0},
		{"record the items listed", "UPDATE feeds SET listed = ? WHERE id = ?",
			[]any{string(nowJSON), feedID}, slices.Equal(prev, now)},
	}
	for _, st := range steps {
		if st.skip {
			continue
		}
		if _, err := tx.ExecContext(ctx, st.query, st.args...); err != nil {
			return fmt.Errorf("%s: %w", st.what, err)
		}
	}
	return nil
}

// listedIDs returns the sorted ids of the stored items the document lists.
// Keys go to SQLite as one JSON array; the rare key that is not valid UTF-8
// (JSON would change its bytes) is looked up on its own.
func listedIDs(ctx context.Context, tx *sql.Tx, feedID int64, list []itemRow) ([]int64, error) {
	var keys, odd []string
	for i := range list {
		k := list[i].guid
		if utf8.ValidString(k) {
			keys = append(keys, k)
		} else {
			odd = append(odd, k)
		}
	}
	keysJSON, err := json.Marshal(keys)
	if err != nil {
		return nil, fmt.Errorf("encode item keys: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM items
		WHERE feed_id = ? AND guid IN (SELECT value FROM json_each(?))`, feedID, string(keysJSON))
	if err != nil {
		return nil, fmt.Errorf("find listed items: %w", err)
	}
	ids, err := collect(rows, scanOne[int64])
	if err != nil {
		return nil, fmt.Errorf("find listed items: %w", err)
	}
	for _, k := range odd {
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM items WHERE feed_id = ? AND guid = ?", feedID, k).Scan(&id)
		if err != nil {
			return nil, fmt.Errorf("find listed item %q: %w", k, err)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// expire deletes the feed's items the expiry rule allows as of now.
func expire(ctx context.Context, tx *sql.Tx, feedID int64, now time.Time, after time.Duration) error {
	if after <= 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM items WHERE id IN (
		SELECT l.item_id FROM items_left l JOIN items i ON i.id = l.item_id
		WHERE l.feed_id = ? AND l.left_at < ? AND i.read = 1 AND i.starred = 0)`,
		feedID, toMicro(now.Add(-after)))
	if err != nil {
		return fmt.Errorf("expire old items: %w", err)
	}
	return nil
}
