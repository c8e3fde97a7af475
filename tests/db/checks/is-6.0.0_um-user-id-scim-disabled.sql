-- After a UM_USER_ID step: how many users hold their own scimId, how
-- many hold a fresh 36-character value that is nobody's scimId, and how
-- many distinct values there are (every user must have one of his own).
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
