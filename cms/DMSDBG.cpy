*=====================================================================
* DMSDBG: DEBUG, R6's debugging environment. Entered by the DEBUG
* command, or by a breakpoint (BREAK put X'0000' over a halfword of the
* program; its operation exception comes here instead of DMSABN). Its
* subcommands, one a line: BREAK id addr, GO [addr], X addr [n], DUMP
* addr1 [addr2], GPR r1 [r2], PSW, STORE addr hex, ORIGIN addr,
* RETURN, HX. Addresses are hexadecimal, plus the ORIGIN.
*=====================================================================
*---------------------------------------------------------------------
* DEBUG: from command level; GO or RETURN goes back.
*---------------------------------------------------------------------
DBGCMD   CMSENT
         NI    DBGFLAG,255-DBGFPGM
         LA    R1,=C'DMSDBG728I DEBUG ENTERED'
         LA    R0,24
         NUCALL MSGOUT
         NUCALL DBGENV
         CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* DBGHIT: PGMINT's operation exception at a breakpoint (R2 = its slot,
* the old PSW and registers in PGMOPSW and PGMREGS). The halfword goes
* back, the breakpoint with it (as R6 did), and DEBUG runs.
*---------------------------------------------------------------------
DBGHIT   DS    0H
         BALR  R12,0
         USING *,R12
         MVC   DBGPSW,PGMOPSW
         MVC   DBGREGS(64),PGMREGS
         L     R3,4(,R2)                 the breakpoint's address
         STCM  R3,7,DBGPSW+5             the program goes on there
         MVC   0(2,R3),2(R2)             its halfword again
         LH    R4,0(,R2)                 its id
         CH    R4,=H'16'                 (0 is kept as 16)
         BNE   *+6
         SR    R4,R4
         XC    0(8,R2),0(R2)
         MVC   CMDLINE(DHITL),DHIT
         CVD   R4,WORK
         UNPK  CMDLINE+DHITX(2),WORK+6(2)
         OI    CMDLINE+DHITX+1,X'F0'
         ST    R3,WORK+24
         LA    R0,DHITL
         L     R15,=A(DBGSTOP)
         BR    R15
DHIT     DC    C'DMSDBG728I DEBUG ENTERED BREAKPOINT nn AT xxxxxx'
DHITX    EQU   36
DHITL    EQU   *-DHIT
         DROP  R12
         LTORG
*---------------------------------------------------------------------
* EXTINT: an external interruption. The interrupt key (CP's EXTERNAL
* command, R6's way to stop a program that loops) enters DEBUG with the
* interrupted PSW and registers; anything else (a timer) is ignored.
* Programs run enabled for it (RUNPGM); CMS's own code does not.
*---------------------------------------------------------------------
EXTINT   STM   R0,R15,DBGREGS
         BALR  R12,0
         USING *,R12
         CLC   EXTOPSW+2(2),=X'0040'
         BE    EXT1
         LM    R0,R15,DBGREGS
         LPSW  EXTOPSW
EXT1     MVC   DBGPSW,EXTOPSW
         MVC   CMDLINE(DEXTL),DEXT
         L     R3,DBGPSW+4
         LA    R3,0(,R3)
         ST    R3,WORK+24
         LA    R0,DEXTL
         L     R15,=A(DBGSTOP)
         BR    R15
DEXT     DC    C'DMSDBG728I DEBUG ENTERED EXTERNAL INT AT xxxxxx'
DEXTL    EQU   *-DEXT
         DROP  R12
         LTORG
*---------------------------------------------------------------------
* DBGSTOP: a program stopped (DBGPSW, DBGREGS): the message in
* CMDLINE, R0 bytes, its last 6 the address in WORK+24; then DEBUG. GO
* resumes the program where it stopped (or at GO's address); RETURN
* and HX end it and go back to command level.
*---------------------------------------------------------------------
DBGSTOP  DS    0H
         BALR  R12,0
         USING *,R12
         OI    DBGFLAG,DBGFPGM
         LR    R5,R0
         L     R13,STKTOP                a save area for what follows
         LA    R1,72(,R13)
         ST    R1,STKTOP
         L     R2,WORK+24
         LA    R3,WORK+16
         NUCALL HEXOUT
         LA    R1,CMDLINE-6(R5)
         MVC   0(6,R1),WORK+18
         LA    R1,CMDLINE
         LR    R0,R5
         NUCALL MSGOUT
         NUCALL DBGENV
         LTR   R15,R15
         BNZ   DBGRET
         ST    R13,STKTOP                GO: the program resumes
         MVC   PSWTMP,DBGPSW
         LM    R0,R15,DBGREGS
         LPSW  PSWTMP
DBGRET   NUCALL FSABEND                  RETURN: to command level
         XC    LASTRC,LASTRC
         L     R15,=A(CMSREADY)
         BR    R15
         DROP  R12
         LTORG
*---------------------------------------------------------------------
* DBGENV: reads and runs subcommands. R15 = 0 GO (a stopped program
* resumes), 4 RETURN or HX.
*---------------------------------------------------------------------
DBGENV   CMSENT WORK=128
         USING DBWK,R13
DB1      LA    R1,CMDLINE
         LA    R0,130
         NUCALL RDLINE
         LTR   R0,R0
         BZ    DB1
         LA    R1,CMDLINE
         NUCALL TOKENIZE
         LA    R9,CMDPLIST
         CLI   0(R9),X'FF'
         BE    DB1
         LA    R3,DBTAB
DB2      CLI   0(R3),X'FF'
         BE    DBBAD
         CLC   0(8,R3),0(R9)
         BE    DB3
         LA    R3,12(,R3)
         B     DB2
DB3      L     R15,8(,R3)
         BR    R15
         DS    0F
DBTAB    DC    CL8'BREAK',A(DBBREAK)
         DC    CL8'GO',A(DBGO)
         DC    CL8'X',A(DBX)
         DC    CL8'DUMP',A(DBDUMP)
         DC    CL8'GPR',A(DBGPR)
         DC    CL8'PSW',A(DBPSWC)
         DC    CL8'STORE',A(DBSTORE)
         DC    CL8'ORIGIN',A(DBORIG)
         DC    CL8'RETURN',A(DBRETURN)
         DC    CL8'HX',A(DBRETURN)
         DC    X'FF'
DBBAD    LA    R1,=C'DMSDBG360E INVALID DEBUG SUBCOMMAND'
         LA    R0,35
         NUCALL MSGOUT
         B     DB1
DBOPND   LA    R1,=C'DMSDBG361E INVALID OR MISSING OPERAND'
         LA    R0,37
         NUCALL MSGOUT
         B     DB1
DBNOPGM  LA    R1,=C'DMSDBG362E NO PROGRAM STOPPED'
         LA    R0,29
         NUCALL MSGOUT
         B     DB1
DBRETURN CMSRET RC=4
* GO [addr]: the stopped program resumes (DEBUG entered by command:
* back to command level).
DBGO     TM    DBGFLAG,DBGFPGM
         BZ    DBRETURN
         CLI   8(R9),X'FF'
         BE    DBGO1
         LA    R1,8(,R9)
         BAL   R14,DBADDR
         BNZ   DBOPND
         STCM  R1,7,DBGPSW+5
DBGO1    CMSRET RC=0
* BREAK id addr.
DBBREAK  LA    R1,8(,R9)
         CLI   0(R1),X'FF'
         BE    DBOPND
         NUCALL DECIN                    the id, 0 to 15
         LTR   R15,R15
         BNZ   DBOPND
         C     R1,=F'15'
         BH    DBOPND
         LR    R6,R1
         LTR   R6,R6                     an id of 0 is kept as 16
         BNZ   *+8
         LA    R6,16
         LA    R1,16(,R9)
         BAL   R14,DBADDR
         BNZ   DBOPND
         TM    WORK+3,X'01'              (DBADDR left it here)
         BO    DBOPND                    on a halfword
         LR    R7,R1
         LA    R2,DBGBRK                 its slot: the id's, or free
         LA    R3,16
         SR    R4,R4
DBB1     CLI   0(R2),X'00'
         BNE   DBB2
         CLI   1(R2),X'00'
         BNE   DBB2
         LTR   R4,R4
         BNZ   DBB3
         LR    R4,R2                     the first free slot
         B     DBB3
DBB2     CH    R6,0(,R2)
         BNE   DBB3
         L     R5,4(,R2)                 the same id: moved
         MVC   0(2,R5),2(R2)
         XC    0(8,R2),0(R2)
         LR    R4,R2
DBB3     LA    R2,8(,R2)
         BCT   R3,DBB1
         LTR   R4,R4
         BZ    DBOPND
         STH   R6,0(,R4)
         MVC   2(2,R4),0(R7)
         ST    R7,4(,R4)
         XC    0(2,R7),0(R7)             X'0000': operation exception
         B     DB1
* ORIGIN addr.
DBORIG   LA    R1,8(,R9)
         CLI   0(R1),X'FF'
         BE    DBOPND
         NUCALL HEXIN
         LTR   R15,R15
         BNZ   DBOPND
         ST    R1,DBGORG
         B     DB1
* PSW.
DBPSWC   TM    DBGFLAG,DBGFPGM
         BZ    DBNOPGM
         MVC   DBOUT(80),=CL80' '
         MVC   DBOUT(4),=C'PSW '
         L     R2,DBGPSW
         LA    R3,DBOUT+4
         NUCALL HEXOUT
         L     R2,DBGPSW+4
         LA    R3,DBOUT+13
         NUCALL HEXOUT
         LA    R1,DBOUT
         LA    R0,21
         NUCALL TYPLINE
         B     DB1
* GPR r1 [r2]: four a line.
DBGPR    TM    DBGFLAG,DBGFPGM
         BZ    DBNOPGM
         LA    R1,8(,R9)
         CLI   0(R1),X'FF'
         BE    DBOPND
         NUCALL DECIN
         LTR   R15,R15
         BNZ   DBOPND
         LR    R6,R1
         LR    R7,R1
         CLI   16(R9),X'FF'
         BE    DBG1
         LA    R1,16(,R9)
         NUCALL DECIN
         LTR   R15,R15
         BNZ   DBOPND
         LR    R7,R1
DBG1     C     R6,=F'15'
         BH    DBOPND
         C     R7,=F'15'
         BH    DBOPND
         CR    R6,R7
         BH    DBOPND
DBG2     MVC   DBOUT(80),=CL80' '
         LA    R3,DBOUT
         LA    R5,4
DBG3     LR    R2,R6
         SLL   R2,2
         L     R2,DBGREGS(R2)
         NUCALL HEXOUT
         LA    R3,9(,R3)
         LA    R6,1(,R6)
         CR    R6,R7
         BH    DBG4
         BCT   R5,DBG3
DBG4     LA    R1,DBOUT
         LR    R0,R3
         SR    R0,R1
         NUCALL TYPLINE
         CR    R6,R7
         BNH   DBG2
         B     DB1
* X addr [n]: n bytes (default 4, at most 256); DUMP addr1 [addr2]:
* from addr1 to addr2 (default 16 bytes; at most 4096). Lines of 16
* bytes: the address, four words, the characters.
DBX      LA    R1,8(,R9)
         CLI   0(R1),X'FF'
         BE    DBOPND
         BAL   R14,DBADDR
         BNZ   DBOPND
         LR    R6,R1
         LA    R7,4
         CLI   16(R9),X'FF'
         BE    DBSHOW
         LA    R1,16(,R9)
         NUCALL DECIN
         LTR   R15,R15
         BNZ   DBOPND
         LR    R7,R1
         C     R7,=F'256'
         BH    DBOPND
         B     DBSHOW
DBDUMP   LA    R1,8(,R9)
         CLI   0(R1),X'FF'
         BE    DBOPND
         BAL   R14,DBADDR
         BNZ   DBOPND
         LR    R6,R1
         LA    R7,16
         CLI   16(R9),X'FF'
         BE    DBSHOW
         LA    R1,16(,R9)
         BAL   R14,DBADDR
         BNZ   DBOPND
         SR    R1,R6
         BM    DBOPND
         LA    R7,1(,R1)
         C     R7,=F'4096'
         BH    DBOPND
* R6 the first byte, R7 how many (all within storage).
DBSHOW   LR    R1,R6
         AR    R1,R7
         C     R1,VMSIZE
         BH    DBOPND
DBS1     LTR   R7,R7
         BNP   DB1
         MVC   DBOUT(80),=CL80' '
         LR    R2,R6
         LA    R3,DBWORD
         NUCALL HEXOUT
         MVC   DBOUT(6),DBWORD+2
         LA    R8,16                     bytes on this line
         CR    R7,R8
         BNL   *+6
         LR    R8,R7
         LA    R3,DBOUT+8                the words
         LA    R4,DBOUT+46               the characters
         MVI   0(R4),C'*'
         LA    R4,1(,R4)
         SR    R5,R5                     the byte within the line
DBS2     SR    R2,R2
         IC    R2,0(R5,R6)
         SLL   R2,24
         ST    R2,DBWORD+8
         LA    R0,DBWORD+8
         NUCALL HEX2                     two digits at R3
         LA    R3,2(,R3)
         LA    R1,1(,R5)
         N     R1,=F'3'
         BNZ   *+8
         LA    R3,1(,R3)                 a blank after each word
         IC    R2,0(R5,R6)
         STC   R2,0(,R4)
         LA    R4,1(,R4)
         LA    R5,1(,R5)
         CR    R5,R8
         BL    DBS2
         MVI   0(R4),C'*'
         LR    R2,R8                     unprintable characters: '.'
         BCTR  R2,0
         L     R1,=A(DBPRT)
         EX    R2,DBSTR
         LA    R1,DBOUT
         LA    R0,1(,R4)
         SR    R0,R1
         NUCALL TYPLINE
         AR    R6,R8
         SR    R7,R8
         B     DBS1
DBSTR    TR    DBOUT+47(0),0(R1)
* STORE addr hex: the bytes (at most 16; an odd count of digits has a
* zero put before it).
DBSTORE  LA    R1,8(,R9)
         CLI   0(R1),X'FF'
         BE    DBOPND
         BAL   R14,DBADDR
         BNZ   DBOPND
         LR    R6,R1
         CLI   16(R9),X'FF'
         BE    DBOPND
* The hex digits from the typed line (tokens are only 8 long): after
* the address's token in CMDLINE, up to the end.
         L     R2,CMDEPL+4               after STORE
         L     R3,CMDEPL+8
         BAL   R14,DBSKIPW               past the address
         LA    R4,DBOUT                  the bytes
         SR    R5,R5                     digits
DBST1    CR    R2,R3
         BNL   DBST2
         CLI   0(R2),C' '
         BE    DBST2
         SR    R1,R1
         IC    R1,0(,R2)
         CLI   0(R2),C'0'
         BNL   DBSTD
         CLI   0(R2),C'A'
         BL    DBOPND
         CLI   0(R2),C'F'
         BH    DBOPND
         LA    R1,9(,R1)
         B     DBSTN
DBSTD    CLI   0(R2),C'9'
         BH    DBOPND
DBSTN    N     R1,=F'15'
         STC   R1,DBWORD(R5)
         LA    R5,1(,R5)
         C     R5,=F'32'
         BH    DBOPND
         LA    R2,1(,R2)
         B     DBST1
DBST2    LTR   R5,R5
         BZ    DBOPND
         LA    R1,DBWORD                 pairs of digits to bytes
         LR    R2,R5
         N     R2,=F'1'
         BZ    DBST3
         MVI   DBOUT+40,0                an odd count: a leading zero
         LA    R1,DBOUT+40
         MVC   1(32,R1),DBWORD
         LA    R5,1(,R5)
DBST3    SRL   R5,1                      bytes
         LR    R7,R5
         AR    R7,R6
         C     R7,VMSIZE
         BH    DBOPND
DBST4    IC    R2,0(,R1)
         SLL   R2,4
         IC    R3,1(,R1)
         N     R3,=F'15'
         OR    R2,R3
         STC   R2,0(,R6)
         LA    R6,1(,R6)
         LA    R1,2(,R1)
         BCT   R5,DBST4
         B     DB1
* DBSKIPW: R2 past blanks, a word and blanks (R3 the end).
DBSKIPW  CR    R2,R3
         BNLR  R14
         CLI   0(R2),C' '
         BNE   DBSW2
         LA    R2,1(,R2)
         B     DBSKIPW
DBSW2    CR    R2,R3
         BNLR  R14
         CLI   0(R2),C' '
         BE    DBSW3
         LA    R2,1(,R2)
         B     DBSW2
DBSW3    CR    R2,R3
         BNLR  R14
         CLI   0(R2),C' '
         BNER  R14
         LA    R2,1(,R2)
         B     DBSW3
* DBADDR: the hex token at R1 plus ORIGIN, in storage: R1 = the
* address and cc 0, else cc not 0. (WORK+3 keeps its last byte.)
DBADDR   ST    R14,DBSAVE
         NUCALL HEXIN
         L     R14,DBSAVE
         LTR   R15,R15
         BNZR  R14
         A     R1,DBGORG
         ST    R1,WORK
         C     R1,VMSIZE
         BNL   DBADBAD
         CR    R15,R15                   cc 0
         BR    R14
DBADBAD  LTR   R14,R14                   cc not 0 (R14 is an address)
         BR    R14
         DROP  R13
         LTORG
DBWK     DSECT
         DS    18F
DBSAVE   DS    F
         DS    F
DBWORD   DS    CL40
DBOUT    DS    CL80
NUCLEUS  CSECT
*---------------------------------------------------------------------
* DECIN: the token at R1 (decimal digits, blank-padded) as a value in
* R1, R15 = 0; R15 = 4 when it is not a number.
*---------------------------------------------------------------------
DECIN    CMSENT
         SR    R2,R2
         LA    R3,8
         LR    R4,R1
         CLI   0(R4),C' '
         BE    DCBAD
DC1      CLI   0(R4),C' '
         BE    DCEND
         CLI   0(R4),C'0'
         BL    DCBAD
         CLI   0(R4),C'9'
         BH    DCBAD
         MH    R2,=H'10'
         SR    R5,R5
         IC    R5,0(,R4)
         N     R5,=F'15'
         AR    R2,R5
         LA    R4,1(,R4)
         BCT   R3,DC1
DCEND    L     R1,4(,R13)
         ST    R2,24(,R1)
         CMSRET RC=0
DCBAD    CMSRET RC=4
         LTORG
*---------------------------------------------------------------------
* HEX2: the first byte of the word at R0 as two hex digits at R3.
*---------------------------------------------------------------------
HEX2     CMSENT
         LR    R1,R0
         SR    R2,R2
         IC    R2,0(,R1)
         LR    R4,R2
         SRL   R4,4
         N     R2,=F'15'
         LA    R5,HEX2T
         IC    R4,0(R4,R5)
         STC   R4,0(,R3)
         IC    R2,0(R2,R5)
         STC   R2,1(,R3)
         CMSRET RC=0
HEX2T    DC    C'0123456789ABCDEF'
         LTORG
* DBPRT: EBCDIC characters a terminal shows as themselves; others '.'.
DBPRT    DS    0D
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'404B4B4B4B4B4B4B4B4B4A4B4C4D4E4F'
         DC    X'504B4B4B4B4B4B4B4B4B5A5B5C5D5E5F'
         DC    X'60614B4B4B4B4B4B4B4B6A6B6C6D6E6F'
         DC    X'4B4B4B4B4B4B4B4B4B797A7B7C7D7E7F'
         DC    X'4B8182838485868788894B4B4B4B4B4B'
         DC    X'4B9192939495969798994B4B4B4B4B4B'
         DC    X'4BA1A2A3A4A5A6A7A8A94B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'C0C1C2C3C4C5C6C7C8C94B4B4B4B4B4B'
         DC    X'D0D1D2D3D4D5D6D7D8D94B4B4B4B4B4B'
         DC    X'E04BE2E3E4E5E6E7E8E94B4B4B4B4B4B'
         DC    X'F0F1F2F3F4F5F6F7F8F94B4B4B4B4B4B'

