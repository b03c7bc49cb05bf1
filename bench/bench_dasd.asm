*---------------------------------------------------------------------*
*  BENCH_DASD: the DASD benchmark. IPLed from cards, it writes 10 MiB *
*  to a 3350 (640 tracks from cylinder 1, one 16 KiB record a track,  *
*  each a channel program SEEK, SEARCH ID R0, TIC, WRITE CKD) and     *
*  reads it back (SEEK, SEARCH ID R1, TIC, READ DATA), saying on the  *
*  console when each phase begins and ends: bench_dasd.py times the   *
*  lines. Ends in the wait state X'C0DE', or X'BAD' if a channel      *
*  program fails. SETUP, DONE and IOSUBS are in samples/bare.         *
*---------------------------------------------------------------------*
BENCH    START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         L     6,ACOUNT            the record: R1, no key, 16 KiB
         MVC   4(4,6),=X'01004000'
         L     2,ADATA             of X'A5'
         L     3,=F'16384'
         SR    4,4
         L     5,=X'A5000000'
         MVCL  2,4
         LA    2,M1
         LA    3,L'M1
         BAL   14,CONSOLE
         MVI   IDARG+4,0           write after a search of R0
         SR    9,9                 track 0..639
WLOOP    BAL   14,WHERE
         LA    1,X'190'
         LA    2,WCCWS
         BAL   14,DOIO
         CLC   IOSTAT,=X'0C00'
         BNE   FAIL
         LA    9,1(,9)
         C     9,=F'640'
         BL    WLOOP
         LA    2,M2
         LA    3,L'M2
         BAL   14,CONSOLE
         MVI   IDARG+4,1           read R1
         SR    9,9
RLOOP    BAL   14,WHERE
         LA    1,X'190'
         LA    2,RCCWS
         BAL   14,DOIO
         CLC   IOSTAT,=X'0C00'
         BNE   FAIL
         LA    9,1(,9)
         C     9,=F'640'
         BL    RLOOP
         LA    2,M3
         LA    3,L'M3
         BAL   14,CONSOLE
         DONE
FAIL     LPSW  FAILPSW
* Track R9: cylinder 1 + R9 / 30, head R9 mod 30, into the seek and
* search arguments and the count of the record.
WHERE    SR    4,4
         LR    5,9
         D     4,=F'30'            R4 head, R5 cylinder - 1
         LA    5,1(,5)
         STH   5,SEEKARG+2
         STH   4,SEEKARG+4
         STH   5,IDARG
         STH   4,IDARG+2
         L     6,ACOUNT
         STH   5,0(,6)
         STH   4,2(,6)
         BR    14
         COPY  IOSUBS
FAILPSW  DC    XL8'0002000000000BAD'
ACOUNT   DC    A(X'FFF8')          the count field, the data after it
ADATA    DC    A(X'10000')
WCCWS    CCW   X'07',SEEKARG,X'40',6
WS       CCW   X'31',IDARG,X'40',5
         CCW   X'08',WS,0,0
         CCW   X'1D',X'FFF8',0,X'4008'     WRITE CKD: count + 16 KiB
RCCWS    CCW   X'07',SEEKARG,X'40',6
RS       CCW   X'31',IDARG,X'40',5
         CCW   X'08',RS,0,0
         CCW   X'06',X'10000',0,X'4000'    READ DATA: 16 KiB
SEEKARG  DC    XL6'00'             BBCCHH
IDARG    DC    XL5'00'             CCHHR
M1       DC    C'BENCH WRITE START'
M2       DC    C'BENCH WRITE DONE '
M3       DC    C'BENCH READ DONE  '
         END   BEGIN
