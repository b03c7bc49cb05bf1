*=====================================================================
* DMSSVC: SVC 202, the call of every CMS function and command (R6's
* DMSITS), the program-check and abend handling (DMSABN), and the
* external interruption.
*=====================================================================
*---------------------------------------------------------------------
* SVCINT: pushes a frame (SVCFRM) with the caller's PSW and registers,
* then: SVC 202 calls the function or command named by the PLIST at
* R1 (R0 an extended PLIST; R1's first byte the call type: X'0B' typed
* at the terminal, whose search order includes EXEC files and CP);
* SVC 203 is the nucleus's services (DMSFREE ...). On return the
* caller gets R15 = the return code and its other registers back; when
* the word after the SVC begins with X'00' it is an error address,
* taken when R15 is not 0 (unless it is 1, "go on"), and skipped
* otherwise (R6's convention).
*---------------------------------------------------------------------
SVCINT   STM   R14,R15,SVCTMP
         STM   R12,R13,SVCTMP+8          (R12 is the base from here)
         BALR  R12,0
         USING *,R12
         L     R15,STKTOP
         USING SVCFRM,R15
         STM   R0,R11,SFREGS
         MVC   SFREGS+48(16),SVCTMP+8
         MVC   SFREGS+56(8),SVCTMP
         MVC   SFPSW,SVCOPSW
         MVC   SFPREV,CURSVC
         MVI   SFFLAGS,0
         DROP  R15
         ST    R15,CURSVC
         LR    R13,R15
         USING SVCFRM,R13
         LA    R15,SFLEN(,R13)
         ST    R15,STKTOP
         CL    R15,STKLIM
         BNH   *+6
         DC    H'0'                      the stack is full: DMSABN
         LH    R2,SVCOPSW+2              the SVC's number
         CH    R2,=H'202'
         BE    SVC202
         CH    R2,=H'203'
         BE    SVC203
* Any other SVC (OS's, DOS's): not simulated here. DMSABN, code X'Fnn'.
         LA    R3,X'F00'
         AR    R3,R2
         ST    R3,ABNCODE
         MVC   ABNADDR,SFPSW+4
         L     R15,=A(DMSABN)
         BR    R15
SVC203   L     R1,SFREGS+4
         L     R0,SFREGS
         NUCALL NUCSVC                   DMSFREE and the like
         B     SVCRET
SVC202   L     R1,SFREGS+4
         L     R0,SFREGS
         NUCALL CMSCALL
* Back to the caller.
SVCRET   ST    R15,SFREGS+60             its R15: the return code
         CLC   SFPSW+2(2),=H'203'        (SVC 203 has no error address)
         BE    SVCRET3
         L     R2,SFPSW+4
         LA    R2,0(,R2)                 where it goes on
         CLI   0(R2),X'00'
         BNE   SVCRET2
         L     R3,0(,R2)                 an error address follows
         LA    R2,4(,R2)
         LTR   R15,R15
         BZ    SVCRET2
         C     R3,=F'1'
         BE    SVCRET2
         LR    R2,R3
SVCRET2  STCM  R2,7,SFPSW+5
SVCRET3  MVC   PSWTMP,SFPSW
         MVC   CURSVC,SFPREV
         ST    R13,STKTOP                the frame goes
         LM    R0,R15,SFREGS
         LPSW  PSWTMP
         DROP  R12,R13
         LTORG
*---------------------------------------------------------------------
* CMSCALL: R1 the PLIST (its first byte the call type), R0 the
* extended PLIST. The search order of R6: an EXEC file (typed lines
* only, SET IMPEX ON), the nucleus's commands and functions (with
* their abbreviations), a MODULE file on an accessed disk, then CP
* (typed lines only, SET IMPCP ON). R15 = the return code; -1 for a
* command nobody knows. Call type X'0C': a line typed in the CMS
* subset (EDIT's CMS subcommand): as typed, and until it ends no
* command that uses the user area (NUCTAB's flag X'80') and no MODULE
* that loads there runs (INVALID CMS SUBSET COMMAND, R15 = -2).
*---------------------------------------------------------------------
CMSCALL  CMSENT WORK=16
         USING CCWK,R13
         ST    R1,CCPL
         MVC   CCTYPE,CCPL               the call type
         MVI   CCPL,0                    the PLIST's address
         ST    R0,CCEPL
         MVI   CCSUBS,0
         CLI   CCTYPE,X'0C'              the CMS subset
         BNE   CC0
         MVI   CCTYPE,X'0B'
         TM    FLAGS2,F2SUBSET
         BO    CC0
         OI    FLAGS2,F2SUBSET           (set here: cleared here)
         MVI   CCSUBS,1
CC0      CLI   CCTYPE,X'0B'
         BNE   CC2
* An EXEC of that name first (SET IMPEX ON).
         TM    FLAGS1,F1IMPEX
         BZ    CC2
         NUCALL IMPEXEC                  R15 = -1: there is none
         C     R15,=F'-1'
         BNE   CCOUT
* The nucleus's table (a user synonym names its command first).
CC2      L     R1,CCPL
         NUCALL SYNCHK
         L     R1,CCPL
         BAL   R14,CCFIND                R15: the routine, or 0
         LTR   R15,R15
         BZ    CC3
         TM    FLAGS2,F2SUBSET           the subset: not one that
         BZ    CC2A                      uses the user area
         TM    13(R3),X'80'
         BO    CCSUBX
CC2A     L     R1,CCPL
         L     R0,CCEPL
         BALR  R14,R15
         B     CCOUT
* A MODULE file.
CC3      L     R1,CCPL
         L     R0,CCEPL
         NUCALL RUNMOD                   R15 = -1: there is none
         C     R15,=F'-1'
         BNE   CCOUT
* CP.
         CLI   CCTYPE,X'0B'
         BNE   CCUNK
         TM    FLAGS1,F1IMPCP
         BZ    CCUNK
         L     R1,CCPL
         L     R0,CCEPL
         NUCALL IMPCP                    R15 = -1: CP did not know it
         C     R15,=F'-1'
         BNE   CCOUT
CCUNK    CLI   CCTYPE,X'0B'
         BNE   CCNEG
         LA    R1,=C'UNKNOWN CP/CMS COMMAND'
         LA    R0,22
         NUCALL TYPLINE
CCNEG    L     R15,=F'-1'
CCOUT    CLI   CCSUBS,1
         BNE   CCOUT2
         NI    FLAGS2,255-F2SUBSET
CCOUT2   CMSRET
CCSUBX   NUCALL SUBSMSG
         B     CCOUT
*
* CCFIND: the table entry for the name at 0(R1): an exact name, or an
* abbreviation as long as the entry's least (R6's system abbreviation
* table). R15 = its routine, or 0.
CCFIND   LA    R3,NUCTAB
         LA    R5,8                      the name's length
         LA    R4,7(,R1)
CCFLEN   CLI   0(R4),C' '
         BNE   CCF1
         BCTR  R4,0
         BCT   R5,CCFLEN
         SR    R15,R15                   a blank name
         BR    R14
CCF1     CLI   0(R3),X'FF'
         BE    CCFNONE
         CLC   0(8,R3),0(R1)
         BE    CCFHIT
         SR    R6,R6
         IC    R6,12(,R3)                least abbreviation
         LTR   R6,R6
         BZ    CCFNEXT
         TM    FLAGS2,F2NOABBR           SET ABBREV OFF
         BO    CCFNEXT
         CR    R5,R6
         BL    CCFNEXT
         LR    R6,R5
         BCTR  R6,0
         EX    R6,CCFCLC
         BE    CCFHIT
CCFNEXT  LA    R3,16(,R3)
         B     CCF1
CCFHIT   L     R15,8(,R3)
         BR    R14
CCFNONE  SR    R15,R15
         BR    R14
CCFCLC   CLC   0(0,R3),0(R1)
         DROP  R13
         LTORG
CCWK     DSECT
         DS    18F
CCPL     DS    A
CCEPL    DS    A
CCSUBS   DS    X                 the subset began with this call
         DS    XL2
CCTYPE   DS    X
NUCLEUS  CSECT
*---------------------------------------------------------------------
* SUBSMSG: a command the CMS subset does not run: said, R15 = -2.
*---------------------------------------------------------------------
SUBSMSG  CMSENT
         LA    R1,=C'INVALID CMS SUBSET COMMAND'
         LA    R0,26
         NUCALL TYPLINE
         L     R15,=F'-2'
         CMSRET
         LTORG
*---------------------------------------------------------------------
* NUCTAB: the nucleus's functions and commands: CL8 name, A(routine),
* AL1(least abbreviation, 0 = none), XL3 flags. The file system's,
* EXEC's and the other members add their rows through NUCTABFS and
* NUCTABX, which they define.
*---------------------------------------------------------------------
         DS    0F
NUCTAB   DS    0F
         DC    CL8'TYPLIN',A(FTYPLIN),AL1(0),XL3'0'
         DC    CL8'WAITRD',A(FWAITRD),AL1(0),XL3'0'
         DC    CL8'ATTN',A(FATTN),AL1(0),XL3'0'
         DC    CL8'CP',A(CPCMD),AL1(0),XL3'0'
         DC    CL8'QUERY',A(QUERY),AL1(1),XL3'0'
         DC    CL8'SET',A(SETCMD),AL1(0),XL3'0'
         NUCTABFS
         NUCTABX
         DC    X'FF'
*---------------------------------------------------------------------
* TYPLIN (WRTERM): CL8'TYPLIN', A(line), CL1 color, AL3(length).
*---------------------------------------------------------------------
FTYPLIN  CMSENT
         L     R2,8(,R1)
         LA    R2,0(,R2)
         SR    R0,R0
         ICM   R0,7,13(R1)
         LR    R1,R2
         NUCALL TYPLINE
         CMSRET RC=0
*---------------------------------------------------------------------
* WAITRD (RDTERM): CL8'WAITRD', A(buffer), CL1 'U' (to upper case) or
* other, AL3(buffer size). A line of the console stack or the
* terminal; R0 = its length (also in the caller's R0).
*---------------------------------------------------------------------
FWAITRD  CMSENT
         LR    R6,R1
         L     R1,8(,R6)
         LA    R1,0(,R1)
         SR    R0,R0
         ICM   R0,7,13(R6)
         NUCALL RDLINE
         LR    R7,R0
         CLI   12(R6),C'U'
         BNE   FWR1
         LTR   R5,R0
         BZ    FWR1
         BCTR  R5,0
         L     R1,8(,R6)
         LA    R1,0(,R1)
         L     R4,=A(UPPER)
         EX    R5,FWRTR
FWR1     L     R2,CURSVC
         ST    R7,SFREGS-SVCFRM(,R2)     the program's R0
         LR    R0,R7
         L     R1,4(,R13)
         ST    R0,20(,R1)
         CMSRET RC=0
FWRTR    TR    0(0,R1),0(R4)
         LTORG
*---------------------------------------------------------------------
* ATTN: CL8'ATTN', CL4'LIFO' or 'FIFO', AL1(length), AL3(line): the
* line goes on the console stack.
*---------------------------------------------------------------------
FATTN    CMSENT
         SR    R2,R2
         CLC   8(4,R1),=C'LIFO'
         BNE   *+8
         LA    R2,1
         SR    R0,R0
         IC    R0,12(,R1)
         L     R1,12(,R1)
         LA    R1,0(,R1)
         NUCALL STACKLN
         CMSRET
         LTORG
*---------------------------------------------------------------------
* PGMINT: a program check. In a user program or in CMS itself it is an
* abend (R6's DMSABN148T SYSTEM ABEND 0Cx): the program ends, CMS goes
* on at command level.
*---------------------------------------------------------------------
PGMINT   STM   R0,R15,PGMREGS
         BALR  R12,0
         USING *,R12
         TM    FLAGS1,F1ABEND
         BO    PGMAGAIN                  a check in DMSABN itself
         LH    R2,PGMOPSW+2
         N     R2,=F'255'                PER's bit aside
* An operation exception at a DEBUG breakpoint is DEBUG's.
         C     R2,=F'1'
         BNE   PGM1
         L     R3,PGMOPSW+4
         LA    R3,0(,R3)
         SH    R3,=H'2'                  the X'0000' it executed
         LA    R4,DBGBRK
         LA    R5,16
PGMBRK   CLC   0(2,R4),=H'0'
         BE    PGMBRK2
         C     R3,4(,R4)
         BNE   PGMBRK2
         LR    R2,R4
         L     R15,=A(DBGHIT)
         BR    R15
PGMBRK2  LA    R4,8(,R4)
         BCT   R5,PGMBRK
PGM1     LA    R2,X'0C0'(,R2)
         ST    R2,ABNCODE
         MVC   ABNADDR,PGMOPSW+4
         L     R15,=A(DMSABN)
         BR    R15
* A program check while DMSABN or the ready message after it runs:
* command level without the message, so that a bug there cannot loop.
PGMAGAIN L     R15,=A(CMSREAD)
         BR    R15
         DROP  R12
         LTORG
*---------------------------------------------------------------------
* DMSABN: ABNCODE and ABNADDR say what and where. The message, the
* file system's cleanup (its open files are closed), the stack reset,
* and command level with the ready message R(code).
*---------------------------------------------------------------------
DMSABN   DS    0H
         BALR  R12,0
         USING *,R12
         OI    FLAGS1,F1ABEND
         NI    FLAGS2,255-F2SUBSET       (command level: no subset)
         L     R13,STKBASE
         LA    R2,72(,R13)
         ST    R2,STKTOP
         XC    CURSVC,CURSVC
         MVC   CMDLINE(ABNLEN),ABNMSG
         L     R2,ABNCODE
         LA    R3,CMDLINE+ABNCODX
         BAL   R14,ABNHEX3
         L     R2,ABNADDR
         SRL   R2,12
         LA    R3,CMDLINE+ABNADRX
         BAL   R14,ABNHEX3
         L     R2,ABNADDR
         LA    R3,CMDLINE+ABNADRX+3
         BAL   R14,ABNHEX3
         LA    R1,CMDLINE
         LA    R0,ABNLEN
         NUCALL MSGOUT
         NUCALL FSABEND
         NI    LDRFLAGS,255-LDRFBUSY
         L     R2,ABNCODE
         ST    R2,LASTRC
         L     R15,=A(CMSREADY)
         BR    R15
* The low 12 bits of R2 as 3 hex digits at R3.
ABNHEX3  ST    R2,WORK
         UNPK  WORK+4(9),WORK(5)
         L     R1,=A(HEXTR-C'0')
         TR    WORK+4(8),0(R1)
         MVC   0(3,R3),WORK+9
         BR    R14
ABNMSG   DC    C'DMSABN148T SYSTEM ABEND xxx CALLED FROM xxxxxx'
ABNLEN   EQU   *-ABNMSG
ABNCODX  EQU   24
ABNADRX  EQU   40
         DROP  R12
         LTORG
HEXTR    DC    C'0123456789ABCDEF'
*---------------------------------------------------------------------
* HEXOUT: the word in R2 as 8 hex digits at R3 (a utility).
*---------------------------------------------------------------------
HEXOUT   CMSENT
         ST    R2,WORK
         UNPK  WORK+4(9),WORK(5)
         L     R1,=A(HEXTR-C'0')
         TR    WORK+4(8),0(R1)
         MVC   0(8,R3),WORK+4
         CMSRET RC=0
         LTORG
