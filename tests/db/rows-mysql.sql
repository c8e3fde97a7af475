-- Every row of every table of the current MariaDB/MySQL database, one
-- line each: "TABLE|" and the row as a JSON object (NULL is null, not
-- ''; line breaks are escaped), binary columns in hex.  tests/db.sh
-- sorts the lines and compares them on the same engine only.  One
-- query, built from the column list, reads every table.
SET SESSION group_concat_max_len = 16777216;
SELECT GROUP_CONCAT(q ORDER BY TABLE_NAME SEPARATOR ' UNION ALL ')
    INTO @sqlgen_rows
FROM (SELECT c.TABLE_NAME,
        CONCAT('SELECT CONCAT(', QUOTE(CONCAT(c.TABLE_NAME, '|')),
            ', JSON_OBJECT(',
            GROUP_CONCAT(CONCAT(QUOTE(c.COLUMN_NAME), ', ',
                    IF(c.DATA_TYPE LIKE '%blob' OR c.DATA_TYPE LIKE '%binary',
                        CONCAT('HEX(`', c.COLUMN_NAME, '`)'),
                        CONCAT('`', c.COLUMN_NAME, '`')))
                ORDER BY c.ORDINAL_POSITION SEPARATOR ', '),
            ')) FROM `', c.TABLE_NAME, '`') AS q
    FROM information_schema.COLUMNS c
    JOIN information_schema.TABLES t
        ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
    GROUP BY c.TABLE_NAME) per_table;
PREPARE sqlgen_rows FROM @sqlgen_rows;
EXECUTE sqlgen_rows;
DEALLOCATE PREPARE sqlgen_rows;
