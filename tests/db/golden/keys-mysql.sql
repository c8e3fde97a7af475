-- As keys-postgresql.sql: MySQL's keys are its unique indexes.
SELECT CONCAT(UPPER(table_name), ' ', IF(index_name = 'PRIMARY', 'PRIMARY', 'UNIQUE'), ' ', UPPER(GROUP_CONCAT(column_name ORDER BY column_name SEPARATOR ',')))
FROM information_schema.statistics WHERE table_schema = DATABASE() AND non_unique = 0
GROUP BY table_name, index_name
UNION ALL SELECT CONCAT('UM_USER rows ', COUNT(*)) FROM UM_USER
UNION ALL SELECT CONCAT('IDN_OAUTH2_TOKEN_BINDING rows ', COUNT(*)) FROM IDN_OAUTH2_TOKEN_BINDING
UNION ALL SELECT CONCAT('IDN_FED_AUTH_SESSION_MAPPING rows ', COUNT(*)) FROM IDN_FED_AUTH_SESSION_MAPPING;
