*------------------------------------------------------------
*  DIAG24: a stand-alone program for the end-to-end tests of
*  vm370: DIAGNOSE X'24' for the virtual console (Rx = -1). It
*  types "DIAG24 cuu vvvvvvvv rrrrrrrr": the console's address,
*  the virtual device's codes (Ry) and the real device's (Ry+1,
*  the user's terminal), in hexadecimal, and ends in the wait
*  state X'C0DE' (X'BAD0' when the DIAGNOSE fails).
*------------------------------------------------------------
DIAG24   START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         L     2,=F'-1'            the virtual console
         DC    X'83240024'         DIAGNOSE 2,4,X'24'
         BNZ   FAIL
         STH   2,WORK+2            its address: 3 digits
         UNPK  HEX(9),WORK(5)
         TR    HEX(8),HEXTAB-C'0'
         MVC   OUTCUU,HEX+5
         ST    4,WORK
         UNPK  HEX(9),WORK(5)
         TR    HEX(8),HEXTAB-C'0'
         MVC   OUTV,HEX
         ST    5,WORK
         UNPK  HEX(9),WORK(5)
         TR    HEX(8),HEXTAB-C'0'
         MVC   OUTR,HEX
         LA    2,OUT
         LA    3,L'OUT
         BAL   14,CONSOLE
         DONE
FAIL     LPSW  BADPSW
         COPY  IOSUBS
         DS    0D
BADPSW   DC    X'000200000000BAD0'
WORK     DC    F'0',X'00'
HEX      DS    CL9
HEXTAB   DC    C'0123456789ABCDEF'
OUT      DS    0CL33
         DC    C'DIAG24 '
OUTCUU   DS    CL3
         DC    C' '
OUTV     DS    CL8
         DC    C' '
OUTR     DS    CL8
         END   BEGIN
