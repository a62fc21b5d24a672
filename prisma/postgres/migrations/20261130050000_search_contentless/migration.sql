-- Nothing to change on PostgreSQL: its index ("SearchIndex", see
-- 20261130030000_search) has held tokens only from the start. The SQLite
-- migration of the same name drops the stored copies of titles and bodies.
SELECT 1;
