// Package store keeps feeds, items, read/starred state, extracted articles
// and a full-text index in one SQLite file.
package store

// Temporary stubs: each is replaced by its real implementation.

import (
	"context"
	"errors"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

var errTODO = errors.New("not implemented")

// ErrNotFound is returned for an unknown id or URL.
var ErrNotFound = errors.New("not found")

// Store is the database handle. Safe for concurrent use.
type Store struct{}

// Open opens (creating if needed) the database at path and migrates it.
func Open(ctx context.Context, path string) (*Store, error) { return nil, errTODO }

// Close closes the database.
func (s *Store) Close() error { return nil }

// Feed is a subscription row with counts.
type Feed struct {
	ID          int64
	URL         string
	Title       string // the config's title, else the feed's own
	SiteURL     string
	Tags        []string
	Validators  feeds.Validators
	LastFetched time.Time // zero: never
	LastError   string    // "" when the last fetch succeeded
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
// from Feeds/Items (their rows stay until DeleteFeed).
func (s *Store) SyncSubscriptions(ctx context.Context, subs []Subscription) error { return errTODO }

// DeleteFeed removes a feed and its items.
func (s *Store) DeleteFeed(ctx context.Context, url string) error { return errTODO }

// Feeds lists subscribed feeds in config order with unread/total counts.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) { return nil, errTODO }

// Fetched is the outcome of one feed fetch to record.
type Fetched struct {
	URL         string
	At          time.Time
	Feed        feeds.Feed // items to upsert (ignored when NotModified or Err)
	NotModified bool
	Validators  feeds.Validators
	Err         error
}

// SaveFetch records one fetch in one transaction: feed metadata, validators,
// last error, and item upserts keyed by (feed, GUID). Existing read/starred
// state is kept; items absent from this fetch stay. Returns how many items
// were new.
func (s *Store) SaveFetch(ctx context.Context, f Fetched) (newItems int, err error) {
	return 0, errTODO
}

// Item is a list row: no bodies.
type Item struct {
	ID        int64
	FeedID    int64
	FeedURL   string
	FeedTitle string
	GUID      string
	Title     string
	Link      string
	Author    string
	Published time.Time
	Summary   string // HTML as stored
	Photo     *feeds.Photo
	Comments  feeds.Comments
	Read      bool
	Starred   bool
}

// Query selects items. Zero value: every subscribed feed, newest first.
type Query struct {
	FeedURL string // "" all feeds
	Tag     string // "" any
	Unread  bool
	Starred bool
	Limit   int // 0: no limit
	Offset  int
}

// Items lists items newest first (published, then id, descending).
func (s *Store) Items(ctx context.Context, q Query) ([]Item, error) { return nil, errTODO }

// CountItems counts what Items would return without Limit/Offset.
func (s *Store) CountItems(ctx context.Context, q Query) (int, error) { return 0, errTODO }

// Item returns one item by id (ErrNotFound if none).
func (s *Store) Item(ctx context.Context, id int64) (Item, error) { return Item{}, errTODO }

// ItemByLink returns the newest item with this link (ErrNotFound if none).
func (s *Store) ItemByLink(ctx context.Context, link string) (Item, error) { return Item{}, errTODO }

// Body returns an item's summary and content HTML.
func (s *Store) Body(ctx context.Context, id int64) (summary, content string, err error) {
	return "", "", errTODO
}

// Search runs a full-text query over title, summary, content and extracted
// article text, newest first. User input is quoted so syntax never errors.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Item, error) {
	return nil, errTODO
}

// SetRead sets an item's read flag.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error { return errTODO }

// SetStarred sets an item's starred flag.
func (s *Store) SetStarred(ctx context.Context, id int64, starred bool) error { return errTODO }

// MarkRead marks every item matching q read; returns how many changed.
func (s *Store) MarkRead(ctx context.Context, q Query) (int, error) { return 0, errTODO }

// SaveArticle caches an extracted article (opaque JSON from package article)
// and its plain text for search.
func (s *Store) SaveArticle(ctx context.Context, itemID int64, data []byte, text string) error {
	return errTODO
}

// Article returns the cached article, ok=false when none.
func (s *Store) Article(ctx context.Context, itemID int64) (data []byte, ok bool, err error) {
	return nil, false, errTODO
}
