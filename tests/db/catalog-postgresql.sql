-- Reads the schema of the current PostgreSQL database, and how many rows
-- each table holds, as raw catalog rows for tests/db/normalise.awk, one
-- "kind|table|..." row per line (see that file for the row kinds).
-- pg_catalog rather than information_schema: only it tells which index
-- belongs to a primary key and which sequence to an identity column.
SELECT 'column|' || c.relname || '|'
    || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || '|'
    || a.attname || '|' || format_type(a.atttypid, a.atttypmod) || '|'
    || CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END || '|'
    || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || '|'
    || CASE WHEN a.attidentity <> '' THEN 'YES' ELSE 'NO' END
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
-- Every index: the primary key's, those of unique constraints, and the
-- ones CREATE INDEX made.
SELECT CASE WHEN i.indisprimary THEN 'pk' WHEN i.indisunique THEN 'unique'
        ELSE 'index' END
    || '|' || t.relname || '|' || ic.relname || '|'
    || (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
        FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum)
FROM pg_index i
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public'
UNION ALL
SELECT 'fk|' || t.relname || '|' || con.conname || '|'
    || (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
        FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)
    || '|' || rt.relname || '|'
    || (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
        FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)
    || '|' || CASE con.confdeltype WHEN 'c' THEN 'CASCADE'
        WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
        WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid
JOIN pg_class rt ON rt.oid = con.confrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public' AND con.contype = 'f'
UNION ALL
-- Sequences, but not those GENERATED ... AS IDENTITY makes (deptype
-- 'i'): they are the column's identity, printed there.
SELECT 'sequence|' || s.relname
FROM pg_class s
JOIN pg_namespace n ON n.oid = s.relnamespace
WHERE n.nspname = 'public' AND s.relkind = 'S'
    AND NOT EXISTS (SELECT 1 FROM pg_depend dep
        WHERE dep.objid = s.oid AND dep.deptype = 'i')
UNION ALL
-- query_to_xml runs the count each table needs within this one query.
SELECT 'rows|' || c.relname || '|' || (xpath('/row/n/text()',
        query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname),
            false, true, '')))[1]::text
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p');
