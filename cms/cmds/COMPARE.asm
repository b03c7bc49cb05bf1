*---------------------------------------------------------------------
* COMPARE fn ft fm fn ft fm [(COL m-n)]: two files record by record
* (R6's DMSCMP; docs/CMS.md "Files, cards and printing"). In the
* second fileid '=' takes the first's name, type or mode.
*   DMSCMP179I COMPARING 'fn ft fm' WITH 'fn ft fm'
* then each pair of records that differ, the first file's record, then
* the second's; at the end, when any differ,
*   DMSCMP209W FILES DO NOT COMPARE
* and when one file has more records, first
*   DMSCMP208W EOF REACHED ON FILE 'fn ft fm'
* With COL m-n (or COL m n) only those columns are compared (a short
* record as if padded with blanks); else the whole records, whose
* lengths must be equal too. A transient command.
* Return codes: 0 the files compare; 4 they do not; 24 bad operands;
* 28 no such file; 100 a disk error; 104 not enough storage.
*---------------------------------------------------------------------
         REGEQU
COMPARE  CMSMOD ENTRY=BEGIN,SYSTEM=YES,ORIGIN=X'E000'
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         USING BEGIN,R12,R11
         LR    R9,R1                     the PLIST
         XC    RC,RC
         XC    BUFA,BUFA
         XC    COLM,COLM
         XC    COLN,COLN
* The fileids: fn ft fm fn ft fm.
         MVC   FID1,=CL18' '
         LA    R1,8(,R9)
         LA    R2,FID1
         LA    R0,3
         BAL   R14,UGETFID
         LTR   R15,R15
         BNZ   ERRX
         CLI   0(R1),X'FF'
         BE    EINCOMP
         CLI   0(R1),C'('
         BE    EINCOMP
         MVC   FID2,=CL18' '
         LA    R2,FID2
         LA    R0,3+8
         BAL   R14,UGETFID
         LTR   R15,R15
         BNZ   ERRX
         LR    R2,R1
* The options: COL m-n, or COL m n.
         CLI   0(R2),X'FF'
         BE    OPTEND
         CLI   0(R2),C'('
         BNE   EPARM
         LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    OPTEND
         CLI   0(R2),C')'
         BE    OPTEND
         LR    R1,R2
         LA    R15,OPTTAB
         BAL   R14,UOPT
         LTR   R15,R15
         BZ    EOPT
         LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    ENOCOL
         CLI   0(R2),C')'
         BE    ENOCOL
         LR    R3,R2                     m, or m-n
         SR    R0,R0
         LA    R4,8
COL1     CLI   0(R3),C'-'
         BE    COL2
         CLI   0(R3),C' '
         BE    COL3
         CLI   0(R3),C'0'
         BL    EBADCOL
         CLI   0(R3),C'9'
         BH    EBADCOL
         IC    R1,0(,R3)
         N     R1,=F'15'
         MH    R0,=H'10'
         AR    R0,R1
         LA    R3,1(,R3)
         BCT   R4,COL1
         B     COL3
COL2     ST    R0,COLM                   m-n in one token
         SR    R0,R0
         LA    R3,1(,R3)
         BCT   R4,COL2A
         B     EBADCOL
COL2A    CLI   0(R3),C' '
         BE    EBADCOL
COL2B    CLI   0(R3),C' '
         BE    COL2C
         CLI   0(R3),C'0'
         BL    EBADCOL
         CLI   0(R3),C'9'
         BH    EBADCOL
         IC    R1,0(,R3)
         N     R1,=F'15'
         MH    R0,=H'10'
         AR    R0,R1
         LA    R3,1(,R3)
         BCT   R4,COL2B
COL2C    ST    R0,COLN
         B     COL4
COL3     ST    R0,COLM                   m alone: n follows
         LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    ENOCOL
         CLI   0(R2),C')'
         BE    ENOCOL
         LR    R1,R2
         BAL   R14,UDECIN
         LTR   R15,R15
         BNZ   EBADCOL
         ST    R0,COLN
COL4     L     R0,COLM
         LTR   R0,R0
         BZ    EBADCOL
         C     R0,COLN
         BH    ESEQ
         LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    OPTEND
         CLI   0(R2),C')'
         BNE   EPARM
OPTEND   DS    0H
* The files.
         XC    FSCB1(44),FSCB1
         MVC   FSCB1+8(18),FID1
         LA    R1,FSCB1
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   ESTATE1
         MVC   FST1,0(R1)
         MVC   FID1+16(2),FST1+24
         LA    R1,FID2                   '=' from the first
         LA    R2,FID1
         LA    R0,2
EQ1      CLC   0(8,R1),=CL8'='
         BNE   *+10
         MVC   0(8,R1),0(R2)
         LA    R1,8(,R1)
         LA    R2,8(,R2)
         BCT   R0,EQ1
         CLI   FID2+16,C'='
         BNE   *+10
         MVC   FID2+16(2),FID1+16
         XC    FSCB2(44),FSCB2
         MVC   FSCB2+8(18),FID2
         LA    R1,FSCB2
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   ESTATE2
         MVC   FST2,0(R1)
         MVC   FID2+16(2),FST2+24
         CLC   FID1(17),FID2
         BE    EIDENT
         MVC   FSCB1+24(2),FID1+16
         MVC   FSCB2+24(2),FID2+16
* COL m beyond both files' records.
         L     R0,COLM
         LTR   R0,R0
         BZ    BUFS
         C     R0,FST1+32
         BNH   BUFS
         C     R0,FST2+32
         BH    ECOLUMN
* A buffer for each file's longest record.
BUFS     L     R3,FST1+32
         LA    R3,7(,R3)
         N     R3,=X'00FFFFF8'
         ST    R3,BUF2OFF
         A     R3,FST2+32
         LA    R3,7(,R3)
         SRL   R3,3
         ST    R3,BUFDW
         DMSFREE DWORDS=(R3),ERR=ENOMEM
         ST    R1,BUFA
         BAL   R14,UMBEG                 179I COMPARING ... WITH ...
         LA    R1,M179
         BAL   R14,UMTXT
         LA    R1,FID1
         BAL   R14,UPFID
         LA    R1,M179B
         BAL   R14,UMTXT
         LA    R1,FID2
         BAL   R14,UPFID
         BAL   R14,UPQ
         BAL   R14,UMSG
         MVI   DIFF,0
* Record by record.
LOOP     LA    R1,FSCB1
         L     R2,BUFA
         L     R3,FST1+32
         BAL   R14,READ
         ST    R15,EOF1
         ST    R0,LEN1
         LA    R1,FSCB2
         L     R2,BUFA
         A     R2,BUF2OFF
         L     R3,FST2+32
         BAL   R14,READ
         ST    R15,EOF2
         ST    R0,LEN2
         CLC   EOF1(8),=2F'1'
         BE    END
         CLI   EOF1+3,1
         BE    ENDOF1
         CLI   EOF2+3,1
         BE    ENDOF2
* Two records: the same?
         L     R2,BUFA
         L     R3,LEN1
         L     R4,BUFA
         A     R4,BUF2OFF
         L     R5,LEN2
         L     R0,COLM
         LTR   R0,R0
         BNZ   CMPCOL
         CR    R3,R5
         BNE   DIFFER
         B     CMPDO
CMPCOL   BCTR  R0,0                      columns m-n only
         L     R1,COLN
         SR    R1,R0                     the field's length
         AR    R2,R0
         SR    R3,R0
         BNM   *+6
         SR    R3,R3
         CR    R3,R1
         BNH   *+6
         LR    R3,R1
         AR    R4,R0
         SR    R5,R0
         BNM   *+6
         SR    R5,R5
         CR    R5,R1
         BNH   *+6
         LR    R5,R1
CMPDO    ICM   R5,8,=C' '
         CLCL  R2,R4
         BE    LOOP
* They differ: both typed.
DIFFER   MVI   DIFF,1
         L     R1,BUFA
         L     R0,LEN1
         BAL   R14,UTYPE
         L     R1,BUFA
         A     R1,BUF2OFF
         L     R0,LEN2
         BAL   R14,UTYPE
         B     LOOP
* One file ended first.
ENDOF1   LA    R2,FID1
         B     ENDOF
ENDOF2   LA    R2,FID2
ENDOF    MVI   DIFF,1
         LA    R1,M208
         BAL   R14,UMFID
END      BAL   R14,FINISH
         CLI   DIFF,0
         BE    EXIT
         LA    R1,M209
         BAL   R14,UMTEXT
         LA    R15,4
         B     ERRX
*---------------------------------------------------------------------
* READ: the next record of the FSCB at R1 into R2 (R3 bytes at most).
* R15 = 0 and R0 its length; 1 at the end. A read error ends COMPARE.
*---------------------------------------------------------------------
READ     ST    R14,READS
         ST    R1,READS+4
         ST    R2,28(,R1)
         ST    R3,32(,R1)
         XC    26(2,R1),26(R1)
         MVC   38(2,R1),=H'1'
         LA    R0,URDBUF
         BAL   R14,UFS
         C     R15,=F'12'
         BE    READEOF
         LTR   R15,R15
         BNZ   ERDERR
         L     R1,READS+4
         L     R0,40(,R1)
         B     READ9
READEOF  LA    R15,1
         SR    R0,R0
READ9    L     R14,READS
         BR    R14
*---------------------------------------------------------------------
* FINISH: both files closed, the buffer back.
*---------------------------------------------------------------------
FINISH   ST    R14,FINS
         LA    R1,FSCB1
         LA    R0,UFINIS
         BAL   R14,UFS
         LA    R1,FSCB2
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R1,BUFA
         LTR   R1,R1
         BZ    FIN9
         L     R0,BUFDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         XC    BUFA,BUFA
FIN9     L     R14,FINS
         BR    R14
*---------------------------------------------------------------------
* The messages.
*---------------------------------------------------------------------
EINCOMP  BAL   R14,UEINCMP
         B     ERRX
EPARM    LR    R1,R2
         BAL   R14,UEPARM
         B     ERRX
EOPT     LR    R1,R2
         BAL   R14,UEOPT
         B     ERRX
ENOCOL   LA    R1,M005
         B     ETEXT24
ESEQ     LA    R1,M211
         B     ETEXT24
EIDENT   LA    R1,M019
ETEXT24  BAL   R14,UMTEXT
         LA    R15,24
         B     ERRX
EBADCOL  LA    R1,M029
         BAL   R14,UMTOK
         LA    R15,24
         B     ERRX
ECOLUMN  BAL   R14,UMBEG
         LA    R1,M009
         BAL   R14,UMTXT
         L     R0,COLM
         BAL   R14,UPDEC
         LA    R1,M009B
         BAL   R14,UMTXT
         BAL   R14,UMSG
         LA    R15,24
         B     ERRX
ESTATE1  LA    R1,FID1
         BAL   R14,UESTATE
         B     ERRX
ESTATE2  LA    R1,FID2
         BAL   R14,UESTATE
         B     ERRX
ENOMEM   BAL   R14,UENOMEM
         B     ERRX
ERDERR   ST    R15,IORC
         L     R2,READS+4
         BAL   R14,FINISH
         L     R0,IORC
         LA    R1,8(,R2)
         BAL   R14,UERD
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
M179     DC    AL1(16),C'179I COMPARING '''
M179B    DC    AL1(8),C''' WITH '''
M208     DC    AL1(26),C'208W EOF REACHED ON FILE ''',AL1(1),C''''
M209     DC    AL1(25),C'209W FILES DO NOT COMPARE'
M005     DC    AL1(23),C'005E NO ''COL'' SPECIFIED'
M211     DC    AL1(34),C'211E COLUMN FIELDS OUT OF SEQUENCE'
M019     DC    AL1(22),C'019E IDENTICAL FILEIDS'
M029     DC    AL1(24),C'029E INVALID PARAMETER '''
         DC    AL1(27),C''' IN THE OPTION ''COL'' FIELD'
M009     DC    AL1(13),C'009E COLUMN '''
M009B    DC    AL1(23),C''' EXCEEDS RECORD LENGTH'
UMID     DC    C'CMP'
         LTORG
OPTTAB   DC    CL8'COLUMN',AL1(3),AL1(4)
         DC    X'FF'
         COPY  CMSUTIL
         DS    0D
FSCB1    DS    11F
FSCB2    DS    11F
FST1     DS    CL40
FST2     DS    CL40
FID1     DS    CL18
FID2     DS    CL18
DIFF     DS    X
         DS    0F
RC       DS    F
IORC     DS    F
COLM     DS    F
COLN     DS    F
EOF1     DS    F
EOF2     DS    F
LEN1     DS    F
LEN2     DS    F
BUFA     DS    A
BUFDW    DS    F
BUF2OFF  DS    F
READS    DS    2F
FINS     DS    F
CMSMODE  DS    0D
         END
