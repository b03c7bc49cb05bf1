*=====================================================================
* DMSACC: ACCESS, RELEASE (R6's DMSACC, DMSARE), QUERY DISK and QUERY
* SEARCH (QUERYFS, for DMSQRY), SET's items of the file system
* (SETFS: none).
*=====================================================================
*---------------------------------------------------------------------
* ACCESS [cuu [mode[/ext [fn [ft [fm]]]]]] [(NOPROF ERASE MODE0]: the
* disk at cuu (191) becomes mode (A); with /ext a read-only extension
* of mode ext, holding only the files fn ft fm (each * for any).
* R15 = 0; 24 a bad operand; 100 the disk is not there, or is not a
* CMS disk (DMSACC113S, DMSACC112S).
*---------------------------------------------------------------------
ACCESS   CMSENT WORK=40
         USING AXWK,R13
         LR    R11,R1
         LA    R1,X'191'
         ST    R1,AXCUU
         MVI   AXMODE,C'A'
         MVI   AXEXT,0
         MVI   AXERASE,0
         MVC   AXFILT,=CL24'*       *       *'
         LA    R10,8(,R11)
         CLI   0(R10),X'FF'
         BE    AX5
         CLI   0(R10),C'('
         BE    AXOPT
         LR    R1,R10                    the device
         LA    R2,16
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   AXBADDEV
         LTR   R0,R0
         BZ    AXBADDEV
         C     R0,=A(X'FFF')
         BH    AXBADDEV
         ST    R0,AXCUU
         LA    R10,8(,R10)
         CLI   0(R10),X'FF'              the mode
         BE    AXNOMODE
         CLI   0(R10),C'('
         BE    AXNOMODE
         IC    R1,0(,R10)
         NUCALL ADTOF
         LTR   R1,R1
         BZ    AXBADMOD
         MVC   AXMODE,0(R10)
         CLI   1(R10),C' '
         BE    AX2
         CLI   1(R10),C'/'
         BNE   AXBADMOD
         CLC   3(5,R10),=CL5' '
         BNE   AXBADMOD
         IC    R1,2(,R10)
         NUCALL ADTOF
         LTR   R1,R1
         BZ    AXBADMOD
         MVC   AXEXT,2(R10)
         B     AX3
AX2      CLC   1(7,R10),=CL7' '
         BNE   AXBADMOD
AX3      LA    R10,8(,R10)
* fn ft fm of a subset (an extension's).
         LA    R9,AXFILT
         LA    R8,3
AX4      CLI   0(R10),X'FF'
         BE    AX5
         CLI   0(R10),C'('
         BE    AXOPT
         LTR   R8,R8
         BZ    AXBADPAR
         CLI   AXEXT,0
         BE    AXBADPAR
         MVC   0(8,R9),0(R10)
         LA    R9,8(,R9)
         LA    R10,8(,R10)
         BCTR  R8,0
         B     AX4
AXOPT    LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    AX5
         CLI   0(R10),C')'
         BE    AX5
         CLC   0(8,R10),=CL8'NOPROF'
         BE    AXOPT
         CLC   0(8,R10),=CL8'MODE0'
         BE    AXOPT
         CLC   0(8,R10),=CL8'ERASE'
         BNE   AXBADOPT
         MVI   AXERASE,1
         B     AXOPT
* The same disk at other modes: their files closed first.
AX5      L     R9,=A(ADTTAB)
         LA    R8,26
         USING ADTD,R9
AX6      CLI   ADTMODE,0
         BE    AX7
         CLC   ADTCUU,AXCUU+2
         BNE   AX7
         LR    R2,R9
         NUCALL CLOSEADT
AX7      LA    R9,ADTLEN(,R9)
         BCT   R8,AX6
         XC    AXOLD,AXOLD               the mode's disk before
         IC    R1,AXMODE
         NUCALL ADTOF
         LR    R9,R1
         CLI   ADTMODE,0
         BE    AX8
         MVC   AXOLD+2(2),ADTCUU
AX8      L     R2,AXCUU
         SR    R3,R3
         IC    R3,AXMODE
         SR    R4,R4
         IC    R4,AXEXT
         SR    R5,R5
         CLC   AXFILT,=CL24'*       *       *'
         BE    AX9
         LA    R5,AXFILT
AX9      NUCALL ACCDISK
         LTR   R15,R15
         BNZ   AXERR
* Accessed: messages; the other modes of a R/W disk go.
         L     R5,AXOLD
         LTR   R5,R5
         BZ    AX9A
         C     R5,AXCUU
         BE    AX9A
         LA    R0,ACC724
         L     R6,AXCUU
         LA    R2,AXMODE
         LA    R3,1
         NUCALL FSMSG
AX9A     DS    0H
         L     R7,=A(ADTTAB)
         LA    R8,26
AX10     CR    R7,R9
         BE    AX12
         CLI   0(R7),0
         BE    AX12
         CLC   2(2,R7),ADTCUU
         BNE   AX12
         TM    ADTFLG,ADTFRW
         BZ    AX11
         MVC   AXLET,0(R7)
         LR    R2,R7
         NUCALL RELDISK
         LA    R0,ACC726
         L     R6,AXCUU
         LA    R2,AXLET
         LA    R3,1
         NUCALL FSMSG
         B     AX12
AX11     LA    R0,ACC725
         L     R6,AXCUU
         LA    R2,0(,R7)
         LA    R3,1
         NUCALL FSMSG
AX12     LA    R7,ADTLEN(,R7)
         BCT   R8,AX10
AX13     CLI   AXERASE,0
         BE    AX15
         TM    ADTFLG,ADTFRW
         BZ    AX15
* (ERASE: every file of the disk erased.)
         L     R6,ADTHB
AX14     LTR   R6,R6
         BZ    AX14D
         LA    R7,HBFST-HBD(,R6)
         LA    R8,20
AX14A    CLI   0(R7),0
         BE    AX14B
         LR    R2,R9
         LR    R3,R7
         NUCALL CHAINOUT
         XC    0(40,R7),0(R7)
AX14B    LA    R7,40(,R7)
         BCT   R8,AX14A
         L     R6,0(,R6)
         B     AX14
AX14D    XC    ADTFILES,ADTFILES
         LR    R2,R9
         NUCALL FSCOMMIT
AX15     TM    ADTFLG,ADTFRW
         BO    AXOK
         LA    R0,ACC723
         L     R6,AXCUU
         LA    R2,AXMODE
         LA    R3,1
         NUCALL FSMSG
AXOK     CMSRET RC=0
         DROP  R9
AXERR    LA    R0,ACC113
         C     R15,=F'113'
         BE    AXERR1
         LA    R0,ACC112
AXERR1   L     R6,AXCUU
         LA    R2,AXMODE
         LA    R3,1
         NUCALL FSMSG
         CMSRET RC=100
AXBADDEV LA    R0,ACC017
         LR    R2,R10
         B     AXBAD
AXNOMODE LA    R0,ACC048
         LA    R2,=C' '
         LA    R3,0
         B     AXBAD1
AXBADMOD LA    R0,ACC048
         LR    R2,R10
         B     AXBAD
AXBADOPT LA    R0,ACC003
         LR    R2,R10
         B     AXBAD
AXBADPAR LA    R0,ACC070
         LR    R2,R10
AXBAD    LA    R3,8
AXBAD1   NUCALL FSMSG
         CMSRET RC=24
ACC003   DC    AL1(ACC003Z-ACC003-1),C'DMSACC003E INVALID OPTION '''
         DC    X'01',C''''
ACC003Z  EQU   *
ACC017   DC    AL1(ACC017Z-ACC017-1)
         DC    C'DMSACC017E INVALID DEVICE ADDRESS ''',X'01',C''''
ACC017Z  EQU   *
ACC048   DC    AL1(ACC048Z-ACC048-1),C'DMSACC048E INVALID MODE '''
         DC    X'01',C''''
ACC048Z  EQU   *
ACC070   DC    AL1(ACC070Z-ACC070-1)
         DC    C'DMSACC070E INVALID PARAMETER ''',X'01',C''''
ACC070Z  EQU   *
ACC112   DC    AL1(ACC112Z-ACC112-1),C'DMSACC112S ',X'01',C'('
         DC    X'04',C') DEVICE ERROR'
ACC112Z  EQU   *
ACC113   DC    AL1(ACC113Z-ACC113-1),C'DMSACC113S ',X'01',C'('
         DC    X'04',C') NOT ATTACHED'
ACC113Z  EQU   *
ACC723   DC    AL1(ACC723Z-ACC723-1),C'DMSACC723I ',X'01',C' ('
         DC    X'04',C') R/O'
ACC723Z  EQU   *
ACC724   DC    AL1(ACC724Z-ACC724-1),C'DMSACC724I ',X'04'
         DC    C' REPLACES ',X'01',C' (',X'05',C')'
ACC724Z  EQU   *
ACC725   DC    AL1(ACC725Z-ACC725-1),C'DMSACC725I ',X'04'
         DC    C' ALSO = ',X'01',C' DISK'
ACC725Z  EQU   *
ACC726   DC    AL1(ACC726Z-ACC726-1),C'DMSACC726I ',X'04',C' '
         DC    X'01',C' RELEASED'
ACC726Z  EQU   *
         DROP  R13
         LTORG
AXWK     DSECT
         DS    18F
AXCUU    DS    F
AXOLD    DS    F
AXFILT   DS    CL24
AXMODE   DS    C
AXEXT    DS    C
AXERASE  DS    X
AXLET    DS    C
AXWLEN   EQU   *-AXWK-72
NUCLEUS  CSECT
*---------------------------------------------------------------------
* RELEASE mode|cuu [(DET]: the disk leaves the search order (its open
* files closed); DET detaches it too (CP DETACH). R15 = 0; 24 a bad
* operand; 36 not accessed.
*---------------------------------------------------------------------
RELEASE  CMSENT WORK=40
         USING REWK,R13
         LR    R11,R1
         LA    R10,8(,R11)
         CLI   0(R10),X'FF'
         BE    RENOMODE
         CLI   1(R10),C' '
         BNE   RE2
         IC    R1,0(,R10)                a letter: the mode
         NUCALL ADTOF
         LTR   R9,R1
         BZ    RE2
         USING ADTD,R9
         CLI   ADTMODE,0
         BE    RENACC
         B     RE4
RE2      LR    R1,R10                    else a device
         LA    R2,16
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   REBADDEV
         L     R9,=A(ADTTAB)
         LA    R8,26
RE3      CLI   ADTMODE,0
         BE    RE3A
         CH    R0,ADTCUU
         BE    RE4
RE3A     LA    R9,ADTLEN(,R9)
         BCT   R8,RE3
         B     RENACC
RE4      MVC   RECUU,ADTCUU
         LR    R2,R9
         NUCALL RELDISK
         DROP  R9
         CLI   8(R10),C'('
         BNE   REOK
         CLC   16(8,R10),=CL8'DET'
         BNE   REOK
         MVC   RELINE(7),=C'DETACH '
         LH    R1,RECUU
         LA    R2,RELINE+7
         NUCALL HEX3
         LA    R2,RELINE
         LA    R3,10
         DIAG  R2,R3,X'08'
REOK     CMSRET RC=0
RENOMODE LA    R2,=C' '
         LA    R3,0
         LA    R0,ARE048
         B     REMSG1
RENACC   LR    R2,R10
         LA    R0,ARE069
         B     REMSG
REBADDEV LR    R2,R10
         LA    R0,ARE017
REMSG    LA    R3,8
REMSG1   NUCALL FSMSG
         LA    R15,24
         C     R0,=A(ARE069)
         BNE   REOUT
         LA    R15,36
REOUT    CMSRET
ARE017   DC    AL1(ARE017Z-ARE017-1)
         DC    C'DMSARE017E INVALID DEVICE ADDRESS ''',X'01',C''''
ARE017Z  EQU   *
ARE048   DC    AL1(ARE048Z-ARE048-1),C'DMSARE048E INVALID MODE '''
         DC    X'01',C''''
ARE048Z  EQU   *
ARE069   DC    AL1(ARE069Z-ARE069-1),C'DMSARE069E DISK '''
         DC    X'01',C''' NOT ACCESSED'
ARE069Z  EQU   *
         DROP  R13
         LTORG
REWK     DSECT
         DS    18F
RECUU    DS    H
         DS    H
RELINE   DS    CL16
NUCLEUS  CSECT
*---------------------------------------------------------------------
* HEX3: R1's low 12 bits as three hex digits at R2 (R2 past them).
*---------------------------------------------------------------------
HEX3     CMSENT
         LR    R3,R1
         LA    R4,3
         LA    R2,2(,R2)
H3X1      LA    R5,15
         NR    R5,R3
         IC    R5,HX3TAB(R5)
         STC   R5,0(,R2)
         BCTR  R2,0
         SRL   R3,4
         BCT   R4,H3X1
         LA    R2,4(,R2)
         L     R1,4(,R13)
         ST    R2,28(,R1)
         CMSRET RC=0
HX3TAB   DC    C'0123456789ABCDEF'
         LTORG
*---------------------------------------------------------------------
* QUERYFS (from QUERY): DISK [mode|*] and SEARCH; R15 = -1 for an
* item that is not the file system's.
*   A (191): 3 FILES; 12 REC IN USE, 5688 LEFT (OF 5700), 1% FULL
*   (10 CYL), 3350, R/W                          (one line)
*   USR191 191  A    R/W                         (SEARCH)
*---------------------------------------------------------------------
QUERYFS  CMSENT WORK=120
         USING QFWK,R13
         LR    R11,R1
         CLC   8(8,R11),=CL8'DISK'
         BE    QFDISK
         CLC   8(8,R11),=CL8'SEARCH'
         BE    QFSRCH
         L     R15,=F'-1'
         CMSRET
QFSRCH   L     R9,=A(ADTTAB)
         LA    R8,26
         USING ADTD,R9
QFS1     CLI   ADTMODE,0
         BE    QFS2
         MVC   QFBUF(40),=CL40' '
         MVC   QFBUF(6),ADTID
         LH    R1,ADTCUU
         LA    R2,QFBUF+7
         NUCALL HEX3
         MVC   QFBUF+12(1),ADTMODE
         CLI   ADTEXT,0
         BE    QFS1A
         MVI   QFBUF+13,C'/'
         MVC   QFBUF+14(1),ADTEXT
QFS1A    MVC   QFBUF+17(3),=C'R/O'
         TM    ADTFLG,ADTFRW
         BZ    QFS1B
         MVC   QFBUF+17(3),=C'R/W'
QFS1B    LA    R1,QFBUF
         LA    R0,20
         NUCALL TYPLINE
QFS2     LA    R9,ADTLEN(,R9)
         BCT   R8,QFS1
         CMSRET RC=0
QFDISK   LA    R10,16(,R11)
         CLI   0(R10),X'FF'
         BE    QFD1
         CLI   0(R10),C'*'
         BNE   QFD2
         CLC   1(7,R10),=CL7' '
         BNE   QFBAD
         L     R9,=A(ADTTAB)             all
         LA    R8,26
QFD0     CLI   ADTMODE,0
         BE    QFD0A
         BAL   R14,QFLINE
QFD0A    LA    R9,ADTLEN(,R9)
         BCT   R8,QFD0
         CMSRET RC=0
QFD1     LA    R10,=C'A       '
QFD2     CLC   1(7,R10),=CL7' '
         BNE   QFBAD
         IC    R1,0(,R10)
         NUCALL ADTOF
         LTR   R9,R1
         BZ    QFBAD
         CLI   ADTMODE,0
         BE    QFNACC
         BAL   R14,QFLINE
         CMSRET RC=0
QFBAD    LA    R0,QRY048
         LR    R2,R10
         LA    R3,8
         NUCALL FSMSG
         CMSRET RC=24
QFNACC   LA    R0,QRY069
         LR    R2,R10
         LA    R3,1
         NUCALL FSMSG
         CMSRET RC=36
* QFLINE: the QUERY DISK line of the disk at R9.
QFLINE   ST    R14,QFRET
         LA    R2,QFBUF
         MVC   0(1,R2),ADTMODE
         LA    R2,1(,R2)
         CLI   ADTEXT,0
         BE    QFL1
         MVI   0(R2),C'/'
         MVC   1(1,R2),ADTEXT
         LA    R2,2(,R2)
QFL1     MVC   0(2,R2),=C' ('
         LA    R2,2(,R2)
         LH    R1,ADTCUU
         NUCALL HEX3
         MVC   0(3,R2),=C'): '
         LA    R2,3(,R2)
         L     R1,ADTFILES
         SR    R3,R3
         NUCALL NUMED
         MVC   0(8,R2),=C' FILES; '
         LA    R2,8(,R2)
         L     R1,ADTUSED
         NUCALL NUMED
         MVC   0(13,R2),=C' REC IN USE, '
         LA    R2,13(,R2)
         L     R1,ADTLEFT
         NUCALL NUMED
         MVC   0(10,R2),=C' LEFT (OF '
         LA    R2,10(,R2)
         L     R1,ADTNUM
         NUCALL NUMED
         MVC   0(3,R2),=C'), '
         LA    R2,3(,R2)
         L     R5,ADTUSED                percent, rounded up
         M     R4,=F'100'
         A     R5,ADTNUM
         S     R5,=F'1'
         D     R4,ADTNUM
         LR    R1,R5
         NUCALL NUMED
         MVC   0(8,R2),=C'% FULL ('
         LA    R2,8(,R2)
         L     R1,ADTCYL
         NUCALL NUMED
         MVC   0(7,R2),=C' CYL), '
         LA    R2,7(,R2)
         MVC   0(6,R2),=C'3350, '
         CLI   ADTDTYP,X'08'
         BE    QFL2
         MVC   0(4,R2),=C'3330'
QFL2     MVC   6(3,R2),=C'R/O'
         TM    ADTFLG,ADTFRW
         BZ    QFL3
         MVC   6(3,R2),=C'R/W'
QFL3     LA    R2,9(,R2)
         LA    R1,QFBUF
         LR    R0,R2
         SR    R0,R1
         NUCALL TYPLINE
         L     R14,QFRET
         BR    R14
QRY048   DC    AL1(QRY048Z-QRY048-1),C'DMSQRY048E INVALID MODE '''
         DC    X'01',C''''
QRY048Z  EQU   *
QRY069   DC    AL1(QRY069Z-QRY069-1),C'DMSQRY069E DISK '''
         DC    X'01',C''' NOT ACCESSED'
QRY069Z  EQU   *
         DROP  R9,R13
         LTORG
QFWK     DSECT
         DS    18F
QFRET    DS    A
QFBUF    DS    CL108
NUCLEUS  CSECT
*---------------------------------------------------------------------
* SETFS (from SET): the file system has no SET items (R15 = -1).
*---------------------------------------------------------------------
SETFS    LA    R15,1
         LCR   R15,R15
         BR    R14
