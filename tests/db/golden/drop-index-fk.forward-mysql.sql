-- Every index of the tables drop-index-fk.sg changes, the ones MySQL
-- made for a foreign key included, and each key's rules and rows.
SELECT CONCAT(UPPER(table_name), ' index ', index_name, ' (', GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ', '), ')')
FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name IN ('IDN_OIDC_PROPERTY', 'UM_ORG_ROLE_USER', 'UM_ORG_ROLE_GROUP')
GROUP BY table_name, index_name
UNION ALL SELECT CONCAT(UPPER(table_name), ' foreign key ', constraint_name, ' references ', referenced_table_name, ' on delete ', delete_rule, ' on update ', update_rule)
FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()
UNION ALL SELECT CONCAT('IDN_OIDC_PROPERTY rows ', COUNT(*)) FROM IDN_OIDC_PROPERTY
UNION ALL SELECT CONCAT('UM_ORG_ROLE_USER rows ', COUNT(*)) FROM UM_ORG_ROLE_USER
UNION ALL SELECT CONCAT('UM_ORG_ROLE_GROUP rows ', COUNT(*)) FROM UM_ORG_ROLE_GROUP;
