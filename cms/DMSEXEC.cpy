*=====================================================================
* DMSEXEC: EXEC procedures (the EXEC 1 language) and PROFILE EXEC.
* Placeholders until EXEC is written (no literals: no base).
*=====================================================================
IMPEXEC  LA    R15,1                     no EXEC of that name
         LCR   R15,R15
         BR    R14
PROFILE  SR    R15,R15                   PROFILE EXEC (none yet)
         BR    R14
