DECLARE
v_um_attr_value varchar2(100);
v_um_id number;
CURSOR cur_um_attr IS
      select T2.um_attr_value, T1.um_id
        from um_user_attribute  T2
          join um_user T1
          on T1.um_Id = T2.um_user_id 
          where T2.um_attr_name ='scimId';    
BEGIN	

  OPEN cur_um_attr;
  LOOP
    FETCH cur_um_attr INTO v_um_attr_value, v_um_id;
      IF cur_um_attr%NOTFOUND THEN
              EXIT;
            END If;
          
          update um_user
      set um_user_id = v_um_attr_value
      where um_id =  v_um_id;		
      
  END LOOP;
  CLOSE cur_um_attr; 
  
END;
/
