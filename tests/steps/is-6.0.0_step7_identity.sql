-- After step 7 (identity): the rows each table had are kept and
-- numbered from 1; the federated session mappings, keyed by ID now,
-- belong to tenant 0.
SELECT ID FROM IDN_OAUTH2_ACCESS_TOKEN_AUDIT ORDER BY ID;
SELECT ID FROM IDN_OAUTH2_SCOPE_BINDING ORDER BY ID;
SELECT ID FROM IDN_OAUTH2_CIBA_REQUEST_SCOPES ORDER BY ID;
SELECT CONCAT(ID, ':', TENANT_ID) FROM IDN_FED_AUTH_SESSION_MAPPING ORDER BY ID;
