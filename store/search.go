package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// indexer keeps items_fts in step with items and articles inside one
// transaction. The article text is read from the articles table, so
// re-indexing an item after a refresh keeps its extracted text searchable.
type indexer struct{ stmt *sql.Stmt }

func newIndexer(ctx context.Context, tx *sql.Tx) (*indexer, error) {
	stmt, err := tx.PrepareContext(ctx, `
		INSERT OR REPLACE INTO items_fts (rowid, terms)
		VALUES (?1, ?2 || coalesce(' ' || (SELECT text FROM articles WHERE item_id = ?1), ''))`)
	if err != nil {
		return nil, fmt.Errorf("prepare search index update: %w", err)
	}
	return &indexer{stmt: stmt}, nil
}

func (x *indexer) close() { x.stmt.Close() }

// index records terms (from itemTerms) as item id's words.
func (x *indexer) index(ctx context.Context, id int64, terms string) error {
	if _, err := x.stmt.ExecContext(ctx, id, terms); err != nil {
		return fmt.Errorf("index item %d for search: %w", id, err)
	}
	return nil
}

// reindexAll rebuilds the search index from every item; migration 5 runs
// it when it replaces the index.
func reindexAll(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM items_fts"); err != nil {
		return fmt.Errorf("clear search index: %w", err)
	}
	idx, err := newIndexer(ctx, tx)
	if err != nil {
		return err
	}
	defer idx.close()
	type row struct {
		id             int64
		title, summary string
		body           []byte
	}
	scanRow := func(sc scanner) (r row, err error) {
		err = sc.Scan(&r.id, &r.title, &r.summary, &r.body)
		return r, err
	}
	err = eachItem(ctx, tx, "title, summary, body", scanRow, func(r row) int64 { return r.id }, func(r row) error {
		content, err := unpackBody(r.body)
		if err != nil {
			return fmt.Errorf("index item %d: %w", r.id, err)
		}
		return idx.index(ctx, r.id, itemTerms(r.title, r.summary, content))
	})
	if err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	return nil
}

// matchQuery turns what the user typed into an FTS5 query: every word must
// match. The index keeps no positions (detail=none), so a word is split
// where the tokenizer would split it ("network's" is "network" and "s")
// and each piece is quoted on its own (so `C++ "foo` is not syntax). The
// last piece also matches as a prefix, unless the query ends in a space,
// so a search typed a letter at a time finds "Haqqani" from "Haq".
// "" means nothing to search.
func matchQuery(q string) string {
	// Combining marks separate words for unicode61 too ("cafe\u0301s" is
	// "cafe" and "s"), so they split here.
	pieces := strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.In(r, unicode.L, unicode.N, unicode.Co) || 0x2000 <= r && r <= 0x206F
	})
	terms := make([]string, len(pieces))
	for i, p := range pieces {
		terms[i] = `"` + p + `"` // a piece holds no quote
	}
	if len(terms) > 0 && !strings.HasSuffix(q, " ") {
		terms[len(terms)-1] += "*"
	}
	return strings.Join(terms, " AND ")
}

// Search runs a full-text query over title, summary, content and extracted
// article text, newest first. User input is quoted so syntax never errors.
// Only subscribed feeds are searched; limit <= 0 means no limit.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Item, error) {
	match := matchQuery(query)
	if match == "" {
		return []Item{}, nil
	}
	what := fmt.Sprintf("search %q", query)
	items, err := s.search(ctx, what, match, limit)
	if err != nil && strings.Contains(err.Error(), "phrase queries are not supported") {
		// A letter newer than SQLite's Unicode tables splits a word into
		// two tokens, which an index without positions cannot match.
		return nil, fmt.Errorf("%s: a word holds a character the search index splits words at; "+
			"search for the parts on either side of it", what)
	}
	return items, err
}

func (s *Store) search(ctx context.Context, what, match string, limit int) ([]Item, error) {
	if limit > 0 {
		if items, ok, err := s.searchNewest(ctx, what, match, limit); err != nil || ok {
			return items, err
		}
	} else {
		limit = -1
	}
	return s.queryItems(ctx, what, "SELECT "+itemColumns+`
		FROM items_fts JOIN items i ON i.id = items_fts.rowid JOIN feeds f ON f.id = i.feed_id
		WHERE items_fts MATCH ? AND f.subscribed = 1`+itemOrder+" LIMIT ?", match, limit)
}

// searchNewest answers a search with a limit when a word is so common that
// joining and sorting every match would cost more than walking the
// stories newest first and keeping the matching ones: the cost then
// follows the limit, not the number of matches. ok is false when the
// matches are few enough to sort (matches² ≤ limit × stories, the number of
// stories taken as the highest id: an index lookup, not a count, and never
// too small since ids are not reused).
func (s *Store) searchNewest(ctx context.Context, what, match string, limit int) (items []Item, ok bool, err error) {
	err = s.read(ctx, what, func() error {
		// One row of ids, not one row per id: a common word matches most
		// stories, and each row costs more to fetch than to parse.
		var list sql.NullString
		err := s.db.QueryRowContext(ctx, "SELECT group_concat(rowid) FROM items_fts WHERE items_fts MATCH ?", match).Scan(&list)
		if err != nil {
			return err
		}
		ids, err := parseIDs(list.String)
		if err != nil {
			return err
		}
		var stories int64
		if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM items").Scan(&stories); err != nil {
			return err
		}
		if ok = int64(len(ids))*int64(len(ids)) > int64(limit)*stories; !ok {
			return nil
		}
		matched := make(map[int64]struct{}, len(ids))
		for _, id := range ids {
			matched[id] = struct{}{}
		}
		items, err = s.newestOf(ctx, matched, limit)
		return err
	})
	return items, ok, err
}

// parseIDs reads group_concat's comma-separated ids.
func parseIDs(list string) ([]int64, error) {
	if list == "" {
		return nil, nil
	}
	ids := make([]int64, 0, strings.Count(list, ",")+1)
	for f := range strings.SplitSeq(list, ",") {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("read matching ids: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// newestOf returns the newest limit stories of subscribed feeds among ids,
// walking the published index newest first.
func (s *Store) newestOf(ctx context.Context, ids map[int64]struct{}, limit int) ([]Item, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM items INDEXED BY items_published ORDER BY published DESC, id DESC")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Item{}
	var batch []int64
	flush := func() error { // the batch's rows, unless their feed is unsubscribed
		list, err := json.Marshal(batch)
		if err != nil {
			return err
		}
		batch = batch[:0]
		more, err := s.queryItems(ctx, "read matches", "SELECT "+itemColumns+`
			FROM items i JOIN feeds f ON f.id = i.feed_id
			WHERE i.id IN (SELECT value FROM json_each(?)) AND f.subscribed = 1`+itemOrder, string(list))
		out = append(out, more...)
		return err
	}
	for len(out) < limit && rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if _, hit := ids[id]; !hit {
			continue
		}
		if batch = append(batch, id); len(out)+len(batch) == limit {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SaveArticle caches an extracted article (opaque JSON from package article)
// and its plain text for search (ErrNotFound for an unknown item).
func (s *Store) SaveArticle(ctx context.Context, itemID int64, data []byte, text string) error {
	return s.withTx(ctx, fmt.Sprintf("save article for item %d", itemID), func(tx *sql.Tx) error {
		var title, summary string
		var body []byte
		err := tx.QueryRowContext(ctx, "SELECT title, summary, body FROM items WHERE id = ?", itemID).
			Scan(&title, &summary, &body)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		content, err := unpackBody(body)
		if err != nil {
			return err
		}
		if data == nil {
			data = []byte{}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO articles (item_id, data, text, fetched_at)
			VALUES (?, ?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET
			data = excluded.data, text = excluded.text, fetched_at = excluded.fetched_at`,
			itemID, data, text, toMicro(s.now()))
		if err != nil {
			return err
		}
		idx, err := newIndexer(ctx, tx)
		if err != nil {
			return err
		}
		defer idx.close()
		return idx.index(ctx, itemID, itemTerms(title, summary, content))
	})
}

// Article returns the cached article, ok=false when none.
func (s *Store) Article(ctx context.Context, itemID int64) (data []byte, ok bool, err error) {
	err = s.read(ctx, fmt.Sprintf("read article for item %d", itemID), func() error {
		err := s.db.QueryRowContext(ctx, "SELECT data FROM articles WHERE item_id = ?", itemID).Scan(&data)
		if err == sql.ErrNoRows {
			data, ok = nil, false
			return nil
		}
		ok = err == nil
		return err
	})
	return data, ok, err
}
