-- As keys-postgresql.sql, for IDN_OAUTH2_DEVICE_FLOW: its keys, its
-- number of columns and of rows.
SELECT upper(t.relname) || ' ' || CASE c.contype WHEN 'p' THEN 'PRIMARY' ELSE 'UNIQUE' END || ' ' || (SELECT upper(string_agg(a.attname, ',' ORDER BY a.attname)) FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey))
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
WHERE t.relnamespace = 'public'::regnamespace AND c.contype IN ('p', 'u')
UNION ALL SELECT 'IDN_OAUTH2_DEVICE_FLOW columns ' || count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'idn_oauth2_device_flow'
UNION ALL SELECT 'IDN_OAUTH2_DEVICE_FLOW rows ' || count(*) FROM IDN_OAUTH2_DEVICE_FLOW;
