-- Bodies compressed, and a search index of words without positions.
--
-- items.content (HTML) becomes items.body, the same HTML zstd-compressed:
-- bodies are most of a store's bytes and are read one at a time. The Go
-- step that follows fills body, drops content and rebuilds the index.
--
-- items_fts now holds one column, the item's distinct words (title,
-- summary, content and extracted article text), with detail=none: a search
-- is a set of words that must all be present, so FTS5 need not record
-- where they are, which made the old index as large as a fifth of the
-- text it covered.

ALTER TABLE items ADD COLUMN body BLOB NOT NULL DEFAULT x'';

DROP TRIGGER items_fts_delete;
DROP TABLE items_fts;

CREATE VIRTUAL TABLE items_fts USING fts5 (
	terms,
	content = '', contentless_delete = 1, detail = none,
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
	DELETE FROM items_fts WHERE rowid = old.id;
END;
