CREATE TABLE T (A INT)
/
--<![CDATA[Start of Procedure]]>--
CREATE PROCEDURE P()
BEGIN
    INSERT INTO T VALUES (1);
END
/
--<![CDATA[End of Procedure]]>--
CALL P()/
