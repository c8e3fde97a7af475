-- As keys-mysql.sql, for IDN_OAUTH2_DEVICE_FLOW: its keys, its number
-- of columns and of rows.
SELECT CONCAT(UPPER(table_name), ' ', IF(index_name = 'PRIMARY', 'PRIMARY', 'UNIQUE'), ' ', UPPER(GROUP_CONCAT(column_name ORDER BY column_name SEPARATOR ',')))
FROM information_schema.statistics WHERE table_schema = DATABASE() AND non_unique = 0
GROUP BY table_name, index_name
UNION ALL SELECT CONCAT('IDN_OAUTH2_DEVICE_FLOW columns ', COUNT(*)) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'IDN_OAUTH2_DEVICE_FLOW'
UNION ALL SELECT CONCAT('IDN_OAUTH2_DEVICE_FLOW rows ', COUNT(*)) FROM IDN_OAUTH2_DEVICE_FLOW;
