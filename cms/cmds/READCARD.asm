*---------------------------------------------------------------------
* READCARD fn ft [fm] | READCARD * [* [fm]]: the first file of the
* virtual reader 00C into CMS files of F 80 records (R6's DMSRDC;
* docs/CMS.md "Files, cards and printing"). A transient command.
*   fn ft [fm]  the whole reader file into that file (READ control
*               cards included);
*   *           a READ control card (':READ fn ft fm', as PUNCH makes
*               it) begins each file, and is typed; cards before the
*               first go to READCARD CMSUT1 (DMSRDC702I says so).
* fm: the mode letter (A when omitted or *) and number; with a letter
* alone the number of the READ card (else 1). A file that exists is
* replaced.
* Return codes: 0; 8 the reader is empty (DMSRDC205W); 24 bad
* operands; 36 no reader; 100 a reader or disk error.
*---------------------------------------------------------------------
         REGEQU
READCARD CMSMOD ENTRY=BEGIN,SYSTEM=YES,ORIGIN=X'E000'
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         USING BEGIN,R12,R11
         LR    R9,R1                     the PLIST
         XC    RC,RC
         MVI   OPEN,0
         MVI   STAR,0
         MVC   CMDFM,=C'  '
* The operands: * [* [fm]], or fn ft [fm].
         LA    R2,8(,R9)
         CLI   0(R2),X'FF'
         BE    ENOFN
         CLC   0(8,R2),=CL8'*'
         BNE   NAMED
         MVI   STAR,1
         LA    R2,8(,R2)
         CLC   0(8,R2),=CL8'*'
         BNE   STAR1
         LA    R2,8(,R2)
STAR1    CLI   0(R2),X'FF'
         BE    OPERDONE
         MVC   CMDFM,0(R2)
         CLC   2(6,R2),=CL6' '
         BNE   EMODE
         LA    R1,CMDFM
         LA    R0,1
         BAL   R14,UMODE
         LTR   R15,R15
         BNZ   EMODE
         LA    R2,8(,R2)
         B     OPERDONE
NAMED    MVC   FID,=CL18' '
         LA    R1,8(,R9)
         LA    R2,FID
         LA    R0,1
         BAL   R14,UGETFID
         LR    R2,R1
         LTR   R15,R15
         BNZ   ERRX
         MVC   CMDFM,FID+16
OPERDONE CLI   0(R2),X'FF'
         BNE   EPARM
         CLI   CMDFM,C'*'
         BNE   *+10
         MVC   CMDFM,=C'  '
* The reader.
         LA    R1,X'00C'
         BAL   R14,UDEVTYP
         LTR   R15,R15
         BNZ   ENODEV
         SRL   R0,16
         CH    R0,=X'4008'
         BNE   ENODEV
* The disk the files go on.
         LA    R1,=C'A'
         CLI   CMDFM,C' '
         BE    *+8
         LA    R1,CMDFM
         BAL   R14,UDISKW
         LTR   R15,R15
         BNZ   ERRX
* The first card: none, the reader is empty.
         BAL   R14,RCARD
         C     R15,=F'13'
         BE    EEMPTY
         C     R15,=F'2'
         BE    ENULL
         LTR   R15,R15
         BNZ   ERDRERR
         CLI   STAR,1
         BE    CARDS
* READCARD fn ft [fm]: every card into the file.
         MVC   OFID,FID
         BAL   R14,SETFM
         BAL   R14,NEWFILE
NLOOP    BAL   R14,WCARD
         BAL   R14,RCARD
         LTR   R15,R15
         BZ    NLOOP
         C     R15,=F'2'
         BNE   ERDRERR
         B     DONE
* READCARD *: a READ card starts each file.
CARDS    CLC   CARD(5),=C':READ'
         BE    CTL
         CLI   OPEN,1
         BE    CDATA
         LA    R1,M702                   no READ card first
         BAL   R14,UMTEXT
         MVC   OFID,=CL18'READCARDCMSUT1'
         BAL   R14,SETFM
         BAL   R14,UMBEG0                ':READ  fn ft fm' as PUNCH's
         LA    R1,=C':READ  '
         LA    R0,7
         BAL   R14,UPUT
         LA    R1,OFID
         LA    R0,8
         BAL   R14,UPUT
         BAL   R14,UPB
         LA    R1,OFID+8
         LA    R0,8
         BAL   R14,UPUT
         BAL   R14,UPB
         LA    R1,OFID+16
         LA    R0,2
         BAL   R14,UPUT
         BAL   R14,UTYPEM
         BAL   R14,NEWFILE
CDATA    BAL   R14,WCARD
         B     CNEXT
* A READ card: its fileid (free form after :READ), typed.
CTL      BAL   R14,CLOSEF
         LA    R1,CARD
         LA    R0,80
         BAL   R14,UMBEG0
         BAL   R14,UPTOKN
         BAL   R14,UTYPEM
         MVC   OFID,=CL18' '
         MVC   OFID+16(2),=C'A1'
         LA    R3,CARD+5
         LA    R4,OFID
         LA    R5,3                      fn, ft, fm
CTL1     LA    R6,CARD+80
         CR    R3,R6
         BNL   CTL4
         CLI   0(R3),C' '
         BNE   CTL2
         LA    R3,1(,R3)
         B     CTL1
CTL2     LA    R6,8                      a word, at most 8
         CH    R5,=H'1'
         BNE   CTL2A
         LA    R6,2                      (the mode: 2)
         MVC   0(2,R4),=CL2' '
         B     CTL2B
CTL2A    MVC   0(8,R4),=CL8' '
CTL2B    LR    R7,R4
CTL3     LA    R0,CARD+80
         CR    R3,R0
         BNL   CTL4
         CLI   0(R3),C' '
         BE    CTL3E
         LTR   R6,R6
         BZ    CTL3N
         MVC   0(1,R7),0(R3)
         LA    R7,1(,R7)
         BCTR  R6,0
CTL3N    LA    R3,1(,R3)
         B     CTL3
CTL3E    LA    R4,8(,R4)
         BCT   R5,CTL1
CTL4     CLC   OFID(8),=CL8' '           no name: READCARD CMSUT1
         BNE   CTL5
         MVC   OFID(16),=CL16'READCARDCMSUT1'
CTL5     CLC   OFID+8(8),=CL8' '
         BNE   CTL6
         MVC   OFID+8(8),=CL8'CMSUT1'
CTL6     BAL   R14,SETFM
         BAL   R14,NEWFILE
CNEXT    BAL   R14,RCARD
         LTR   R15,R15
         BZ    CARDS
         C     R15,=F'2'
         BNE   ERDRERR
DONE     BAL   R14,CLOSEF
         B     EXIT
*---------------------------------------------------------------------
* SETFM: OFID's mode from the command's: a letter and number as
* they are; a letter alone with the card's number (OFID+17, else 1);
* none: A and the card's number.
*---------------------------------------------------------------------
SETFM    CLI   CMDFM,C' '
         BE    SETFM1
         MVC   OFID+16(1),CMDFM
         CLI   CMDFM+1,C' '
         BE    SETFM1
         MVC   OFID+17(1),CMDFM+1
         BR    R14
SETFM1   CLI   CMDFM,C' '
         BNE   *+8
         MVI   OFID+16,C'A'
         CLI   OFID+17,C'0'
         BL    SETFM2
         CLI   OFID+17,C'5'
         BNHR  R14
SETFM2   MVI   OFID+17,C'1'
         BR    R14
*---------------------------------------------------------------------
* NEWFILE: OFID erased if it exists, then open for the cards that
* follow (OPEN = 1, none written yet). CLOSEF: the file closed.
*---------------------------------------------------------------------
NEWFILE  ST    R14,NEWS
         XC    FSCB(44),FSCB
         MVC   FSCB+8(18),OFID
         LA    R1,FSCB
         LA    R0,UERASE
         BAL   R14,UFS                   (28: there was none)
         MVI   OPEN,1
         XC    NBUF,NBUF
         L     R14,NEWS
         BR    R14
CLOSEF   ST    R14,NEWS
         CLI   OPEN,1
         BNE   CLOSEF9
         BAL   R14,FLUSH
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         MVI   OPEN,0
CLOSEF9  L     R14,NEWS
         BR    R14
*---------------------------------------------------------------------
* WCARD: CARD into the file (kept in BUF, written 40 at a time).
* FLUSH: what BUF holds, written.
*---------------------------------------------------------------------
WCARD    ST    R14,WCS
         L     R1,NBUF
         LR    R0,R1
         MH    R1,=H'80'
         LA    R1,BUF(R1)
         MVC   0(80,R1),CARD
         AH    R0,=H'1'
         ST    R0,NBUF
         CH    R0,=H'40'
         BL    WCARD9
         BAL   R14,FLUSH
WCARD9   L     R14,WCS
         BR    R14
FLUSH    ST    R14,FLS
         L     R0,NBUF
         LTR   R0,R0
         BZ    FLUSH9
         STH   R0,FSCB+38                items
         MH    R0,=H'80'
         ST    R0,FSCB+32                bytes
         LA    R1,BUF
         ST    R1,FSCB+28
         XC    FSCB+26(2),FSCB+26        after the last
         MVI   FSCB+36,C'F'
         LA    R1,FSCB
         LA    R0,UWRBUF
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   EWRERR
         XC    NBUF,NBUF
FLUSH9   L     R14,FLS
         BR    R14
*---------------------------------------------------------------------
* RCARD: the next card into CARD (blanks where the record is short).
* R15 = 0; 2 the end of the file; 13 no file (or another error).
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
ENOFN    BAL   R14,UENOFN
         B     ERRX
EMODE    LR    R1,R2
         BAL   R14,UEMODE
         B     ERRX
EPARM    LR    R1,R2
         BAL   R14,UEPARM
         B     ERRX
ENODEV   LA    R1,MNODEV
         BAL   R14,UMTEXT
         LA    R15,36
         B     ERRX
EEMPTY   LA    R1,M205
         BAL   R14,UMTEXT
         LA    R15,8
         B     ERRX
ENULL    LA    R1,M701
         BAL   R14,UMTEXT
         B     EXIT
ERDRERR  ST    R15,RDRC
         BAL   R14,CLOSEF
         LA    R1,M124
         BAL   R14,UMTEXT
         LA    R1,=C'CLOSE 00C HOLD'
         LA    R0,14
         BAL   R14,UCP
         LA    R15,100
         B     ERRX
EWRERR   ST    R15,RDRC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         MVI   OPEN,0
         L     R0,RDRC
         LA    R1,OFID
         BAL   R14,UEWR
         ST    R15,RC
         LA    R1,=C'CLOSE 00C HOLD'
         LA    R0,14
         BAL   R14,UCP
         B     EXIT
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
MNODEV   DC    AL1(38),C'008E DEVICE 00C INVALID OR NONEXISTENT'
M205     DC    AL1(30),C'205W READER EMPTY OR NOT READY'
M701     DC    AL1(14),C'701I NULL FILE'
M702     DC    AL1(50)
         DC    C'702I READ CONTROL CARD MISSING. FOLLOWING ASSUMED:'
M124     DC    AL1(28),C'124S ERROR READING CARD FILE'
UMID     DC    C'RDC'
         LTORG
         COPY  CMSUTIL
         DS    0D
RCCW     DC    X'02',AL3(CARD),X'20',AL3(80)
CARD     DS    CL80
FSCB     DS    11F
FID      DS    CL18
OFID     DS    CL18
CMDFM    DS    CL2
OPEN     DS    X
STAR     DS    X
         DS    0F
RC       DS    F
RDRC     DS    F
NBUF     DS    F
NEWS     DS    F
WCS      DS    F
FLS      DS    F
RCS      DS    F
BUF      DS    40CL80
CMSMODE  DS    0D
         END
