-- Reads the schema of the current MariaDB/MySQL database, and how many
-- rows each table holds, as raw catalog rows for tests/db/normalise.awk,
-- one "kind|table|..." row per line (see that file for the row kinds).
-- Sequences are tables to information_schema, so columns and indexes
-- come from base tables only.
SELECT CONCAT_WS('|', 'column', c.TABLE_NAME, c.ORDINAL_POSITION,
        c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE,
        IFNULL(c.COLUMN_DEFAULT, ''),
        IF(c.EXTRA LIKE '%auto_increment%', 'YES', 'NO'),
        IF(c.EXTRA LIKE '%on update%', 'YES', 'NO'))
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t
    ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
UNION ALL
-- Every index, including the ones InnoDB adds for foreign keys; the
-- normaliser drops those.  A column keyed by a prefix is "C(n)".
SELECT CONCAT_WS('|', CASE WHEN s.INDEX_NAME = 'PRIMARY' THEN 'pk'
            WHEN s.NON_UNIQUE = 0 THEN 'unique' ELSE 'index' END,
        s.TABLE_NAME, s.INDEX_NAME,
        GROUP_CONCAT(CONCAT(s.COLUMN_NAME,
                IFNULL(CONCAT('(', s.SUB_PART, ')'), ''))
            ORDER BY s.SEQ_IN_INDEX SEPARATOR ','))
FROM information_schema.STATISTICS s
JOIN information_schema.TABLES t
    ON t.TABLE_SCHEMA = s.TABLE_SCHEMA AND t.TABLE_NAME = s.TABLE_NAME
WHERE s.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
GROUP BY s.TABLE_NAME, s.INDEX_NAME, s.NON_UNIQUE
UNION ALL
SELECT CONCAT_WS('|', 'fk', k.TABLE_NAME, k.CONSTRAINT_NAME,
        GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ','),
        k.REFERENCED_TABLE_NAME,
        GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION
            SEPARATOR ','),
        r.DELETE_RULE)
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
    ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
    AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME,
    r.DELETE_RULE
UNION ALL
SELECT CONCAT('sequence|', TABLE_NAME)
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE';

-- TABLE_ROWS is an estimate for InnoDB: count instead, with one query
-- built from the table list.
SELECT GROUP_CONCAT(CONCAT('SELECT CONCAT(''rows|', TABLE_NAME,
            '|'', COUNT(*)) FROM `', TABLE_NAME, '`')
        SEPARATOR ' UNION ALL ')
    INTO @sqlgen_rows
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE';
PREPARE sqlgen_rows FROM @sqlgen_rows;
EXECUTE sqlgen_rows;
DEALLOCATE PREPARE sqlgen_rows;
