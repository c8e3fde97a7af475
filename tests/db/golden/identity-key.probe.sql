-- After the second forward run: a row inserted without ID gets the next
-- number (identity-key.forward.out shows it; identity-key.unprobe.sql
-- deletes it again before the rollback).
INSERT INTO CM_CONSENT_RECEIPT_PROPERTY (CONSENT_RECEIPT_ID, NAME, PROP_VALUE) VALUES ('r3', 'c', 'new');
INSERT INTO CM_PURPOSE_PII_CAT_ASSOC (PURPOSE_ID, CM_PII_CATEGORY_ID, IS_MANDATORY) VALUES (2, 1, 1);
