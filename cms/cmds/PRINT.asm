*---------------------------------------------------------------------
* PRINT fn ft [fm] [(CC|NOCC|HEX|LINECOUN n|UPCASE)]: a file to the
* virtual printer 00E, then CP CLOSE 00E (R6's DMSPRT; docs/CMS.md
* "Files, cards and printing"). A transient command.
*   NOCC     each record a line (longer ones on several lines of 132),
*            a new page every LINECOUN lines (60; 0: never)
*   CC       the first byte of each record is its carriage control:
*            ASA (' ' '0' '-' '+' '1'-'9' 'A'-'C') or a 1403 command
*   HEX      each record in hexadecimal, 32 bytes a line
*   UPCASE   lower case printed as upper case
* CC is the default for filetype LISTING, NOCC for any other.
* Return codes: 0; 24 bad operands; 28 no such file; 36 no printer;
* 100 a read or printer error.
*---------------------------------------------------------------------
         REGEQU
PRINT    CMSMOD ENTRY=BEGIN,SYSTEM=YES,ORIGIN=X'E000'
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         USING BEGIN,R12,R11
         LR    R9,R1                     the PLIST
         XC    BUFA,BUFA
         XC    RC,RC
         MVI   FLAGS,0
         LA    R0,60
         ST    R0,LINECNT
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
OPTS     CLC   FID+8(8),=CL8'LISTING'
         BNE   *+8
         OI    FLAGS,FCC
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
         B     *(R15)
         B     OCC                       4
         B     ONOCC                     8
         B     OHEX                      12
         B     OLINE                     16
OUP      OI    FLAGS,FUP                 20
         B     OPT1
OCC      OI    FLAGS,FCC
         NI    FLAGS,255-FHEX
         B     OPT1
ONOCC    NI    FLAGS,255-FCC-FHEX
         B     OPT1
OHEX     OI    FLAGS,FHEX
         NI    FLAGS,255-FCC
         B     OPT1
OLINE    LR    R3,R2                     the option
         LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    ENOLINE
         CLI   0(R2),C')'
         BE    ENOLINE
         LR    R1,R2
         BAL   R14,UDECIN
         LTR   R15,R15
         BNZ   EBADNUM
         ST    R0,LINECNT
         B     OPT1
OPTEND   DS    0H
* The printer.
         LA    R1,X'00E'
         BAL   R14,UDEVTYP
         LTR   R15,R15
         BNZ   ENODEV
         SRL   R0,16
         CH    R0,=X'2008'               a punch
         BE    ENODEV
         SRL   R0,8
         CH    R0,=H'32'                 X'20': unit record output
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
* A buffer for the longest record and a line.
         L     R3,FST+32                 LRECL
         LA    R3,264+7(,R3)
         SRL   R3,3
         ST    R3,BUFDW
         DMSFREE DWORDS=(R3),ERR=ENOMEM
         ST    R1,BUFA
         LA    R1,264(,R1)
         ST    R1,RECA                   the record after the line
         XC    LINES,LINES
         XC    RECNO,RECNO
         MVI   FIRST,1
* Each record.
READ     L     R1,RECA
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
         L     R3,RECA
         L     R1,RECNO
         LA    R1,1(,R1)
         ST    R1,RECNO
         TM    FLAGS,FUP
         BZ    READ1
         LR    R5,R4                     UPCASE
         LR    R6,R3
READUP   LTR   R5,R5
         BNP   READ1
         LR    R1,R5
         C     R1,=F'256'
         BNH   *+8
         L     R1,=F'256'
         LR    R15,R1
         BCTR  R15,0
         EX    R15,TRUP
         AR    R6,R1
         SR    R5,R1
         B     READUP
READ1    TM    FLAGS,FHEX
         BO    PHEX
         TM    FLAGS,FCC
         BO    PCC
* NOCC: the record in lines of 132.
PNOCC    LR    R5,R4
PNOCC1   LR    R6,R5
         C     R6,=F'132'
         BNH   *+8
         LA    R6,132
         LR    R1,R3
         LR    R0,R6
         BAL   R14,PLINE
         AR    R3,R6
         SR    R5,R6
         BP    PNOCC1
         B     READ
* CC: the first byte says how to space.
PCC      LTR   R4,R4
         BZ    READ                      (an empty record: nothing)
         SR    R5,R5
         IC    R5,0(,R3)
         LA    R3,1(,R3)
         BCTR  R4,0
         LA    R1,ASATAB
PCCASA   CLI   0(R1),X'FF'
         BE    PCCMACH
         CLM   R5,1,0(R1)
         BE    PCCASA1
         LA    R1,2(,R1)
         B     PCCASA
* ASA: the spacing before the line, then the line, not spaced after.
PCCASA1  SR    R6,R6
         IC    R6,1(,R1)                 the immediate command, or 0
         LTR   R6,R6
         BZ    PCCW
         STC   R6,CCW1
         XC    CCW1+1(7),CCW1+1
         MVI   CCW1+7,1
         MVI   CCW1+4,X'20'              SLI
         LA    R1,CCW1
         BAL   R14,PIO
PCCW     LA    R6,X'01'                  write, no spacing
         B     PCCOUT
* A machine command: a write with spacing after it, or a control
* alone; anything else is a single space.
PCCMACH  LR    R1,R5
         N     R1,=F'7'
         CH    R1,=H'1'
         BE    PCCMW
         CH    R1,=H'3'
         BE    PCCMC
         B     PCCBAD
PCCMW    LR    R6,R5                     write: X'01' X'09' X'11' X'19'
         CH    R5,=H'25'                 or skip after X'89'-X'E1'
         BNH   PCCOUT
         CH    R5,=X'0089'
         BL    PCCBAD
         CH    R5,=X'00E1'
         BH    PCCBAD
         B     PCCOUT
PCCMC    CH    R5,=H'27'                 X'03' X'0B' X'13' X'1B'
         BNH   PCCMC1
         CH    R5,=X'008B'               X'8B'-X'E3'
         BL    PCCBAD
         CH    R5,=X'00E3'
         BH    PCCBAD
PCCMC1   STC   R5,CCW1
         XC    CCW1+1(7),CCW1+1
         MVI   CCW1+7,1
         MVI   CCW1+4,X'20'
         LA    R1,CCW1
         BAL   R14,PIO
         B     READ
PCCBAD   LA    R6,X'09'
* The line(s) at R3, R4 bytes, with the command in R6 for the last.
PCCOUT   LR    R5,R4
PCCOUT1  LR    R7,R5
         C     R7,=F'132'
         BNH   PCCOUT2
         LA    R7,132
         LA    R0,X'09'                  a piece: write, space 1
         B     PCCOUT3
PCCOUT2  LR    R0,R6
PCCOUT3  LR    R1,R3
         LR    R15,R7
         BAL   R14,PWRITE
         AR    R3,R7
         SR    R5,R7
         BP    PCCOUT1
         B     READ
* HEX: RECORD n LENGTH n, then 32 bytes a line: offset, eight words,
* the characters.
PHEX     BAL   R14,UMBEG0
         LA    R1,=C'RECORD '
         LA    R0,7
         BAL   R14,UPUT
         L     R0,RECNO
         BAL   R14,UPDEC
         LA    R1,=C'  LENGTH '
         LA    R0,9
         BAL   R14,UPUT
         LR    R0,R4
         BAL   R14,UPDEC
         LA    R1,UMBUF
         LR    R0,R7
         SR    R0,R1
         BAL   R14,PLINE
         SR    R8,R8                     the offset
PHEX1    LR    R5,R4
         SR    R5,R8                     bytes left
         BNP   READ
         C     R5,=F'32'
         BNH   *+8
         LA    R5,32
         L     R6,BUFA                   the line
         MVI   0(R6),C' '
         MVC   1(131,R6),0(R6)
         ST    R8,HEXW
         UNPK  HEXU(9),HEXW(5)
         TR    HEXU(8),HEXTR-C'0'
         MVC   2(4,R6),HEXU+4
         LA    R7,8(,R6)                 the hex
         LA    R10,80(,R6)               the characters
         MVI   0(R10),C'*'
         LA    R10,1(,R10)
         LA    R1,0(R8,R3)
         SR    R15,R15                   bytes in this word
PHEX2    MVC   HEXW(1),0(R1)
         UNPK  HEXU(3),HEXW(2)
         TR    HEXU(2),HEXTR-C'0'
         MVC   0(2,R7),HEXU
         MVC   0(1,R10),0(R1)
         CLI   0(R1),X'40'
         BL    PHEXDOT
         CLI   0(R1),X'FF'
         BNE   PHEX3
PHEXDOT  MVI   0(R10),C'.'
PHEX3    LA    R7,2(,R7)
         LA    R10,1(,R10)
         LA    R1,1(,R1)
         LA    R15,1(,R15)
         CH    R15,=H'4'
         BL    PHEX4
         SR    R15,R15
         LA    R7,1(,R7)                 a blank after each word
PHEX4    BCT   R5,PHEX2
         MVI   0(R10),C'*'
         LA    R0,1(,R10)
         SR    R0,R6
         LR    R1,R6
         BAL   R14,PLINE
         LA    R8,32(,R8)
         B     PHEX1
* The end.
DONE     BAL   R14,FINISH
         LA    R1,=C'CLOSE 00E'
         LA    R0,9
         BAL   R14,UCP
         B     EXIT
*---------------------------------------------------------------------
* PLINE: a line of R0 bytes at R1 (at most 132): a new page first when
* the page is full (or at the first line), then write and space 1.
*---------------------------------------------------------------------
PLINE    ST    R14,PLINES
         STM   R0,R1,PLINER
         L     R15,LINECNT
         LTR   R15,R15
         BZ    PLINE2                    LINECOUN 0: no pages
         CLI   FIRST,1
         BE    PLINE1
         C     R15,LINES
         BH    PLINE2
PLINE1   XC    LINES,LINES
         MVI   FIRST,0
         XC    CCW1,CCW1
         MVI   CCW1,X'8B'                skip to channel 1
         MVI   CCW1+4,X'20'
         MVI   CCW1+7,1
         LA    R1,CCW1
         BAL   R14,PIO
PLINE2   L     R1,LINES
         LA    R1,1(,R1)
         ST    R1,LINES
         L     R15,PLINER                the length
         L     R1,PLINER+4               the line
         LA    R0,X'09'
         BAL   R14,PWRITE
         L     R14,PLINES
         BR    R14
*---------------------------------------------------------------------
* PWRITE: the command R0 writing R15 bytes at R1 (an empty line: one
* blank).
*---------------------------------------------------------------------
PWRITE   ST    R14,PWRS
         LTR   R15,R15
         BP    PWR1
         LA    R1,=C' '
         LA    R15,1
PWR1     ST    R1,CCW1
         STC   R0,CCW1
         ST    R15,CCW1+4
         MVI   CCW1+4,X'20'              SLI
         LA    R1,CCW1
         BAL   R14,PIO
         L     R14,PWRS
         BR    R14
*---------------------------------------------------------------------
* PIO: the channel program at R1 on 00E. An error ends PRINT.
*---------------------------------------------------------------------
PIO      ST    R14,PIOS
         LA    R0,X'00E'
         BAL   R14,UDIAG20
         LTR   R15,R15
         BNZ   EPRTERR
         L     R14,PIOS
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
ENOLINE  LA    R1,MNOLINE
         BAL   R14,UMTEXT
         LA    R15,24
         B     ERRX
EBADNUM  LA    R1,MBADNUM
         BAL   R14,UMTOK
         LA    R15,24
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
EPRTERR  BAL   R14,FINISH
         LA    R1,=C'CLOSE 00E'
         LA    R0,9
         BAL   R14,UCP
         LA    R1,MPRTERR
         LA    R2,FID
         BAL   R14,UMFID
         LA    R15,100
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
MNOLINE  DC    AL1(28),C'005E NO ''LINECOUN'' SPECIFIED'
MBADNUM  DC    AL1(24),C'029E INVALID PARAMETER '''
         DC    AL1(32),C''' IN THE OPTION ''LINECOUN'' FIELD'
MNODEV   DC    AL1(38),C'008E DEVICE 00E INVALID OR NONEXISTENT'
MPRTERR  DC    AL1(26),C'119S ERROR PRINTING FILE ''',AL1(1),C''''
UMID     DC    C'PRT'
TRUP     TR    0(0,R6),UPTAB
         LTORG
*---------------------------------------------------------------------
* Tables and storage.
*---------------------------------------------------------------------
OPTTAB   DC    CL8'CC',AL1(2),AL1(4)
         DC    CL8'NOCC',AL1(4),AL1(8)
         DC    CL8'HEX',AL1(3),AL1(12)
         DC    CL8'LINECOUN',AL1(4),AL1(16)
         DC    CL8'UPCASE',AL1(2),AL1(20)
         DC    X'FF'
* ASA characters and the immediate command that spaces before the line.
ASATAB   DC    C' ',X'0B',C'0',X'13',C'-',X'1B',C'+',X'00'
         DC    C'1',X'8B',C'2',X'93',C'3',X'9B',C'4',X'A3'
         DC    C'5',X'AB',C'6',X'B3',C'7',X'BB',C'8',X'C3'
         DC    C'9',X'CB',C'A',X'D3',C'B',X'DB',C'C',X'E3'
         DC    X'FF'
HEXTR    DC    C'0123456789ABCDEF'
UPTAB    DC    256AL1(*-UPTAB)
         ORG   UPTAB+X'81'
         DC    X'C1C2C3C4C5C6C7C8C9'
         ORG   UPTAB+X'91'
         DC    X'D1D2D3D4D5D6D7D8D9'
         ORG   UPTAB+X'A2'
         DC    X'E2E3E4E5E6E7E8E9'
         ORG   UPTAB+256
         COPY  CMSUTIL
         DS    0D
CCW1     DS    D
FSCB     DS    11F
FST      DS    CL40
FID      DS    CL18
FLAGS    DS    X
FCC      EQU   X'80'
FHEX     EQU   X'40'
FUP      EQU   X'20'
FIRST    DS    X
         DS    0F
RC       DS    F
RDRC     DS    F
LINECNT  DS    F
LINES    DS    F
RECNO    DS    F
BUFA     DS    A
BUFDW    DS    F
RECA     DS    A
PLINES   DS    F
PLINER   DS    2F
PWRS     DS    F
PIOS     DS    F
FINS     DS    F
HEXW     DS    2F
HEXU     DS    CL10
CMSMODE  DS    0D
         END
