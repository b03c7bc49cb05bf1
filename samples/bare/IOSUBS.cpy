*---------------------------------------------------------------------*
*  IOSUBS: the I/O routines of the stand-alone samples (COPY them     *
*  once, after the program's code, under its base register).          *
*                                                                     *
*  BAL 14,DOIO     starts the channel program at R2 on the device R1  *
*                  and waits for its end. The unit and channel status *
*                  go to IOSTAT (X'FFFF' when the device is busy or   *
*                  not there), the CSW to IOCSW (zero when START I/O  *
*                  stored the status itself: condition code 1).       *
*  BAL 14,CONSOLE  writes R3 bytes at R2 on the 3215 at X'009'.       *
*  BAL 14,HEXOUT   R3 bytes at R2 in hexadecimal at R4 (R2-R6 used).  *
*  DONEPSW         the disabled wait X'C0DE' (the DONE macro).        *
*---------------------------------------------------------------------*
DOIO     ST    2,X'48'             CAW: key 0, the CCW address
         XC    IOCSW,IOCSW
         SIO   0(1)
         BC    8,DOIOWAIT          cc 0: wait for the interruption
         BC    4,DOIOSTAT          cc 1: the status is stored
         MVC   IOSTAT,=X'FFFF'     cc 2, 3: busy or not operational
         BR    14
DOIOSTAT MVC   IOSTAT,X'44'
         BR    14
DOIOWAIT MVC   X'78'(8,0),DOIONEW  I/O new PSW: on at DOIOINT
         LPSW  DOIOWPSW            an enabled wait, every channel
DOIOINT  LH    0,X'3A'             the device that interrupted
         CR    0,1
         BNE   DOIOWAIT            not ours: wait again
         MVC   IOCSW,X'40'
         MVC   IOSTAT,X'44'
         BR    14
CONSOLE  STCM  2,7,CONCCW+1        CCW: write with carrier return
         STH   3,CONCCW+6
         LA    1,X'009'
         LA    2,CONCCW
         B     DOIO
HEXOUT   SR    5,5
         IC    5,0(,2)
         LR    6,5
         SRL   5,4
         N     6,=F'15'
         IC    5,HEXDIGS(5)
         IC    6,HEXDIGS(6)
         STC   5,0(,4)
         STC   6,1(,4)
         LA    2,1(,2)
         LA    4,2(,4)
         BCT   3,HEXOUT
         BR    14
         LTORG
         DS    0D
DOIONEW  DC    X'00000000',A(DOIOINT)
DOIOWPSW DC    XL8'FE02000000000000'
CONCCW   CCW   X'09',0,X'20',1
DONEPSW  DC    XL8'000200000000C0DE'
IOCSW    DC    XL8'00'
IOSTAT   DC    XL2'00'
HEXDIGS  DC    C'0123456789ABCDEF'
