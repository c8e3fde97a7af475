-- Keys (as keys-postgresql.sql), any ID column left, and every row.
SELECT upper(t.relname) || ' ' || CASE c.contype WHEN 'p' THEN 'PRIMARY' ELSE 'UNIQUE' END || ' ' || (SELECT upper(string_agg(a.attname, ',' ORDER BY a.attname)) FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey))
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
WHERE t.relnamespace = 'public'::regnamespace AND c.contype IN ('p', 'u')
UNION ALL SELECT upper(table_name) || ' column ' || upper(column_name) || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'
UNION ALL SELECT 'sequence ' || upper(sequence_name) FROM information_schema.sequences WHERE sequence_schema = 'public'
UNION ALL SELECT 'CM_CONSENT_RECEIPT_PROPERTY row ' || CONSENT_RECEIPT_ID || ' ' || NAME || ' ' || PROP_VALUE FROM CM_CONSENT_RECEIPT_PROPERTY
UNION ALL SELECT 'CM_PURPOSE_PII_CAT_ASSOC row ' || PURPOSE_ID || ' ' || CM_PII_CATEGORY_ID || ' ' || IS_MANDATORY FROM CM_PURPOSE_PII_CAT_ASSOC;
