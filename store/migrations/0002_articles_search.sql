-- Extracted articles and the full-text index.

CREATE TABLE articles (
	item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	data       BLOB    NOT NULL,             -- opaque JSON from package article
	text       TEXT    NOT NULL DEFAULT '',  -- plain text, for the index
	fetched_at INTEGER NOT NULL
) STRICT;

-- rowid is items.id. The index holds no copy of the text: items and
-- articles do. HTML is stripped before indexing.
CREATE VIRTUAL TABLE items_fts USING fts5 (
	title, summary, content, article,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
	DELETE FROM items_fts WHERE rowid = old.id;
END;
