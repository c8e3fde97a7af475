-- Every row of every table of the current PostgreSQL database, one line
-- each: "TABLE|" and the row as jsonb, whose keys are in a fixed order
-- and whose text tells NULL from '' and escapes line breaks.  tests/db.sh
-- sorts the lines and compares them on the same engine only, so the
-- value formats need not agree with MariaDB's or H2's.  psql's \gexec
-- runs the one SELECT each table needs.
SELECT format('SELECT %L || ''|'' || to_jsonb(t)::text FROM %I t',
        c.relname, c.relname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
ORDER BY c.relname
\gexec
