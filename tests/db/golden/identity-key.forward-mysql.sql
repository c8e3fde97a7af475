-- As identity-key.forward-postgresql.sql: MySQL's keys are its unique indexes.
SELECT CONCAT(UPPER(table_name), ' ', IF(index_name = 'PRIMARY', 'PRIMARY', 'UNIQUE'), ' ', UPPER(GROUP_CONCAT(column_name ORDER BY column_name SEPARATOR ',')))
FROM information_schema.statistics WHERE table_schema = DATABASE() AND non_unique = 0
GROUP BY table_name, index_name
UNION ALL SELECT CONCAT(UPPER(table_name), ' column ', UPPER(column_name), ' ', is_nullable) FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'ID'
UNION ALL SELECT CONCAT('CM_CONSENT_RECEIPT_PROPERTY row ', ID, ' ', CONSENT_RECEIPT_ID, ' ', NAME, ' ', PROP_VALUE) FROM CM_CONSENT_RECEIPT_PROPERTY
UNION ALL SELECT CONCAT('CM_PURPOSE_PII_CAT_ASSOC row ', ID, ' ', PURPOSE_ID, ' ', CM_PII_CATEGORY_ID, ' ', IS_MANDATORY) FROM CM_PURPOSE_PII_CAT_ASSOC;
