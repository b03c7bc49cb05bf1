*=====================================================================
* The CMS nucleus (docs/CMS.md). One assembly: low storage (NUCON, a
* DSECT at 0 based on register 0), then the reentrant code from
* X'10000', which every user of the saved system CMS shares read-only.
* The image is loaded by IPL 190 (the system disk's nucleus area,
* docs/CMS-DISK.md) or is the saved system CMS; its PSW at 0 enters
* DMSINI.
*
* CMS reaches CP only as any guest does: SIO to its virtual devices and
* DIAGNOSE (X'08' CP commands, X'0C' time, X'18' disk, X'24' devices,
* X'58' the 3270, X'5C' message editing, X'60' storage size, X'64'
* segments), so it would run on IBM's CP as well.
*=====================================================================
         PRINT NOGEN
         CMSREGS
NUCLEUS  START 0
         COPY  NUCON
         COPY  FRAMES
NUCLEUS  CSECT
         DC    X'00000000',A(DMSINI)     IPL PSW: disabled, key 0
         ORG   NUCLEUS+X'10000'
         USING NUCON,0
*---------------------------------------------------------------------
* DMSINI: the IPL. The machine's size (DIAGNOSE X'60'), its console
* (DIAGNOSE X'24'), the interruption PSWs, storage keys (the nucleus
* and low storage key F, the rest key E: SET PROTECT ON), free
* storage, the stack; then the disks (190 as S, 191 as A) and the
* version line, and command level.
*---------------------------------------------------------------------
DMSINI   DS    0H
         BALR  R12,0
         USING *,R12
         MVC   EXTNPSW(40),INITPSWS      the five new PSWs
         MVC   IOPSW,IORESP              the PSW that resumes a waiter
         SR    R2,R2
         DIAG  R2,0,X'60'                R2 = virtual storage size
         ST    R2,VMSIZE
         C     R2,=A(X'40000')
         BL    INITSMAL                  CMS needs 256K
         L     R2,=F'-1'
         DIAG  R2,R3,X'24'               R2 = the console's address
         BNZ   INITNCON
         STH   R2,CONADDR
* Storage keys, one per 2K block: F below X'20000', E above.
         SR    R2,R2
         LA    R3,X'F0'
INITK1   SSK   R3,R2
         LA    R2,2048(,R2)
         C     R2,=A(X'20000')
         BL    INITK1
         LA    R3,X'E0'
INITK2   SSK   R3,R2
         LA    R2,2048(,R2)
         C     R2,VMSIZE
         BL    INITK2
* The stack: X'3000'-X'7FFF'; R13 the first frame's save area.
         L     R13,=A(X'3000')
         ST    R13,STKBASE
         LA    R2,72(,R13)
         ST    R2,STKTOP
         L     R2,=A(X'8000')
         ST    R2,STKLIM
         XC    CURSVC,CURSVC
* Free storage: X'8000'-X'DFFF', and the top quarter of storage (at
* least from X'30000'); user programs from X'20000' to below it.
         L     R2,=A(X'8000')
         ST    R2,FREELOW
         L     R3,=A(X'E000')
         ST    R3,FREELOWE
         L     R4,VMSIZE
         ST    R4,FREEHIE
         LR    R5,R4
         SRL   R5,2
         LCR   R5,R5
         AR    R5,R4                     top quarter
         C     R5,=A(X'30000')
         BNL   INITF1
         L     R5,=A(X'30000')
INITF1   N     R5,=X'00FFF000'           on a page
         ST    R5,FREEHI
         L     R6,=A(X'20000')
         ST    R6,MAINSTRT
* The loader: nothing loaded; programs' save area just below the high
* free storage (key E, so that they may store into it).
         XC    LDRWORK(48),LDRWORK
         XC    SYNTAB(8),SYNTAB          no synonyms, no GLOBALs
         XC    GLOBMAC(128),GLOBMAC
         MVC   LDRTBLS,=H'2'
         LR    R6,R5
         SH    R6,=H'128'
         ST    R6,MAINHIGH
         ST    R6,USRSAVE
         ST    R2,FREELIST               low block: next = high block
         ST    R5,0(,R2)
         LR    R6,R3
         SR    R6,R2
         ST    R6,4(,R2)
         XC    0(4,R5),0(R5)             high block: the last
         LR    R6,R4
         SR    R6,R5
         ST    R6,4(,R5)
* Command level's state.
         XC    STKFIRST(12),STKFIRST     no stacked lines
         MVI   FLAGS1,F1IMPEX+F1IMPCP+F1RDYL+F1PROF
         MVI   FLAGS2,0
         XC    LASTRC,LASTRC
         MVI   CONFLAG,0
* The disks, then the version line.
         NUCALL FSINIT
         NUCALL GETTIME
         MVC   CMDLINE(L'VERLINE),VERLINE
         MVC   CMDLINE+L'VERLINE(8),TODBUF        mm/dd/yy
         MVI   CMDLINE+L'VERLINE+8,C' '
         MVC   CMDLINE+L'VERLINE+9(5),TODBUF+8    hh:mm
         LA    R1,CMDLINE
         LA    R0,L'VERLINE+14
         NUCALL TYPLINE
         MVC   CPUV(16),TODBUF+16        ready message counts from here
         L     R15,=A(CMSREAD)
         BR    R15
INITSMAL LPSW  WAITSMAL                  disabled wait: storage < 256K
INITNCON LPSW  WAITNCON                  disabled wait: no console
         DS    0D
INITPSWS DC    X'00000000',A(EXTINT)     external
         DC    X'00000000',A(SVCINT)     SVC
         DC    X'00000000',A(PGMINT)     program
         DC    X'00020000',A(X'00EEEE')  machine check: wait
         DC    X'00000000',A(IOINT)      I/O
IORESP   DC    X'00000000',A(IORESUME)
WAITSMAL DC    X'00020000',A(X'000256')
WAITNCON DC    X'00020000',A(X'000009')
VERLINE  DC    C'CMS VERSION 6.0 '
         LTORG
*---------------------------------------------------------------------
* Command level (R6's DMSINT): the ready message, a line from the
* console stack or the terminal, its tokens, and the command by
* SVC 202 as if a program had called it, marked as typed (X'0B' in
* R1's first byte) so that the search order includes EXECs and CP.
*---------------------------------------------------------------------
CMSREADY DS    0H
         BALR  R12,0
         USING *,R12
         L     R13,STKBASE               command level owns the stack
         LA    R2,72(,R13)
         ST    R2,STKTOP
         XC    CURSVC,CURSVC
         NI    CONFLAG,255-X'40'-X'20'   HT, HI last for one command
         NUCALL READYMSG
CMSREAD  DS    0H                        (CMSREADY goes on here)
         BALR  R12,0
         USING *,R12
CMSRD1   L     R13,STKBASE
         LA    R2,72(,R13)
         ST    R2,STKTOP
         XC    CURSVC,CURSVC
         NI    FLAGS1,255-F1ABEND
         LA    R1,CMDLINE
         LA    R0,130
         NUCALL RDLINE                   R0 = its length
         LTR   R0,R0
         BZ    CMSRD1                    a null line: nothing to do
         LA    R1,CMDLINE
         NUCALL TOKENIZE                 CMDPLIST, CMDEPL
         CLI   CMDPLIST,X'FF'
         BE    CMSRD1                    blanks only
* PROFILE EXEC before the first command, unless it is ACCESS (NOPROF.
         TM    FLAGS1,F1PROF
         BZ    CMSRD2
         NI    FLAGS1,255-F1PROF
         NUCALL PROFILE
CMSRD2   LA    R1,CMDPLIST
         ICM   R1,8,=X'0B'               typed at the terminal
         LA    R0,CMDEPL
         SVC   202
         DC    AL4(1)
         ST    R15,LASTRC
         NUCALL FSENDCMD                 its open files closed and kept
         NUCALL RELPAGES
         L     R15,=A(CMSREADY)
         BR    R15
         LTORG
*---------------------------------------------------------------------
* READYMSG: R; T=v.vv/t.tt hh:mm:ss, or R(nnnnn); ... for a return
* code other than 0 (R(-nnnn); when negative); the times are the
* virtual and total CPU seconds since the last ready message (DIAGNOSE
* X'0C'). SET RDYMSG SMSG: R; alone.
*---------------------------------------------------------------------
READYMSG CMSENT WORK=64
         USING RDYWK,R13
         MVC   RWLINE(40),=CL40' '
         L     R2,LASTRC
         LTR   R2,R2
         BNZ   RDY1
         MVC   RWLINE(2),=C'R;'
         LA    R4,RWLINE+2
         B     RDY2
RDY1     MVC   RWLINE(2),=C'R('
         LA    R4,RWLINE+2
         LPR   R3,R2
         CVD   R3,RWDEC
         LTR   R2,R2
         BM    RDYNEG
         UNPK  0(5,R4),RWDEC+5(3)
         OI    4(R4),X'F0'
         B     RDY1B
RDYNEG   MVI   0(R4),C'-'
         UNPK  1(4,R4),RWDEC+5(3)
         OI    4(R4),X'F0'
RDY1B    MVC   5(2,R4),=C');'
         LA    R4,7(,R4)
RDY2     TM    FLAGS1,F1RDYL
         BZ    RDYOUT
         NUCALL GETTIME
         MVC   0(3,R4),=C' T='
         LA    R4,3(,R4)
         LM    R2,R3,TODBUF+16           virtual CPU, microseconds
         SL    R3,CPUV+4
         BC    3,*+6                     no borrow
         BCTR  R2,0
         S     R2,CPUV
         NUCALL SECSOUT
         MVI   0(R4),C'/'
         LA    R4,1(,R4)
         LM    R2,R3,TODBUF+24           total CPU
         SL    R3,CPUT+4
         BC    3,*+6
         BCTR  R2,0
         S     R2,CPUT
         NUCALL SECSOUT
         MVI   0(R4),C' '
         MVC   1(8,R4),TODBUF+8          hh:mm:ss
         LA    R4,9(,R4)
         MVC   CPUV(16),TODBUF+16
RDYOUT   LA    R1,RWLINE
         LR    R0,R4
         SR    R0,R1
         NUCALL TYPLINE
         CMSRET RC=0
         DROP  R13
         LTORG
RDYWK    DSECT
         DS    18F
RWDEC    DS    D
RWLINE   DS    CL40
NUCLEUS  CSECT
*---------------------------------------------------------------------
* SECSOUT: R2:R3 microseconds as seconds with two decimals (no leading
* zeros) at R4; R4 comes back after them. The ready message's and
* EXEC's &TIME's T= figures.
*---------------------------------------------------------------------
SECSOUT  CMSENT WORK=24
         USING SOWK,R13
         D     R2,=F'10000'              R3 = hundredths
         SR    R2,R2
         D     R2,=F'100'                R3 seconds, R2 hundredths
         CVD   R3,SODEC
         UNPK  SOZON(10),SODEC
         OI    SOZON+9,X'F0'
         LA    R1,SOZON
         LA    R5,9
SOSKIP   CLI   0(R1),C'0'                leading zeros go
         BNE   SODIG
         LA    R1,1(,R1)
         BCT   R5,SOSKIP
SODIG    EX    R5,SOMVC                  10 - skipped digits
         LA    R4,1(R5,R4)
         MVI   0(R4),C'.'
         CVD   R2,SODEC
         UNPK  1(2,R4),SODEC+6(2)
         OI    2(R4),X'F0'
         LA    R4,3(,R4)
         L     R1,4(,R13)
         ST    R4,36(,R1)                the caller's R4
         CMSRET RC=0
SOMVC    MVC   0(0,R4),0(R1)
         DROP  R13
         LTORG
SOWK     DSECT
         DS    18F
SODEC    DS    D
SOZON    DS    CL10
         DS    XL6
NUCLEUS  CSECT
*---------------------------------------------------------------------
* GETTIME: DIAGNOSE X'0C' into TODBUF (date, time, virtual and total
* CPU in microseconds).
*---------------------------------------------------------------------
GETTIME  LA    R1,TODBUF
         DIAG  R1,0,X'0C'
         BR    R14
*---------------------------------------------------------------------
* TOKENIZE: the line at R1, R0 bytes, into CMDPLIST (8-byte tokens,
* upper case, blank padded, cut at 8; "(" and ")" are tokens of their
* own, as R6's scan made them; the fence X'FF'x8 after the last) and
* CMDEPL (A(the first token), A(the rest after it), A(the line's end),
* 0). At most 32 tokens; more are dropped.
*---------------------------------------------------------------------
TOKENIZE CMSENT
         LR    R2,R1                     scan pointer
         LR    R3,R1
         AR    R3,R0                     end of line
         LA    R4,CMDPLIST
         LA    R5,32                     tokens left
         ST    R2,CMDEPL
         ST    R3,CMDEPL+4
         ST    R3,CMDEPL+8
         XC    CMDEPL+12(4),CMDEPL+12
* Upper case first (the line itself: R6 translated typed commands).
         LR    R6,R0
         LTR   R6,R6
         BNP   TOKSKIP
         BCTR  R6,0
         EX    R6,TOKTR
TOKSKIP  CR    R2,R3                     skip blanks
         BNL   TOKEND
         CLI   0(R2),C' '
         BNE   TOKSTART
         LA    R2,1(,R2)
         B     TOKSKIP
TOKSTART MVC   0(8,R4),=CL8' '
         LA    R7,8                      room in the token
         LR    R8,R4
         CLI   0(R2),C'('
         BE    TOKPAREN
         CLI   0(R2),C')'
         BE    TOKPAREN
TOKCHAR  CR    R2,R3
         BNL   TOKDONE
         CLI   0(R2),C' '
         BE    TOKDONE
         CLI   0(R2),C'('
         BE    TOKDONE
         CLI   0(R2),C')'
         BE    TOKDONE
         LTR   R7,R7
         BZ    TOKNEXT                   past 8: dropped
         MVC   0(1,R8),0(R2)
         LA    R8,1(,R8)
         BCTR  R7,0
TOKNEXT  LA    R2,1(,R2)
         B     TOKCHAR
TOKPAREN MVC   0(1,R4),0(R2)
         LA    R2,1(,R2)
TOKDONE  LA    R15,CMDPLIST
         CR    R4,R15
         BNE   TOKD2
         ST    R2,CMDEPL+4               the arguments start after it
TOKD2    LA    R4,8(,R4)
         BCT   R5,TOKSKIP
TOKEND   MVC   0(8,R4),=8X'FF'
         CMSRET RC=0
TOKTR    TR    0(0,R1),UPPER
         LTORG
*---------------------------------------------------------------------
* UPPER: EBCDIC lower case a-i, j-r, s-z to upper case.
*---------------------------------------------------------------------
UPPER    DC    256AL1(*-UPPER)
         ORG   UPPER+X'81'
         DC    X'C1C2C3C4C5C6C7C8C9'
         ORG   UPPER+X'91'
         DC    X'D1D2D3D4D5D6D7D8D9'
         ORG   UPPER+X'A2'
         DC    X'E2E3E4E5E6E7E8E9'
         ORG   UPPER+256
         COPY  DMSIO
         COPY  DMSSVC
         COPY  DMSFREE
         COPY  DMSCPC
         COPY  DMSFS
         COPY  DMSFSIO
         COPY  DMSFSCM
         COPY  DMSACC
         COPY  DMSFOR
         COPY  DMSLST
         COPY  DMSEXEC
         COPY  DMSEXT
         COPY  DMSDBG
         COPY  DMSSYN
NUCEND   DS    0D
         END
