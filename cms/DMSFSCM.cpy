*=====================================================================
* DMSFSCM: STATE, STATEW, ERASE and RENAME (commands and functions),
* and the file system's helpers for commands: messages (FSMSG),
* numbers (NUMED, PARSENUM), names (FSNAMEOK), FST lines (FSTLINE).
* A call from a program (call type X'00', an FSCB or PLIST) gets the
* return code only; a command (typed, or from an EXEC) the message.
*=====================================================================
*---------------------------------------------------------------------
* FSMSG: writes the message whose template is at R0: AL1(length),
* then text where X'01' stands for the token at R2 (R3 bytes, its
* trailing blanks dropped), X'02' the fileid at R4 (fn ft fm, 8+8+2
* bytes, as "fn ft fm"), X'03' R5 in decimal, X'04' R6 and X'05' R5
* as three hex digits (devices). Through MSGOUT (SET EMSG applies).
*---------------------------------------------------------------------
FSMSG    CMSENT WORK=176
         USING MSWK,R13
         STM   R2,R3,MSSAVE
         LR    R7,R0
         SR    R8,R8
         IC    R8,0(,R7)
         LA    R7,1(,R7)
         LA    R9,MSBUF
MS1      LTR   R8,R8
         BNP   MSEND
         CLI   0(R7),5
         BH    MSCHR
         CLI   0(R7),1
         BE    MSTOK
         CLI   0(R7),2
         BE    MSFID
         CLI   0(R7),3
         BE    MSDEC
         LR    R0,R6                     X'04', X'05': a device
         CLI   0(R7),4
         BE    MSHEX
         LR    R0,R5
MSHEX    ST    R0,MSW
         UNPK  MSX(9),MSW(5)
         L     R1,=A(HEXTR-C'0')
         TR    MSX(8),0(R1)
         MVC   0(3,R9),MSX+5
         LA    R9,3(,R9)
         B     MSNEXT
MSTOK    LR    R1,R2
         LR    R0,R3
         BAL   R14,MSAPP
         B     MSNEXT
MSFID    LR    R1,R4
         LA    R0,8
         BAL   R14,MSAPP
         MVI   0(R9),C' '
         LA    R9,1(,R9)
         LA    R1,8(,R4)
         LA    R0,8
         BAL   R14,MSAPP
         MVI   0(R9),C' '
         LA    R9,1(,R9)
         LA    R1,16(,R4)
         LA    R0,2
         BAL   R14,MSAPP
         B     MSNEXT
MSDEC    LR    R1,R5
         LR    R2,R9
         SR    R3,R3
         NUCALL NUMED
         LR    R9,R2
         LM    R2,R3,MSSAVE
         B     MSNEXT
MSCHR    MVC   0(1,R9),0(R7)
         LA    R9,1(,R9)
MSNEXT   LA    R7,1(,R7)
         BCTR  R8,0
         B     MS1
MSEND    LA    R1,MSBUF
         LR    R0,R9
         SR    R0,R1
         NUCALL MSGOUT
         CMSRET RC=0
* MSAPP: the R0 bytes at R1 at R9 (advanced), trailing blanks gone.
MSAPP    LTR   R0,R0
         BNPR  R14
         LR    R15,R1
         AR    R15,R0
MSA1     BCTR  R15,0
         CR    R15,R1
         BLR   R14
         CLI   0(R15),C' '
         BE    MSA1
         SR    R15,R1
         EX    R15,MSMVC
         LA    R9,1(R15,R9)
         BR    R14
MSMVC    MVC   0(0,R9),0(R1)
         DROP  R13
         LTORG
MSWK     DSECT
         DS    18F
MSSAVE   DS    2F
MSW      DS    F
         DS    F
MSX      DS    CL12
MSBUF    DS    CL140
NUCLEUS  CSECT
*---------------------------------------------------------------------
* NUMED: R1 in decimal at R2: R3 = 0 with no blanks, else right-
* aligned in R3 columns (at most 11). R2 = past it.
*---------------------------------------------------------------------
NUMED    CMSENT WORK=24
         USING NEWK,R13
         CVD   R1,NEDW
         MVC   NEX,=X'402020202020202020202120'
         ED    NEX,NEDW+2
         LTR   R3,R3
         BNZ   NE2
         LA    R4,NEX
NE1      CLI   0(R4),C' '
         BNE   NE1A
         LA    R4,1(,R4)
         B     NE1
NE1A     LA    R3,NEX+12
         SR    R3,R4
         B     NE3
NE2      LA    R4,NEX+12
         SR    R4,R3
NE3      BCTR  R3,0
         EX    R3,NEMVC
         LA    R2,1(R3,R2)
         L     R1,4(,R13)
         ST    R2,28(,R1)
         CMSRET RC=0
NEMVC    MVC   0(0,R2),0(R4)
         DROP  R13
         LTORG
NEWK     DSECT
         DS    18F
NEDW     DS    D
NEX      DS    CL12
         DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* PARSENUM: the token at R1 (8 bytes, blank-padded) as a number: R2 =
* 10 decimal, 16 hexadecimal. R0 = its value; R15 = 0, or 4 when it
* is not one (or is empty, or over 8 digits).
*---------------------------------------------------------------------
PARSENUM CMSENT
         SR    R0,R0
         LA    R3,8
         CLI   0(R1),C' '
         BE    PNBAD
         CLI   0(R1),X'FF'
         BE    PNBAD
PN1      CLI   0(R1),C' '
         BE    PNREST
         SR    R4,R4
         IC    R4,0(,R1)
         CLI   0(R1),C'0'
         BL    PNHEX
         S     R4,=F'240'                X'F0'-X'F9'
         B     PN2
PNHEX    C     R2,=F'16'
         BNE   PNBAD
         CLI   0(R1),C'A'
         BL    PNBAD
         CLI   0(R1),C'F'
         BH    PNBAD
         S     R4,=F'183'                X'C1'-X'C6' as 10-15
PN2      LTR   R4,R4
         BM    PNBAD
         CR    R4,R2
         BNL   PNBAD
         LR    R7,R0
         MR    R6,R2
         LR    R0,R7
         AR    R0,R4
         LA    R1,1(,R1)
         BCT   R3,PN1
         B     PNOK
PNREST   CLI   0(R1),C' '
         BNE   PNBAD
         LA    R1,1(,R1)
         BCT   R3,PNREST
PNOK     L     R1,4(,R13)
         ST    R0,20(,R1)
         CMSRET RC=0
PNBAD    CMSRET RC=4
         LTORG
*---------------------------------------------------------------------
* FSNAMEOK: R15 = 0 when the 8 bytes at R1 are a file name or type
* (1 to 8 of A-Z 0-9 $ # @ + - : _, then blanks), else 4.
*---------------------------------------------------------------------
FSNAMEOK CMSENT
         CLI   0(R1),C' '
         BE    FNKBAD
         LA    R3,8
FNK1     CLI   0(R1),C' '
         BE    FNKBL
         CLI   0(R1),C'A'
         BL    FNKSP
         CLI   0(R1),C'I'
         BNH   FNKNX
         CLI   0(R1),C'J'
         BL    FNKBAD
         CLI   0(R1),C'R'
         BNH   FNKNX
         CLI   0(R1),C'S'
         BL    FNKBAD
         CLI   0(R1),C'Z'
         BNH   FNKNX
         CLI   0(R1),C'0'
         BL    FNKBAD
         CLI   0(R1),C'9'
         BNH   FNKNX
         B     FNKBAD
FNKSP    LA    R4,FNKSPEC
         LA    R5,7
FNKS1    CLC   0(1,R1),0(R4)
         BE    FNKNX
         LA    R4,1(,R4)
         BCT   R5,FNKS1
         B     FNKBAD
FNKNX    LA    R1,1(,R1)
         BCT   R3,FNK1
         CMSRET RC=0
FNKBL    CLI   0(R1),C' '
         BNE   FNKBAD
         LA    R1,1(,R1)
         BCT   R3,FNKBL
         CMSRET RC=0
FNKBAD   CMSRET RC=4
FNKSPEC  DC    C'$#@+-:_'
         LTORG
*---------------------------------------------------------------------
* FMCHECK: the fm at R1 (2 bytes; a letter or * or blank, then a
* digit or * or blank) checked. R15 = 0 with R1 = its disk's ADT (0
* for * or blank); 4 not a mode; 8 its disk not accessed.
*---------------------------------------------------------------------
FMCHECK  CMSENT
         LR    R9,R1
         CLI   1(R9),C' '
         BE    FMC1
         CLI   1(R9),C'*'
         BE    FMC1
         CLI   1(R9),C'0'
         BL    FMCBAD
         CLI   1(R9),C'9'
         BH    FMCBAD
FMC1     SR    R1,R1
         CLI   0(R9),C'*'
         BE    FMCOK
         CLI   0(R9),C' '
         BE    FMCOK
         IC    R1,0(,R9)
         NUCALL ADTOF
         LTR   R1,R1
         BZ    FMCBAD
         CLI   0(R1),0
         BE    FMCNA
FMCOK    L     R2,4(,R13)
         ST    R1,24(,R2)
         CMSRET RC=0
FMCBAD   CMSRET RC=4
FMCNA    CMSRET RC=8
         LTORG
*---------------------------------------------------------------------
* AFTOFF: the open files of the FST at R3 are dropped (R2 = 0) or
* closed (R2 = 1).
*---------------------------------------------------------------------
AFTOFF   CMSENT
         LR    R9,R2
         LR    R8,R3
AO0      L     R2,FSAFTS
AOF1     LTR   R2,R2
         BZ    AOFOUT
         C     R8,8(,R2)                 AFTFSTP
         BE    AOF2
         L     R2,0(,R2)
         B     AOF1
AOF2     LTR   R9,R9
         BZ    AOF3
         NUCALL AFTCLOSE
         B     AO0
AOF3     NUCALL AFTDROP
         B     AO0
AOFOUT   CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* STATE, STATEW fn ft [fm] (FSSTATE, FSOPEN): is there such a file
* (STATEW: on a read/write disk)? fn, ft may be *; fm * or omitted:
* every disk. R15 = 0 with R1 = a copy of its FST (FSTCOPY; its
* flags X'80' R/W disk, X'40' an extension); 20 a bad name; 24 a
* bad mode or an incomplete fileid; 28 not found; 36 the mode's
* disk is not accessed.
*---------------------------------------------------------------------
STATE    CMSENT
         SR    R2,R2
         NUCALL STATE0
         CMSRET
STATEW   CMSENT
         LA    R2,1
         NUCALL STATE0
         CMSRET
         LTORG
STATE0   CMSENT WORK=48
         USING SSWK,R13
         LR    R11,R1
         LR    R10,R2
         NUCALL CALLTYP
         LR    R8,R15                    0: a program's call
         XC    SSFF(FFLEN),SSFF
         LTR   R10,R10
         BZ    SS1
         MVI   SSFF+FFFLG-FFD,FFFRW
SS1      MVC   SSFF+16(2),=C'* '
         CLI   8(R11),X'FF'
         BE    SSINC
         CLI   8(R11),C' '
         BE    SSINC
         MVC   SSFF(8),8(R11)
         CLI   16(R11),X'FF'
         BE    SSINC
         CLI   16(R11),C'('
         BE    SSINC
         CLI   16(R11),C' '
         BE    SSINC
         MVC   SSFF+8(8),16(R11)
         LTR   R8,R8
         BZ    SS2
         CLI   24(R11),X'FF'             a command: fm may be omitted
         BE    SS3
         CLI   24(R11),C'('
         BE    SS3
         CLC   26(6,R11),=CL6' '
         BNE   SSMODE
SS2      MVC   SSFF+16(2),24(R11)
SS3      CLI   SSFF+16,C' '
         BNE   SS4
         MVI   SSFF+16,C'*'
SS4      LA    R1,SSFF+16
         NUCALL FMCHECK
         C     R15,=F'4'
         BE    SSMODE
         C     R15,=F'8'
         BE    SSNACC
         LA    R1,SSFF
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   SSNF
         MVC   FSTCOPY,0(R1)
         LR    R2,R0
         USING ADTD,R2
         MVI   FSTCOPY+31,0
         TM    ADTFLG,ADTFRW
         BZ    SS5
         OI    FSTCOPY+31,X'80'
SS5      CLI   ADTEXT,0
         BE    SS6
         OI    FSTCOPY+31,X'40'
         DROP  R2
SS6      LR    R1,R11
         LA    R2,4
         LA    R3,FSTCOPY
         NUCALL SVCSET
         L     R1,4(,R13)
         ST    R3,24(,R1)
         CMSRET RC=0
SSINC    LA    R0,STT054
         LA    R9,24
         B     SSMSG
SSMODE   LA    R0,STT048
         LA    R2,24(,R11)
         LA    R3,8
         LA    R9,24
         B     SSMSG
SSNACC   LA    R0,STT069
         LA    R2,SSFF+16
         LA    R3,1
         LA    R9,36
         B     SSMSG
SSNF     LA    R0,STT002
         LA    R4,SSFF
         LA    R9,28
         TM    EXFLAGS,EXFNOMSG          (an EXEC's &CONTROL NOMSG)
         BO    SSOUT
SSMSG    LTR   R8,R8
         BZ    SSOUT
         NUCALL FSMSG
SSOUT    CMSRET RC=(R9)
STT002   DC    AL1(STT002Z-STT002-1),C'DMSSTT002E FILE '''
         DC    X'02',C''' NOT FOUND'
STT002Z  EQU   *
STT048   DC    AL1(STT048Z-STT048-1),C'DMSSTT048E INVALID MODE '''
         DC    X'01',C''''
STT048Z  EQU   *
STT054   DC    AL1(STT054Z-STT054-1)
         DC    C'DMSSTT054E INCOMPLETE FILEID SPECIFIED'
STT054Z  EQU   *
STT069   DC    AL1(STT069Z-STT069-1),C'DMSSTT069E DISK '''
         DC    X'01',C''' NOT ACCESSED'
STT069Z  EQU   *
         DROP  R13
         LTORG
SSWK     DSECT
         DS    18F
SSFF     DS    XL(FFLEN)
NUCLEUS  CSECT
*---------------------------------------------------------------------
* ERASE fn ft [fm] [(TYPE] (FSERASE): the files (fn, ft may be *; fm
* a letter, A when omitted, or * for every R/W disk) are erased; open
* ones dropped first. R15 = 0; 24 an incomplete fileid, a bad mode,
* * * *; 28 none found; 36 the disk not accessed, or read-only.
*---------------------------------------------------------------------
ERASE    CMSENT WORK=64
         USING EZWK,R13
         LR    R11,R1
         NUCALL CALLTYP
         LR    R8,R15
         SR    R7,R7                     erased
         SR    R6,R6                     (TYPE
         XC    ERFF(FFLEN),ERFF
         MVI   ERFF+FFFLG-FFD,FFFRW
         MVC   ERFF+16(2),=C'A '
         CLI   8(R11),X'FF'
         BE    EZINC
         CLI   8(R11),C' '
         BE    EZINC
         MVC   ERFF(8),8(R11)
         CLI   16(R11),X'FF'
         BE    EZINC
         CLI   16(R11),C'('
         BE    EZINC
         CLI   16(R11),C' '
         BE    EZINC
         MVC   ERFF+8(8),16(R11)
         LA    R5,24(,R11)
         LTR   R8,R8
         BZ    EZ2
         CLI   0(R5),X'FF'
         BE    EZ3
         CLI   0(R5),C'('
         BE    EZ1
         CLC   2(6,R5),=CL6' '
         BNE   EZMODE
         MVC   ERFF+16(2),0(R5)
         LA    R5,8(,R5)
EZ1      CLI   0(R5),C'('                options: TYPE, NOTYPE
         BNE   EZ3
EZ1A     LA    R5,8(,R5)
         CLI   0(R5),X'FF'
         BE    EZ3
         CLI   0(R5),C')'
         BE    EZ3
         CLC   0(8,R5),=CL8'TYPE'
         BNE   EZ1B
         LA    R6,1
         B     EZ1A
EZ1B     CLC   0(8,R5),=CL8'NOTYPE'
         BE    EZ1A
         LR    R2,R5
         B     EZOPT
EZ2      MVC   ERFF+16(2),0(R5)          a program's: 2 bytes
EZ3      CLI   ERFF+16,C' '
         BNE   EZ4
         MVI   ERFF+16,C'A'
EZ4      CLC   ERFF(18),=CL18'*       *       *'
         BE    EZALL
         LA    R1,ERFF+16
         NUCALL FMCHECK
         C     R15,=F'4'
         BE    EZMODE
         C     R15,=F'8'
         BE    EZNACC
         LTR   R1,R1
         BZ    EZ5
         USING ADTD,R1
         TM    ADTFLG,ADTFRW
         BZ    EZRO
         DROP  R1
         OI    ERFF+FFFLG-FFD,FFFONE
* Each file found: dropped if open, its blocks going, its FST empty.
EZ5      LA    R1,ERFF
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   EZ7
         LR    R9,R0                     the disk
         LR    R10,R1                    the FST
         LTR   R6,R6
         BZ    EZ6
         MVC   ERLINE(16),0(R10)         (TYPE: fn ft fm
         MVC   ERLINE+16(2),24(R10)
         LA    R1,ERLINE
         NUCALL FSTLINE
EZ6      LR    R2,R9
         LR    R3,R10
         NUCALL FILEOUT
         LA    R7,1(,R7)
         B     EZ5
* The directories changed, committed.
EZ7      SR    R9,R9
         L     R10,=A(ADTTAB)
         LA    R11,26
         USING ADTD,R10
EZ8      TM    ADTFLG,ADTFDIR
         BZ    EZ9
         LR    R2,R10
         NUCALL FSCOMMIT
         LTR   R9,R9
         BNZ   EZ9
         LR    R9,R15
EZ9      LA    R10,ADTLEN(,R10)
         BCT   R11,EZ8
         DROP  R10
         LTR   R7,R7
         BNZ   EZOUT
         LA    R0,ERS002
         LA    R4,ERFF
         LA    R9,28
         TM    EXFLAGS,EXFNOMSG          (an EXEC's &CONTROL NOMSG)
         BZ    EZMSG
         B     EZOUT
EZOUT    CMSRET RC=(R9)
EZINC    LA    R0,ERS054
         LA    R9,24
         B     EZMSG
EZMODE   LA    R0,ERS048
         LA    R2,24(,R11)
         LA    R3,8
         LA    R9,24
         B     EZMSG
EZNACC   LA    R0,ERS069
         LA    R2,ERFF+16
         LA    R3,1
         LA    R9,36
         B     EZMSG
EZRO     LA    R0,ERS037
         LA    R2,ERFF+16
         LA    R3,1
         LA    R9,36
         B     EZMSG
EZALL    LA    R0,ERS071
         LA    R9,24
         B     EZMSG
EZOPT    LA    R0,ERS003
         LA    R3,8
         LA    R9,24
EZMSG    LTR   R8,R8
         BZ    EZOUT
         NUCALL FSMSG
         B     EZOUT
ERS002   DC    AL1(ERS002Z-ERS002-1),C'DMSERS002E FILE '''
         DC    X'02',C''' NOT FOUND'
ERS002Z  EQU   *
ERS003   DC    AL1(ERS003Z-ERS003-1),C'DMSERS003E INVALID OPTION '''
         DC    X'01',C''''
ERS003Z  EQU   *
ERS037   DC    AL1(ERS037Z-ERS037-1),C'DMSERS037E DISK '''
         DC    X'01',C''' IS READ/ONLY'
ERS037Z  EQU   *
ERS048   DC    AL1(ERS048Z-ERS048-1),C'DMSERS048E INVALID MODE '''
         DC    X'01',C''''
ERS048Z  EQU   *
ERS054   DC    AL1(ERS054Z-ERS054-1)
         DC    C'DMSERS054E INCOMPLETE FILEID SPECIFIED'
ERS054Z  EQU   *
ERS069   DC    AL1(ERS069Z-ERS069-1),C'DMSERS069E DISK '''
         DC    X'01',C''' NOT ACCESSED'
ERS069Z  EQU   *
ERS071   DC    AL1(ERS071Z-ERS071-1)
         DC    C'DMSERS071E ERASE * * * NOT ALLOWED'
ERS071Z  EQU   *
         DROP  R13
         LTORG
EZWK     DSECT
         DS    18F
ERFF     DS    XL(FFLEN)
ERLINE   DS    CL20
NUCLEUS  CSECT
*---------------------------------------------------------------------
* FILEOUT: the file whose FST is at R3 (in an FST block of the disk
* whose ADT is at R2) is gone: its open files dropped, its blocks
* freed, its FST empty, the directory marked changed (the caller
* commits it: FSCOMMIT).
*---------------------------------------------------------------------
FILEOUT  CMSENT
         LR    R9,R2
         LR    R10,R3
         LA    R2,0
         NUCALL AFTOFF
         LR    R2,R9
         LR    R3,R10
         NUCALL CHAINOUT
         XC    0(40,R10),0(R10)
         USING ADTD,R9
         L     R1,ADTFILES
         BCTR  R1,0
         ST    R1,ADTFILES
         OI    ADTFLG,ADTFDIR
         DROP  R9
         CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* FSTLINE: types "fn ft fm" from the 18 bytes at R1.
*---------------------------------------------------------------------
FSTLINE  CMSENT WORK=24
         USING FLWK,R13
         MVC   FLBUF(8),0(R1)
         MVI   FLBUF+8,C' '
         MVC   FLBUF+9(8),8(R1)
         MVI   FLBUF+17,C' '
         MVC   FLBUF+18(2),16(R1)
         LA    R1,FLBUF
         LA    R0,20
         NUCALL TYPLINE
         CMSRET RC=0
         DROP  R13
         LTORG
FLWK     DSECT
         DS    18F
FLBUF    DS    CL24
NUCLEUS  CSECT
*---------------------------------------------------------------------
* RENAME fn1 ft1 fm1 fn2 ft2 fm2 [(TYPE|NOTYPE]: the file becomes fn2
* ft2 (= keeps the old name or type; fm2's letter must be fm1's, its
* number the file's new one). R15 = 0; 24 an incomplete fileid, a
* bad mode or name; 28 not found, or fn2 ft2 exists; 36 the disk not
* accessed, or read-only.
*---------------------------------------------------------------------
RENAME   CMSENT WORK=104
         USING RNWK,R13
         LR    R11,R1
         NUCALL CALLTYP
         LR    R8,R15
         LA    R2,8(,R11)
         LA    R3,6
RN1      CLI   0(R2),X'FF'
         BE    RNINC
         CLI   0(R2),C'('
         BE    RNINC
         LA    R2,8(,R2)
         BCT   R3,RN1
         XC    RNFF(FFLEN),RNFF
         MVC   RNFF(18),8(R11)
         MVC   RNFF+16(2),24(R11)
         MVI   RNFF+FFFLG-FFD,FFFONE
         CLC   26(6,R11),=CL6' '
         BNE   RNMODE1
         CLI   RNFF+16,C'*'
         BE    RNMODE1
         LA    R1,RNFF+16
         NUCALL FMCHECK
         C     R15,=F'4'
         BE    RNMODE1
         C     R15,=F'8'
         BE    RNNACC
         LR    R9,R1                     the disk
         USING ADTD,R9
         TM    ADTFLG,ADTFRW
         BZ    RNRO
* The new name: = keeps a part.
         MVC   RNNEW(8),32(R11)
         CLI   RNNEW,C'='
         BNE   RN2
         MVC   RNNEW(8),RNFF
RN2      MVC   RNNEW+8(8),40(R11)
         CLI   RNNEW+8,C'='
         BNE   RN3
         MVC   RNNEW+8(8),RNFF+8
RN3      MVC   RNNEW+16(2),48(R11)
         CLI   RNNEW+16,C'='
         BNE   RN4
         MVC   RNNEW+16(2),RNFF+16
RN4      CLC   50(6,R11),=CL6' '
         BNE   RNMODE2
         CLC   RNNEW+16(1),RNFF+16       the same disk
         BNE   RNMODE2
         CLI   RNNEW+17,C' '
         BE    RN5
         CLI   RNNEW+17,C'0'
         BL    RNMODE2
         CLI   RNNEW+17,C'9'
         BH    RNMODE2
RN5      LA    R1,RNNEW
         NUCALL FSNAMEOK
         LTR   R15,R15
         BNZ   RNBADN1
         LA    R1,RNNEW+8
         NUCALL FSNAMEOK
         LTR   R15,R15
         BNZ   RNBADN2
* The file, and no other of the new name.
         LA    R1,RNFF
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   RNNF
         LR    R10,R1
         XC    RNFF2(FFLEN),RNFF2
         MVC   RNFF2(16),RNNEW
         MVC   RNFF2+16(1),RNFF+16
         MVI   RNFF2+17,C'*'
         MVI   RNFF2+FFFLG-FFD,FFFONE
         LA    R1,RNFF2
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   RN6
         CR    R1,R10
         BNE   RNEXIST
RN6      LA    R2,1
         LR    R3,R10
         NUCALL AFTOFF                   open: closed first
         MVC   0(16,R10),RNNEW
         CLI   RNNEW+17,C' '
         BE    RN7
         MVC   25(1,R10),RNNEW+17        FSTFMODE+1
RN7      OI    ADTFLG,ADTFDIR
         LR    R2,R9
         NUCALL FSCOMMIT
         LR    R9,R15
         B     RNOUT
         DROP  R9
RNINC    LA    R0,RNM054
         LA    R9,24
         B     RNMSG
RNMODE1  LA    R2,24(,R11)
         B     RNMODE
RNMODE2  LA    R2,48(,R11)
RNMODE   LA    R0,RNM048
         LA    R3,8
         LA    R9,24
         B     RNMSG
RNBADN1  LA    R2,RNNEW
         B     RNBADN
RNBADN2  LA    R2,RNNEW+8
RNBADN   LA    R0,RNM070
         LA    R3,8
         LA    R9,24
         B     RNMSG
RNNACC   LA    R0,RNM069
         LA    R2,RNFF+16
         LA    R3,1
         LA    R9,36
         B     RNMSG
RNRO     LA    R0,RNM037
         LA    R2,RNFF+16
         LA    R3,1
         LA    R9,36
         B     RNMSG
RNNF     LA    R0,RNM002
         LA    R4,RNFF
         LA    R9,28
         TM    EXFLAGS,EXFNOMSG          (an EXEC's &CONTROL NOMSG)
         BZ    RNMSG
         B     RNOUT
RNEXIST  LA    R0,RNM024
         MVC   RNNEW+16(2),RNFF+16
         LA    R4,RNNEW
         LA    R9,28
RNMSG    LTR   R8,R8
         BZ    RNOUT
         NUCALL FSMSG
RNOUT    CMSRET RC=(R9)
RNM002   DC    AL1(RNM002Z-RNM002-1),C'DMSRNM002E FILE '''
         DC    X'02',C''' NOT FOUND'
RNM002Z  EQU   *
RNM024   DC    AL1(RNM024Z-RNM024-1),C'DMSRNM024E FILE '''
         DC    X'02',C''' ALREADY EXISTS'
RNM024Z  EQU   *
RNM037   DC    AL1(RNM037Z-RNM037-1),C'DMSRNM037E DISK '''
         DC    X'01',C''' IS READ/ONLY'
RNM037Z  EQU   *
RNM048   DC    AL1(RNM048Z-RNM048-1),C'DMSRNM048E INVALID MODE '''
         DC    X'01',C''''
RNM048Z  EQU   *
RNM054   DC    AL1(RNM054Z-RNM054-1)
         DC    C'DMSRNM054E INCOMPLETE FILEID SPECIFIED'
RNM054Z  EQU   *
RNM069   DC    AL1(RNM069Z-RNM069-1),C'DMSRNM069E DISK '''
         DC    X'01',C''' NOT ACCESSED'
RNM069Z  EQU   *
RNM070   DC    AL1(RNM070Z-RNM070-1)
         DC    C'DMSRNM070E INVALID PARAMETER '''
         DC    X'01',C''''
RNM070Z  EQU   *
         DROP  R13
         LTORG
RNWK     DSECT
         DS    18F
RNFF     DS    XL(FFLEN)
RNFF2    DS    XL(FFLEN)
RNNEW    DS    CL18
         DS    CL6
NUCLEUS  CSECT
