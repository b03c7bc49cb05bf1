*---------------------------------------------------------------------*
*  DISKIPL: a stand-alone program IPLed from a 3350 (mkdisk.py puts   *
*  it on track 0: R1 holds the IPL PSW and a READ DATA of R2, R2 the  *
*  program). It says on the console where it was loaded from (the I/O *
*  address that IPL stored at X'02'), lists the records of its own    *
*  IPL track on the printer, writes a record on cylinder 2 and reads  *
*  it back, and ends in the wait state X'C0DE'.                       *
*---------------------------------------------------------------------*
* IPL: disk 190
* DEVICE: 009 3215
* DEVICE: 00E 1403
* DEVICE: 190 3350
DISKIPL  START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         MVC   IPLFROM,2           the IPL device, before it moves
         SETUP
         LA    2,IPLFROM
         LA    3,2
         LA    4,HELLON
         BAL   14,HEXOUT
         LA    2,HELLO
         LA    3,HELLOL
         BAL   14,CONSOLE
* The IPL track: record 0, then the counts of R1 and R2.
         LA    1,X'190'
         LA    2,TCCWS
         BAL   14,DOIO
         LA    2,CNT1
         LA    3,8
         LA    4,TLINE1+6
         BAL   14,HEXOUT
         LA    2,CNT2
         LA    3,8
         LA    4,TLINE2+6
         BAL   14,HEXOUT
         LA    1,X'00E'
         LA    2,TPCCWS
         BAL   14,DOIO
* A record on cylinder 2, then read back.
         LA    1,X'190'
         LA    2,WCCWS
         BAL   14,DOIO
         LA    1,X'190'
         LA    2,RCCWS
         BAL   14,DOIO
         CLC   RBUF,RECDATA
         MVI   WRES,C'O'
         BE    SAYIT
         MVI   WRES,C'X'
SAYIT    LA    1,X'00E'
         LA    2,WPCCW
         BAL   14,DOIO
         LA    2,BYE
         LA    3,L'BYE
         BAL   14,CONSOLE
         DONE
         COPY  IOSUBS
IPLFROM  DC    XL2'00'
         DS    0D
* The IPL track: seek cylinder 0 head 0, R0, then the counts of R1, R2.
TCCWS    CCW   X'07',SEEK0,X'40',6
         CCW   X'16',R0,X'60',16
         CCW   X'12',CNT1,X'60',8
         CCW   X'12',CNT2,X'20',8
TPCCWS   CCW   X'8B',0,X'60',1
         CCW   X'09',TLINE1,X'60',TLINEL
         CCW   X'11',TLINE2,X'20',TLINEL
* Write R1 on cylinder 2 head 0 after a search of R0.
WCCWS    CCW   X'07',SEEK2,X'40',6
WSRCH    CCW   X'31',ID2R0,X'40',5
         CCW   X'08',WSRCH,0,0
         CCW   X'1D',REC,0,48
RCCWS    CCW   X'07',SEEK2,X'40',6
RSRCH    CCW   X'31',ID2R1,X'40',5
         CCW   X'08',RSRCH,0,0
         CCW   X'06',RBUF,X'20',40
WPCCW    CCW   X'89',WLINE,X'20',WLINEL
SEEK0    DC    XL6'000000000000'   BBCCHH
SEEK2    DC    XL6'000000020000'
ID2R0    DC    XL5'0002000000'     CCHHR
ID2R1    DC    XL5'0002000001'
R0       DC    XL16'00'
CNT1     DC    XL8'00'
CNT2     DC    XL8'00'
RBUF     DC    XL40'00'
REC      DC    XL8'0002000001000028'   CCHHR, no key, 40 bytes
RECDATA  DC    CL40'HELLO FROM DISKIPL, WRITTEN ON CYLINDER 2'
HELLO    DC    C'DISKIPL: LOADED BY IPL FROM '
HELLON   DC    C'0000'
HELLOL   EQU   *-HELLO
TLINE1   DC    C'IPL1  0000000000000000'
TLINEL   EQU   *-TLINE1
TLINE2   DC    C'IPL2  0000000000000000'
WLINE    DC    C'RECORD 0002000001 WRITTEN AND READ BACK: '
WRES     DC    C'?'
WLINEL   EQU   *-WLINE
BYE      DC    C'DISKIPL: DONE'
         END   BEGIN
