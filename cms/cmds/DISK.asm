*---------------------------------------------------------------------
* DISK DUMP fn ft [fm] | DISK LOAD (R6's DMSDSK; docs/CMS.md "Files,
* cards and printing"): a file of any record format and length to the
* punch as card images, and back from the reader, exactly.
*
* The deck (ours where R6's is not known; the same every file):
*   col 1 X'02', 2-4 'CMS', 5 ' ' (a data card) or 'N' (the last),
*   6-55   50 bytes of the file: its records as on the disk (F back
*          to back, V each after its halfword length), the last data
*          card padded with zeros; on the N card the file's FST (40
*          bytes: fn ft date time wp rp fm records chain recfm flags
*          lrecl blocks year) and 10 zeros,
*   56     the record format, 57-61 LRECL, 62-66 the records (decimal),
*   73-80  the card's number from 00000001.
* DISK LOAD writes the records into DISK CMSUT1 A1, then renames it to
* the N card's fn ft on the A-disk with the FST's mode number (a file
* that exists is replaced); a deck may hold several files. A deck that
* is not a DISK DUMP deck (078E) or ends early (077E) stays in the
* reader (CLOSE 00C HOLD). Transient.
* Return codes: 0; 8 the reader is empty; 24 bad operands; 28 no
* such file; 32 a bad deck; 36 no punch or reader; 100 I/O errors.
*---------------------------------------------------------------------
         REGEQU
DISK     CMSMOD ENTRY=BEGIN,SYSTEM=YES,ORIGIN=X'E000'
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         USING BEGIN,R12,R11
         LR    R9,R1                     the PLIST
         XC    RC,RC
         XC    BUFA,BUFA
         MVI   OPEN,0
         CLI   8(R9),X'FF'
         BE    ENOFUNC
         CLC   8(8,R9),=CL8'DUMP'
         BE    DUMP
         CLC   8(8,R9),=CL8'LOAD'
         BE    LOAD
         LA    R2,8(,R9)
         LA    R1,M014
         BAL   R14,UMTOK
         LA    R15,24
         B     ERRX
*=====================================================================
* DISK DUMP fn ft [fm]
*=====================================================================
DUMP     MVC   FID,=CL18' '
         MVC   FID+16(2),=C'A '
         LA    R1,16(,R9)
         LA    R2,FID
         LA    R0,1
         BAL   R14,UGETFID
         LR    R2,R1
         LTR   R15,R15
         BNZ   ERRX
         CLI   0(R2),X'FF'
         BNE   EPARM
         LA    R1,X'00D'
         BAL   R14,UDEVTYP
         LTR   R15,R15
         BNZ   ENODEVP
         SRL   R0,16
         CH    R0,=X'2008'
         BNE   ENODEVP
         XC    FSCB(44),FSCB
         MVC   FSCB+8(18),FID
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   ESTATE
         MVC   FST,0(R1)
         MVC   FSCB+24(2),FST+24
         MVC   FID+16(2),FST+24
         L     R3,FST+32                 a buffer: LRECL and a length
         LA    R3,2+7(,R3)
         SRL   R3,3
         ST    R3,BUFDW
         DMSFREE DWORDS=(R3),ERR=ENOMEM
         ST    R1,BUFA
         MVI   OPEN,1
* Columns 56-66 of every card, the first card's number.
         MVC   CARD,=XL5'02C3D4E240'
         MVC   CARD+55(1),FST+30         recfm
         L     R0,FST+32
         CVD   R0,DW
         UNPK  CARD+56(5),DW+5(3)
         OI    CARD+60,X'F0'
         LH    R0,FST+26                 records
         N     R0,=X'0000FFFF'
         CVD   R0,DW
         UNPK  CARD+61(5),DW+5(3)
         OI    CARD+65,X'F0'
         MVC   CARD+66(6),=CL6' '
         XC    SEQ,SEQ
         XC    FILL,FILL
* The records.
DREAD    L     R1,BUFA
         LA    R1,2(,R1)
         ST    R1,FSCB+28
         L     R1,FST+32
         ST    R1,FSCB+32
         XC    FSCB+26(2),FSCB+26
         MVC   FSCB+38(2),=H'1'
         LA    R1,FSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         C     R15,=F'12'
         BE    DEND
         LTR   R15,R15
         BNZ   ERDERR
         L     R0,FSCB+40                the length
         L     R1,BUFA
         CLI   FST+30,C'V'
         BNE   DREAD1
         STH   R0,0(,R1)                 V: the halfword first
         AH    R0,=H'2'
         B     DREAD2
DREAD1   LA    R1,2(,R1)
DREAD2   BAL   R14,SPUT
         B     DREAD
* The last data card, padded; the N card; CLOSE.
DEND     L     R1,FILL
         LTR   R1,R1
         BZ    DEND1
         LA    R2,50
         SR    R2,R1
         LA    R1,CARD+5(R1)
         BCTR  R2,0
         EX    R2,XCZERO
         BAL   R14,DCARD
DEND1    MVI   CARD+4,C'N'
         XC    CARD+5(50),CARD+5
         MVC   CARD+5(40),FST
         MVI   CARD+5+31,0               (STATE's flags)
         BAL   R14,DCARD
         BAL   R14,DFINISH
         LA    R1,=C'CLOSE 00D'
         LA    R0,9
         BAL   R14,UCP
         B     EXIT
*---------------------------------------------------------------------
* SPUT: the R0 bytes at R1 into the deck, 50 a card.
*---------------------------------------------------------------------
SPUT     STM   R14,R5,SPUTS
         LR    R2,R1
         LR    R3,R0
SPUT1    LTR   R3,R3
         BNP   SPUT9
         L     R4,FILL
         LA    R5,50
         SR    R5,R4                     room on the card
         CR    R5,R3
         BNH   *+6
         LR    R5,R3
         LA    R1,CARD+5(R4)
         BCTR  R5,0
         EX    R5,MVSPUT
         LA    R5,1(,R5)
         AR    R2,R5
         SR    R3,R5
         AR    R4,R5
         ST    R4,FILL
         CH    R4,=H'50'
         BL    SPUT1
         BAL   R14,DCARD
         XC    FILL,FILL
         B     SPUT1
SPUT9    LM    R14,R5,SPUTS
         BR    R14
MVSPUT   MVC   0(0,R1),0(R2)
XCZERO   XC    0(0,R1),0(R1)
*---------------------------------------------------------------------
* DCARD: the card numbered and punched.
*---------------------------------------------------------------------
DCARD    ST    R14,DCS
         L     R1,SEQ
         LA    R1,1(,R1)
         ST    R1,SEQ
         CVD   R1,DW
         UNPK  CARD+72(8),DW+3(5)
         OI    CARD+79,X'F0'
         LA    R0,X'00D'
         LA    R1,PCCW
         BAL   R14,UDIAG20
         LTR   R15,R15
         BNZ   EPUNERR
         L     R14,DCS
         BR    R14
*---------------------------------------------------------------------
* DFINISH: the file closed, the buffer back.
*---------------------------------------------------------------------
DFINISH  ST    R14,DFS
         CLI   OPEN,1
         BNE   DFIN1
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         MVI   OPEN,0
DFIN1    L     R1,BUFA
         LTR   R1,R1
         BZ    DFIN9
         L     R0,BUFDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         XC    BUFA,BUFA
DFIN9    L     R14,DFS
         BR    R14
*=====================================================================
* DISK LOAD
*=====================================================================
LOAD     CLI   16(R9),X'FF'
         BE    LOAD1
         LA    R2,16(,R9)
         B     EPARM
LOAD1    LA    R1,X'00C'
         BAL   R14,UDEVTYP
         LTR   R15,R15
         BNZ   ENODEVR
         SRL   R0,16
         CH    R0,=X'4008'
         BNE   ENODEVR
         LA    R1,=C'A'                  the A-disk
         BAL   R14,UDISKW
         LTR   R15,R15
         BNZ   ERRX
         XC    SEQ,SEQ
         BAL   R14,RCARD                 the first card
         C     R15,=F'13'
         BE    EEMPTY
         C     R15,=F'2'
         BE    ENULL
         LTR   R15,R15
         BNZ   ERDRERR
* A file: its first card says how its records are made.
LFILE    BAL   R14,CHKCARD
         CLI   CARD+4,C' '
         BNE   EBADCARD
         MVC   LRECFM,CARD+55
         CLI   LRECFM,C'F'
         BE    LF1
         CLI   LRECFM,C'V'
         BNE   EBADCARD
LF1      LA    R1,CARD+56
         LA    R0,5
         BAL   R14,NUM
         BNZ   EBADCARD
         ST    R0,LLRECL
         LA    R1,CARD+61
         LA    R0,5
         BAL   R14,NUM
         BNZ   EBADCARD
         ST    R0,LCOUNT
         L     R0,LLRECL
         LTR   R0,R0
         BZ    EBADCARD
         MVC   CARDHDR,CARD+55           the same on every card
         XC    AVAIL,AVAIL
         MVI   NEEDCARD,0                this card's data first
* The work file, and a buffer for a record.
         XC    FSCB(44),FSCB
         MVC   FSCB+8(18),WORKFID
         LA    R1,FSCB
         LA    R0,UERASE
         BAL   R14,UFS
         L     R3,LLRECL
         LA    R3,7(,R3)
         SRL   R3,3
         ST    R3,BUFDW
         DMSFREE DWORDS=(R3),ERR=ENOMEM
         ST    R1,BUFA
         MVI   OPEN,1
* Each record.
LREC     L     R0,LCOUNT
         LTR   R0,R0
         BNP   LNCARD
         BCTR  R0,0
         ST    R0,LCOUNT
         L     R0,LLRECL
         CLI   LRECFM,C'F'
         BE    LREC1
         LA    R1,HW                     V: its length first
         LA    R0,2
         BAL   R14,SGET
         LH    R0,HW
         N     R0,=X'0000FFFF'
         C     R0,LLRECL
         BH    EBADCARD
         LTR   R0,R0
         BZ    LREC                      (CMS writes no empty record)
LREC1    ST    R0,RECLEN
         L     R1,BUFA
         BAL   R14,SGET
         L     R1,BUFA
         ST    R1,FSCB+28
         MVC   FSCB+32(4),RECLEN
         XC    FSCB+26(2),FSCB+26
         MVC   FSCB+36(1),LRECFM
         MVC   FSCB+38(2),=H'1'
         LA    R1,FSCB
         LA    R0,UWRBUF
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   EWRERR
         B     LREC
* After the records, the N card.
LNCARD   BAL   R14,RCARD
         C     R15,=F'2'
         BE    ENOEND
         LTR   R15,R15
         BNZ   ERDRERR
         BAL   R14,CHKCARD
         CLI   CARD+4,C'N'
         BNE   EBADCARD
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   EWRERR
         MVI   OPEN,0
         L     R1,BUFA
         L     R0,BUFDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         XC    BUFA,BUFA
* DISK CMSUT1 A1 becomes fn ft An.
         MVC   NFID(16),CARD+5           fn ft
         MVC   NFID+16(2),=C'A1'
         CLI   CARD+30,C'0'
         BL    LREN
         CLI   CARD+30,C'5'
         BH    LREN
         MVC   NFID+17(1),CARD+30
LREN     XC    FSCB(44),FSCB
         MVC   FSCB+8(18),NFID
         LA    R1,FSCB
         LA    R0,UERASE
         BAL   R14,UFS
         MVC   RNPL+8(8),WORKFID
         MVC   RNPL+16(8),WORKFID+8
         MVC   RNPL+24(8),=CL8'A1'
         MVC   RNPL+32(16),NFID
         MVC   RNPL+48(8),=CL8' '
         MVC   RNPL+48(2),NFID+16
         LA    R1,RNPL
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   ERENERR
* Another file in the deck, or its end.
         BAL   R14,RCARD
         C     R15,=F'2'
         BE    EXIT
         LTR   R15,R15
         BNZ   ERDRERR
         B     LFILE
*---------------------------------------------------------------------
* SGET: the next R0 bytes of the deck to R1.
*---------------------------------------------------------------------
SGET     STM   R14,R5,SGETS
         LR    R2,R1
         LR    R3,R0
SGET1    LTR   R3,R3
         BNP   SGET9
         L     R4,AVAIL
         LTR   R4,R4
         BP    SGET2
         CLI   NEEDCARD,0
         BE    SGET1A
         BAL   R14,RCARD                 the next data card
         C     R15,=F'2'
         BE    ENOEND
         LTR   R15,R15
         BNZ   ERDRERR
         BAL   R14,CHKCARD
         CLI   CARD+4,C' '
         BNE   EBADCARD
         CLC   CARD+55(11),CARDHDR
         BNE   EBADCARD
SGET1A   MVI   NEEDCARD,1
         LA    R4,50
         ST    R4,AVAIL
SGET2    LR    R5,R4                     what this card has
         CR    R5,R3
         BNH   *+6
         LR    R5,R3
         LA    R1,CARD+55
         SR    R1,R4                     its next byte
         BCTR  R5,0
         EX    R5,MVSGET
         LA    R5,1(,R5)
         AR    R2,R5
         SR    R3,R5
         SR    R4,R5
         ST    R4,AVAIL
         B     SGET1
SGET9    LM    R14,R5,SGETS
         BR    R14
MVSGET   MVC   0(0,R2),0(R1)
*---------------------------------------------------------------------
* CHKCARD: a card of a DISK DUMP deck, numbered in order (else
* EBADCARD).
*---------------------------------------------------------------------
CHKCARD  ST    R14,CHKS
         CLC   CARD(4),=X'02C3D4E2'
         BNE   EBADCARD
         LA    R1,CARD+72
         LA    R0,8
         BAL   R14,NUM
         BNZ   EBADCARD
         L     R1,SEQ
         LA    R1,1(,R1)
         ST    R1,SEQ
         CR    R0,R1
         BNE   EBADCARD
         L     R14,CHKS
         BR    R14
*---------------------------------------------------------------------
* NUM: the R0 decimal digits at R1 as a number in R0; the cc is not
* zero when they are not all digits.
*---------------------------------------------------------------------
NUM      STM   R2,R4,NUMS
         LR    R2,R0
         SR    R0,R0
NUM1     CLI   0(R1),C'0'
         BL    NUMBAD
         CLI   0(R1),C'9'
         BH    NUMBAD
         IC    R3,0(,R1)
         N     R3,=F'15'
         MH    R0,=H'10'
         AR    R0,R3
         LA    R1,1(,R1)
         BCT   R2,NUM1
         SR    R3,R3
         B     NUM9
NUMBAD   LA    R3,1
NUM9     LTR   R3,R3
         LM    R2,R4,NUMS
         BR    R14
*---------------------------------------------------------------------
* RCARD: the next card into CARD. R15 = 0; 2 the end; 13 none.
*---------------------------------------------------------------------
RCARD    ST    R14,RCS
         MVI   CARD,C' '
         MVC   CARD+1(79),CARD
         LA    R0,X'00C'
         LA    R1,RCCW
         BAL   R14,UDIAG20
         L     R14,RCS
         BR    R14
*---------------------------------------------------------------------
* The messages.
*---------------------------------------------------------------------
ENOFUNC  LA    R1,M047
         BAL   R14,UMTEXT
         LA    R15,24
         B     ERRX
EPARM    LR    R1,R2
         BAL   R14,UEPARM
         B     ERRX
ENODEVP  LA    R1,MNODEVP
         B     ENODEV
ENODEVR  LA    R1,MNODEVR
ENODEV   BAL   R14,UMTEXT
         LA    R15,36
         B     ERRX
ESTATE   LA    R1,FID
         BAL   R14,UESTATE
         B     ERRX
ENOMEM   BAL   R14,DFINISH
         BAL   R14,UENOMEM
         B     ERRX
ERDERR   ST    R15,IORC
         BAL   R14,DFINISH
         L     R0,IORC
         LA    R1,FID
         BAL   R14,UERD
         B     ERRX
EPUNERR  BAL   R14,DFINISH
         LA    R1,=C'CLOSE 00D'
         LA    R0,9
         BAL   R14,UCP
         LA    R1,M118
         BAL   R14,UMTEXT
         LA    R15,100
         B     ERRX
EEMPTY   LA    R1,M205
         BAL   R14,UMTEXT
         LA    R15,8
         B     ERRX
ENULL    LA    R1,M701
         BAL   R14,UMTEXT
         B     EXIT
ERDRERR  LA    R1,M124
         LA    R15,100
         B     LERR
EBADCARD LA    R1,M078
         LA    R15,32
         B     LERR
ENOEND   LA    R1,M077
         LA    R15,32
LERR     ST    R15,RC
         BAL   R14,UMTEXT
         BAL   R14,LDROP
         B     EXIT
EWRERR   ST    R15,IORC
         BAL   R14,LDROP
         L     R0,IORC
         LA    R1,WORKFID
         BAL   R14,UEWR
         B     ERRX
ERENERR  ST    R15,IORC
         BAL   R14,LDROP
         L     R0,IORC
         LA    R1,NFID
         BAL   R14,UEWR
         B     ERRX
* LDROP: the work file erased, the rest of the deck kept in the reader.
LDROP    ST    R14,LDS
         BAL   R14,DFINISH
         XC    FSCB(44),FSCB
         MVC   FSCB+8(18),WORKFID
         LA    R1,FSCB
         LA    R0,UERASE
         BAL   R14,UFS
         LA    R1,=C'CLOSE 00C HOLD'
         LA    R0,14
         BAL   R14,UCP
         L     R14,LDS
         BR    R14
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
M014     DC    AL1(23),C'014E INVALID FUNCTION ''',AL1(1),C''''
M047     DC    AL1(26),C'047E NO FUNCTION SPECIFIED'
MNODEVP  DC    AL1(38),C'008E DEVICE 00D INVALID OR NONEXISTENT'
MNODEVR  DC    AL1(38),C'008E DEVICE 00C INVALID OR NONEXISTENT'
M118     DC    AL1(24),C'118S ERROR PUNCHING FILE'
M205     DC    AL1(30),C'205W READER EMPTY OR NOT READY'
M701     DC    AL1(14),C'701I NULL FILE'
M124     DC    AL1(28),C'124S ERROR READING CARD FILE'
M078     DC    AL1(31),C'078E INVALID CARD IN INPUT DECK'
M077     DC    AL1(37),C'077E END CARD MISSING FROM INPUT DECK'
UMID     DC    C'DSK'
WORKFID  DC    CL8'DISK',CL8'CMSUT1',CL2'A1'
         LTORG
         COPY  CMSUTIL
         DS    0D
PCCW     DC    X'01',AL3(CARD),X'20',AL3(80)
RCCW     DC    X'02',AL3(CARD),X'20',AL3(80)
DW       DS    D
CARD     DS    CL80
RNPL     DC    CL8'RENAME',6CL8' ',8X'FF'
FSCB     DS    11F
FST      DS    CL40
FID      DS    CL18
NFID     DS    CL18
CARDHDR  DS    CL11
LRECFM   DS    C
OPEN     DS    X
NEEDCARD DS    X
HW       DS    H
         DS    0F
RC       DS    F
IORC     DS    F
BUFA     DS    A
BUFDW    DS    F
SEQ      DS    F
FILL     DS    F
AVAIL    DS    F
LLRECL   DS    F
LCOUNT   DS    F
RECLEN   DS    F
SPUTS    DS    8F
SGETS    DS    8F
DCS      DS    F
DFS      DS    F
CHKS     DS    F
NUMS     DS    3F
RCS      DS    F
LDS      DS    F
CMSMODE  DS    0D
         END
