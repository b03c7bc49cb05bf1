*=====================================================================
* DMSFOR: FORMAT vaddr mode [nocyl] [(BLKSIZE 800 NOERASE LABEL].
* Asks (DMSFOR603R) and reads the answer, asks for the label
* (DMSFOR605R), finds the minidisk's cylinders (DIAGNOSE X'18' reads:
* CP refuses a cylinder past the minidisk, cc 1 code 4), writes every
* track's count fields and zeros (DIAGNOSE X'20': SEEK, SEARCH ID
* EQUAL R0, TIC, WRITE COUNT KEY AND DATA R1-Rn of 800 bytes), track
* 0 last with the label (block 3), the MFD (block 4) and one empty FST
* block (5), then accesses the disk. NOERASE: only track 0 (a disk
* formatted before). LABEL: only a new label. RECOMP: the CMS area
* made nocyl (or all) cylinders, the files kept. R15 = 0; 24 a bad
* operand; 36 read-only; 100 no disk, or an I/O error.
*=====================================================================
FORMAT   CMSENT WORK=208
         USING FOWK,R13
         LR    R11,R1
         XC    FOFLAGS,FOFLAGS
         XC    FONCYL,FONCYL
         XC    FOBUF,FOBUF
         XC    FOBLK,FOBLK
         LA    R10,8(,R11)
         CLI   0(R10),X'FF'
         BE    FONODEV
         CLI   0(R10),C'('
         BE    FONODEV
         LR    R1,R10
         LA    R2,16
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   FOBADDEV
         LTR   R0,R0
         BZ    FOBADDEV
         C     R0,=A(X'FFF')
         BH    FOBADDEV
         ST    R0,FOCUU
         LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    FONOMODE
         CLI   0(R10),C'('
         BE    FONOMODE
         CLC   1(7,R10),=CL7' '
         BNE   FOBADMOD
         IC    R1,0(,R10)
         NUCALL ADTOF
         LTR   R1,R1
         BZ    FOBADMOD
         MVC   FOMODE,0(R10)
         LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    FO3
         CLI   0(R10),C'('
         BE    FOOPT
         LR    R1,R10                    nocyl
         LA    R2,10
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   FOBADPAR
         LTR   R0,R0
         BZ    FOBADPAR
         ST    R0,FONCYL
         LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    FO3
         CLI   0(R10),C'('
         BNE   FOBADPAR
FOOPT    LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    FO3
         CLI   0(R10),C')'
         BE    FO3
         CLC   0(8,R10),=CL8'NOERASE'
         BNE   FOO1
         OI    FOFLAGS,FOFNOER
         B     FOOPT
FOO1     CLC   0(8,R10),=CL8'LABEL'
         BNE   FOO2
         OI    FOFLAGS,FOFLAB
         B     FOOPT
FOO2     CLC   0(8,R10),=CL8'RECOMP'
         BNE   FOO3
         OI    FOFLAGS,FOFREC
         B     FOOPT
FOO3     CLC   0(8,R10),=CL8'BLKSIZE'
         BNE   FOBADOPT
         LA    R10,8(,R10)
         CLC   0(8,R10),=CL8'800'
         BE    FOOPT
         B     FOBADPAR
* The device: a 3330 or 3350.
FO3      XC    FOADT(64),FOADT
         LA    R9,FOADT
         USING ADTD,R9
         MVC   ADTCUU,FOCUU+2
         MVC   ADTMODE,FOMODE
         LH    R6,ADTCUU
         DIAG  R6,R0,X'24'
         BC    3,FONONE
         STCM  R0,12,FOTYPE
         CLI   FOTYPE,X'04'
         BNE   FODEVERR
         MVC   ADTDTYP,FOTYPE+1
         CLI   FOTYPE+1,X'01'
         BE    FO3330
         CLI   FOTYPE+1,X'08'
         BNE   FODEVERR
         MVC   ADTPTRK,=H'19'
         MVC   ADTHEADS,=H'30'
         MVI   ADTUNIT,X'0B'
         B     FO4
FO3330   MVC   ADTPTRK,=H'14'
         MVC   ADTHEADS,=H'19'
         MVI   ADTUNIT,X'09'
FO4      LA    R0,800
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   FODEVERR
         ST    R1,FOBLK
* Read-only? (A CMS disk's label written back as it is.)
         LR    R2,R9
         LA    R3,3
         LR    R4,R1
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   FO5
         LA    R5,1
         NUCALL DSKIO
         C     R15,=F'12'
         BE    FORO
FO5      TM    FOFLAGS,FOFREC
         BO    FORC0
         TM    FOFLAGS,FOFLAB
         BO    FO6
* The question, the answer.
         LA    R0,FOR603
         LA    R2,FOMODE
         LA    R3,1
         L     R6,FOCUU
         NUCALL FSMSG
         LA    R1,FOLINE
         LA    R0,80
         NUCALL RDLINE
         LR    R3,R0
         BAL   R14,FOUPPER
         CLC   FOLINE(4),=C'YES '
         BE    FO6
         LA    R0,FOR705
         NUCALL FSMSG
         SR    R9,R9
         B     FOEXIT
* The label.
FO6      LA    R0,FOR605
         NUCALL FSMSG
         MVC   FOLINE(80),=CL80' '
         LA    R1,FOLINE
         LA    R0,80
         NUCALL RDLINE
         LR    R3,R0
         BAL   R14,FOUPPER
         MVC   FOLABEL,=CL6' '
         LA    R1,FOLINE
         LA    R2,FOLINE+80
FO6A     CR    R1,R2                     its first word, 6 at most
         BNL   FO6C
         CLI   0(R1),C' '
         BNE   FO6B
         LA    R1,1(,R1)
         B     FO6A
FO6B     LA    R3,FOLABEL
         LA    R4,6
FO6B1    CLI   0(R1),C' '
         BE    FO6C
         MVC   0(1,R3),0(R1)
         LA    R1,1(,R1)
         LA    R3,1(,R3)
         BCT   R4,FO6B1
FO6C     DS    0H
* Whatever is accessed of this disk goes (its files closed).
         L     R8,=A(ADTTAB)
         LA    R7,26
FO7      CLI   0(R8),0
         BE    FO7A
         CLC   2(2,R8),ADTCUU
         BE    FO7R
         CLC   0(1,R8),ADTMODE
         BNE   FO7A
FO7R     LR    R2,R8
         NUCALL RELDISK
FO7A     LA    R8,ADTLEN(,R8)
         BCT   R7,FO7
         TM    FOFLAGS,FOFLAB
         BO    FOLABW
* The cylinders: R7 a cylinder that is there, R8 one that is not.
FOCYL    DS    0H
         SR    R7,R7
         LA    R8,1
FO8      C     R8,=F'65536'
         BNL   FO9
         LR    R1,R8
         BAL   R14,FOPROBE
         BNZ   FO9
         LR    R7,R8
         SLL   R8,1
         B     FO8
FO9      LR    R1,R7
         AR    R1,R8
         SRL   R1,1
         CR    R1,R7
         BE    FO10
         LR    R6,R1
         BAL   R14,FOPROBE
         BNZ   FO9A
         LR    R7,R6
         B     FO9
FO9A     LR    R8,R6
         B     FO9
FO10     LR    R7,R8                     the cylinders
         L     R1,FONCYL
         LTR   R1,R1
         BZ    FO10A
         CR    R1,R7
         BNL   FO10A
         LR    R7,R1
FO10A    ST    R7,ADTCYL
         LH    R3,ADTHEADS
         LR    R1,R7
         MR    R0,R3
         ST    R1,FONTRK                 tracks
         LH    R3,ADTPTRK
         MR    R0,R3
         C     R1,=F'65531'
         BNH   FO10B
         L     R1,=F'65531'
FO10B    ST    R1,ADTNUM
         TM    FOFLAGS,FOFREC
         BO    FO10C
         LA    R0,FOR733
         LA    R2,FOMODE
         LA    R3,1
         NUCALL FSMSG
* The channel program: SEEK, SEARCH, TIC, WRITE CKD x n; the seek's
* slot after it; the records (count and data) after that.
FO10C    DS    0H
         LH    R3,ADTPTRK
         LR    R1,R3
         MH    R1,=H'808'
         LA    R0,32(,R1)
         LR    R1,R3
         SLL   R1,3
         AR    R0,R1
         ST    R0,FOBUFL
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   FODEVERR
         ST    R1,FOBUF
         LR    R2,R1
         LH    R3,ADTPTRK
         LR    R4,R3
         SLL   R4,3
         LA    R4,24(R4,R2)              the slot
         ST    R4,FOSLOT
         LA    R5,8(,R4)                 the first record
         ST    R5,FODATA
         ST    R4,0(,R2)
         MVI   0(R2),X'07'               SEEK
         MVC   4(4,R2),=X'40000006'
         LA    R4,2(,R4)
         ST    R4,8(,R2)
         MVI   8(R2),X'31'               SEARCH ID EQUAL, R0
         MVC   12(4,R2),=X'40000005'
         LA    R4,8(,R2)
         ST    R4,16(,R2)
         MVI   16(R2),X'08'              TIC
         LA    R4,24(,R2)                the records' CCWs
FO11     ST    R5,0(,R4)
         MVI   0(R4),X'1D'               WRITE COUNT KEY AND DATA
         MVC   4(4,R4),=X'40000328'
         LA    R4,8(,R4)
         LA    R5,808(,R5)
         BCT   R3,FO11
         SH    R4,=H'8'
         MVI   4(R4),0                   the last ends it
         TM    FOFLAGS,FOFREC
         BO    FORC2
         TM    FOFLAGS,FOFNOER
         BO    FO13
* Every track but the first; then the first with blocks 1-5.
         LA    R7,1
FO12     C     R7,FONTRK
         BNL   FO13
         BAL   R14,FOTRACK
         BNZ   FOIOERR
         LA    R7,1(,R7)
         B     FO12
FO13     L     R2,FODATA
         LA    R1,808*2+8(,R2)           block 3: the label
         MVC   0(4,R1),=C'CMS='
         MVC   4(6,R1),FOLABEL
         LA    R1,808(,R1)               block 4: the MFD
         MVC   0(4,R1),=X'0005FFFF'
         MVC   364(4,R1),ADTNUM
         MVC   368(4,R1),=F'5'
         L     R0,ADTNUM
         S     R0,=F'5'
         ST    R0,372(,R1)
         MVC   380(4,R1),ADTCYL
         MVI   384(R1),X'F8'
         MVC   599(1,R1),ADTUNIT
         SR    R7,R7
         BAL   R14,FOTRACK
         BNZ   FOIOERR
         LA    R0,FOR732
         LA    R2,FOMODE
         LA    R3,1
         L     R5,ADTCYL
         L     R6,FOCUU
         NUCALL FSMSG
* Accessed.
FOACC    L     R2,FOCUU
         SR    R3,R3
         IC    R3,FOMODE
         SR    R4,R4
         SR    R5,R5
         NUCALL ACCDISK
         SR    R9,R9
         LTR   R15,R15
         BZ    FOEXIT
         LA    R0,FOR112
         B     FOMSGD
* RECOMP: the disk accessed R/W keeps its files; its new size (no
* block in use may be past it), new tracks formatted, the masks
* resized, the directory committed with the new figures.
FORC0    L     R2,FOCUU
         SR    R3,R3
         IC    R3,FOMODE
         SR    R4,R4
         SR    R5,R5
         NUCALL ACCDISK
         LTR   R15,R15
         BNZ   FODEVERR
         IC    R1,FOMODE
         NUCALL ADTOF
         TM    ADTFLG-ADTD(R1),ADTFRW
         BZ    FORO
         B     FOCYL
FORC2    IC    R1,FOMODE
         NUCALL ADTOF
         LR    R8,R1                     the disk (R9: the new size)
         L     R6,ADTNUM-ADTD(,R8)
         L     R7,ADTNUM
         CR    R7,R6
         BNL   FORC4
         LR    R2,R7                     smaller: nothing past it
FORC3    LA    R2,1(,R2)
         CR    R2,R6
         BH    FORC5
         L     R1,ADTQMSK-ADTD(,R8)
         A     R1,ADTQLEN-ADTD(,R8)
         SR    R3,R3
         NUCALL QBIT
         LTR   R15,R15
         BNZ   FOR214X
         B     FORC3
FORC4    L     R1,ADTCYL-ADTD(,R8)       larger: its new tracks
         LH    R3,ADTHEADS
         MR    R0,R3
         LR    R7,R1
FORC4A   C     R7,FONTRK
         BNL   FORC5
         BAL   R14,FOTRACK
         BNZ   FOIOERR
         LA    R7,1(,R7)
         B     FORC4A
FORC5    L     R1,ADTNUM                 the masks, resized
         LA    R1,7(,R1)
         SRL   R1,3
         LA    R1,7(,R1)
         N     R1,=X'FFFFFFF8'
         ST    R1,FOQLEN
         MH    R1,=H'3'
         LR    R0,R1
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   FODEVERR
         ST    R1,FOQNEW
         LA    R7,3
         L     R10,ADTQMSK-ADTD(,R8)
         LR    R11,R1
FORC6    LR    R2,R11
         L     R3,FOQLEN
         LR    R4,R10
         L     R5,ADTQLEN-ADTD(,R8)
         CR    R5,R3
         BNH   FORC6A
         LR    R5,R3
FORC6A   LR    R3,R5
         MVCL  R2,R4
         A     R10,ADTQLEN-ADTD(,R8)
         A     R11,FOQLEN
         BCT   R7,FORC6
         L     R1,ADTQMSK-ADTD(,R8)
         L     R0,ADTQLEN-ADTD(,R8)
         MH    R0,=H'3'
         NUCALL FRETFREE
         MVC   ADTQMSK-ADTD(4,R8),FOQNEW
         MVC   ADTQLEN-ADTD(4,R8),FOQLEN
         L     R1,ADTFREE-ADTD(,R8)
         A     R1,ADTNUM
         S     R1,ADTNUM-ADTD(,R8)
         ST    R1,ADTFREE-ADTD(,R8)
         MVC   ADTNUM-ADTD(4,R8),ADTNUM
         MVC   ADTCYL-ADTD(4,R8),ADTCYL
         OI    ADTFLG-ADTD(R8),ADTFDIR
         LR    R2,R8
         NUCALL FSCOMMIT
         LTR   R15,R15
         BNZ   FOIOERR
         LA    R0,FOR732
         LA    R2,FOMODE
         LA    R3,1
         L     R5,ADTCYL
         L     R6,FOCUU
         NUCALL FSMSG
         SR    R9,R9
         B     FOEXIT
FOR214X  LA    R0,FOR214
         LA    R9,8
         B     FOMSG
* LABEL: the label alone.
FOLABW   L     R4,FOBLK
         LR    R2,R9
         LA    R3,3
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   FOIOERR
         CLC   0(4,R4),=C'CMS='
         BNE   FOIOERR
         MVC   4(6,R4),FOLABEL
         LA    R5,1
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   FOIOERR
         B     FOACC
FONODEV  LA    R0,FOR028
         LA    R9,24
         B     FOMSG
FOBADDEV LA    R0,FOR017
         LR    R2,R10
         LA    R3,8
         LA    R9,24
         B     FOMSG
FONOMODE LA    R0,FOR048
         LA    R3,0
         LA    R9,24
         B     FOMSG
FOBADMOD LA    R0,FOR048
         LR    R2,R10
         LA    R3,8
         LA    R9,24
         B     FOMSG
FOBADPAR LA    R0,FOR070
         LR    R2,R10
         LA    R3,8
         LA    R9,24
         B     FOMSG
FOBADOPT LA    R0,FOR003
         LR    R2,R10
         LA    R3,8
         LA    R9,24
         B     FOMSG
FORO     LA    R0,FOR037
         LA    R2,FOMODE
         LA    R3,1
         LA    R9,36
         B     FOMSG
FONONE   LA    R0,FOR113
         B     FOMSGD
FODEVERR LA    R0,FOR112
         B     FOMSGD
FOIOERR  LA    R0,FOR125
FOMSGD   LA    R2,FOMODE
         LA    R3,1
         L     R6,FOCUU
         LA    R9,100
FOMSG    NUCALL FSMSG
FOEXIT   L     R1,FOBUF
         LTR   R1,R1
         BZ    FOEX1
         L     R0,FOBUFL
         NUCALL FRETFREE
FOEX1    L     R1,FOBLK
         LTR   R1,R1
         BZ    FOEX2
         LA    R0,800
         NUCALL FRETFREE
FOEX2    CMSRET RC=(R9)
* FOPROBE: cc 0 when cylinder R1 is within the minidisk.
FOPROBE  LR    R11,R14
         LH    R3,ADTHEADS
         MR    R0,R3
         LH    R3,ADTPTRK
         MR    R0,R3
         LA    R3,1(,R1)                 its first block
         LR    R2,R9
         L     R4,FOBLK
         SR    R5,R5
         NUCALL DSKIO
         C     R15,=F'4'
         BE    FOPR1
         CR    R15,R15
         BR    R11
FOPR1    LTR   R15,R15
         BR    R11
* FOTRACK: relative track R7 formatted (its records' counts set, the
* data as it is). cc 0, or not 0 on an error.
FOTRACK  LR    R11,R14
         SR    R0,R0
         LR    R1,R7
         LH    R3,ADTHEADS
         DR    R0,R3                     R1 cylinder, R0 head
         L     R2,FOSLOT
         XC    0(8,R2),0(R2)
         STH   R1,2(,R2)
         STH   R0,4(,R2)
         L     R2,FOBUF
         L     R4,FODATA
         LH    R3,ADTPTRK
         LA    R5,1
FOT1     STH   R1,0(,R4)                 CC HH R 00 0320
         STH   R0,2(,R4)
         STC   R5,4(,R4)
         MVI   5(R4),0
         MVC   6(2,R4),=H'800'
         LA    R4,808(,R4)
         LA    R5,1(,R5)
         BCT   R3,FOT1
         LH    R6,ADTCUU
         DIAG  R6,R2,X'20'
         BR    R11
* FOUPPER: the R3 bytes at FOLINE in upper case, blanks after.
FOUPPER  LR    R4,R3
         LA    R5,FOLINE(R4)
         LA    R6,80
         SR    R6,R4
         BNP   FOU1
         BCTR  R6,0
         EX    R6,FOBLANK
FOU1     LTR   R4,R4
         BZR   R14
         BCTR  R4,0
         L     R1,=A(UPPER)
         EX    R4,FOTR
         BR    R14
FOBLANK  MVC   0(0,R5),=CL80' '
FOTR     TR    FOLINE(0),0(R1)
FOR003   DC    AL1(FOR003Z-FOR003-1),C'DMSFOR003E INVALID OPTION '''
         DC    X'01',C''''
FOR003Z  EQU   *
FOR017   DC    AL1(FOR017Z-FOR017-1)
         DC    C'DMSFOR017E INVALID DEVICE ADDRESS ''',X'01',C''''
FOR017Z  EQU   *
FOR028   DC    AL1(FOR028Z-FOR028-1)
         DC    C'DMSFOR028E NO DEVICE SPECIFIED'
FOR028Z  EQU   *
FOR037   DC    AL1(FOR037Z-FOR037-1),C'DMSFOR037E DISK '''
         DC    X'01',C''' IS READ/ONLY'
FOR037Z  EQU   *
FOR048   DC    AL1(FOR048Z-FOR048-1),C'DMSFOR048E INVALID MODE '''
         DC    X'01',C''''
FOR048Z  EQU   *
FOR070   DC    AL1(FOR070Z-FOR070-1)
         DC    C'DMSFOR070E INVALID PARAMETER ''',X'01',C''''
FOR070Z  EQU   *
FOR112   DC    AL1(FOR112Z-FOR112-1),C'DMSFOR112S ',X'01',C'('
         DC    X'04',C') DEVICE ERROR'
FOR112Z  EQU   *
FOR113   DC    AL1(FOR113Z-FOR113-1),C'DMSFOR113S ',X'01',C'('
         DC    X'04',C') NOT ATTACHED'
FOR113Z  EQU   *
FOR125   DC    AL1(FOR125Z-FOR125-1)
         DC    C'DMSFOR125S PERMANENT UNIT CHECK ON DISK '''
         DC    X'01',C'(',X'04',C')'''
FOR125Z  EQU   *
FOR214   DC    AL1(FOR214Z-FOR214-1),C'DMSFOR214W CANNOT RECOMPUTE '
         DC    C'WITHOUT LOSS OF DATA. NO CHANGE.'
FOR214Z  EQU   *
FOR603   DC    AL1(FOR603Z-FOR603-1)
         DC    C'DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK '''
         DC    X'01',C'(',X'04',C')''. DO YOU WISH TO CONTINUE? '
         DC    C'(YES',X'6A',C'NO):'
FOR603Z  EQU   *
FOR605   DC    AL1(FOR605Z-FOR605-1),C'DMSFOR605R ENTER DISK LABEL:'
FOR605Z  EQU   *
FOR705   DC    AL1(FOR705Z-FOR705-1)
         DC    C'DMSFOR705I DISK REMAINS UNCHANGED'
FOR705Z  EQU   *
FOR732   DC    AL1(FOR732Z-FOR732-1),C'DMSFOR732I ',X'03'
         DC    C' CYLINDERS FORMATTED ON DISK ''',X'01',C'('
         DC    X'04',C')'''
FOR732Z  EQU   *
FOR733   DC    AL1(FOR733Z-FOR733-1),C'DMSFOR733I FORMATTING DISK '''
         DC    X'01',C''''
FOR733Z  EQU   *
         DROP  R9,R13
         LTORG
FOWK     DSECT
         DS    18F
FOADT    DS    XL64
FOCUU    DS    F
FONCYL   DS    F
FONTRK   DS    F
FOBUF    DS    A
FOBUFL   DS    F
FODATA   DS    A
FOSLOT   DS    A
FOBLK    DS    A
FOTYPE   DS    XL2
FOMODE   DS    C
FOFLAGS  DS    X
FOFNOER  EQU   X'80'
FOFLAB   EQU   X'40'
FOFREC   EQU   X'20'
FOLABEL  DS    CL6
         DS    CL2
FOLINE   DS    CL80
FOQNEW   DS    A
FOQLEN   DS    F
NUCLEUS  CSECT
