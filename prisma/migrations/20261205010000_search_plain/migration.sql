-- Nothing to change on SQLite: the PostgreSQL migration of the same name
-- changes its search index ("SearchIndex"); FTS5 ("SearchFts") stays as it is.
SELECT 1;
