*------------------------------------------------------------
*  DIAG64HI: a named segment above the machine's storage
*  (DIAGNOSE X'64'): LOADSYS shared of HIGHSEG (cc in R4, its start
*  in R5), its first word (R6), the machine's size by DIAGNOSE
*  X'60' (R7: unchanged), PURGESYS (cc in R8); ends in the wait
*  state X'C0DE'.
*------------------------------------------------------------
DIAG64HI START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         LA    2,NAME
         LA    3,0                 LOADSYS, shared
         DC    X'83230064'         DIAGNOSE 2,3,X'64'
         BALR  4,0
         LR    5,2
         L     6,0(,5)             the segment's first word
         DC    X'83700060'         DIAGNOSE 7,0,X'60': the size
         LA    2,NAME
         LA    3,8                 PURGESYS
         DC    X'83230064'
         BALR  8,0
         DONE
         COPY  IOSUBS
         DS    0D
NAME     DC    CL8'HIGHSEG'
         END   BEGIN
