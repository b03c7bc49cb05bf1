*--------------------------------------------------------------------*
*  DASDIO: a stand-alone DASD program, IPLed from cards. On a 3350 it *
*  writes twelve records on cylinder 1 (six on head 0, six on head 1) *
*  with WRITE CKD after a SEARCH ID of record 0, finds one by its key *
*  with a multitrack SEARCH KEY EQUAL, one by its ID, updates one     *
*  with WRITE DATA, reads every record back with READ COUNT KEY AND   *
*  DATA and checks it, erases the end of a track and shows the "no    *
*  record found" that follows (with its sense bytes). A listing goes  *
*  to the printer, a summary to the console; it ends in the wait      *
*  state X'C0DE'.                                                     *
*--------------------------------------------------------------------*
* IPL: cards 00C
* DEVICE: 009 3215
* DEVICE: 00C 2540R
* DEVICE: 00E 1403
* DEVICE: 190 3350
DASDIO   START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         LA    2,HELLO
         LA    3,L'HELLO
         BAL   14,CONSOLE
         LA    1,X'00E'
         LA    2,HEADCCW
         BAL   14,DOIO
         BAL   14,MAKERECS
*---- Write: one channel program a track ----------------------------*
         SR    9,9                 head
WTRACK   STC   9,SEEKARG+5
         STC   9,IDARG+3
         MVI   IDARG+4,0           search ID: R0 of the track
         L     8,ARECS             the track's six records
         LR    0,9
         MH    0,=H'1896'
         AR    8,0
         LA    6,WCCWS+24          six WRITE CKD CCWs after the search
         LA    7,6
WCCW     ST    8,0(,6)
         MVI   0(6),X'1D'
         MVC   4(4,6),WCKDFL
         LA    8,316(,8)
         LA    6,8(,6)
         BCT   7,WCCW
         MVI   WCCWS+24+5*8+4,X'00'    the last one ends the chain
         LA    1,X'190'
         LA    2,WCCWS
         BAL   14,DOIO
         BAL   14,CHECK
         LA    9,1(,9)
         C     9,=F'2'
         BL    WTRACK
*---- Find KEY00010 with a multitrack key search from head 0 --------*
         MVI   SEEKARG+5,0
         LA    1,X'190'
         LA    2,KCCWS
         BAL   14,DOIO
         BAL   14,CHECK
         L     2,ARECS             record 10: head 1, R4
         LA    2,9*316+16(,2)
         CLC   0(256,2),RBUF
         BNE   KSAY
         CLC   256(44,2),RBUF+256
KSAY     MVI   KRES,C'O'
         BE    KPRINT
         MVI   KRES,C'X'
         BAL   14,BAD
KPRINT   LA    1,X'00E'
         LA    2,KPCCW
         BAL   14,DOIO
*---- Read R4 of head 0 by its ID: key and data ---------------------*
         MVI   SEEKARG+5,0
         MVI   IDARG+3,0
         MVI   IDARG+4,4
         LA    1,X'190'
         LA    2,ICCWS
         BAL   14,DOIO
         BAL   14,CHECK
         L     2,ARECS
         LA    2,3*316+8(,2)
         CLC   0(256,2),RBUF
         BNE   ISAY
         CLC   256(52,2),RBUF+256
ISAY     MVI   IRES,C'O'
         BE    IPRINT
         MVI   IRES,C'X'
         BAL   14,BAD
IPRINT   LA    1,X'00E'
         LA    2,IPCCW
         BAL   14,DOIO
*---- Update R3 of head 1 with WRITE DATA ----------------------------*
         MVI   SEEKARG+5,1
         MVI   IDARG+3,1
         MVI   IDARG+4,3
         L     2,ARECS             the new data, in the record's buffer
         LA    2,8*316+16(,2)
         MVC   0(256,2),NEWDATA
         MVC   256(44,2),NEWDATA+256
         ST    2,UCCWS+24
         MVI   UCCWS+24,X'05'
         LA    1,X'190'
         LA    2,UCCWS
         BAL   14,DOIO
         BAL   14,CHECK
*---- Read everything back -------------------------------------------*
         SR    9,9
RTRACK   STC   9,SEEKARG+5
         LA    1,X'190'
         LA    2,RCCWS
         BAL   14,DOIO
         BAL   14,CHECK
         L     8,ARECS             expected
         LR    0,9
         MH    0,=H'1896'
         AR    8,0
         L     7,ARBUF             read
         LA    10,6
RREC     CLC   0(256,8),0(7)
         BNE   RSAY
         CLC   256(60,8),256(7)
RSAY     MVI   RLINE+30,C'O'
         BE    RPRINT
         MVI   RLINE+30,C'X'
         BAL   14,BAD
RPRINT   LR    2,7                 the count, in hex
         LA    3,5
         LA    4,RLINE
         BAL   14,HEXOUT
         MVC   RLINE+14(8),8(7)    the key
         SR    2,2
         ICM   2,3,6(7)            the data length
         LA    4,RLINE+25
         BAL   14,DECOUT3
         LA    1,X'00E'
         LA    2,RLCCW
         BAL   14,DOIO
         AP    NREAD,=P'1'
         LA    8,316(,8)
         LA    7,316(,7)
         BCT   10,RREC
         LA    9,1(,9)
         C     9,=F'2'
         BL    RTRACK
*---- Erase after R5 of head 0, then R6 is not found ----------------*
         MVI   SEEKARG+5,0
         MVI   IDARG+3,0
         MVI   IDARG+4,5
         LA    1,X'190'
         LA    2,ECCWS
         BAL   14,DOIO
         BAL   14,CHECK
         MVI   IDARG+4,6
         LA    1,X'190'
         LA    2,NCCWS
         BAL   14,DOIO             unit check: no record found
         MVC   NSTAT,IOSTAT
         LA    1,X'190'
         LA    2,SCCW
         BAL   14,DOIO
         LA    2,NSTAT
         LA    3,2
         LA    4,NFLINE+22
         BAL   14,HEXOUT
         LA    2,SENSE
         LA    3,8
         LA    4,NFLINE+34
         BAL   14,HEXOUT
         LA    1,X'00E'
         LA    2,NFCCW
         BAL   14,DOIO
*---- Summary --------------------------------------------------------*
         UNPK  BYEN(3),NREAD
         OI    BYEN+2,X'F0'
         UNPK  BYEE(3),NBAD
         OI    BYEE+2,X'F0'
         LA    2,BYE
         LA    3,BYEL
         BAL   14,CONSOLE
         LA    1,X'00E'
         LA    2,ENDCCW
         BAL   14,DOIO
         DONE
*--------------------------------------------------------------------*
*  MAKERECS: the twelve records at ARECS: count (CC 1, HH 0 or 1,     *
*  R 1-6, KL 8, DL 300), key 'KEYnnnnn', 300 bytes of data ('RECORD   *
*  nnnnn' and the record's number repeated).                          *
*--------------------------------------------------------------------*
MAKERECS ST    14,SAVE14
         L     8,ARECS
         LA    7,1                 record 1..12
MK       LR    0,7
         BCTR  0,0
         SR    1,1
         SRDA  0,32
         D     0,=F'6'             R0 = r-1 mod 6, R1 = head
         STC   1,3(,8)             HH
         LR    2,0
         LA    2,1(,2)
         STC   2,4(,8)             R
         MVC   0(3,8),=X'000100'   CC 1
         MVC   5(3,8),=X'08012C'   KL 8, DL 300
         MVC   8(3,8),=C'KEY'
         CVD   7,DWORK
         UNPK  11(5,8),DWORK+5(3)
         OI    15(8),X'F0'
         MVC   16(7,8),=C'RECORD '
         MVC   23(5,8),11(8)
         STC   7,28(,8)            the number, propagated
         MVC   29(256,8),28(8)
         MVC   285(31,8),284(8)
         LA    8,316(,8)
         LA    7,1(,7)
         C     7,=F'13'
         BL    MK
         L     14,SAVE14
         BR    14
* A channel program that did not end with channel end and device end
* alone counts as an error.
CHECK    CLC   IOSTAT,=X'0C00'
         BER   14
BAD      AP    NBAD,=P'1'
         BR    14
* R2 (up to 999) as three decimal digits at R4.
DECOUT3  CVD   2,DWORK
         UNPK  0(3,4),DWORK+6(2)
         OI    2(4),X'F0'
         BR    14
         COPY  IOSUBS
DWORK    DC    D'0'
SAVE14   DC    F'0'
ARECS    DC    A(X'3000')          the records as written
ARBUF    DC    A(X'5000')          a track read back
* Write a track: seek, search ID R0, TIC back, six WRITE CKD.
WCCWS    CCW   X'07',SEEKARG,X'40',6
WSRCH    CCW   X'31',IDARG,X'40',5
         CCW   X'08',WSRCH,0,0
         DC    6XL8'00'
WCKDFL   DC    X'4000013C'         chained, 316 bytes
* A multitrack search for KEY00010, then its data.
KCCWS    CCW   X'07',SEEKARG,X'40',6
KSRCH    CCW   X'A9',KEY10,X'40',8
         CCW   X'08',KSRCH,0,0
         CCW   X'06',RBUF,0,300
* Search ID, then key and data.
ICCWS    CCW   X'07',SEEKARG,X'40',6
ISRCH    CCW   X'31',IDARG,X'40',5
         CCW   X'08',ISRCH,0,0
         CCW   X'0E',RBUF,0,308
* Search ID, then WRITE DATA (the data address is filled in).
UCCWS    CCW   X'07',SEEKARG,X'40',6
USRCH    CCW   X'31',IDARG,X'40',5
         CCW   X'08',USRCH,0,0
         CCW   0,0,0,300
* A track back: seek, R0, then six READ CKD.
RCCWS    CCW   X'07',SEEKARG,X'40',6
         CCW   X'16',R0BUF,X'60',16
         CCW   X'1E',X'5000',X'60',316
         CCW   X'1E',X'513C',X'60',316
         CCW   X'1E',X'5278',X'60',316
         CCW   X'1E',X'53B4',X'60',316
         CCW   X'1E',X'54F0',X'60',316
         CCW   X'1E',X'562C',X'20',316
* Search ID, then ERASE (the count of a record of 8 + 8 + 300).
ECCWS    CCW   X'07',SEEKARG,X'40',6
ESRCH    CCW   X'31',IDARG,X'40',5
         CCW   X'08',ESRCH,0,0
         CCW   X'11',ERASECNT,X'20',316
* Search ID R6 (gone), then READ DATA.
NCCWS    CCW   X'07',SEEKARG,X'40',6
NSRCH    CCW   X'31',IDARG,X'60',5
         CCW   X'08',NSRCH,0,0
         CCW   X'06',RBUF,X'20',300
SCCW     CCW   X'04',SENSE,X'20',24
* The printer.
HEADCCW  CCW   X'8B',0,X'60',1
         CCW   X'11',HEADING,X'20',L'HEADING
KPCCW    CCW   X'09',KLINE,X'20',KLINEL
IPCCW    CCW   X'09',ILINE,X'20',ILINEL
RLCCW    CCW   X'09',RLINE,X'20',L'RLINE
NFCCW    CCW   X'19',NFLINE,X'20',L'NFLINE
ENDCCW   CCW   X'89',BYE,X'20',BYEL
SEEKARG  DC    XL6'000000010000'   BBCCHH: cylinder 1
IDARG    DC    XL5'0001000000'     CCHHR
ERASECNT DC    XL8'000100000708012C'
NREAD    DC    PL2'0'
NBAD     DC    PL2'0'
NSTAT    DC    XL2'00'
SENSE    DC    XL24'00'
R0BUF    DC    XL16'00'
RBUF     DC    XL316'00'
NEWDATA  DC    300C'U'
KEY10    DC    C'KEY00010'
HELLO    DC    C'DASDIO: RECORDS ON THE 3350 AT 190'
HEADING  DC    C'DASDIO  CCHHR       KEY         DL   CHECK'
KLINE    DC    C'MULTITRACK KEY SEARCH KEY00010: '
KRES     DC    C'?'
KLINEL   EQU   *-KLINE
ILINE    DC    C'SEARCH ID 0001000004, KEY AND DATA: '
IRES     DC    C'?'
ILINEL   EQU   *-ILINE
RLINE    DC    C'0000000000    KEY00000   000  ?'
NFLINE   DC    C'AFTER ERASE, R6: CSW  0000  SENSE 0000000000000000'
BYE      DC    C'DASDIO: 000 RECORDS READ BACK, 000 ERRORS'
BYEL     EQU   *-BYE
BYEN     EQU   BYE+8
BYEE     EQU   BYE+31
         END   BEGIN
