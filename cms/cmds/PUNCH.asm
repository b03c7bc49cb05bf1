*---------------------------------------------------------------------
* PUNCH fn ft [fm] [(HEADER|NOHEADER)]: a file to the virtual punch
* 00D as 80-column cards, then CP CLOSE 00D (R6's DMSPUN; docs/CMS.md
* "Files, cards and printing"). A transient command.
*   HEADER   (the default) first a READ control card for READCARD:
*            ':READ  fn       ft       fm volid  mm/dd/yy  hh:mm'
*   NOHEADER none
* A record of 80 bytes is one card; a shorter one is padded with
* blanks; a longer one goes on as many cards as it needs, the last
* padded; an empty V record is a blank card.
* Return codes: 0; 24 bad operands; 28 no such file; 36 no punch;
* 100 a read or punch error.
*---------------------------------------------------------------------
         REGEQU
PUNCH    CMSMOD ENTRY=BEGIN,SYSTEM=YES,ORIGIN=X'E000'
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         USING BEGIN,R12,R11
         LR    R9,R1                     the PLIST
         XC    BUFA,BUFA
         XC    RC,RC
         MVI   HDR,1
* The fileid: fn ft [fm].
         MVC   FID,=CL18' '
         MVC   FID+16(2),=C'A '
         LA    R1,8(,R9)
         LA    R2,FID
         LA    R0,1
         BAL   R14,UGETFID
         LR    R2,R1
         LTR   R15,R15
         BNZ   ERRX
* The options.
         CLI   0(R2),X'FF'
         BE    OPTEND
         CLI   0(R2),C'('
         BNE   EPARM
OPT1     LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    OPTEND
         CLI   0(R2),C')'
         BE    OPTEND
         LR    R1,R2
         LA    R15,OPTTAB
         BAL   R14,UOPT
         LTR   R15,R15
         BZ    EOPT
         SRL   R15,2
         BCTR  R15,0
         STC   R15,HDR                   HEADER 1, NOHEADER 0
         B     OPT1
OPTEND   DS    0H
* The punch.
         LA    R1,X'00D'
         BAL   R14,UDEVTYP
         LTR   R15,R15
         BNZ   ENODEV
         SRL   R0,16
         CH    R0,=X'2008'
         BNE   ENODEV
* The file.
         XC    FSCB(44),FSCB
         MVC   FSCB+8(18),FID
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   ESTATE
         MVC   FST,0(R1)                 STATE's copy of the FST
         MVC   FSCB+24(2),FST+24         where it is
         MVC   FID+16(2),FST+24
         L     R3,FST+32                 a buffer for the longest
         LA    R3,7(,R3)                 record
         SRL   R3,3
         ST    R3,BUFDW
         DMSFREE DWORDS=(R3),ERR=ENOMEM
         ST    R1,BUFA
* The header card: :READ  fn ft fm volid mm/dd/yy hh:mm.
         CLI   HDR,1
         BNE   READ
         MVI   CARD,C' '
         MVC   CARD+1(79),CARD
         MVC   CARD(5),=C':READ'
         MVC   CARD+7(8),FST             fn (columns 8-15)
         MVC   CARD+16(8),FST+8          ft (17-24)
         MVC   CARD+25(2),FST+24         fm (26-27)
*                                        volid (29-34): not known
         UNPK  DTW(5),FST+16(3)          mmdd
         MVC   CARD+35(2),DTW            mm/dd/yy (36-43)
         MVI   CARD+37,C'/'
         MVC   CARD+38(2),DTW+2
         MVI   CARD+40,C'/'
         MVC   CARD+41(2),FST+38         yy
         UNPK  DTW(5),FST+18(3)          hhmm
         MVC   CARD+45(2),DTW            hh:mm (46-50)
         MVI   CARD+47,C':'
         MVC   CARD+48(2),DTW+2
         BAL   R14,PCARD
* Each record.
READ     L     R1,BUFA
         ST    R1,FSCB+28
         L     R1,FST+32
         ST    R1,FSCB+32
         XC    FSCB+26(2),FSCB+26        the next one
         MVC   FSCB+38(2),=H'1'
         LA    R1,FSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         C     R15,=F'12'                end of file
         BE    DONE
         LTR   R15,R15
         BNZ   ERDERR
         L     R4,FSCB+40                its length
         L     R3,BUFA
CARDS    MVI   CARD,C' '
         MVC   CARD+1(79),CARD
         LR    R5,R4
         C     R5,=F'80'
         BNH   *+8
         LA    R5,80
         LTR   R5,R5
         BNP   CARDS1
         BCTR  R5,0
         EX    R5,MVCARD
         LA    R5,1(,R5)
CARDS1   BAL   R14,PCARD
         AR    R3,R5
         SR    R4,R5
         BP    CARDS
         B     READ
* The end.
DONE     BAL   R14,FINISH
         LA    R1,=C'CLOSE 00D'
         LA    R0,9
         BAL   R14,UCP
         B     EXIT
*---------------------------------------------------------------------
* PCARD: CARD punched. An error ends PUNCH.
*---------------------------------------------------------------------
PCARD    ST    R14,PCARDS
         LA    R0,X'00D'
         LA    R1,CCW
         BAL   R14,UDIAG20
         LTR   R15,R15
         BNZ   EPUNERR
         L     R14,PCARDS
         BR    R14
*---------------------------------------------------------------------
* FINISH: the file closed, the buffer given back.
*---------------------------------------------------------------------
FINISH   ST    R14,FINS
         LA    R1,FSCB
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
EPARM    LR    R1,R2
         BAL   R14,UEPARM
         B     ERRX
EOPT     LR    R1,R2
         BAL   R14,UEOPT
         B     ERRX
ENODEV   LA    R1,MNODEV
         BAL   R14,UMTEXT
         LA    R15,36
         B     ERRX
ESTATE   LA    R1,FID
         BAL   R14,UESTATE
         B     ERRX
ENOMEM   BAL   R14,UENOMEM
         B     ERRX
ERDERR   ST    R15,RDRC
         BAL   R14,FINISH
         L     R0,RDRC
         LA    R1,FID
         BAL   R14,UERD
         B     ERRX
EPUNERR  BAL   R14,FINISH
         LA    R1,=C'CLOSE 00D'
         LA    R0,9
         BAL   R14,UCP
         LA    R1,MPUNERR
         BAL   R14,UMTEXT
         LA    R15,100
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
MVCARD   MVC   CARD(0),0(R3)
MNODEV   DC    AL1(38),C'008E DEVICE 00D INVALID OR NONEXISTENT'
MPUNERR  DC    AL1(24),C'118S ERROR PUNCHING FILE'
UMID     DC    C'PUN'
         LTORG
*---------------------------------------------------------------------
* Tables and storage.
*---------------------------------------------------------------------
OPTTAB   DC    CL8'HEADER',AL1(1),AL1(8)
         DC    CL8'NOHEADER',AL1(3),AL1(4)
         DC    X'FF'
         COPY  CMSUTIL
         DS    0D
CCW      DC    X'01',AL3(CARD),X'20',AL3(80)
CARD     DS    CL80
FSCB     DS    11F
FST      DS    CL40
FID      DS    CL18
HDR      DS    X
         DS    0F
RC       DS    F
RDRC     DS    F
BUFA     DS    A
BUFDW    DS    F
PCARDS   DS    F
FINS     DS    F
DTW      DS    CL6
CMSMODE  DS    0D
         END
