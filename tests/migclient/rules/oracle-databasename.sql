REM The delimiter is "/"; a line holding "databasename :=" is replaced.
DECLARE
    databasename VARCHAR2(40);
BEGIN
    databasename := 'WSO2';
    databasename := 'WSO2'; -- the whole line goes, its comment too
    NULL;
END;
/
SELECT 1 FROM DUAL;
/
SELECT 2 FROM DUAL -- a comment
/
SELECT 3 FROM DUAL
