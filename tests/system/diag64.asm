*------------------------------------------------------------
*  DIAG64: a stand-alone program for the end-to-end tests of
*  vm370: a named segment by DIAGNOSE X'64'. FINDSYS before it is
*  loaded (cc in R4, where it would go in R5), LOADSYS shared (cc
*  in R6, its start in R7, Ry in R15: inside the machine's
*  storage, cc 1 and the end of what it took), FINDSYS again (cc
*  in R8, its end in R9), its first word (R10), PURGESYS (cc in
*  R11), and FINDSYS of
*  a name that does not exist (cc in R13, R3 = 44 in R14); ends in
*  the wait state X'C0DE'.
*------------------------------------------------------------
DIAG64   START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         LA    2,NAME
         LA    3,X'0C'             FINDSYS
         DC    X'83230064'         DIAGNOSE 2,3,X'64'
         BALR  4,0
         LR    5,2
         LA    2,NAME
         LA    3,0                 LOADSYS, shared
         DC    X'83230064'
         BALR  6,0
         LR    7,2
         LR    15,3
         LA    2,NAME
         LA    3,X'0C'
         DC    X'83230064'
         BALR  8,0
         LR    9,3
         L     10,0(,7)            the segment's first word
         LA    2,NAME
         LA    3,8                 PURGESYS
         DC    X'83230064'
         BALR  11,0
         LA    2,NONAME
         LA    3,X'0C'
         DC    X'83230064'
         BALR  13,0
         LR    14,3
         DONE
         COPY  IOSUBS
         DS    0D
NAME     DC    CL8'ECHOSEG'
NONAME   DC    CL8'NOSUCH'
         END   BEGIN
