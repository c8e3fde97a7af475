ALTER TABLE UM_USER ADD COLUMN UM_USER_ID CHAR(36) NOT NULL DEFAULT 'NONE';
ALTER TABLE UM_USER ADD UNIQUE(UM_USER_ID, UM_TENANT_ID);
DELIMITER $$ CREATE FUNCTION update_um_user_id() RETURNS int DETERMINISTIC 
BEGIN
  DECLARE count_rows int;
  DECLARE um_usr_attr_value varchar(100);
  DECLARE um_id int;
  DECLARE done INT DEFAULT FALSE;
  DECLARE cur_um_attr CURSOR FOR 
SELECT
  T2.UM_ATTR_VALUE,
  T1.UM_ID 
FROM
  UM_USER_ATTRIBUTE T2 
  join
      UM_USER T1 
      on T1.UM_ID = T2.UM_USER_ID 
WHERE
  T2.UM_ATTR_NAME in 
  (
      SELECT
        T.ATTRIBUTE_NAME 
      FROM
        IDN_CLAIM_MAPPED_ATTRIBUTE as T 
      WHERE
        T.LOCAL_CLAIM_ID in 
        (
            SELECT
              T3.MAPPED_LOCAL_CLAIM_ID 
            FROM
              IDN_CLAIM_MAPPING as T3 
              JOIN
                  IDN_CLAIM as T4 
                  on T4.ID = T3.EXT_CLAIM_ID 
            WHERE
              T4.CLAIM_URI = 'urn:ietf:params:scim:schemas:core:2.0:id' 
        )
  )
;
DECLARE CONTINUE HANDLER FOR NOT FOUND 
SET
  done = TRUE;
SET
  count_rows = 0;
OPEN cur_um_attr;
read_loop: loop FETCH cur_um_attr INTO um_usr_attr_value,
um_id;
IF done 
THEN
  LEAVE read_loop;
END
IF;
UPDATE
  UM_USER 
SET
  UM_USER_ID = um_usr_attr_value 
WHERE
  UM_ID = um_id;
SET
  count_rows = count_rows + 1;
END
loop;
CLOSE cur_um_attr;
RETURN count_rows;
END
$$ DELIMITER ;
SELECT
  update_um_user_id();
UPDATE
  UM_USER 
SET
  UM_USER_ID = UUID() 
WHERE
  UM_USER_ID IS NULL;
