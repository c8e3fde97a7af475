SELECT 1;
--<![CDATA[Start of Procedure]]>--
--<![CDATA[End of Procedure]]>--
SELECT 2;
