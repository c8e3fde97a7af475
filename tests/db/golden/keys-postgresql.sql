-- Every primary and unique key of the schema: "TABLE KIND COLUMNS",
-- the columns sorted, so that engines compare; then the row counts.
SELECT upper(t.relname) || ' ' || CASE c.contype WHEN 'p' THEN 'PRIMARY' ELSE 'UNIQUE' END || ' ' || (SELECT upper(string_agg(a.attname, ',' ORDER BY a.attname)) FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey))
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
WHERE t.relnamespace = 'public'::regnamespace AND c.contype IN ('p', 'u')
UNION ALL SELECT 'UM_USER rows ' || count(*) FROM UM_USER
UNION ALL SELECT 'IDN_OAUTH2_TOKEN_BINDING rows ' || count(*) FROM IDN_OAUTH2_TOKEN_BINDING
UNION ALL SELECT 'IDN_FED_AUTH_SESSION_MAPPING rows ' || count(*) FROM IDN_FED_AUTH_SESSION_MAPPING;
