-- When a feed's host asked newsterm to come back (Retry-After on a 429 or
-- 503), so the next run, from cron or the reader, waits too. NULL: no wait.

ALTER TABLE feeds ADD COLUMN retry_at INTEGER;
