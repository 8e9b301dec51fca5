package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

// Item is a list row: no bodies (Summary is kept for list previews and
// --json; Body returns the content).
type Item struct {
	ID        int64
	FeedID    int64
	FeedURL   string
	FeedTitle string
	GUID      string
	Title     string
	Link      string
	Author    string
	Published time.Time // UTC; the feed's date, else when newsterm first saw the item
	Summary   string    // HTML as stored
	Photo     *feeds.Photo
	Comments  feeds.Comments
	Read      bool
	Starred   bool
}

// Query selects items. Zero value: every subscribed feed, newest first.
type Query struct {
	FeedURL string // "" all feeds
	Tag     string // "" any; otherwise feeds carrying this tag (case-insensitive)
	Unread  bool
	Starred bool
	Limit   int // 0: no limit
	Offset  int
}

// itemColumns are what a list shows; the content body is never among them.
const itemColumns = `i.id, i.feed_id, f.url, f.title, f.feed_title, i.guid, i.title, i.link,
	i.author, i.published, i.summary, i.photo_url, i.photo_caption, i.photo_credit,
	i.photo_width, i.photo_height, i.comments_count, i.comments_url, i.read, i.starred`

const itemOrder = " ORDER BY i.published DESC, i.id DESC"

func scanItem(r scanner) (Item, error) {
	var (
		it               Item
		title, feedTitle string
		published        int64
		p                feeds.Photo
		count            sql.NullInt64
		read, starred    int64
	)
	err := r.Scan(&it.ID, &it.FeedID, &it.FeedURL, &title, &feedTitle, &it.GUID, &it.Title, &it.Link,
		&it.Author, &published, &it.Summary, &p.URL, &p.Caption, &p.Credit, &p.Width, &p.Height,
		&count, &it.Comments.URL, &read, &starred)
	if err != nil {
		return Item{}, err
	}
	it.FeedTitle = firstNonEmpty(title, feedTitle, it.FeedURL)
	it.Published = fromMicro(published)
	if p.URL != "" {
		it.Photo = &p
	}
	if count.Valid {
		n := int(count.Int64)
		it.Comments.Count = &n
	}
	it.Read, it.Starred = read != 0, starred != 0
	return it, nil
}

// where is q's filter over items i joined with feeds f.
func (q Query) where() (string, []any) {
	conds := []string{"f.subscribed = 1"}
	var args []any
	if q.FeedURL != "" {
		conds = append(conds, "f.url = ?")
		args = append(args, q.FeedURL)
	}
	if q.Tag != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM json_each(f.tags) t WHERE t.value = ? COLLATE NOCASE)")
		args = append(args, q.Tag)
	}
	if q.Unread {
		conds = append(conds, "i.read = 0")
	}
	if q.Starred {
		conds = append(conds, "i.starred = 1")
	}
	return " FROM items i JOIN feeds f ON f.id = i.feed_id WHERE " + strings.Join(conds, " AND "), args
}

// page is q's LIMIT/OFFSET clause and arguments.
func (q Query) page() (string, []any) {
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	return " LIMIT ? OFFSET ?", []any{limit, max(q.Offset, 0)}
}

// Items lists items newest first (published, then id, descending).
func (s *Store) Items(ctx context.Context, q Query) ([]Item, error) {
	where, args := q.where()
	page, pargs := q.page()
	return s.queryItems(ctx, "list items", "SELECT "+itemColumns+where+itemOrder+page, append(args, pargs...)...)
}

func (s *Store) queryItems(ctx context.Context, what, query string, args ...any) ([]Item, error) {
	var out []Item
	err := s.read(ctx, what, func() error {
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanItem)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CountItems counts what Items would return without Limit/Offset.
func (s *Store) CountItems(ctx context.Context, q Query) (int, error) {
	where, args := q.where()
	var n int
	err := s.read(ctx, "count items", func() error {
		return s.db.QueryRowContext(ctx, "SELECT count(*)"+where, args...).Scan(&n)
	})
	return n, err
}

// Item returns one item by id, subscribed or not (ErrNotFound if none).
func (s *Store) Item(ctx context.Context, id int64) (Item, error) {
	return s.oneItem(ctx, fmt.Sprintf("read item %d", id), "i.id = ?", id)
}

// ItemByLink returns the newest item with this link (ErrNotFound if none).
func (s *Store) ItemByLink(ctx context.Context, link string) (Item, error) {
	return s.oneItem(ctx, "find item "+link, "i.link = ?", link)
}

func (s *Store) oneItem(ctx context.Context, what, cond string, arg any) (Item, error) {
	var it Item
	err := s.read(ctx, what, func() error {
		row := s.db.QueryRowContext(ctx, "SELECT "+itemColumns+
			" FROM items i JOIN feeds f ON f.id = i.feed_id WHERE "+cond+itemOrder+" LIMIT 1", arg)
		var err error
		it, err = scanItem(row)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		return err
	})
	return it, err
}

// Body returns an item's summary and content HTML.
func (s *Store) Body(ctx context.Context, id int64) (summary, content string, err error) {
	var body []byte
	what := fmt.Sprintf("read body of item %d", id)
	err = s.read(ctx, what, func() error {
		err := s.db.QueryRowContext(ctx, "SELECT summary, body FROM items WHERE id = ?", id).
			Scan(&summary, &body)
		if err == sql.ErrNoRows {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return "", "", err
	}
	if content, err = unpackBody(body); err != nil {
		return "", "", fmt.Errorf("%s: %w", what, err)
	}
	return summary, content, nil
}

// SetRead sets an item's read flag.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error {
	return s.setFlag(ctx, "read", id, read)
}

// SetStarred sets an item's starred flag.
func (s *Store) SetStarred(ctx context.Context, id int64, starred bool) error {
	return s.setFlag(ctx, "starred", id, starred)
}

// setFlag sets column (a constant: read or starred) on one item.
func (s *Store) setFlag(ctx context.Context, column string, id int64, on bool) error {
	v := 0
	if on {
		v = 1
	}
	return s.withTx(ctx, fmt.Sprintf("mark item %d %s", id, column), func(tx *sql.Tx) error {
		return execFound(ctx, tx, "UPDATE items SET "+column+" = ? WHERE id = ?", v, id)
	})
}

// MarkRead marks every item matching q read; returns how many changed.
// Limit and Offset apply as in Items: the same rows Items(q) would list.
func (s *Store) MarkRead(ctx context.Context, q Query) (int, error) {
	where, args := q.where()
	page, pargs := q.page()
	query := "UPDATE items SET read = 1 WHERE read = 0 AND id IN (SELECT i.id" + where + itemOrder + page + ")"
	var changed int
	err := s.withTx(ctx, "mark items read", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, append(args, pargs...)...)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		changed = int(n)
		return err
	})
	return changed, err
}
