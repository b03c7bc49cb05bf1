*=====================================================================
* DMSEXT: EXEC files, MODULE files and PROFILE EXEC. Placeholders
* until EXEC and the loader are written (no literals: no base).
*=====================================================================
IMPEXEC  LA    R15,1                     no EXEC of that name
         LCR   R15,R15
         BR    R14
RUNMOD   LA    R15,1                     no MODULE of that name
         LCR   R15,R15
         BR    R14
PROFILE  SR    R15,R15                   PROFILE EXEC (none yet)
         BR    R14
