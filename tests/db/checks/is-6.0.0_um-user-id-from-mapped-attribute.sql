-- After um-user-id-from-mapped-attribute: the claim mapping is read for
-- the user's own tenant, and the fixture maps the SCIM id only for tenant
-- -1234, so its user with a scimId gets it and the tenant-1 user (whose
-- tenant maps nothing) keeps a fresh UUID.  Then: how many users hold
-- their own scimId, how many a fresh 36-character value that is nobody's
-- scimId, and how many distinct values there are.
SELECT COUNT(*) FROM UM_USER U
 WHERE EXISTS (SELECT 1 FROM UM_USER_ATTRIBUTE A
               WHERE A.UM_USER_ID = U.UM_ID AND A.UM_ATTR_NAME = 'scimId'
                 AND A.UM_ATTR_VALUE = U.UM_USER_ID);
SELECT COUNT(*) FROM UM_USER U
 WHERE LENGTH(U.UM_USER_ID) = 36 AND U.UM_USER_ID <> 'NONE'
   AND NOT EXISTS (SELECT 1 FROM UM_USER_ATTRIBUTE A
                   WHERE A.UM_ATTR_NAME = 'scimId'
                     AND A.UM_ATTR_VALUE = U.UM_USER_ID);
SELECT COUNT(DISTINCT UM_USER_ID) FROM UM_USER;
