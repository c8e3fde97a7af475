IF NOT EXISTS(SELECT * FROM sys.columns WHERE Name = 'UM_USER_ID' 
          AND object_id = OBJECT_ID('UM_USER'))
BEGIN
ALTER TABLE UM_USER ADD UM_USER_ID CHAR(36) DEFAULT 'N' 
END
BEGIN
  DECLARE @count_rows int
  DECLARE @um_attr_value varchar(100)
  DECLARE @um_id int

    DECLARE cur_um_attr CURSOR LOCAL FOR select T2.UM_ATTR_VALUE, T1.UM_ID
          from UM_USER_ATTRIBUTE T2
            join UM_USER T1
            on T1.UM_ID = T2.UM_USER_ID 
            where T2.um_attr_name ='scimId'      	

  SET @count_rows = 0

  OPEN cur_um_attr	
  -- loop through a cursor
  FETCH NEXT FROM cur_um_attr INTO @um_attr_value, @um_id
    WHILE @@FETCH_STATUS = 0
        BEGIN 	
        update UM_USER 
        set UM_USER_ID = @um_attr_value
        where UM_ID =  @um_id	
      
      SET @count_rows = @count_rows + 1
      FETCH NEXT FROM cur_um_attr INTO @um_attr_value, @um_id
    END 	
    
  CLOSE cur_um_attr
END;

update UM_USER set UM_USER_ID =LOWER(NEWID())  where UM_USER_ID='N' ;
