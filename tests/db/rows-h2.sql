-- Every row of every table of the current H2 2.x database, one line
-- each: "TABLE|" and the row as a JSON object (NULL is null, not '';
-- line breaks are escaped; RunScript -showResults alone prints both
-- NULL and 'null' as null), binary columns in hex.  tests/db.sh sorts
-- the lines and compares them on the same engine only.  As in
-- catalog-h2.sql, one statement built from the column list fills a
-- table of this session only, which is then read; its name differs from
-- that file's, since tests/db.sh runs both in one session.
CREATE LOCAL TEMPORARY TABLE SQLGEN_ROW_LINES (LINE CHARACTER VARYING);
EXECUTE IMMEDIATE (SELECT 'INSERT INTO SQLGEN_ROW_LINES '
    || LISTAGG(Q, ' UNION ALL ') WITHIN GROUP (ORDER BY TABLE_NAME)
    FROM (SELECT c.TABLE_NAME,
            'SELECT ''' || c.TABLE_NAME || '|'' || CAST(JSON_OBJECT('
            || LISTAGG('''' || c.COLUMN_NAME || ''': '
                || CASE WHEN c.DATA_TYPE LIKE '%BINARY%'
                    THEN 'RAWTOHEX(CAST("' || c.COLUMN_NAME
                        || '" AS BINARY VARYING))'
                    ELSE '"' || c.COLUMN_NAME || '"' END, ', ')
                WITHIN GROUP (ORDER BY c.ORDINAL_POSITION)
            || ') AS CHARACTER VARYING) FROM "' || c.TABLE_NAME || '"' AS Q
        FROM INFORMATION_SCHEMA.COLUMNS c
        JOIN INFORMATION_SCHEMA.TABLES t
            ON t.TABLE_SCHEMA = c.TABLE_SCHEMA
            AND t.TABLE_NAME = c.TABLE_NAME
        WHERE c.TABLE_SCHEMA = 'PUBLIC' AND t.TABLE_TYPE = 'BASE TABLE'
        GROUP BY c.TABLE_NAME));
SELECT LINE FROM SQLGEN_ROW_LINES;
