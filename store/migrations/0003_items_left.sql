-- What the expiry rule (the config's [store] keep_days) needs: which items
-- each feed's latest document listed, and since when the others have been
-- gone from it. The rule deletes read, unstarred items that left long
-- enough ago; nothing else deletes an item but removing its feed.
--
-- feeds.listed is a JSON array of the item ids the latest document listed;
-- comparing it with the next document finds what left without scanning
-- every item the feed ever had. Until the next fetch, every existing item
-- counts as listed.

ALTER TABLE feeds ADD COLUMN listed TEXT NOT NULL DEFAULT '[]';

UPDATE feeds SET listed = (SELECT json_group_array(id) FROM items WHERE feed_id = feeds.id);

CREATE TABLE items_left (
	item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	feed_id INTEGER NOT NULL,
	left_at INTEGER NOT NULL
) STRICT;

CREATE INDEX items_left_feed ON items_left (feed_id, left_at);
