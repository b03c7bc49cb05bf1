*---------------------------------------------------------------------
* SORT fn ft fm fn ft fm: the records of the first file, sorted, into
* the second (R6's DMSSRT; docs/CMS.md "Files, cards and printing").
* SORT asks for the sort fields,
*   DMSSRT604R ENTER SORT FIELDS:
* and reads pairs of columns 'start end ...' (up to 32 pairs): the
* records are ordered by the first field, then the second, ... in
* EBCDIC order, ascending; equal records keep their order (the sort is
* stable). A record shorter than a field is compared as if padded with
* blanks. The output has the input's record format and LRECL; a file
* of that name is replaced; in the output fileid '=' takes the
* input's name, type or mode. The file is sorted in storage.
* Return codes: 0; 24 bad operands or fields; 28 no such file;
* 100 a disk error; 104 not enough storage.
*---------------------------------------------------------------------
         REGEQU
SORT     CMSMOD ENTRY=BEGIN,SYSTEM=YES
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         USING BEGIN,R12,R11
         LR    R9,R1                     the PLIST
         XC    RC,RC
         XC    AREA,AREA
         MVI   OPEN,0
* The two fileids, complete (the input's mode may be '*').
         MVC   IFID,=CL18' '
         LA    R1,8(,R9)
         LA    R2,IFID
         LA    R0,3
         BAL   R14,UGETFID
         LTR   R15,R15
         BNZ   ERRX
         LR    R2,R1
         CLI   0(R2),X'FF'
         BE    EINCOMP
         MVC   OFID,=CL18' '
         LR    R1,R2
         LA    R2,OFID
         LA    R0,2+8
         BAL   R14,UGETFID
         LTR   R15,R15
         BNZ   ERRX
         LR    R2,R1
         CLI   0(R2),X'FF'
         BNE   EPARM
* The input.
         XC    FSCB(44),FSCB
         MVC   FSCB+8(18),IFID
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   ESTATE
         MVC   FST,0(R1)
         MVC   IFID+16(2),FST+24         where it is
* The output: '=' from the input; a mode letter alone: number 1.
         LA    R1,OFID
         LA    R2,IFID
         LA    R0,2
SORTEQ   CLC   0(8,R1),=CL8'='
         BNE   *+10
         MVC   0(8,R1),0(R2)
         LA    R1,8(,R1)
         LA    R2,8(,R2)
         BCT   R0,SORTEQ
         CLI   OFID+16,C'='
         BNE   *+10
         MVC   OFID+16(2),IFID+16
         CLI   OFID+16,C'*'
         BNE   *+10
         MVC   OFID+16(2),IFID+16
         CLI   OFID+17,C' '
         BNE   *+8
         MVI   OFID+17,C'1'
         LA    R1,OFID
         LA    R0,4
         BAL   R14,UGETFIDC
         LTR   R15,R15
         BNZ   ERRX
         CLC   OFID(17),IFID
         BE    EIDENT
         LA    R1,OFID+16                the output's disk
         BAL   R14,UDISKW
         LTR   R15,R15
         BNZ   ERRX
* The sort fields.
         LA    R1,M604
         BAL   R14,UMTEXT
         RDTERM LINE
         LR    R3,R0                     its length
         LTR   R3,R3
         BZ    ENOLIST
         LA    R2,LINE
         AR    R3,R2                     its end
         SR    R6,R6                     fields
         LA    R7,FIELDS
FLD1     BAL   R14,GETNUM                a start
         BM    FLDEND
         BNZ   EPAIR
         LTR   R0,R0
         BZ    EPAIR
         BCTR  R0,0
         ST    R0,0(,R7)
         BAL   R14,GETNUM                its end
         BNZ   EPAIR
         C     R0,0(,R7)
         BNH   EPAIR
         C     R0,FST+32
         BH    ECOLUMN
         S     R0,0(,R7)
         ST    R0,4(,R7)                 the length
         LA    R7,8(,R7)
         LA    R6,1(,R6)
         CH    R6,=H'32'
         BNH   FLD1
         B     EPAIR
FLDEND   LTR   R6,R6
         BZ    ENOLIST
         ST    R6,NFIELDS
* Storage for every record (length and data), a pointer each, and the
* merge's second array: the data blocks' 800 bytes each are more than
* enough for the records and their lengths.
         LH    R4,FST+26                 records
         N     R4,=X'0000FFFF'
         ST    R4,NREC
         LH    R3,FST+36                 data blocks
         N     R3,=X'0000FFFF'
         MH    R3,=H'800'
         LR    R5,R4
         SLL   R5,3                      two pointers a record
         AR    R3,R5
         AR    R3,R4                     a byte each to align
         L     R5,FST+32                 and one more record
         LA    R3,64(R5,R3)
         LA    R3,7(,R3)
         SRL   R3,3
         ST    R3,AREADW
         DMSFREE DWORDS=(R3),ERR=ENOMEM
         ST    R1,AREA
         LR    R5,R1
         L     R4,NREC
         SLL   R4,2
         ST    R5,PTRS                   the pointers
         AR    R5,R4
         ST    R5,AUX                    the merge's array
         AR    R5,R4
         ST    R5,DATA                   the records
* Read every record: H length, then the record.
         L     R6,DATA                   where the next goes
         L     R7,PTRS
         SR    R8,R8                     records read
         MVC   FSCB+24(2),IFID+16
RD1      LA    R1,2(,R6)
         ST    R1,FSCB+28
         MVC   FSCB+32(4),FST+32
         XC    FSCB+26(2),FSCB+26
         MVC   FSCB+38(2),=H'1'
         LA    R1,FSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         C     R15,=F'12'
         BE    RDEND
         LTR   R15,R15
         BNZ   ERDERR
         C     R8,NREC                   (more than the FST said)
         BNL   RDEND
         L     R0,FSCB+40
         STH   R0,0(,R6)
         ST    R6,0(,R7)
         LA    R7,4(,R7)
         LA    R8,1(,R8)
         LA    R6,2+1(R6)                the next on a halfword
         AR    R6,R0
         N     R6,=X'00FFFFFE'
         B     RD1
RDEND    ST    R8,NREC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
* The merge sort: runs of WIDTH from SRC merged into DST, WIDTH
* doubled, the arrays swapped, until one run holds them all.
         MVC   SRC,PTRS
         MVC   DST,AUX
         LA    R0,1
         ST    R0,WIDTH
MS1      L     R0,WIDTH
         C     R0,NREC
         BNL   MSDONE
         SR    R2,R2                     i
MS2      C     R2,NREC
         BNL   MS9
         L     R3,WIDTH
         AR    R3,R2                     mid = min(i+w, n)
         C     R3,NREC
         BNH   *+8
         L     R3,NREC
         L     R4,WIDTH
         AR    R4,R4
         AR    R4,R2                     end = min(i+2w, n)
         C     R4,NREC
         BNH   *+8
         L     R4,NREC
* Merge SRC[i..mid) and SRC[mid..end) into DST[i..end).
         LR    R5,R2                     left
         LR    R6,R3                     right
         LR    R7,R2                     out
MG1      CR    R5,R3
         BNL   MGRIGHT                   the left run is done
         CR    R6,R4
         BNL   MGLEFT                    the right run is done
         LR    R1,R5
         SLL   R1,2
         A     R1,SRC
         L     R8,0(,R1)                 left record
         LR    R1,R6
         SLL   R1,2
         A     R1,SRC
         L     R10,0(,R1)                right record
         BAL   R14,COMPR
         BH    MGTAKER                   right < left: the right one
MGTAKEL  LR    R1,R7
         SLL   R1,2
         A     R1,DST
         ST    R8,0(,R1)
         LA    R5,1(,R5)
         LA    R7,1(,R7)
         B     MG1
MGTAKER  LR    R1,R7
         SLL   R1,2
         A     R1,DST
         ST    R10,0(,R1)
         LA    R6,1(,R6)
         LA    R7,1(,R7)
         B     MG1
MGLEFT   CR    R5,R3
         BNL   MGNEXT
         LR    R1,R5
         SLL   R1,2
         A     R1,SRC
         L     R8,0(,R1)
         LR    R1,R7
         SLL   R1,2
         A     R1,DST
         ST    R8,0(,R1)
         LA    R5,1(,R5)
         LA    R7,1(,R7)
         B     MGLEFT
MGRIGHT  CR    R6,R4
         BNL   MGNEXT
         LR    R1,R6
         SLL   R1,2
         A     R1,SRC
         L     R10,0(,R1)
         LR    R1,R7
         SLL   R1,2
         A     R1,DST
         ST    R10,0(,R1)
         LA    R6,1(,R6)
         LA    R7,1(,R7)
         B     MGRIGHT
MGNEXT   LR    R2,R4                     the next pair of runs
         B     MS2
MS9      L     R0,SRC                    swap
         MVC   SRC,DST
         ST    R0,DST
         L     R0,WIDTH
         AR    R0,R0
         ST    R0,WIDTH
         B     MS1
* The output: the old file erased, the records written in order.
MSDONE   XC    FSCB(44),FSCB
         MVC   FSCB+8(18),OFID
         LA    R1,FSCB
         LA    R0,UERASE
         BAL   R14,UFS
         MVI   OPEN,1
         L     R7,SRC
         L     R8,NREC
         LTR   R8,R8
         BZ    WREND
WR1      L     R6,0(,R7)
         LH    R0,0(,R6)
         N     R0,=X'0000FFFF'
         ST    R0,FSCB+32
         LA    R1,2(,R6)
         ST    R1,FSCB+28
         XC    FSCB+26(2),FSCB+26
         MVC   FSCB+36(1),FST+30         the input's record format
         MVC   FSCB+38(2),=H'1'
         LA    R1,FSCB
         LA    R0,UWRBUF
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   EWRERR
         LA    R7,4(,R7)
         BCT   R8,WR1
WREND    LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   EWRERR
         MVI   OPEN,0
         BAL   R14,FREEAREA
         B     EXIT
*---------------------------------------------------------------------
* COMPR: the record at R8 against the record at R10 (each H length,
* data), field by field; the cc as CLC gives it.
*---------------------------------------------------------------------
COMPR    STM   R14,R7,COMPS
         L     R6,NFIELDS
         LA    R7,FIELDS
CP1      L     R1,0(,R7)                 the field's start
         L     R0,4(,R7)                 and length
         LH    R2,0(,R8)
         N     R2,=X'0000FFFF'
         SR    R2,R1                     what the record has of it
         BNM   *+6
         SR    R2,R2
         CR    R2,R0
         BNH   *+6
         LR    R2,R0
         LR    R3,R2                     R3 the length, R2 the address
         LA    R2,2(R1,R8)
         LH    R4,0(,R10)
         N     R4,=X'0000FFFF'
         SR    R4,R1
         BNM   *+6
         SR    R4,R4
         CR    R4,R0
         BNH   *+6
         LR    R4,R0
         LR    R5,R4
         LA    R4,2(R1,R10)
         ICM   R5,8,=C' '                padded with blanks
         CLCL  R2,R4
         BNE   CP9
         LA    R7,8(,R7)
         BCT   R6,CP1
CP9      LM    R14,R7,COMPS
         BR    R14
*---------------------------------------------------------------------
* GETNUM: the next number of the line (R2 the scan, R3 its end) in R0.
* The cc: 0 a number; minus the line's end; else not a number.
*---------------------------------------------------------------------
GETNUM   CR    R2,R3
         BNL   GNEND
         CLI   0(R2),C' '
         BNE   GN1
         LA    R2,1(,R2)
         B     GETNUM
GNEND    LNR   R0,R14                    (a negative cc)
         LTR   R0,R0
         BR    R14
GN1      SR    R0,R0
         SR    R1,R1                     digits
GN2      CR    R2,R3
         BNL   GN3
         CLI   0(R2),C' '
         BE    GN3
         CLI   0(R2),C'0'
         BL    GNBAD
         CLI   0(R2),C'9'
         BH    GNBAD
         C     R0,=F'1000000'
         BH    GNBAD
         MH    R0,=H'10'
         IC    R15,0(,R2)
         N     R15,=F'15'
         AR    R0,R15
         LA    R2,1(,R2)
         LA    R1,1(,R1)
         B     GN2
GN3      SR    R15,R15                   cc 0
         BR    R14
GNBAD    LA    R15,1
         LTR   R15,R15                   cc 2
         BR    R14
*---------------------------------------------------------------------
* UGETFIDC: the complete fileid at R1 checked again (the mode after
* '=' and defaults). R15 = 0, or 24 with the message.
*---------------------------------------------------------------------
UGETFIDC ST    R14,UGCS
         ST    R1,UGCS+4
         LA    R0,0
         LA    R1,16(,R1)
         BAL   R14,UMODE
         LTR   R15,R15
         BZ    UGC9
         L     R1,UGCS+4
         LA    R1,16(,R1)
         MVC   TOK,=CL8' '
         MVC   TOK(2),0(R1)
         LA    R1,TOK
         BAL   R14,UEMODE
UGC9     L     R14,UGCS
         BR    R14
*---------------------------------------------------------------------
* FREEAREA: the records' storage back.
*---------------------------------------------------------------------
FREEAREA L     R1,AREA
         LTR   R1,R1
         BZR   R14
         ST    R14,FREES
         L     R0,AREADW
         DMSFRET DWORDS=(R0),LOC=(R1)
         XC    AREA,AREA
         L     R14,FREES
         BR    R14
*---------------------------------------------------------------------
* The messages.
*---------------------------------------------------------------------
EINCOMP  BAL   R14,UEINCMP
         B     ERRX
EPARM    LR    R1,R2
         BAL   R14,UEPARM
         B     ERRX
ESTATE   LA    R1,IFID
         BAL   R14,UESTATE
         B     ERRX
EIDENT   LA    R1,M019
         B     ETEXT24
ENOLIST  LA    R1,M063
         B     ETEXT24
EPAIR    LA    R1,M053
ETEXT24  BAL   R14,UMTEXT
         LA    R15,24
         B     ERRX
ECOLUMN  ST    R0,IORC
         BAL   R14,UMBEG
         LA    R1,M009
         BAL   R14,UMTXT
         L     R0,IORC
         BAL   R14,UPDEC
         LA    R1,M009B
         BAL   R14,UMTXT
         BAL   R14,UMSG
         LA    R15,24
         B     ERRX
ENOMEM   BAL   R14,UENOMEM
         B     ERRX
ERDERR   ST    R15,IORC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         BAL   R14,FREEAREA
         L     R0,IORC
         LA    R1,IFID
         BAL   R14,UERD
         B     ERRX
EWRERR   ST    R15,IORC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         BAL   R14,FREEAREA
         L     R0,IORC
         LA    R1,OFID
         BAL   R14,UEWR
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
M604     DC    AL1(23),C'604R ENTER SORT FIELDS:'
M019     DC    AL1(22),C'019E IDENTICAL FILEIDS'
M063     DC    AL1(20),C'063E NO LIST ENTERED'
M053     DC    AL1(36),C'053E INVALID SORT FIELD PAIR DEFINED'
M009     DC    AL1(13),C'009E COLUMN '''
M009B    DC    AL1(23),C''' EXCEEDS RECORD LENGTH'
UMID     DC    C'SRT'
         LTORG
         COPY  CMSUTIL
         DS    0D
FSCB     DS    11F
FST      DS    CL40
IFID     DS    CL18
OFID     DS    CL18
TOK      DS    CL8
OPEN     DS    X
         DS    0F
RC       DS    F
IORC     DS    F
AREA     DS    A
AREADW   DS    F
PTRS     DS    A
AUX      DS    A
DATA     DS    A
SRC      DS    A
DST      DS    A
NREC     DS    F
WIDTH    DS    F
NFIELDS  DS    F
COMPS    DS    10F
UGCS     DS    2F
FREES    DS    F
FIELDS   DS    33D
LINE     DS    CL132
CMSMODE  DS    0D
         END
