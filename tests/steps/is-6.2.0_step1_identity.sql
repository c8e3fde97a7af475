-- After 6.2.0 step 1: each application's audience, copied once as each
-- new property, however often the step runs.
SELECT COUNT(*) FROM IDN_OIDC_PROPERTY WHERE PROPERTY_KEY = 'idTokenAudience';
SELECT COUNT(*) FROM IDN_OIDC_PROPERTY WHERE PROPERTY_KEY = 'accessTokenAudience';
SELECT PROPERTY_VALUE FROM IDN_OIDC_PROPERTY
 WHERE PROPERTY_KEY = 'accessTokenAudience' ORDER BY PROPERTY_VALUE;
