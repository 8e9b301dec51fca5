-- Feeds and their items. Times are Unix microseconds.

CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT    NOT NULL UNIQUE,
	title         TEXT    NOT NULL DEFAULT '',   -- the config's title
	feed_title    TEXT    NOT NULL DEFAULT '',   -- the feed document's own
	site_url      TEXT    NOT NULL DEFAULT '',
	tags          TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
	position      INTEGER NOT NULL DEFAULT 0,    -- order in the config
	subscribed    INTEGER NOT NULL DEFAULT 1,
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	last_fetched  INTEGER,                       -- NULL: never fetched
	last_error    TEXT    NOT NULL DEFAULT ''
) STRICT;

-- Columns shown in lists come first and the bodies last, so a list query
-- never walks a body's overflow pages.
CREATE TABLE items (
	id             INTEGER PRIMARY KEY AUTOINCREMENT, -- ids are never reused
	feed_id        INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
	guid           TEXT    NOT NULL,
	title          TEXT    NOT NULL DEFAULT '',
	link           TEXT    NOT NULL DEFAULT '',
	author         TEXT    NOT NULL DEFAULT '',
	published      INTEGER NOT NULL,  -- the feed's date, else first_seen
	first_seen     INTEGER NOT NULL,
	photo_url      TEXT    NOT NULL DEFAULT '',
	photo_caption  TEXT    NOT NULL DEFAULT '',
	photo_credit   TEXT    NOT NULL DEFAULT '',
	photo_width    INTEGER NOT NULL DEFAULT 0,
	photo_height   INTEGER NOT NULL DEFAULT 0,
	comments_count INTEGER,           -- NULL: the feed does not say
	comments_url   TEXT    NOT NULL DEFAULT '',
	read           INTEGER NOT NULL DEFAULT 0,
	starred        INTEGER NOT NULL DEFAULT 0,
	categories     TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
	enclosures     TEXT    NOT NULL DEFAULT '[]', -- JSON array of objects
	summary        TEXT    NOT NULL DEFAULT '',
	content        TEXT    NOT NULL DEFAULT '',
	UNIQUE (feed_id, guid)
) STRICT;

CREATE INDEX items_feed_read_published ON items (feed_id, read, published);
CREATE INDEX items_published ON items (published);
CREATE INDEX items_starred_published ON items (published) WHERE starred = 1;
CREATE INDEX items_link ON items (link);
