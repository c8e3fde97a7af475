-- Each line rule of the migration client's runner, for the twin and
-- sqlgen split's model to agree on (tests/migclient.sh).
// a line starting "//" is dropped
REM and one whose first word is REM
rem	in any case, whatever blank follows
REMARK is no REM: this line is kept, and joined to the next
SELECT 1;
-- lines are trimmed (here a tab before and blanks after)
	SELECT	2 ;   
SELECT 3; -- a trailing comment: a newline, so the ";" does not end it
SELECT 4;
SELECT 5 -- a comment mid-statement
     FROM DUAL;

-- a statement of blanks is not sent, one of ";" is
;
;;
DELIMITER $$
CREATE PROCEDURE p()
BEGIN
    SELECT 1;
END$$
-- a DELIMITER in a comment: the delimiter becomes its second word
SELECT 6 FROM a
DELIMITER ;
--<![CDATA[Start of Procedure]]>--
CREATE PROCEDURE q()
BEGIN
    SELECT 1; -- runs to the end of the procedure once joined
    SELECT 2;
END;
--<![CDATA[End of Procedure]]>--
Start of Procedure, End of Procedure: a line holding both starts one
SELECT 7;
End of Procedure
SELECT 8
