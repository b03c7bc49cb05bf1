*=====================================================================
* EDIT MODULE: VM/370 Release 6's CMS context editor (docs/CMS.md,
* "EDIT"). EDIT fn ft [fm] [( [LRECL nn] [NODISP] [)]].
*
* The file is read whole into storage, one node a line, chained both
* ways; the nodes come from the user area above this module (up to
* the save area CMS gives programs, at the top of the user area) and
* then from DMSFREE in 64K pieces, which go back at the end; freed
* nodes are kept on lists by size and used again. A line is kept
* without its trailing blanks; FILE and SAVE write it back with the
* file's record format and length (F records padded with blanks, the
* serial numbers in columns 73-80 when SERIAL is on) to EDIT CMSUT1
* on the target disk, then erase the old file and rename the new one,
* as R6 did, so that a failed write leaves the old file as it was.
*
* The current line pointer is a position: TOF (the null line before
* the first), a line, or EOF (after the last). Edit mode reads
* subcommands (a null line: input mode), input mode reads lines that
* go in after the current line (a null line: edit mode again).
*
* On a 3270 (a display behind the console: DIAGNOSE X'24' says so;
* NODISP keeps line mode) the editor is in display
* mode: after each subcommand or input line it draws the lines around
* the current line in CP's output area with DIAGNOSE X'58' CCW X'19'
* (rows 1-9 the lines before it, row 10 the current line, rows 11-19
* the lines after it, row 20 the messages, row 21 the mode and the
* file's identifier; row 22 stays free for CP's echo of the next line
* typed), instead of typing them.
*
* The CMS subcommand (the CMS subset) runs commands by SVC 202 with
* call type X'0C', for which the nucleus refuses what would load into
* the user area, where the editor is; $name macros run that way too.
*
* Registers: R12, R11, R10 and R9 are the bases of the code (16K, all
* but full: tables and messages are in the data, some of it past R13's
* reach, through A-constants), R13 the base of the data (CMS's SVCs
* need no save area). Subroutines are called by BAL R14; those with a
* frame (ENTER, LEAVE: the editor's own stack) keep R2-R14 unless they
* say otherwise and return in R0, R1, R15 and the condition code; the
* small leaf routines say what they change.
*=====================================================================
         REGEQU
*
* MSG 'text': types (or, in display mode, shows) an editor response.
         MACRO
&L       MSG   &T
         LCLC  &N
&N       SETC  'MS&SYSNDX'
&L       LA    R1,&N
         LA    R0,L'&N
         BAL   R14,PUTMSG
         B     &N.X
&N       DC    C&T
&N.X     DS    0H
         MEND
*
* ENTER, LEAVE [n]: a subroutine's frame on the editor's own stack:
* R2-R14 kept (LEAVE n: Rn-R14 given back, R2..Rn-1 as they are now);
* LEAVE keeps R0, R1, R15 and the condition code.
         MACRO
&L       ENTER
&L       L     R15,SPTR
         STM   R2,R14,56(R15)
         ST    R15,56+52(,R15)
         LA    R15,56(,R15)
         ST    R15,SPTR
         MEND
         MACRO
&L       LEAVE &N
         LCLA  &R,&O
&R       SETA  2
         AIF   (K'&N EQ 0).GO
&R       SETA  &N
.GO      ANOP
&O       SETA  (&R-2)*4
&L       L     R14,SPTR
         MVC   SPTR,52(R14)
         LM    &R,R14,&O.(R14)
         BR    R14
         MEND
*
* A line node: chained both ways, the text without trailing blanks.
NNXT     EQU   0                 A(next line), 0 for the last
NPRV     EQU   4                 A(previous line), 0 for the first
NLEN     EQU   8                 H text length
NCAP     EQU   10                H room for text
NTXT     EQU   12                the text
MAXL     EQU   160               R6's longest record for the editor
MAXREC   EQU   65533             the most records a CMS file holds
NCLASS   EQU   24                free lists by size (8-byte steps)
*
EDIT     CMSMOD ENTRY=BEGIN
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         LA    R10,2048(,R11)
         LA    R10,2048(,R10)
         LA    R9,2048(,R10)
         LA    R9,2048(,R9)
         USING BEGIN,R12,R11,R10,R9
         LR    R8,R1                     the tokenized PLIST
         LR    R2,R13
         L     R13,=A(DATA)              R13: a base for the data
         USING DATA,R13
         ST    R2,CALLR13
* Storage: the user area from the end of the module to the programs'
* save area (R13 as CMS called us), then DMSFREE.
         L     R2,=A(CMSMODE)
         LA    R2,7(,R2)
         N     R2,=X'00FFFFF8'
         ST    R2,ARNXT
         L     R3,CALLR13
         N     R3,=X'00FFFFF8'
         CR    R3,R2
         BH    *+6
         LR    R3,R2                     (none: DMSFREE only)
         ST    R3,ARNEND
* The console (DIAGNOSE X'24' with -1): its address, and in Ry+1 the
* terminal behind it (a display has the class bit X'40', as R6 read
* its real device's class).
         L     R2,=F'-1'
         DIAG  R2,R3,X'24'
         ST    R2,CONADDR
         STCM  R4,8,CONREAL
*---------------------------------------------------------------------
* The command: EDIT fn ft [fm] [( options [)]].
*---------------------------------------------------------------------
         LA    R8,8(,R8)                 past EDIT
         CLI   0(R8),X'FF'
         BE    ERR054
         CLI   0(R8),C'('
         BE    ERR054
         MVC   FN,0(R8)
         LA    R8,8(,R8)
         CLI   0(R8),X'FF'
         BE    ERR054
         CLI   0(R8),C'('
         BE    ERR054
         MVC   FT,0(R8)
         LA    R8,8(,R8)
         MVC   FM,=C'A '                 (A and its extensions)
         CLI   0(R8),X'FF'
         BE    PARSED
         CLI   0(R8),C'('
         BE    OPTIONS
         MVC   FM,0(R8)
         CLC   2(6,R8),=CL6' '
         BNE   ERR048
         BAL   R14,CHKMODE
         LTR   R15,R15
         BNZ   ERR048
         LA    R8,8(,R8)
         CLI   0(R8),X'FF'
         BE    PARSED
         CLI   0(R8),C'('
         BNE   ERR070
OPTIONS  LA    R8,8(,R8)
OPT1     CLI   0(R8),X'FF'
         BE    PARSED
         CLI   0(R8),C')'
         BE    OPTEND
         CLC   0(8,R8),=CL8'LRECL'
         BE    OPTLRECL
         CLC   0(8,R8),=CL8'NODISP'
         BE    OPTNODSP
         B     ERR003
OPTNODSP MVI   NODISP,1
         LA    R8,8(,R8)
         B     OPT1
OPTLRECL LA    R8,8(,R8)
         CLI   0(R8),X'FF'
         BE    ERR029
         LA    R2,0(,R8)
         LA    R3,8(,R8)
         BAL   R14,GETNUM
         LTR   R15,R15
         BNZ   ERR029
         LTR   R0,R0
         BNP   ERR029
         C     R0,=A(MAXL)
         BH    ERR044
         ST    R0,OPTLREC
         LA    R8,8(,R8)
         B     OPT1
OPTEND   LA    R8,8(,R8)
         CLI   0(R8),X'FF'
         BNE   ERR070
PARSED   DS    0H
*---------------------------------------------------------------------
* The file: an existing one is read whole; a new one gets the
* defaults of its filetype.
*---------------------------------------------------------------------
         BAL   R14,DEFAULTS
         MVC   STFSCB+8(18),FILEID
         LA    R1,STFSCB
         MVC   0(8,R1),=CL8'STATE'
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BZ    OLDFILE
         C     R15,=F'28'
         BE    NEWFILE
         C     R15,=F'36'
         BE    ERR069
         C     R15,=F'20'
         BE    ERR048
         C     R15,=F'24'
         BE    ERR048
         ST    R15,WORKRC
         B     ERR104
* A new file: on the disk asked for (A without one), mode number 1.
NEWFILE  MVI   NEWF,1
         CLI   FM,C'*'
         BNE   *+8
         MVI   FM,C'A'
         CLI   FM+1,C' '
         BNE   *+8
         MVI   FM+1,C'1'
         B     SETUP
* An existing file: its record format, length, mode from its FST.
OLDFILE  LR    R2,R1                     R6's FSSTATE: R1 = its FST
         MVC   FM,24(R2)                 FSTFMODE
         MVC   RECFM,30(R2)              FSTRECFM
         L     R3,32(,R2)                FSTLRECL
         C     R3,=A(MAXL)
         BH    ERR044
         ST    R3,FILELREC
         CLI   RECFM,C'V'
         BE    OLDV
         ST    R3,LRECL                  F: its own length
         B     OLDREAD
OLDV     C     R3,LRECL                  V: the longest, at least the
         BNH   OLDREAD                   default
         ST    R3,LRECL
OLDREAD  L     R3,OPTLREC
         LTR   R3,R3
         BZ    *+8
         ST    R3,LRECL                  (LRECL nn)
         BAL   R14,FIXSETS
         BAL   R14,READFILE
         LTR   R15,R15
         BNZ   QUITRC
         B     START
SETUP    L     R3,OPTLREC
         LTR   R3,R3
         BZ    *+8
         ST    R3,LRECL
         BAL   R14,FIXSETS
*---------------------------------------------------------------------
* A display behind the console (DIAGNOSE X'24' above)?
*---------------------------------------------------------------------
START    CLI   NODISP,1
         BE    START2
         TM    CONREAL,X'40'
         BZ    START2
         MVI   DISPLAY,1
START2   CLI   NEWF,1
         BNE   START3
         MSG   'NEW FILE:'
START3   BAL   R14,EDITMODE
*---------------------------------------------------------------------
* The loop: a line from the console stack or the terminal.
*---------------------------------------------------------------------
LOOP     CLI   MODE,1                    input mode, LINEMODE: the
         BNE   LOOP0                     next line's number typed
         CLI   LINEM,0                   (shown: before the drawing)
         BE    LOOP0
         BAL   R14,LNPROMPT
         LTR   R15,R15
         BZ    LOOP0
         BAL   R14,EDITMODE              (none left)
LOOP0    CLI   DISPLAY,1
         BNE   LOOPRD
         CLI   NODRAW,1
         BE    LOOPND
         BAL   R14,REDRAW
LOOPND   MVI   NODRAW,0
LOOPRD   BAL   R14,READLN                R0 = its length, in INBUF
         ST    R0,INLEN
         CLI   MODE,1
         BE    LOOPIN
* Edit mode: a null line is input mode; else a subcommand.
         LTR   R0,R0
         BNZ   LOOPSUB
         BAL   R14,INMODE
         B     LOOP
LOOPSUB  BAL   R14,SUBCMD
         CLI   EXITF,1
         BE    EXIT
         B     LOOP
* Input mode: a null line is edit mode; else the line goes in.
LOOPIN   LTR   R0,R0
         BNZ   LOOPIN2
         BAL   R14,EDITMODE
         B     LOOP
LOOPIN2  LA    R4,INBUF
         L     R5,INLEN
         MVI   FORCEU,0
         CLI   LINEM,0
         BE    LOOPIN3
         L     R0,LNNEXT                 (LINEMODE: with its number)
         BAL   R14,LNLINE
         B     LOOPIN4
LOOPIN3  BAL   R14,PREPLN
LOOPIN4  BAL   R14,ADDLINE
         LTR   R15,R15
         BZ    LOOP
         BAL   R14,EDITMODE              (the file is full)
         B     LOOP
*---------------------------------------------------------------------
* The end: the display given back, free storage returned.
*---------------------------------------------------------------------
EXIT     CLI   DISPLAY,1
         BNE   EXIT2
         LA    R2,CLRCCW
         L     R3,CONADDR
         DIAG  R2,R3,X'58'
EXIT2    L     R15,EXITRC
QUITRC   ST    R15,EXITRC
         BAL   R14,FREEALL
         L     R15,EXITRC
         L     R13,CALLR13
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
* The command's errors (R6's DMSEDI messages).
ERR003   LA    R6,M003
         LR    R4,R8
         LA    R5,8
         BAL   R14,QMSG
         LA    R15,24
         B     QUITRC
ERR029   LA    R1,M029
         LA    R0,M029L
         LA    R15,24
         B     ERRDMS
ERR044   LA    R1,M044
         LA    R0,L'M044
         LA    R15,24
         B     ERRDMS
ERR048   LA    R6,M048
         LA    R4,FM
         LA    R5,2
         BAL   R14,QMSG
         LA    R15,24
         B     QUITRC
ERR054   LA    R1,M054
         LA    R0,L'M054
         LA    R15,24
         B     ERRDMS
ERR069   LA    R1,M069
         LA    R0,M069L
         MVC   M069X,FM
         LA    R15,36
         B     ERRDMS
ERR070   LA    R6,M070
         LR    R4,R8
         LA    R5,8
         BAL   R14,QMSG
         LA    R15,24
         B     QUITRC
ERR104   LA    R6,M104
         BAL   R14,FILEMSG
         LA    R15,100
         B     QUITRC
ERRDMS   ST    R15,EXITRC
         BAL   R14,DMSMSG
         L     R15,EXITRC
         B     QUITRC
* QMSG: the message at R6 (AL1 length, text) with the R5 bytes at R4
* (trailing blanks gone) and a closing quote.
QMSG     LR    R7,R14
         SR    R1,R1
         IC    R1,0(,R6)
         BCTR  R1,0
         EX    R1,MVCMSGW
         LA    R2,MSGW+1(R1)
         BAL   R14,PUTWORD
         MVI   0(R2),X'7D'
         LA    R2,1(,R2)
         LA    R1,MSGW
         LR    R0,R2
         SR    R0,R1
         BAL   R14,DMSMSG
         BR    R7
         LTORG
*=====================================================================
* Modes.
*=====================================================================
* EDITMODE: edit mode, EDIT: typed (shown in display mode).
EDITMODE ENTER
         MVI   MODE,0
         CLI   DISPLAY,1
         BE    EMOUT
         LA    R1,=C'EDIT:'
         LA    R0,5
         BAL   R14,TYPELN
EMOUT    LEAVE
* INMODE: input mode, INPUT: typed.
INMODE   ENTER
         MVI   MODE,1
         CLI   DISPLAY,1
         BE    EMOUT
         LA    R1,=C'INPUT:'
         LA    R0,6
         BAL   R14,TYPELN
         B     EMOUT
*=====================================================================
* SUBCMD: the subcommand in INBUF (INLEN bytes).
*=====================================================================
SUBCMD   ENTER
         MVI   FORCEU,1                  (PREPLN: CASE done here)
         CLI   CASEM,1
         BE    SC1
         L     R5,INLEN                  CASE U: the whole line upper
         BCTR  R5,0
         EX    R5,TRUPIN
SC1      LA    R2,INBUF
         L     R3,INLEN
         AR    R3,R2                     R3: the line's end
         BAL   R14,SKIPBL
         CR    R2,R3
         BNL   SCOUT                     (blanks only: nothing)
         CLI   0(R2),C'='
         BE    SCREUSE
         CLI   0(R2),C'?'
         BE    SCQUERY
* It becomes the last subcommand (for = and ?) once it has run,
* unless it was REUSE.
         L     R5,INLEN
         ST    R5,PENDLEN
         BCTR  R5,0
         EX    R5,MVCPEND
         MVI   REUSEF,0
         MVC   REPCUR,REPN               (REPEAT: for this one only)
         XC    REPN,REPN
         BAL   R14,RUNSUB
         XC    REPCUR,REPCUR
         CLI   REUSEF,1
         BE    SCREUSE
         L     R5,PENDLEN
         ST    R5,LASTLEN
         BCTR  R5,0
         EX    R5,MVCLAST
SCOUT    LEAVE
* =: the last subcommand again. ?: the last subcommand typed.
SCREUSE  L     R5,LASTLEN
         LTR   R5,R5
         BZ    SCOUT
         ST    R5,INLEN
         BCTR  R5,0
         EX    R5,MVCFROML
         BAL   R14,RUNSUB
         B     SCOUT
SCQUERY  L     R0,LASTLEN
         LTR   R0,R0
         BZ    SCOUT
         LA    R1,LASTCMD
         BAL   R14,PUTMSG
         B     SCOUT
TRUPIN   TR    INBUF(0),UPPER
MVCPEND  MVC   PENDCMD(0),INBUF
MVCLAST  MVC   LASTCMD(0),PENDCMD
MVCFROML MVC   INBUF(0),LASTCMD
*
* RUNSUB: INBUF holds a subcommand: its name, looked up, run.
RUNSUB   ENTER
         LA    R2,INBUF
         L     R3,INLEN
         AR    R3,R2
         BAL   R14,SKIPBL
         MVC   NAME,=CL8' '
         CLI   LINEM,0                   LINEMODE: a line number
         BE    RS0
         CLI   0(R2),C'0'
         BL    RS0
         ST    R2,OPBEG
         LA    R15,LNSUB
         B     RSCALL
RS0      CLI   0(R2),C'/'                /string: LOCATE
         BNE   RS1
         ST    R2,OPBEG
         LA    R15,SUBLOC
         B     RSCALL
* The name: letters (at most 8; more is no name we know).
RS1      LR    R4,R2
RS2      CR    R2,R3
         BNL   RS3
         CLI   0(R2),C'$'
         BE    RS2N
         IC    R0,0(,R2)
         N     R0,=F'255'
         LA    R1,UPPER
         AR    R1,R0
         CLI   0(R1),C'A'
         BL    RS3
         CLI   0(R1),C'Z'
         BH    RS3
         CLI   0(R1),C'I'
         BNH   RS2N
         CLI   0(R1),C'J'
         BL    RS3
         CLI   0(R1),C'R'
         BNH   RS2N
         CLI   0(R1),C'S'
         BL    RS3
RS2N     LA    R2,1(,R2)
         B     RS2
RS3      LR    R5,R2
         SR    R5,R4                     the name's length
         BZ    BADSUB
         C     R5,=F'8'
         BH    BADSUB
         BCTR  R5,0
         EX    R5,MVCNAME
         TR    NAME,UPPER
         LA    R5,1(,R5)
         ST    R2,OPBEG                  the operands start here
* The table: CL8 name, AL1 least abbreviation, AL3 the routine.
         L     R6,=A(SUBTAB)
RS4      CLI   0(R6),X'FF'
         BE    RSNONE
         SR    R7,R7
         IC    R7,8(,R6)                 least
         CR    R5,R7
         BL    RS5
         LR    R7,R5
         BCTR  R7,0
         EX    R7,CLCNAME                (a longer name does not
         BNE   RS5                       match: NAME is blank-padded)
         L     R15,8(,R6)
         LA    R15,0(,R15)
RSCALL   L     R2,OPBEG
         L     R3,INLEN
         LA    R3,INBUF(R3)
         BALR  R14,R15
         B     RSOUT
RS5      LA    R6,12(,R6)
         B     RS4
RSNONE   CLI   NAME,C'$'                 $name: an EDIT macro
         BNE   BADSUB
         LA    R15,SUBMAC
         B     RSCALL
BADSUB   BAL   R14,INVALID
RSOUT    LEAVE
MVCNAME  MVC   NAME(0),0(R4)
CLCNAME  CLC   NAME(0),0(R6)
*
* INVALID: R6's answer to a subcommand it cannot do: ?EDIT: and the
* line (LONG), or ? alone (SHORT).
INVALID  ENTER
         MVI   SUBERR,1                  (X n and REPEAT stop)
         MVC   MSGW(7),=C'?EDIT: '
         LA    R0,1
         CLI   SHORTM,1
         BE    IV1
         L     R5,INLEN
         C     R5,=F'120'
         BNH   *+8
         LA    R5,120
         LR    R0,R5
         BCTR  R5,0
         EX    R5,MVCINMSG
         A     R0,=F'7'
IV1      LA    R1,MSGW
         BAL   R14,PUTMSG
         LEAVE
MVCINMSG MVC   MSGW+7(0),INBUF
         LTORG
*
*=====================================================================
* The subcommands: entered by BALR R14,R15 with R2 the operands'
* start, R3 the line's end. Each keeps R14 in SUBR14.
*=====================================================================
* TOP
SUBTOP   ST    R14,SUBR14
         BAL   R14,NOMORE
         BNZ   SUBBAD
         SR    R6,R6
         SR    R7,R7
         STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
* BOTTOM
SUBBOT   ST    R14,SUBR14
         BAL   R14,NOMORE
         BNZ   SUBBAD
         L     R7,LAST
         LA    R6,1
         LTR   R7,R7
         BNZ   *+6
         SR    R6,R6                     (empty: TOF)
         STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
* NEXT [n]; UP [n]; SCROLL [n]; SCROLLUP [n]
SUBNEXT  ST    R14,SUBR14
         BAL   R14,COUNT1                R0 = n (1 by default)
         BNZ   SUBBAD
         BAL   R14,DOWN
         BAL   R14,VERCUR
         B     SUBRET
SUBUP    ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         BAL   R14,UPN
         BAL   R14,VERCUR
         B     SUBRET
SUBSCR   ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         BAL   R14,CAPN
         MH    R0,=H'19'                 a screen: 19 lines
         BAL   R14,DOWN
         BAL   R14,VERCUR
         B     SUBRET
SUBSCRU  ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         BAL   R14,CAPN
         MH    R0,=H'19'
         BAL   R14,UPN
         BAL   R14,VERCUR
         B     SUBRET
* CAPN: R0 at most 100000 (for SCROLL *).
CAPN     C     R0,=F'100000'
         BNHR  R14
         L     R0,=F'100000'
         BR    R14
* The ends of the subcommands: back to RUNSUB; SUBBAD: ?EDIT:.
SUBBAD   BAL   R14,INVALID
SUBRET   L     R14,SUBR14
         BR    R14
* TYPE [n|*]: n lines from the current one; it ends on the last.
SUBTYPE  ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         LR    R8,R0
         CLI   DISPLAY,1
         BNE   TY1
         LA    R2,CLRCCW                 display: CP's area cleared,
         L     R3,CONADDR                the lines typed there
         DIAG  R2,R3,X'58'
         MVI   TYPING,1
         MVI   NODRAW,1
TY1      LM    R6,R7,CURPOS
TY2      STM   R6,R7,CURPOS
         BAL   R14,TYPEPOS
         C     R6,=F'2'
         BE    TY3                       EOF: typed, the end
         BCT   R8,TY2N
         B     TY3
TY2N     BAL   R14,PNEXT
         B     TY2
TY3      MVI   TYPING,0
         B     SUBRET
* TYPEPOS: the position R6/R7 typed (TOF:, EOF: or the line).
TYPEPOS  ENTER
         LTR   R6,R6
         BZ    TPTOF
         C     R6,=F'2'
         BE    TPEOF
         LA    R1,NTXT(,R7)
         LH    R0,NLEN(,R7)
         CLI   SERON,0                   serial numbers not shown
         BE    TP1
         C     R0,=F'72'
         BNH   TP1
         LA    R0,72
TP0      LR    R15,R1                    (and the blanks before them)
         AR    R15,R0
         BCTR  R15,0
         CLI   0(R15),C' '
         BNE   TP1
         BCT   R0,TP0
TP1      BAL   R14,PUTLONG
         B     TPOUT
TPTOF    LA    R1,=C'TOF:'
         B     TPM
TPEOF    LA    R1,=C'EOF:'
TPM      LA    R0,4
         BAL   R14,PUTMSG
TPOUT    LEAVE
* VERCUR: the current line typed when VERIFY is on (line mode).
VERCUR   ENTER
         CLI   DISPLAY,1
         BNE   VC1
         CLI   TYPING,1
         BNE   VCOUT
VC1      LM    R6,R7,CURPOS
         CLI   VERIFY,1
         BE    VC2
         C     R6,=F'2'                  EOF: is said even so
         BNE   VCOUT
VC2      BAL   R14,TYPEPOS
VCOUT    LEAVE
* DOWN: the pointer R0 lines down (EOF: said at the end).
DOWN     ENTER
         LM    R6,R7,CURPOS
         LTR   R8,R0
         BNP   DN3
DN1      C     R6,=F'2'
         BE    DN3
         BAL   R14,PNEXT
         BCT   R8,DN1
DN3      STM   R6,R7,CURPOS
         LEAVE
* UPN: the pointer R0 lines up (to TOF at most).
UPN      ENTER
         LM    R6,R7,CURPOS
         LTR   R8,R0
         BNP   DN3
UP1      LTR   R6,R6
         BZ    DN3
         BAL   R14,PPREV
         BCT   R8,UP1
         B     DN3
* INPUT [line] (and INSERT, not R6's): the line goes in after the
* current one; none: input mode.
SUBINP   ST    R14,SUBR14
         BAL   R14,TEXTOP                R4/R5 the text, or R5 = -1
         LTR   R5,R5
         BM    INPMODE
         BAL   R14,PREPLN
         BAL   R14,ADDLINE
         B     SUBRET
INPMODE  BAL   R14,INMODE
         B     SUBRET
* REPLACE [line]: the current line replaced; none: it goes, and
* input mode goes on from there.
SUBREP   ST    R14,SUBR14
         BAL   R14,TEXTOP
         LTR   R5,R5
         BM    REPDEL
         BAL   R14,PREPLN
         LM    R6,R7,CURPOS
         C     R6,=F'1'
         BNE   REPINS                    (no line here: it goes in)
         LA    R4,WKLN
         L     R5,WKLEN
         LR    R1,R7
         BAL   R14,SETTEXT
         LTR   R15,R15
         BZ    SUBRET
         BAL   R14,FULLMSG
         B     SUBRET
REPINS   BAL   R14,ADDLINE
         B     SUBRET
REPDEL   LM    R6,R7,CURPOS
         C     R6,=F'1'
         BNE   INPMODE
         LR    R1,R7
         BAL   R14,PPREV                 the line before it is current
         STM   R6,R7,CURPOS
         BAL   R14,DROPLINE
         B     INPMODE
* DELETE [n|*]: n lines from the current one; the one after them is
* current (EOF: when none).
SUBDEL   ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         LR    R8,R0
DELGO    LM    R6,R7,CURPOS
         LTR   R6,R6
         BNZ   DEL1
         BAL   R14,PNEXT                 (TOF is not a line)
DEL1     C     R6,=F'2'
         BE    DELEOF
         LR    R1,R7
         BAL   R14,PNEXT
         BAL   R14,DROPLINE
         BCT   R8,DEL1
         STM   R6,R7,CURPOS
         C     R6,=F'2'
         BNE   SUBRET
DELEOF   STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
* LOCATE /string[/]  (and /string[/] alone): the next line with the
* string in the zone; EOF: when there is none (and the pointer there).
SUBLOCN  ST    R14,SUBR14
         BAL   R14,SKIPBL
         B     LOC0
SUBLOC   ST    R14,SUBR14
         L     R2,OPBEG
LOC0     CR    R2,R3
         BNL   LOCNEXT                   no string: the next line
         BAL   R14,DELIMS                R4/R5 the string
         LTR   R5,R5
         BZ    LOCNEXT
         BAL   R14,ZONECHK
         BNZ   SUBRET
         ST    R4,S1A
         ST    R5,S1L
         LM    R6,R7,CURPOS
         C     R6,=F'2'
         BNE   LOC1
         SR    R6,R6                     from EOF: again from the top
LOC1     BAL   R14,PNEXT
         C     R6,=F'2'
         BE    LOCEOF
         BAL   R14,INZONE                is the string in this line?
         LTR   R15,R15
         BNZ   LOC1
         STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
LOCEOF   STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
LOCNEXT  LA    R0,1
         BAL   R14,DOWN
         BAL   R14,VERCUR
         B     SUBRET
* FIND line: the next line that begins with the line (in column 1,
* after one blank; tabs expanded when IMAGE is on); a blank in the
* line matches any character.
SUBFIND  ST    R14,SUBR14
         BAL   R14,TEXTOP
         LTR   R5,R5
         BNP   LOCNEXT
         BAL   R14,PREPLN0               (tabs; not cut)
         BAL   R14,TRIMWK
         L     R5,WKLEN
         LTR   R5,R5
         BZ    LOCNEXT                   (blanks only)
         LM    R6,R7,CURPOS
         C     R6,=F'2'
         BNE   FND1
         SR    R6,R6
FND1     BAL   R14,PNEXT
         C     R6,=F'2'
         BE    LOCEOF
         BAL   R14,PADLINE
         LA    R1,WKLN
         LA    R2,PADBUF
         LR    R4,R5
FND2     CLI   0(R1),C' '
         BE    FND3
         CLC   0(1,R1),0(R2)
         BNE   FND1
FND3     LA    R1,1(,R1)
         LA    R2,1(,R2)
         BCT   R4,FND2
         STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
* DSTRING /string[/]: the lines from the current one down to the
* first after it with the string (that one is current).
SUBDST   ST    R14,SUBR14
         BAL   R14,SKIPBL
         SR    R5,R5
         CR    R2,R3
         BNL   DST1
         BAL   R14,DELIMS
DST1     LTR   R5,R5
         BNZ   DST2
         LA    R8,1                      no string: the current line
         B     DELGO                     (DELETE 1)
DST2     BAL   R14,ZONECHK
         BNZ   SUBRET
         ST    R4,S1A
         ST    R5,S1L
         LM    R6,R7,CURPOS
         LR    R4,R6
         LR    R5,R7                     the first to go
         LTR   R6,R6
         BNZ   DST3
         BAL   R14,PNEXT
         LR    R4,R6
         LR    R5,R7
DST3     C     R6,=F'2'
         BE    DSTNONE
DST4     BAL   R14,PNEXT
         C     R6,=F'2'
         BE    DSTNONE
         BAL   R14,INZONE
         LTR   R15,R15
         BNZ   DST4
* R6/R7 the line with the string; delete from R4/R5 up to it.
         ST    R7,DSTSTOP
DST5     C     R5,DSTSTOP
         BE    DST6
         LR    R1,R5
         L     R5,NNXT(,R5)
         BAL   R14,DROPLINE
         B     DST5
DST6     STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
DSTNONE  MSG   'STRING NOT FOUND, NO DELETIONS MADE'
         B     SUBRET
* CHANGE /s1/s2[/ [n|*] [G|*]]: in n lines from the current one (1 by
* default, * to the end), the first (or with G every) s1 in the zone
* becomes s2. The pointer ends on the last line searched (EOF: when
* the end was reached).
SUBCHG   ST    R14,SUBR14
         BAL   R14,SKIPBL
         CR    R2,R3
         BNL   SUBBAD                    (display mode's CHANGE alone)
         BAL   R14,DELIMS                s1
         ST    R4,S1A
         ST    R5,S1L
         XC    S2L,S2L
         ST    R3,S2A
         LTR   R15,R15                   no delimiter after it: s2 null
         BNZ   CHG2
         BAL   R14,DELIM2                s2, to the next or the end
         ST    R4,S2A
         ST    R5,S2L
CHG2     BAL   R14,CHGOPTS               n and G
         BNZ   SUBBAD
         L     R5,S1L
         BAL   R14,ZONECHK
         BNZ   SUBRET
         B     CHGRUN
* ALTER c1 c2 [n|*] [G|*]: a character (or two hex digits) for another.
SUBALT   ST    R14,SUBR14
         BAL   R14,ALTCHR                R0 the character
         BNZ   SUBBAD
         STC   R0,ALTC1
         BAL   R14,ALTCHR
         BNZ   SUBBAD
         STC   R0,ALTC2
         LA    R0,ALTC1
         ST    R0,S1A
         LA    R0,ALTC2
         ST    R0,S2A
         LA    R0,1
         ST    R0,S1L
         ST    R0,S2L
         BAL   R14,CHGOPTS
         BNZ   SUBBAD
* The change itself, line after line.
CHGRUN   XC    NCHG,NCHG
         XC    NTRUNC,NTRUNC
         L     R8,CHGN
         LM    R6,R7,CURPOS
CR1      C     R6,=F'1'
         BNE   CR3                       (TOF, EOF: nothing to change)
         BAL   R14,CHGLINE
         LTR   R15,R15
         BZ    CR3
         L     R1,NCHG
         LA    R1,1(,R1)
         ST    R1,NCHG
         LA    R4,WKLN
         L     R5,WKLEN
         LR    R1,R7
         BAL   R14,SETTEXT
         LTR   R15,R15
         BZ    CR2
         BAL   R14,FULLMSG
         B     CR5
CR2      LR    R7,R1                     (the node may be a new one)
         STM   R6,R7,CURPOS
         CLI   TRUNCF,1
         BNE   CR2V
         L     R1,NTRUNC
         LA    R1,1(,R1)
         ST    R1,NTRUNC
CR2V     CLI   DISPLAY,1
         BE    CR3
         CLI   VERIFY,1
         BNE   CR3
         BAL   R14,TYPEPOS
CR3      STM   R6,R7,CURPOS
         C     R6,=F'2'
         BE    CR4
         BCT   R8,CR3N
         B     CR5
CR3N     BAL   R14,PNEXT
         B     CR1
CR4      BAL   R14,VERCUR                EOF:
CR5      CLI   DISPLAY,1
         BE    CR7
         L     R1,NTRUNC
         LTR   R1,R1
         BZ    CR6
         MSG   'TRUNCATED'
CR6      L     R1,NCHG
         LTR   R1,R1
         BNZ   SUBRET
         MSG   'NOT FOUND'
         B     SUBRET
* Display mode: n LINE(S) CHANGED [n LINE(S) TRUNCATED].
CR7      L     R1,NCHG
         LA    R2,MSGW
         BAL   R14,EDNUM
         MVC   0(16,R2),=C' LINE(S) CHANGED'
         LA    R2,16(,R2)
         L     R1,NTRUNC
         LTR   R1,R1
         BZ    CR8
         MVI   0(R2),C' '
         LA    R2,1(,R2)
         BAL   R14,EDNUM
         MVC   0(18,R2),=C' LINE(S) TRUNCATED'
         LA    R2,18(,R2)
CR8      LA    R1,MSGW
         LR    R0,R2
         SR    R0,R1
         BAL   R14,PUTMSG
         B     SUBRET
* OVERLAY line: each character of the line (after one blank) over
* the current line's in that column: a blank keeps it, _ is a blank.
* After REPEAT n: on n lines from the current one, which moves down
* to each (EOF: the end).
SUBOVL   ST    R14,SUBR14
         L     R8,REPCUR                 REPEAT n: n lines
         XC    REPCUR,REPCUR
         LTR   R8,R8
         BP    *+8
         LA    R8,1
         BAL   R14,TEXTOP
         LTR   R5,R5
         BNP   SUBBAD
         LM    R6,R7,CURPOS
         C     R6,=F'1'
         BNE   SUBBAD
         BAL   R14,PREPLN0               tabs, no trim
         MVC   OVLBUF,WKLN               (kept for each line)
         MVC   OVLLEN,WKLEN
OV0      MVC   PADBUF,BLANKS             the line, padded
         LH    R5,NLEN(,R7)
         LTR   R5,R5
         BZ    OV1
         BCTR  R5,0
         EX    R5,MVCPAD
OV1      LA    R2,OVLBUF
         LA    R4,PADBUF
         L     R5,OVLLEN
         LTR   R5,R5
         BZ    OV4
OV2      CLI   0(R2),C' '
         BE    OV3
         MVC   0(1,R4),0(R2)
         CLI   0(R2),C'_'
         BNE   OV3
         MVI   0(R4),C' '
OV3      LA    R2,1(,R2)
         LA    R4,1(,R4)
         BCT   R5,OV2
OV4      LH    R5,NLEN(,R7)              the longer of the two
         C     R5,OVLLEN
         BNL   *+8
         L     R5,OVLLEN
         MVC   WKLN,PADBUF
         ST    R5,WKLEN
         BAL   R14,TRIMWK
         LA    R4,WKLN
         L     R5,WKLEN
         LR    R1,R7
         BAL   R14,SETTEXT
         LTR   R15,R15
         BZ    OV5
         BAL   R14,FULLMSG
         B     SUBRET
OV5      LR    R7,R1
         STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         BCT   R8,OV6
         B     SUBRET
OV6      BAL   R14,PNEXT                 (REPEAT) the next line
         STM   R6,R7,CURPOS
         C     R6,=F'2'
         BNE   OV0
         BAL   R14,VERCUR                EOF:
         B     SUBRET
MVCPAD   MVC   PADBUF(0),NTXT(R7)
* REPEAT [n|*]: the next subcommand, if it is OVERLAY, works on n
* lines (SUBCMD hands the count to it alone).
SUBRPT   ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         ST    R0,REPN
         B     SUBRET
* X subcommand: the subcommand kept (not run); X [n|*]: the kept one
* run n times (1), to the end of the file with *, stopping at EOF:,
* at a subcommand that fails or ends EDIT, and (*) when the pointer
* does not move. Y: the same with a second one.
SUBX     LA    R1,XSLOT
         B     XY0
SUBY     LA    R1,YSLOT
XY0      ENTER
         LR    R6,R1                     the slot: F length, the text
         CLI   XRUN,1                    (not from X or Y itself)
         BE    XYBAD
         BAL   R14,SKIPBL
         CR    R2,R3
         BNL   XYRUN
         CLI   0(R2),C'*'
         BE    XYRUN
         CLI   0(R2),C'0'
         BNL   XYRUN
         LR    R5,R3                     a subcommand: kept
         SR    R5,R2
         ST    R5,0(,R6)
         BCTR  R5,0
         EX    R5,MVCXY
         B     XYOUT
XYRUN    BAL   R14,COUNT1
         BNZ   XYBAD
         LR    R8,R0
         L     R5,0(,R6)
         LTR   R5,R5
         BZ    XYBAD                     (none kept)
         MVI   XSTAR,0
         C     R8,=F'99999999'
         BNE   XY1
         MVI   XSTAR,1
XY1      L     R5,0(,R6)
         ST    R5,INLEN
         BCTR  R5,0
         EX    R5,MVCXYIN
         MVC   XPOS(8),CURPOS
         MVI   XRUN,1
         MVI   SUBERR,0
         BAL   R14,RUNSUB
         MVI   XRUN,0
         CLI   EXITF,1
         BE    XYOUT
         CLI   SUBERR,1
         BE    XYOUT
         CLC   CURST,=F'2'               EOF: the end
         BE    XYOUT
         CLI   XSTAR,1
         BNE   XY2
         CLC   XPOS(8),CURPOS            (*: the pointer stays)
         BE    XYOUT
XY2      BCT   R8,XY1
XYOUT    LEAVE
XYBAD    BAL   R14,INVALID
         B     XYOUT
MVCXY    MVC   4(0,R6),0(R2)
MVCXYIN  MVC   INBUF(0),4(R6)
* VERIFY [ON|OFF]; LONG; SHORT; CASE [U|M]; IMAGE [ON|OFF|CANON]
SUBVER   ST    R14,SUBR14
         LA    R6,VERIFY
         LA    R8,=C'VERIFY '
         B     ONOFF
SUBIMG   ST    R14,SUBR14
         LA    R6,IMAGE
         LA    R8,=C'IMAGE  '
         BAL   R14,GETTOK
         LTR   R5,R5
         BNZ   IMG1
         CLI   IMAGE,2
         BNE   OOSHOW
         LA    R1,=C'IMAGE CANON'
         LA    R0,11
         BAL   R14,PUTMSG
         B     SUBRET
IMG1     DS    0H
         CLC   TOK,=CL8'CANON'
         BNE   OO1
         MVI   IMAGE,2
         B     OOEND
ONOFF    BAL   R14,GETTOK
         LTR   R5,R5
         BZ    OOSHOW
OO1      CLC   TOK,=CL8'ON'
         BNE   OO2
         MVI   0(R6),1
         B     OOEND
OO2      CLC   TOK,=CL8'OFF'
         BNE   SUBBAD
         MVI   0(R6),0
OOEND    BAL   R14,NOMORE
         BNZ   SUBBAD
         B     SUBRET
OOSHOW   LA    R2,MSGW
         LR    R4,R8
         LA    R5,7
         BAL   R14,PUTWORD
         CLI   0(R6),1
         BNE   OOSH2
         MVC   0(3,R2),=C' ON'
         LA    R2,3(,R2)
         B     SHOWW
OOSH2    MVC   0(4,R2),=C' OFF'
         LA    R2,4(,R2)
         B     SHOWW
SUBLONG  ST    R14,SUBR14
         MVI   SHORTM,0
         B     OOEND
SUBSHORT ST    R14,SUBR14
         MVI   SHORTM,1
         B     OOEND
SUBCASE  ST    R14,SUBR14
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    CASESHOW
         CLC   TOK,=CL8'U'
         BNE   CASE1
         MVI   CASEM,0
         B     OOEND
CASE1    CLC   TOK,=CL8'M'
         BNE   SUBBAD
         MVI   CASEM,1
         B     OOEND
CASESHOW LA    R1,=C'CASE U'
         CLI   CASEM,1
         BNE   *+8
         LA    R1,=C'CASE M'
         LA    R0,6
         BAL   R14,PUTMSG
         B     SUBRET
* TRUNC [n|*]: the truncation column (input lines longer are cut).
SUBTRUNC ST    R14,SUBR14
         BAL   R14,GETNUM
         C     R15,=F'4'
         BE    TRSHOW
         LTR   R15,R15
         BNZ   SUBBAD
         C     R0,LRECL
         BNH   *+8
         L     R0,LRECL                  (* and more: LRECL)
         LTR   R0,R0
         BNP   SUBBAD
         ST    R0,WORKN
         BAL   R14,NOMORE
         BNZ   SUBBAD
         L     R0,WORKN
         STH   R0,TRUNC
         B     SUBRET
TRSHOW   LH    R1,TRUNC
         LA    R2,MSGW
         MVC   0(6,R2),=C'TRUNC '
         LA    R2,6(,R2)
         BAL   R14,EDNUM
         B     SHOWW
* ZONE [m [n|*]]: the columns LOCATE, CHANGE, DSTRING and ALTER see.
SUBZONE  ST    R14,SUBR14
         BAL   R14,GETNUM
         C     R15,=F'4'
         BE    ZNSHOW
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R0,R0
         BNP   SUBBAD
         ST    R0,WORKN
         L     R0,LRECL
         ST    R0,WORKN2
         BAL   R14,GETNUM
         C     R15,=F'4'
         BE    ZN1
         LTR   R15,R15
         BNZ   SUBBAD
         C     R0,LRECL
         BNH   *+8
         L     R0,LRECL
         ST    R0,WORKN2
ZN1      BAL   R14,NOMORE
         BNZ   SUBBAD
         L     R0,WORKN
         C     R0,WORKN2
         BH    SUBBAD
         STH   R0,ZONE1
         L     R0,WORKN2
         STH   R0,ZONE2
         B     SUBRET
ZNSHOW   LA    R2,MSGW
         MVC   0(5,R2),=C'ZONE '
         LA    R2,5(,R2)
         LH    R1,ZONE1
         BAL   R14,EDNUM
         MVI   0(R2),C' '
         LA    R2,1(,R2)
         LH    R1,ZONE2
         BAL   R14,EDNUM
SHOWW    LA    R1,MSGW
         LR    R0,R2
         SR    R0,R1
         BAL   R14,PUTMSG
         B     SUBRET
* TABSET n1 n2 ... (up to 28 columns, ascending)
SUBTABS  ST    R14,SUBR14
         SR    R6,R6                     how many
         SR    R8,R8                     the last column
         LA    R7,WTABS
TB1      BAL   R14,GETNUM
         C     R15,=F'4'
         BE    TB2
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R0,R0
         BNP   SUBBAD
         C     R0,=A(MAXL)
         BH    SUBBAD
         C     R6,=F'28'
         BNL   SUBBAD
         CR    R0,R8
         BNH   SUBBAD
         LR    R8,R0
         STH   R0,0(,R7)
         LA    R7,2(,R7)
         LA    R6,1(,R6)
         B     TB1
TB2      LTR   R6,R6
         BZ    TBSHOW
         STH   R6,NTABS
         MVC   TABS(56),WTABS
         B     SUBRET
TBSHOW   LA    R2,MSGW
         MVC   0(6,R2),=C'TABSET'
         LA    R2,6(,R2)
         LH    R6,NTABS
         LA    R7,TABS
         LTR   R6,R6
         BZ    SHOWW
TBS1     MVI   0(R2),C' '
         LA    R2,1(,R2)
         LH    R1,0(,R7)
         BAL   R14,EDNUM
         LA    R7,2(,R7)
         BCT   R6,TBS1
         B     SHOWW
* SERIAL [ON|OFF|ALL|seq] [incr]: columns 73-80 numbered when the
* file is written (F 80 files only): the first three characters of
* the file name (or seq) and five digits, or eight digits (ALL).
SUBSER   ST    R14,SUBR14
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    SERSHOW
         CLC   TOK,=CL8'OFF'
         BNE   SER1
         MVI   SERON,0
         B     OOEND
SER1     CLI   RECFM,C'F'
         BNE   SERBAD
         CLC   LRECL,=F'80'
         BNE   SERBAD
         CLC   TOK,=CL8'ON'
         BNE   SER2
         MVI   SERON,1
         MVC   SERID,FN
         B     SER4
SER2     CLC   TOK,=CL8'ALL'
         BNE   SER3
         MVI   SERON,2
         B     SER4
SER3     C     R5,=F'3'                  a sequence identifier
         BH    SUBBAD
         MVI   SERON,1
         MVC   SERID,=CL3' '
         BCTR  R5,0
         EX    R5,MVCSERID
SER4     BAL   R14,GETNUM                the increment
         C     R15,=F'4'
         BE    SER5
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R0,R0
         BNP   SUBBAD
         ST    R0,SERINC
         BAL   R14,NOMORE
         BNZ   SUBBAD
SER5     BAL   R14,SER72
         B     SUBRET
SERBAD   MSG   'WRONG FILE FORMAT FOR SERIALIZATION'
         B     SUBRET
SERSHOW  LA    R2,MSGW
         MVC   0(7,R2),=C'SERIAL '
         LA    R2,7(,R2)
         MVC   0(3,R2),=C'OFF'
         LA    R2,3(,R2)
         CLI   SERON,0
         BE    SHOWW
         SH    R2,=H'3'
         MVC   0(3,R2),SERID
         CLI   SERON,2
         BNE   *+10
         MVC   0(3,R2),=C'ALL'
         LA    R2,3(,R2)
         MVI   0(R2),C' '
         LA    R2,1(,R2)
         L     R1,SERINC
         BAL   R14,EDNUM
         B     SHOWW
MVCSERID MVC   SERID(0),0(R4)
* SER72: with serial numbers, TRUNC and the zone end at most 72.
SER72    ENTER
         CLI   LINEM,2                   (LINEMODE RIGHT: the same)
         BE    *+12
         CLI   SERON,0
         BE    S7OUT
         CLC   TRUNC,=H'72'
         BNH   S71
         MVC   TRUNC,=H'72'
         MSG   'TRUNC SET TO 72'
S71      CLC   ZONE2,=H'72'
         BNH   S7OUT
         MVC   ZONE2,=H'72'
         MSG   'END ZONE SET TO 72'
S7OUT    LEAVE
* PRESERVE, RESTORE: the settings kept and brought back.
SUBPRES  ST    R14,SUBR14
         MVC   PRESAVE,SETTINGS
         B     OOEND
SUBREST  ST    R14,SUBR14
         MVC   SETTINGS(SETLEN),PRESAVE
         B     OOEND
* FNAME [fn]; FMODE [fm]; RECFM [F|V]
SUBFNAM  ST    R14,SUBR14
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    FNSHOW
         C     R5,=F'8'
         BH    SUBBAD
         MVC   FN,TOK
         B     OOEND
FNSHOW   LA    R2,MSGW
         LA    R4,FN
         LA    R5,8
         BAL   R14,PUTWORD
         B     SHOWW
SUBFMOD  ST    R14,SUBR14
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    FMSHOW
         C     R5,=F'2'
         BH    SUBBAD
         MVC   WFM,FM
         MVC   FM(1),TOK                 a letter: the number kept
         C     R5,=F'1'
         BE    *+10
         MVC   FM+1(1),TOK+1
         BAL   R14,CHKMODE
         LTR   R15,R15
         BZ    OOEND
         MVC   FM,WFM
         B     SUBBAD
FMSHOW   LA    R1,FM
         LA    R0,2
         BAL   R14,PUTMSG
         B     SUBRET
SUBRECF  ST    R14,SUBR14
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    RFSHOW
         CLC   TOK,=CL8'F'
         BE    RF1
         CLC   TOK,=CL8'V'
         BNE   SUBBAD
         MVI   SERON,0                   (no serial numbers in V)
RF1      MVC   RECFM,TOK
         B     OOEND
RFSHOW   LA    R1,RECFM
         LA    R0,1
         BAL   R14,PUTMSG
         B     SUBRET
* STACK [n]: n lines from the current one on the console stack.
SUBSTACK ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         LR    R8,R0
         LM    R6,R7,CURPOS
         LTR   R6,R6
         BNZ   STK1
         BAL   R14,PNEXT
STK1     C     R6,=F'1'
         BNE   STK3
         LH    R0,NLEN(,R7)
         C     R0,=F'255'
         BNH   *+8
         LA    R0,255
         STC   R0,ATTNPL+12
         LA    R0,NTXT(,R7)
         STCM  R0,7,ATTNPL+13
         LA    R1,ATTNPL
         SVC   202
         DC    AL4(1)
         STM   R6,R7,CURPOS
         BCT   R8,STK2
         B     SUBRET
STK2     BAL   R14,PNEXT
         B     STK1
STK3     STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
* GETFILE fn [ft [fm]] [start [count|*]]: the records of a file (all,
* or count of them from start) in after the current line; the last
* is current. ft: the edited file's; fm: * (every disk).
SUBGET   ST    R14,SUBR14
         MVC   GFID,FILEID
         MVC   GFID+16(2),=C'* '
         LA    R0,1
         ST    R0,GFSTART
         L     R0,=F'99999999'
         ST    R0,GFCOUNT
         BAL   R14,GETTOK                fn
         LTR   R5,R5
         BZ    SUBBAD
         C     R5,=F'8'
         BH    SUBBAD
         MVC   GFID(8),TOK
         SR    R6,R6                     next: 0 ft, 1 fm, 2 start...
GF1      BAL   R14,GETTOK
         LTR   R5,R5
         BZ    GF5
         C     R5,=F'8'
         BH    SUBBAD
         C     R6,=F'1'                  * where fm may be: fm
         BNE   GF1N
         CLC   TOK,=CL8'*'
         BE    GF2
GF1N     BAL   R14,TOKNUM                a number (or *)?
         BZ    GF3
         C     R6,=F'1'
         BH    SUBBAD
         BE    GF2
         MVC   GFID+8(8),TOK             ft
         LA    R6,1
         B     GF1
GF2      C     R5,=F'2'                  fm
         BH    SUBBAD
         MVC   GFID+16(2),TOK
         LA    R6,2
         B     GF1
GF3      C     R6,=F'3'
         BH    SUBBAD
         BE    GF4
         LTR   R0,R0
         BNP   SUBBAD
         ST    R0,GFSTART
         LA    R6,3
         B     GF1
GF4      LTR   R0,R0
         BNP   SUBBAD
         ST    R0,GFCOUNT
         LA    R6,4
         B     GF1
* The file there?
GF5      MVC   STFSCB+8(18),GFID
         MVC   STFSCB(8),=CL8'STATE'
         LA    R1,STFSCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BZ    GF6
         MSG   'FILE NOT FOUND'
         B     SUBRET
GF6      MVC   GFID+16(2),24(R1)         where it is (FSTFMODE)
         MVC   GFRECFM,30(R1)
         L     R0,32(,R1)                FSTLRECL
         C     R0,=A(MAXL)
         BNH   GF7
         MSG   'RECORD LENGTH OF FILE TOO LARGE'
         B     SUBRET
GF7      ST    R0,GFLRECL
         LH    R0,26(,R1)                FSTRECCT
         C     R0,GFSTART
         BNL   GF8
         MSG   'GIVEN STARTING LINE IS BEYOND EOF'
         B     SUBRET
GF8      MVC   IOFSCB(8),=CL8'RDBUF'
         MVC   IOFSCB+8(18),GFID
         MVC   IOFSCB+26(2),GFSTART+2    the first one, then the next
         LA    R1,RECBUF
         ST    R1,IOFSCB+28
         MVC   IOFSCB+32(4),GFLRECL
         MVC   IOFSCB+36(1),GFRECFM
         MVC   IOFSCB+38(2),=H'1'
         L     R8,GFCOUNT
         MVI   TRUNCF,0
GF9      LA    R1,IOFSCB
         SVC   202
         DC    AL4(1)
         XC    IOFSCB+26(2),IOFSCB+26
         LTR   R15,R15
         BZ    GF10
         C     R15,=F'12'
         BE    GFEOF
         MSG   'READ ERROR - GETFILE IS INCOMPLETE'
         B     GFEND
GF10     L     R5,IOFSCB+40              the record, as read
         C     R5,LRECL                  cut to this file's LRECL
         BNH   GF11
         LA    R1,RECBUF(R5)             (only blanks may go)
         L     R5,LRECL
         LA    R2,RECBUF(R5)
GF10A    CR    R2,R1
         BNL   GF11
         CLI   0(R2),C' '
         BE    *+8
         MVI   TRUNCF,1
         LA    R2,1(,R2)
         B     GF10A
GF11     ST    R5,WKLEN
         LTR   R5,R5
         BZ    GF12
         BCTR  R5,0
         EX    R5,MVCREC
GF12     BAL   R14,TRIMWK
         BAL   R14,ADDLINE
         LTR   R15,R15
         BZ    GF13
         MSG   'GETFILE IS INCOMPLETE'
         B     GFEND
GF13     BCT   R8,GF9
         B     GFEND
GFEOF    C     R8,=F'9999999'            (* or more asked: no message)
         BH    GFEND
         MSG   'EOF REACHED'
GFEND    MVC   IOFSCB(8),=CL8'FINIS'
         LA    R1,IOFSCB
         SVC   202
         DC    AL4(1)
         CLI   TRUNCF,1
         BNE   GFV
         MSG   'TRUNCATED'
GFV      BAL   R14,VERCUR
         B     SUBRET
* TOKNUM: TOK (R5 bytes) a number (or *): R0 its value, cc 0; else
* cc not 0.
TOKNUM   ENTER
         CLC   TOK,=CL8'*'
         BNE   TN1
         L     R0,=F'99999999'
         B     TNOK
TN1      LR    R3,R5
         C     R3,=F'8'
         BH    TNBAD
         LA    R1,TOK
         BAL   R14,DIGITS
         BNZ   TNBAD
TNOK     CR    R0,R0
         LEAVE
TNBAD    LTR   R14,R14
         LEAVE
* DIGITS: the R3 characters at R1 (one or more) as a decimal number:
* R0 its value and R15 = 0 (cc 0); R15 = 4 (cc not 0) when one is not
* a digit. R1, R2, R3 changed.
DIGITS   SR    R0,R0
DG1      CLI   0(R1),C'0'
         BL    DGBAD
         CLI   0(R1),C'9'
         BH    DGBAD
         MH    R0,=H'10'
         IC    R2,0(,R1)
         N     R2,=F'15'
         AR    R0,R2
         LA    R1,1(,R1)
         BCT   R3,DG1
         SR    R15,R15
         BR    R14
DGBAD    LA    R15,4
         LTR   R15,R15
         BR    R14
* REUSE: as = (SUBCMD runs the last subcommand when it returns).
SUBREUSE ST    R14,SUBR14
         MVI   REUSEF,1
         B     OOEND
* QUIT: the end, the file not written.
SUBQUIT  ST    R14,SUBR14
         BAL   R14,NOMORE
         BNZ   SUBBAD
         MVI   EXITF,1
         XC    EXITRC,EXITRC
         B     SUBRET
* SAVE [fn [ft [fm]]]; FILE [fn [ft [fm]]]: the file written (under
* that identifier from now on); FILE then ends the editor.
SUBSAVE  ST    R14,SUBR14
         MVI   FILING,0
         B     SV0
SUBFILE  ST    R14,SUBR14
         MVI   FILING,1
SV0      MVC   WFILEID,FILEID
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    SV2
         C     R5,=F'8'
         BH    SUBBAD
         MVC   WFILEID(8),TOK
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    SV2
         C     R5,=F'8'
         BH    SUBBAD
         MVC   WFILEID+8(8),TOK
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    SV2
         C     R5,=F'2'
         BH    SUBBAD
         MVC   WFILEID+16(1),TOK
         C     R5,=F'1'
         BE    *+10
         MVC   WFILEID+17(1),TOK+1
         BAL   R14,NOMORE
         BNZ   SUBBAD
SV2      MVC   WFM,FM
         MVC   FM,WFILEID+16
         BAL   R14,CHKMODE
         MVC   FM,WFM
         LTR   R15,R15
         BNZ   SUBBAD
         CLI   WFILEID+16,C'*'
         BE    SUBBAD
         L     R0,NLINES
         LTR   R0,R0
         BNZ   SV3
         MSG   'FILE IS EMPTY'
         B     SV4
SV3      BAL   R14,WRFILE
         LTR   R15,R15
         BNZ   SUBRET                    (not written: editing goes on)
         MVC   FILEID,WFILEID            the file is that one now
         MVI   NEWF,0
SV4      CLI   FILING,1
         BNE   SUBRET
         MVI   EXITF,1
         XC    EXITRC,EXITRC
         B     SUBRET
         LTORG
*=====================================================================
* Operand parsing. R2 the next character, R3 the line's end.
*=====================================================================
* SKIPBL: R2 past blanks.
SKIPBL   CR    R2,R3
         BNLR  R14
         CLI   0(R2),C' '
         BNER  R14
         LA    R2,1(,R2)
         B     SKIPBL
* NOMORE: cc 0 when only blanks are left.
NOMORE   LR    R15,R14
         BAL   R14,SKIPBL
         LR    R14,R15
         CR    R2,R3
         BNL   NM1
         LTR   R14,R14                   (cc not 0)
         BR    R14
NM1      CR    R2,R2
         BR    R14
* GETTOK: the next blank-delimited token: R4 its start, R5 its length
* (0: none); TOK its first 8 characters upper-cased, blank-padded.
GETTOK   ENTER
         BAL   R14,SKIPBL
         LR    R4,R2
GT1      CR    R2,R3
         BNL   GT2
         CLI   0(R2),C' '
         BE    GT2
         LA    R2,1(,R2)
         B     GT1
GT2      LR    R5,R2
         SR    R5,R4
         MVC   TOK,BLANKS
         LTR   R6,R5
         BZ    GTOUT
         C     R6,=F'8'
         BNH   *+8
         LA    R6,8
         BCTR  R6,0
         EX    R6,MVCTOK
         TR    TOK,UPPER
GTOUT    LEAVE 6
MVCTOK   MVC   TOK(0),0(R4)
* GETNUM: a number (or * for the most): R0 its value, R15 = 0; 4 no
* more operands; 8 not a number.
GETNUM   ENTER
         BAL   R14,SKIPBL
         LA    R15,4
         CR    R2,R3
         BNL   GNRET
         LA    R15,8
         CLI   0(R2),C'*'
         BNE   GN1
         LA    R2,1(,R2)
         L     R0,=F'99999999'
         B     GNEND
GN1      SR    R0,R0
         SR    R5,R5                     digits
GN2      CR    R2,R3
         BNL   GNEND
         CLI   0(R2),C' '
         BE    GNEND
         CLI   0(R2),C'0'
         BL    GNBAD
         CLI   0(R2),C'9'
         BH    GNBAD
         LA    R5,1(,R5)
         C     R5,=F'8'
         BH    GNBAD
         MH    R0,=H'10'
         IC    R1,0(,R2)
         N     R1,=F'15'
         AR    R0,R1
         LA    R2,1(,R2)
         B     GN2
GNEND    CR    R2,R3                     a blank or the end after it
         BNL   GNOK
         CLI   0(R2),C' '
         BNE   GNBAD
GNOK     SR    R15,R15
         LEAVE 3                         (R2 goes on past it)
GNBAD    LA    R15,8
GNRET    LTR   R15,R15
         LEAVE
* COUNT1: a count [n|*] (n > 0), 1 when none, and nothing after it:
* R0, cc 0; cc not 0 when the operands are wrong.
COUNT1   ENTER
         BAL   R14,GETNUM
         C     R15,=F'4'
         BNE   C11
         LA    R0,1
         B     C1OK
C11      LTR   R15,R15
         BNZ   C1BAD
         LTR   R0,R0                     (0 is no count)
         BNP   C1BAD
         BAL   R14,NOMORE            (R0 kept)
         BNZ   C1BAD
C1OK     CR    R0,R0
         LEAVE
C1BAD    LTR   R14,R14
         LEAVE
* TEXTOP: a line after the subcommand: one blank after the name, then
* the text to the end (R4, R5); R5 = -1 when there is none.
TEXTOP   LR    R4,R2
         CR    R4,R3
         BNL   TXNONE
         CLI   0(R4),C' '
         BNE   TX1
         LA    R4,1(,R4)
TX1      LR    R5,R3
         SR    R5,R4
         BR    R14
TXNONE   L     R5,=F'-1'
         BR    R14
* DELIMS: the delimiter at R2 and the string after it, to the next
* delimiter or the end: R4 its start, R5 its length; R2 past the
* closing delimiter; R15 = 0 when there was one, 4 at the end. DELIM2:
* the same with the delimiter kept from before (R2 after it).
DELIMS   MVC   DELIM,0(R2)
         LA    R2,1(,R2)
DELIM2   LR    R4,R2
DL1      CR    R2,R3
         BNL   DL2
         CLC   0(1,R2),DELIM
         BE    DL3
         LA    R2,1(,R2)
         B     DL1
DL2      LR    R5,R2
         SR    R5,R4
         LA    R15,4
         BR    R14
DL3      LR    R5,R2
         SR    R5,R4
         LA    R2,1(,R2)
         SR    R15,R15
         BR    R14
* CHGOPTS: CHANGE's and ALTER's [n|*] [G|*]: CHGN, CHGG; cc 0, else
* not 0 (bad operands).
CHGOPTS  ENTER
         LA    R0,1
         ST    R0,CHGN
         MVI   CHGG,0
         BAL   R14,GETNUM
         C     R15,=F'4'
         BE    COOK
         LTR   R15,R15
         BNZ   COBAD
         LTR   R0,R0
         BNP   COBAD
         ST    R0,CHGN
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    COOK
         CLC   TOK,=CL8'G'
         BE    CO1
         CLC   TOK,=CL8'*'
         BNE   COBAD
CO1      MVI   CHGG,1
         BAL   R14,NOMORE
         BNZ   COBAD
COOK     CLI   CHGG,1                    a null s1 cannot be global
         BNE   CO2
         L     R1,S1L
         LTR   R1,R1
         BZ    COBAD
CO2      CR    R0,R0
         LEAVE
COBAD    LTR   R14,R14
         LEAVE
* ALTCHR: ALTER's character: one character, or two hex digits: R0;
* cc 0, else not 0.
ALTCHR   ENTER
         BAL   R14,GETTOK
         C     R5,=F'1'
         BNE   AC1
         IC    R0,0(,R4)
         B     ACOK
AC1      C     R5,=F'2'
         BNE   ACBAD
         SR    R0,R0
         LA    R6,2
         LA    R7,TOK
AC2      IC    R1,0(,R7)
         N     R1,=F'255'
         C     R1,=F'240'                0-9
         BL    AC3
         C     R1,=F'249'
         BH    ACBAD
         N     R1,=F'15'
         B     AC4
AC3      C     R1,=F'193'                A-F
         BL    ACBAD
         C     R1,=F'198'
         BH    ACBAD
         SH    R1,=H'183'                (A is 10)
AC4      SLL   R0,4
         AR    R0,R1
         LA    R7,1(,R7)
         BCT   R6,AC2
ACOK     CR    R0,R0
         LEAVE 3                         (R2 past it)
ACBAD    LTR   R14,R14
         LEAVE
* ZONECHK: R5 (a string's length) must fit in the zone: cc 0; else
* ZONE ERROR and cc not 0.
ZONECHK  ENTER
         LH    R1,ZONE2
         SH    R1,ZONE1
         LA    R1,1(,R1)
         CR    R5,R1
         BH    ZC1
         CR    R0,R0
         LEAVE
ZC1      MSG   'ZONE ERROR'
         LTR   R14,R14
         LEAVE
* CHKMODE: FM a mode: a letter (or *) and a blank or a digit 0-5;
* R15 = 0, else 4.
CHKMODE  LA    R15,4
         CLI   FM,C'*'
         BE    CM2
         CLI   FM,C'A'
         BLR   R14
         CLI   FM,C'Z'
         BHR   R14
         CLI   FM,C'I'
         BNH   CM2
         CLI   FM,C'J'
         BLR   R14
         CLI   FM,C'R'
         BNH   CM2
         CLI   FM,C'S'
         BLR   R14
CM2      CLI   FM+1,C' '
         BE    CMOK
         CLI   FM+1,C'0'
         BLR   R14
         CLI   FM+1,C'5'
         BHR   R14
CMOK     SR    R15,R15
         BR    R14
         LTORG
*=====================================================================
* Lines.
*=====================================================================
* PNEXT, PPREV: the position R6 (0 TOF, 1 a line, 2 EOF) and R7 (the
* line) moved one down or up.
PNEXT    C     R6,=F'1'
         BL    PNTOF
         BHR   R14                       EOF stays
         L     R7,NNXT(,R7)
         LTR   R7,R7
         BNZR  R14
         LA    R6,2
         BR    R14
PNTOF    L     R7,FIRST
         LA    R6,1
         LTR   R7,R7
         BNZR  R14
         LA    R6,2
         BR    R14
PPREV    C     R6,=F'1'
         BLR   R14                       TOF stays
         BH    PPEOF
         L     R7,NPRV(,R7)
         LTR   R7,R7
         BNZR  R14
         SR    R6,R6
         BR    R14
PPEOF    L     R7,LAST
         LA    R6,1
         LTR   R7,R7
         BNZR  R14
         SR    R6,R6
         BR    R14
* PREPLN: the line at R4 (R5 bytes) as the file keeps it, in WKLN
* (WKLEN): upper-cased for CASE U (unless FORCEU), tabs expanded when
* IMAGE is ON or CANON, a backspace (X'16') a column back under IMAGE
* ON (the next character replaces the one there), the overstrikes put
* in column order under CANON (CANON), cut at the truncation column
* (TRUNCATED said), the trailing blanks gone. PREPLN0: the same, no
* truncation nor trim.
PREPLN0  MVI   PREPT,0
         B     PP0
PREPLN   MVI   PREPT,1
PP0      ENTER
         MVI   TRUNCF,0
         SR    R3,R3                     the columns written
         CLI   IMAGE,2
         BNE   PP0A
         BAL   R14,CANON                 (R4, R5: its line)
PP0A     MVC   WKLN,BLANKS
         LA    R6,WKLN                   the output
         SR    R7,R7                     its column - 1
         LTR   R5,R5
         BNP   PPDONE
PP1      C     R7,=A(MAXL)
         BNL   PPCUT
         CLI   0(R4),X'16'               a backspace
         BNE   PP1T
         CLI   IMAGE,1
         BNE   PPCHR
         LTR   R7,R7                     ON: a column back
         BZ    PPNXT
         BCTR  R7,0
         B     PPNXT
PP1T     CLI   0(R4),X'05'               a tab
         BNE   PPCHR
         CLI   IMAGE,0
         BE    PPCHR
         BAL   R14,NEXTTAB
         B     PPNXT
PPCHR    LA    R1,WKLN(R7)
         MVC   0(1,R1),0(R4)
         CLI   FORCEU,1
         BE    PPC1
         CLI   CASEM,1
         BE    PPC1
         TR    0(1,R1),UPPER
PPC1     LA    R7,1(,R7)
         CR    R7,R3
         BNH   PPNXT
         LR    R3,R7
PPNXT    LA    R4,1(,R4)
         BCT   R5,PP1
         B     PPDONE
PPCUT    MVI   TRUNCF,1                  (a line past 160 columns)
PPDONE   CR    R7,R3                     (back after a backspace)
         BNL   *+6
         LR    R7,R3
         C     R7,=A(MAXL)
         BNH   *+8
         L     R7,=A(MAXL)
         ST    R7,WKLEN
         CLI   PREPT,1
         BNE   PPOUT
         LH    R1,TRUNC                  the truncation column
         CR    R7,R1
         BNH   PP3
         ST    R1,WKLEN                  what is cut must not be blank
         LA    R2,WKLN(R1)
         SR    R7,R1
PP2      CLI   0(R2),C' '
         BNE   PPTR
         LA    R2,1(,R2)
         BCT   R7,PP2
         B     PP3
PPTR     MVI   TRUNCF,1
PP3      BAL   R14,TRIMWK
         CLI   TRUNCF,1
         BNE   PPOUT
         MSG   'TRUNCATED'
PPOUT    LEAVE
* NEXTTAB: R7 (a column - 1) becomes the next tab stop's (column - 1)
* after it, or R7 + 1 when no tab stop is after it (a tab is then a
* blank). The other registers are kept.
NEXTTAB  STM   R1,R3,NTSAVE
         LA    R3,1(,R7)                 this column
         LH    R2,NTABS
         LA    R1,TABS
         LTR   R2,R2
         BZ    NT3
NT1      CH    R3,0(,R1)
         BL    NT2
         LA    R1,2(,R1)
         BCT   R2,NT1
NT3      LA    R7,1(,R7)
         B     NT9
NT2      LH    R7,0(,R1)
         BCTR  R7,0
NT9      LM    R1,R3,NTSAVE
         BR    R14
* CANON: IMAGE CANON: a line (R4, R5 bytes) with backspaces made over
* in CANBUF column by column (tabs expanded, a backspace a column
* back): each column's characters in the order typed, a backspace
* between two; a column with none a blank. R4, R5 that line (as they
* were when there is no backspace).
CANON    ENTER
         LR    R1,R4
         LTR   R0,R5
         BNP   CNOUT
CN0      CLI   0(R1),X'16'
         BE    CN1
         LA    R1,1(,R1)
         BCT   R0,CN0
         B     CNOUT
CN1      L     R6,=A(CANCOL)             each byte's column (-1 none)
         SR    R7,R7                     the column
         SR    R8,R8                     the columns used
         LR    R1,R4
         LR    R0,R5
CN2      CLI   0(R1),X'16'
         BNE   CN3
         MVC   0(2,R6),=H'-1'
         LTR   R7,R7
         BZ    CN5
         BCTR  R7,0
         B     CN5
CN3      CLI   0(R1),X'05'
         BNE   CN4
         MVC   0(2,R6),=H'-1'            a tab: the next tab stop
         BAL   R14,NEXTTAB
         B     CN5
CN4      STH   R7,0(,R6)
         LA    R7,1(,R7)
         CR    R7,R8
         BNH   CN5
         LR    R8,R7
CN5      LA    R1,1(,R1)
         LA    R6,2(,R6)
         BCT   R0,CN2
         L     R2,=A(CANBUF)             column by column
         SR    R7,R7
CN6      CR    R7,R8
         BNL   CN10
         SR    R3,R3                     (none yet in it)
         LR    R1,R4
         LR    R0,R5
         L     R6,=A(CANCOL)
CN7      CH    R7,0(,R6)
         BNE   CN8
         LTR   R3,R3
         BZ    CN7A
         MVI   0(R2),X'16'
         LA    R2,1(,R2)
CN7A     MVC   0(1,R2),0(R1)
         LA    R2,1(,R2)
         LA    R3,1
CN8      LA    R1,1(,R1)
         LA    R6,2(,R6)
         BCT   R0,CN7
         LTR   R3,R3
         BNZ   CN9
         MVI   0(R2),C' '
         LA    R2,1(,R2)
CN9      LA    R7,1(,R7)
         B     CN6
CN10     L     R4,=A(CANBUF)
         LR    R5,R2
         SR    R5,R4
CNOUT    LEAVE 6
* TRIMWK: WKLEN without WKLN's trailing blanks.
TRIMWK   L     R1,WKLEN
TW1      LTR   R1,R1
         BNP   TW2
         LA    R15,WKLN-1(R1)
         CLI   0(R15),C' '
         BNE   TW2
         BCTR  R1,0
         B     TW1
TW2      ST    R1,WKLEN
         BR    R14
* ADDLINE: WKLN (WKLEN) as a new line after the current one, which it
* becomes. R15 = 0; 4 when there is no room (said).
ADDLINE  ENTER
         L     R0,NLINES
         C     R0,=A(MAXREC)
         BNL   AL2
         LA    R4,WKLN
         L     R5,WKLEN
         BAL   R14,MKLINE
         LTR   R15,R15
         BNZ   AL1
         LM    R6,R7,CURPOS
         BAL   R14,INSAFT
         SR    R15,R15
         B     ALOUT
AL1      BAL   R14,FULLMSG
         LA    R15,4
         B     ALOUT
AL2      MSG   'FILE IS FULL: 65533 RECORDS'
         LA    R15,4
ALOUT    LEAVE
* FULLMSG: storage is exhausted.
FULLMSG  ENTER
         MSG   'AVAILABLE STORAGE IS NOW FULL'
         LEAVE
* INSAFT: the node R1 in after the position R6/R7; it is current.
INSAFT   ENTER
         C     R6,=F'1'
         BE    IA2
         BL    IA1                       TOF: first
         L     R7,LAST                   EOF: after the last
         LTR   R7,R7
         BNZ   IA2
IA1      XC    NPRV(4,R1),NPRV(R1)
         L     R2,FIRST
         ST    R2,NNXT(,R1)
         ST    R1,FIRST
         LTR   R2,R2
         BZ    IA1L
         ST    R1,NPRV(,R2)
         B     IA3
IA1L     ST    R1,LAST
         B     IA3
IA2      ST    R7,NPRV(,R1)              after the line R7
         L     R2,NNXT(,R7)
         ST    R2,NNXT(,R1)
         ST    R1,NNXT(,R7)
         LTR   R2,R2
         BZ    IA1L
         ST    R1,NPRV(,R2)
IA3      L     R2,NLINES
         LA    R2,1(,R2)
         ST    R2,NLINES
         LA    R6,1
         LR    R7,R1
         STM   R6,R7,CURPOS
         LEAVE
* DROPLINE: the line R1 out of the file, its node freed.
DROPLINE ENTER
         LR    R4,R1
         LR    R5,R1
         BAL   R14,UNCHAIN
         L     R2,NLINES
         BCTR  R2,0
         ST    R2,NLINES
         LR    R1,R4
         BAL   R14,FREENODE
         LEAVE
* UNCHAIN: the lines R4 (the first) to R5 (the last) out of the
* chain, the lines around them joined (FIRST, LAST as they become);
* their own links are left. R1, R2 changed.
UNCHAIN  L     R1,NPRV(,R4)
         L     R2,NNXT(,R5)
         LTR   R1,R1
         BZ    UC1
         ST    R2,NNXT(,R1)
         B     UC2
UC1      ST    R2,FIRST
UC2      LTR   R2,R2
         BZ    UC3
         ST    R1,NPRV(,R2)
         BR    R14
UC3      ST    R1,LAST
         BR    R14
* MKLINE: a node with the text at R4 (R5 bytes): R1; R15 = 0, 4 none.
MKLINE   ENTER
         LR    R0,R5
         BAL   R14,ALLOC
         LTR   R15,R15
         BNZ   MLOUT
         STH   R5,NLEN(,R1)
         LTR   R5,R5
         BZ    MLOUT
         BCTR  R5,0
         EX    R5,MVCNODE
         SR    R15,R15
MLOUT    LEAVE
MVCNODE  MVC   NTXT(0,R1),0(R4)
* SETTEXT: the line R1 gets the text at R4 (R5 bytes), in its node
* if there is room, else in a new node that takes its place: R1 the
* line's node; R15 = 0, 4 no storage (the line unchanged).
SETTEXT  ENTER
         CH    R5,NCAP(,R1)
         BH    ST2
         STH   R5,NLEN(,R1)
         LTR   R5,R5
         BZ    ST1
         BCTR  R5,0
         EX    R5,MVCNODE
ST1      SR    R15,R15
         B     STOUT
ST2      LR    R6,R1                     the old node
         BAL   R14,MKLINE
         LTR   R15,R15
         BNZ   STOUT
         MVC   NNXT(8,R1),NNXT(R6)       its links
         L     R2,NPRV(,R6)
         LTR   R2,R2
         BZ    ST3
         ST    R1,NNXT(,R2)
         B     ST4
ST3      ST    R1,FIRST
ST4      L     R2,NNXT(,R6)
         LTR   R2,R2
         BZ    ST5
         ST    R1,NPRV(,R2)
         B     ST6
ST5      ST    R1,LAST
ST6      C     R6,CUR
         BNE   ST7
         ST    R1,CUR
ST7      LR    R2,R1
         LR    R1,R6
         BAL   R14,FREENODE
         LR    R1,R2
         SR    R15,R15
STOUT    LEAVE ,                         (R1 out)
* INZONE: is S1A/S1L in the zone of the line R7 (the line padded with
* blanks to the zone's end)? R15 = 0 yes, 4 no.
INZONE   ENTER
         BAL   R14,PADLINE
         LH    R2,ZONE1
         BCTR  R2,0
         LA    R2,PADBUF(R2)             the zone's first column
         LH    R3,ZONE2
         S     R3,S1L
         LA    R3,PADBUF(R3)             the last place it may start
         L     R4,S1A
         L     R5,S1L
         BCTR  R5,0
         LA    R15,4
IZ1      CR    R2,R3
         BH    IZOUT
         EX    R5,CLCS1
         BE    IZYES
         LA    R2,1(,R2)
         B     IZ1
IZYES    SR    R15,R15
IZOUT    LEAVE
CLCS1    CLC   0(0,R2),0(R4)
* PADLINE: the line R7 in PADBUF, blanks after it (PADBUF is MAXL+8).
PADLINE  MVC   PADBUF,BLANKS
         LH    R1,NLEN(,R7)
         LTR   R1,R1
         BZR   R14
         BCTR  R1,0
         EX    R1,MVCPAD
         BR    R14
* CHGLINE: the change S1 -> S2 (CHGG: every one) in the zone of the
* line R7; the new text in WKLN (WKLEN), TRUNCF when something not
* blank fell off the zone's end. R15 = 0 nothing changed, 4 changed.
CHGLINE  ENTER
         BAL   R14,PADLINE
         MVI   TRUNCF,0
         MVC   WKLN,BLANKS
         MVC   CHGBUF(MAXL),BLANKS
         MVC   CHGBUF+MAXL(MAXL),BLANKS
         SR    R8,R8                     changes made
         LH    R2,ZONE1
         BCTR  R2,0
         LTR   R1,R2                     the part before the zone
         BZ    CL1
         BCTR  R1,0
         EX    R1,MVCPREF
CL1      LA    R2,PADBUF(R2)             R2: the zone's next character
         LH    R3,ZONE2
         LA    R3,PADBUF(R3)             R3: the zone's end
         LA    R6,CHGBUF                 R6: the new zone's next
         LA    R7,CHGBUF+L'CHGBUF        R7: its limit
         L     R4,S1L
         LTR   R4,R4
         BNZ   CL3
* A null s1: s2 goes in at the zone's start.
         BAL   R14,CLPUT2
         LA    R8,1
         B     CL6
CL3      BCTR  R4,0                      s1's length - 1
         L     R5,S1A
CL4      LR    R1,R3                     is there room for s1 here?
         SR    R1,R2
         C     R1,S1L
         BL    CL6
         CLI   CHGG,1
         BE    CL4T
         LTR   R8,R8                     (one change only)
         BNZ   CL6
CL4T     EX    R4,CLCS1B
         BNE   CL5
         BAL   R14,CLPUT2                s2 for s1
         LA    R8,1(,R8)
         A     R2,S1L
         B     CL4
CL5      CR    R6,R7
         BNL   *+14
         MVC   0(1,R6),0(R2)
         LA    R6,1(,R6)
         LA    R2,1(,R2)
         B     CL4
* The rest of the zone.
CL6      CR    R2,R3
         BNL   CL7
         CR    R6,R7
         BNL   CL6N
         MVC   0(1,R6),0(R2)
         LA    R6,1(,R6)
CL6N     LA    R2,1(,R2)
         B     CL6
CL7      LTR   R8,R8
         BZ    CLNONE
* The new zone (R6 its end) back in its columns: what passes the
* zone's end is lost (TRUNCATED unless blank); the part after the
* zone (in the line beyond ZONE2) follows unchanged.
         LH    R1,ZONE2
         SH    R1,ZONE1
         LA    R1,1(,R1)                 the zone's width
         LA    R2,CHGBUF(R1)             where the zone ends
CL8      CR    R2,R6
         BNL   CL9
         CLI   0(R2),C' '
         BE    *+8
         MVI   TRUNCF,1
         LA    R2,1(,R2)
         B     CL8
CL9      LH    R2,ZONE1
         BCTR  R2,0
         LA    R2,WKLN(R2)
         BCTR  R1,0
         EX    R1,MVCZONE
         L     R7,SPTR                   the line (R7 as it came,
         L     R7,20(,R7)                in the frame)
         LH    R1,NLEN(,R7)
         LH    R2,ZONE2
         SR    R1,R2                     what is after the zone
         BNP   CL10
         LA    R4,PADBUF(R2)
         LA    R2,WKLN(R2)
         BCTR  R1,0
         EX    R1,MVCSUFF
CL10     L     R1,LRECL
         ST    R1,WKLEN
         BAL   R14,TRIMWK
         LA    R15,4
         B     CLOUT
CLNONE   SR    R15,R15
CLOUT    LEAVE
* CLPUT2: s2 at R6 (stopping at R7).
CLPUT2   L     R1,S2L
         L     R15,S2A
CP1      LTR   R1,R1
         BNPR  R14
         CR    R6,R7
         BNLR  R14
         MVC   0(1,R6),0(R15)
         LA    R6,1(,R6)
         LA    R15,1(,R15)
         BCT   R1,CP1
         BR    R14
CLCS1B   CLC   0(0,R2),0(R5)
MVCPREF  MVC   WKLN(0),PADBUF
MVCZONE  MVC   0(0,R2),CHGBUF
MVCSUFF  MVC   0(0,R2),0(R4)
         LTORG
*=====================================================================
* Storage for lines: a node of 12 + n bytes (a multiple of 8); free
* ones kept on lists by size; new ones from the arena (the user area,
* then 64K pieces of DMSFREE, each leaving 32K of it for CMS).
*=====================================================================
* ALLOC: R0 the text length: R1 a node (its NCAP set); R15 = 0, 4 none.
ALLOC    ENTER
         LR    R2,R0
         LA    R2,12+7(,R2)
         N     R2,=X'00FFFFF8'           its size
         LR    R3,R2
         SRL   R3,3                      its list
         SLL   R3,2
         LA    R5,FREEL(R3)
         L     R1,0(,R5)
         LTR   R1,R1
         BZ    AK1
         MVC   0(4,R5),NNXT(R1)          off the list
         B     AKOK
AK1      L     R1,ARNXT
         LA    R4,0(R2,R1)
         C     R4,ARNEND
         BNH   AK2
         BAL   R14,MORESTOR
         LTR   R15,R15
         BZ    AK1
* No more: a bigger free node will do.
AK3      LA    R3,4(,R3)
         C     R3,=A(NCLASS*4)
         BNL   AKNONE
         LA    R5,FREEL(R3)
         L     R1,0(,R5)
         LTR   R1,R1
         BZ    AK3
         MVC   0(4,R5),NNXT(R1)
         B     AKOK
AK2      ST    R4,ARNXT
         SH    R2,=H'12'
         STH   R2,NCAP(,R1)
AKOK     XC    NNXT(8,R1),NNXT(R1)
         XC    NLEN(2,R1),NLEN(R1)
         SR    R15,R15
         B     AKOUT
AKNONE   LA    R15,4
AKOUT    LEAVE
* FREENODE: the node R1 on its list.
FREENODE LH    R15,NCAP(,R1)
         LA    R15,12(,R15)
         SRL   R15,3
         SLL   R15,2
         LA    R15,FREEL(R15)
         MVC   NNXT(4,R1),0(R15)
         ST    R1,0(,R15)
         BR    R14
* MORESTOR: a new arena from DMSFREE: R15 = 0, or 4 none (then never
* asked again). 32K must stay free after it.
MORESTOR ENTER
         CLI   NOFREE,1
         BE    MSNONE
         L     R2,=F'8192'               64K
         DMSFREE DWORDS=(R2)
         LTR   R15,R15
         BZ    MS1
         L     R2,=F'4096'               32K (more than the low area:
         DMSFREE DWORDS=(R2)             the high one, key E)
         LTR   R15,R15
         BNZ   MSLAST
MS1      LR    R3,R1                     the piece
         C     R3,=A(X'20000')
         BL    MSBACK                    (not ours to store into)
         L     R4,=F'4096'               does 32K stay free?
         DMSFREE DWORDS=(R4)
         LTR   R15,R15
         BNZ   MSBACK
         DMSFRET DWORDS=(R4),LOC=(R1)
         MVC   0(4,R3),PIECES            chained, to be given back
         ST    R2,4(,R3)
         ST    R3,PIECES
         LA    R1,8(,R3)
         ST    R1,ARNXT
         SLL   R2,3
         AR    R2,R3
         ST    R2,ARNEND
         SR    R15,R15
         B     MSOUT
MSBACK   DMSFRET DWORDS=(R2),LOC=(R3)
MSLAST   MVI   NOFREE,1
MSNONE   LA    R15,4
MSOUT    LEAVE
* FREEALL: the DMSFREE pieces given back.
FREEALL  ENTER
FA1      L     R3,PIECES
         LTR   R3,R3
         BZ    FA2
         MVC   PIECES,0(R3)
         L     R2,4(,R3)
         DMSFRET DWORDS=(R2),LOC=(R3)
         B     FA1
FA2      LEAVE
         LTORG
*=====================================================================
* The file on disk.
*=====================================================================
* READFILE: the file's records, each a line. R15 = 0; else the
* message was given and R15 is the editor's return code.
READFILE ENTER
         MVC   IOFSCB(8),=CL8'RDBUF'
         MVC   IOFSCB+8(18),FILEID
         XC    IOFSCB+26(2),IOFSCB+26    the next record
         LA    R1,RECBUF
         ST    R1,IOFSCB+28
         L     R1,FILELREC
         ST    R1,IOFSCB+32
         MVC   IOFSCB+36(1),RECFM
         MVC   IOFSCB+38(2),=H'1'
RFL1     LA    R1,IOFSCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BZ    RFL2
         C     R15,=F'12'                the end of the file
         BE    RFEOF
         ST    R15,WORKRC
         BAL   R14,RFFINIS
         LA    R6,M104
         BAL   R14,FILEMSG
         LA    R15,100
         B     RFOUT
RFL2     L     R5,IOFSCB+40              bytes read
         C     R5,=A(MAXL)
         BNH   *+8
         L     R5,=A(MAXL)
         C     R5,LRECL                  (LRECL nn shorter: cut)
         BNH   *+8
         L     R5,LRECL
         ST    R5,WKLEN
         LTR   R5,R5
         BZ    RFL3
         BCTR  R5,0
         EX    R5,MVCREC
RFL3     BAL   R14,TRIMWK
         L     R0,NLINES
         C     R0,=A(MAXREC)
         BNL   RFBIG
         LA    R4,WKLN
         L     R5,WKLEN
         BAL   R14,MKLINE
         LTR   R15,R15
         BNZ   RFBIG
         LA    R6,2                      after the last
         BAL   R14,INSAFT
         B     RFL1
RFBIG    BAL   R14,RFFINIS
         LA    R6,M132
         BAL   R14,FILEMSG2
         LA    R15,88
         B     RFOUT
RFEOF    BAL   R14,RFFINIS
         SR    R6,R6                     TOF is current
         SR    R7,R7
         STM   R6,R7,CURPOS
         SR    R15,R15
RFOUT    LEAVE
MVCREC   MVC   WKLN(0),RECBUF
RFFINIS  MVC   IOFSCB(8),=CL8'FINIS'
         LA    R1,IOFSCB
         SVC   202
         DC    AL4(1)
         BR    R14
M132     DC    AL1(L'M132T)
M132T    DC    C'DMSEDI132S FILE '''
* FILEMSG: the message at R6 (AL1 length, text) with 'fn ft fm' (the
* edited file) and the return code WORKRC: ... ERROR 'nn' ...;
* FILEMSG2: with the file's identifier only, then TOO LARGE.
FILEMSG  ENTER
         SR    R1,R1
         IC    R1,0(,R6)
         BCTR  R1,0
         EX    R1,MVCMSGW
         LA    R2,MSGW+1(R1)
         L     R1,WORKRC
         BAL   R14,EDNUM
         MVC   0(16,R2),=C''' READING FILE '''
         LA    R2,16(,R2)
         BAL   R14,PUTFID
         MVC   0(11,R2),=C''' FROM DISK'
         LA    R2,11(,R2)
         B     FGOUT
FILEMSG2 ENTER
         SR    R1,R1
         IC    R1,0(,R6)
         BCTR  R1,0
         EX    R1,MVCMSGW
         LA    R2,MSGW+1(R1)
         BAL   R14,PUTFID
         MVC   0(11,R2),=C''' TOO LARGE'
         LA    R2,11(,R2)
FGOUT    LA    R1,MSGW
         LR    R0,R2
         SR    R0,R1
         BAL   R14,DMSMSG
         LEAVE
MVCMSGW  MVC   MSGW(0),1(R6)
* PUTFID: FILEID as fn ft fm (one blank between) at R2 (R2 after it).
PUTFID   LA    R1,FILEID
PUTID    ENTER
         LR    R4,R1
         LA    R5,8
         BAL   R14,PUTWORD
         MVI   0(R2),C' '
         LA    R2,1(,R2)
         LA    R4,8(,R4)
         LA    R5,8
         BAL   R14,PUTWORD
         MVI   0(R2),C' '
         LA    R2,1(,R2)
         LA    R4,8(,R4)
         LA    R5,2
         BAL   R14,PUTWORD
         LEAVE 3
* PUTWORD: the R5 bytes at R4 without trailing blanks, at R2.
PUTWORD  LA    R1,0(R5,R4)
PW1      BCTR  R1,0
         CLI   0(R1),C' '
         BNE   PW2
         BCT   R5,PW1
         BR    R14
PW2      BCTR  R5,0
         EX    R5,MVCWORD
         LA    R2,1(R5,R2)
         BR    R14
MVCWORD  MVC   0(0,R2),0(R4)
* WRFILE: the lines written as WFILEID: to EDIT CMSUT1 on its disk,
* then the old file erased and EDIT CMSUT1 renamed. R15 = 0, else a
* message was given and nothing changed on the disk.
WRFILE   ENTER
         MVC   UTFID,=CL18'EDIT    CMSUT1'
         MVC   UTFID+16(2),WFILEID+16
         CLI   UTFID+17,C' '
         BNE   WF0
         MVI   UTFID+17,C'1'             (a letter only: mode 1, or
         MVI   WFILEID+17,C'1'           the file's own number)
         CLC   WFILEID+16(1),FM
         BNE   WF0
         MVC   UTFID+17(1),FM+1
         MVC   WFILEID+17(1),FM+1
WF0      LA    R1,UTFID                  an old EDIT CMSUT1 goes
         BAL   R14,ERASEIF
         MVC   IOFSCB(8),=CL8'WRBUF'
         MVC   IOFSCB+8(18),UTFID
         XC    IOFSCB+26(2),IOFSCB+26
         LA    R1,RECBUF
         ST    R1,IOFSCB+28
         MVC   IOFSCB+36(1),RECFM
         MVC   IOFSCB+38(2),=H'1'
         SR    R8,R8                     the record's number
         L     R7,FIRST
WF1      LTR   R7,R7
         BZ    WF5
         LA    R8,1(,R8)
         MVC   RECBUF,BLANKS
         LH    R5,NLEN(,R7)
         LTR   R5,R5
         BZ    WF2
         BCTR  R5,0
         EX    R5,MVCOUT
         LA    R5,1(,R5)
WF2      CLI   RECFM,C'V'
         BE    WF4
         L     R5,LRECL                  F: all of it
         CLI   SERON,0
         BE    WF4
* Serial numbers in 73-80: seq and 5 digits, or 8 digits (ALL).
         LR    R1,R8
         M     R0,SERINC
         D     R0,=F'100000000'
         CVD   R0,DWORK
         UNPK  RECBUF+72(8),DWORK
         OI    RECBUF+79,X'F0'
         CLI   SERON,2
         BE    WF4
         MVC   RECBUF+72(3),SERID
WF4      LTR   R5,R5                     (no empty V records)
         BNZ   *+8
         LA    R5,1
         ST    R5,IOFSCB+32
         LA    R1,IOFSCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   WFERR
         L     R7,NNXT(,R7)
         B     WF1
WF5      MVC   IOFSCB(8),=CL8'FINIS'
         LA    R1,IOFSCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15                   (the directory written?)
         BNZ   WFERR2
         LA    R1,WFILEID                the old file goes
         BAL   R14,ERASEIF
         MVC   RENPL+8(16),UTFID         EDIT CMSUT1 fm
         MVC   RENPL+24(8),BLANKS
         MVC   RENPL+24(2),UTFID+16
         MVC   RENPL+32(16),WFILEID      fn ft fm
         MVC   RENPL+48(8),BLANKS
         MVC   RENPL+48(2),WFILEID+16
         LA    R1,RENPL
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BZ    WFOUT
         ST    R15,WORKRC
         LA    R1,UTFID
         B     WFMSG
WFERR    ST    R15,WORKRC
         MVC   IOFSCB(8),=CL8'FINIS'
         LA    R1,IOFSCB
         SVC   202
         DC    AL4(1)
         B     WFERR3
WFERR2   ST    R15,WORKRC
WFERR3   LA    R1,UTFID                  the half-written one goes
         BAL   R14,ERASEIF
         LA    R1,UTFID
* DMSEDI105S ERROR 'nn' WRITING FILE 'fn ft fm' ON DISK
WFMSG    LR    R6,R1
         MVC   MSGW(L'M105),M105
         LA    R2,MSGW+L'M105
         L     R1,WORKRC
         BAL   R14,EDNUM
         MVC   0(16,R2),=C''' WRITING FILE '''
         LA    R2,16(,R2)
         LR    R1,R6
         BAL   R14,PUTID
         MVC   0(9,R2),=C''' ON DISK'
         LA    R2,9(,R2)
         LA    R1,MSGW
         LR    R0,R2
         SR    R0,R1
         BAL   R14,DMSMSG
         LA    R15,4
         B     WFRET
WFOUT    SR    R15,R15
WFRET    LEAVE
MVCOUT   MVC   RECBUF(0),NTXT(R7)
M105     DC    C'DMSEDI105S ERROR '''
* ERASEIF: the file R1 (CL18 fn ft fm) erased if it is there.
ERASEIF  ENTER
         MVC   STFSCB+8(18),0(R1)
         MVC   STFSCB(8),=CL8'STATE'
         LA    R1,STFSCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   EIOUT
         MVC   ERAPL+8(8),STFSCB+8
         MVC   ERAPL+16(8),STFSCB+16
         MVC   ERAPL+24(8),BLANKS
         MVC   ERAPL+24(2),STFSCB+24
         LA    R1,ERAPL
         SVC   202
         DC    AL4(1)
EIOUT    LEAVE
         LTORG
*=====================================================================
* The terminal.
*=====================================================================
* READLN: a line into INBUF (as typed): R0 its length.
READLN   ENTER
         MVC   INBUF,BLANKS
         LA    R1,RDPL
         SVC   202
         DC    AL4(1)
         LTR   R0,R0
         BNM   *+6
         SR    R0,R0
         C     R0,=A(L'INBUF)
         BNH   *+8
         LA    R0,L'INBUF
         LEAVE
* TYPELN: R0 bytes at R1 typed (TYPLIN).
TYPELN   ENTER
         ST    R1,TYPPL+8
         STCM  R0,7,TYPPL+13
         LA    R1,TYPPL
         SVC   202
         DC    AL4(1)
         LEAVE
* PUTMSG: an editor response (R1, R0): typed, or in display mode kept
* for the display's message row.
PUTMSG   ENTER
         CLI   DISPLAY,1
         BNE   PM9
         CLI   TYPING,1
         BE    PM9
         L     R2,MSGLEN                 after what is there (2 blanks)
         LTR   R2,R2
         BZ    PM1
         LA    R2,2(,R2)
PM1      LA    R3,80
         SR    R3,R2
         BNP   PMOUT
         LR    R4,R0
         CR    R4,R3
         BNH   *+6
         LR    R4,R3
         LTR   R4,R4
         BZ    PMOUT
         LA    R5,MSGAREA(R2)
         BCTR  R4,0
         EX    R4,MVCMSGA
         LA    R2,1(R4,R2)
         ST    R2,MSGLEN
         B     PMOUT
PM9      BAL   R14,TYPELN
PMOUT    LEAVE
MVCMSGA  MVC   0(0,R5),0(R1)
* PUTLONG: a line of the file typed, 130 characters a line.
PUTLONG  ENTER
         LR    R2,R1
         LR    R3,R0
PL1      LR    R0,R3
         C     R0,=F'130'
         BNH   *+8
         LA    R0,130
         LR    R1,R2
         BAL   R14,PUTMSG
         AR    R2,R0
         SR    R3,R0
         BP    PL1
         LEAVE
* DMSMSG: a DMS message (R1, R0) edited by CP's SET EMSG (DIAGNOSE
* X'5C'), then out as a response.
DMSMSG   ENTER
         LR    R2,R1
         LR    R3,R0
         DIAG  R2,R3,X'5C'
         LTR   R0,R3
         BNP   DMOUT
         LR    R1,R2
         BAL   R14,PUTMSG
DMOUT    LEAVE
* EDNUM: R1 in decimal at R2 (R2 after it).
EDNUM    ENTER
         CVD   R1,DWORK
         MVC   NUMW,=X'4020202020202120'
         ED    NUMW,DWORK+4
         LA    R4,NUMW+1
EN1      CLI   0(R4),C' '
         BNE   EN2
         LA    R4,1(,R4)
         B     EN1
EN2      LA    R5,NUMW+L'NUMW
         SR    R5,R4
         BCTR  R5,0
         EX    R5,MVCNUM
         LA    R2,1(R5,R2)
         LEAVE 3
MVCNUM   MVC   0(0,R2),0(R4)
         LTORG
*=====================================================================
* Display mode: REDRAW writes rows 1-21 of CP's output area.
*=====================================================================
REDRAW   ENTER
         L     R2,=A(DISPBUF)
         LA    R3,21*80
         LA    R4,BLANKS
         L     R5,=X'40000000'           (blank fill)
         MVCL  R2,R4
         L     R8,=A(DISPBUF)
* Row 10: the current position; rows 9 to 1 the ones before it.
         LM    R6,R7,CURPOS
         LA    R2,9*80(,R8)
         BAL   R14,ROWPOS
         LA    R3,9
         LA    R2,8*80(,R8)
RD1      LTR   R6,R6
         BZ    RD2                       TOF shown: nothing above it
         BAL   R14,PPREV
         BAL   R14,ROWPOS
         SH    R2,=H'80'
         BCT   R3,RD1
* Rows 11 to 19: the ones after it.
RD2      LM    R6,R7,CURPOS
         LA    R3,9
         LA    R2,10*80(,R8)
RD3      C     R6,=F'2'
         BE    RD4                       EOF shown: nothing below it
         BAL   R14,PNEXT
         BAL   R14,ROWPOS
         LA    R2,80(,R2)
         BCT   R3,RD3
* Row 20: the messages; row 21: the mode and the file.
RD4      LA    R2,19*80(,R8)
         MVC   0(80,R2),MSGAREA
         LA    R2,20*80(,R8)
         MVC   0(6,R2),=C'EDIT: '
         CLI   MODE,1
         BNE   *+10
         MVC   0(6,R2),=C'INPUT:'
         LA    R2,8(,R2)
         BAL   R14,PUTFID
         LA    R2,3(,R2)
         MVC   0(6,R2),=C'RECFM '
         MVC   6(1,R2),RECFM
         MVC   7(7,R2),=C' LRECL '
         LA    R2,14(,R2)
         L     R1,LRECL
         BAL   R14,EDNUM
         MVC   0(7,R2),=C' TRUNC '
         LA    R2,7(,R2)
         LH    R1,TRUNC
         BAL   R14,EDNUM
         MVC   0(7,R2),=C' SIZE= '
         LA    R2,6(,R2)
         L     R1,NLINES
         BAL   R14,EDNUM
* The CCWs: X'19' for each row not blank (and 20, 21), the first
* erasing the area.
         L     R4,=A(DISPCCW)
         LR    R2,R8
         SR    R3,R3                     the row
         SR    R7,R7                     CCWs made
RD5      LA    R1,79(,R2)                its length
         LA    R5,80
RD6      CLI   0(R1),C' '
         BNE   RD7
         BCTR  R1,0
         BCT   R5,RD6
         C     R3,=F'19'
         BL    RD8                       a blank row: none
         LA    R5,1
RD7      ST    R2,0(,R4)
         MVI   0(R4),X'19'
         STH   R5,6(,R4)
         MVI   4(R4),X'60'               command chaining, SLI
         STC   R3,5(,R4)
         LTR   R7,R7
         BNZ   *+8
         OI    5(R4),X'80'               the first one erases
         LA    R4,8(,R4)
         LA    R7,1(,R7)
RD8      LA    R2,80(,R2)
         LA    R3,1(,R3)
         C     R3,=F'21'
         BL    RD5
         SH    R4,=H'8'
         MVI   4(R4),X'20'               the last: no chaining
         L     R2,=A(DISPCCW)
         L     R3,CONADDR
         DIAG  R2,R3,X'58'
         BZ    RD9
         MVI   DISPLAY,0                 the display failed: line mode
         MSG   'ERROR WRITING TO DISPLAY TERMINAL'
RD9      XC    MSGLEN,MSGLEN
         MVC   MSGAREA,BLANKS
         LEAVE
* ROWPOS: the position R6/R7 in the row at R2 (80 columns).
ROWPOS   LTR   R6,R6
         BZ    RPTOF
         C     R6,=F'2'
         BE    RPEOF
         LH    R1,NLEN(,R7)
         LTR   R1,R1
         BZR   R14
         C     R1,=F'80'
         BNH   *+8
         LA    R1,80
         BCTR  R1,0
         EX    R1,MVCROW
         BR    R14
RPTOF    MVC   0(4,R2),=C'TOF:'
         BR    R14
RPEOF    MVC   0(4,R2),=C'EOF:'
         BR    R14
MVCROW   MVC   0(0,R2),NTXT(R7)
         LTORG
*=====================================================================
* EDIT macros: $DUP and $MOVE (R6's, EXEC files there, built in here);
* any other $name is EXEC $name.
*=====================================================================
* FORMAT [DISPLAY|LINE]: a 3270's display mode on (when a display is
* there) or off, as the NODISP option (alone: typed).
SUBFMT   ST    R14,SUBR14
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    FMTSHOW
         BAL   R14,NOMORE
         BNZ   SUBBAD
         CLC   TOK,=CL8'LINE'
         BE    FMTLINE
         CLC   TOK,=CL8'DISPLAY'
         BNE   SUBBAD
         TM    CONREAL,X'40'
         BZ    SUBBAD                    (no display behind it)
         MVI   DISPLAY,1
         B     SUBRET
FMTLINE  CLI   DISPLAY,1
         BNE   SUBRET
         LA    R6,CLRCCW
         L     R7,CONADDR
         DIAG  R6,R7,X'58'
         MVI   DISPLAY,0
         B     SUBRET
FMTSHOW  LA    R1,=C'FORMAT LINE'
         LA    R0,11
         CLI   DISPLAY,1
         BNE   *+12
         LA    R1,=C'FORMAT DISPLAY'
         LA    R0,14
         BAL   R14,PUTMSG
         B     SUBRET
* $DUP [n]: the current line n times (1) after itself; the last copy
* is current.
SUBDUP   ST    R14,SUBR14
         BAL   R14,COUNT1
         BNZ   SUBBAD
         C     R0,=F'99999999'           (not *)
         BE    SUBBAD
         LR    R8,R0
         LM    R6,R7,CURPOS
         C     R6,=F'1'
         BNE   SUBBAD
DUP1     LH    R5,NLEN(,R7)
         ST    R5,WKLEN
         LTR   R5,R5
         BZ    DUP2
         BCTR  R5,0
         EX    R5,MVCWKN
DUP2     BAL   R14,ADDLINE
         LTR   R15,R15
         BNZ   SUBRET                    (no room: said)
         LM    R6,R7,CURPOS
         BCT   R8,DUP1
         BAL   R14,VERCUR
         B     SUBRET
* $MOVE n UP|DOWN m: n lines from the current one (fewer at the end)
* moved up or down m lines (to the top or the end at most); the last
* of them is current.
SUBMOVE  ST    R14,SUBR14
         BAL   R14,GETNUM
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R8,R0                     n
         BNP   SUBBAD
         BAL   R14,GETTOK
         MVI   MVDIR,0
         CLC   TOK,=CL8'DOWN'
         BE    MV1
         MVI   MVDIR,1
         CLC   TOK,=CL8'UP'
         BNE   SUBBAD
MV1      BAL   R14,GETNUM
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R0,R0
         BNP   SUBBAD
         ST    R0,WORKN                  m
         BAL   R14,NOMORE
         BNZ   SUBBAD
         LM    R6,R7,CURPOS
         C     R6,=F'1'
         BNE   SUBBAD
         LR    R4,R7                     R4 the first, R5 the last
         LR    R5,R7
MV2      BCT   R8,MV3
         B     MV4
MV3      L     R1,NNXT(,R5)
         LTR   R1,R1
         BZ    MV4
         LR    R5,R1
         B     MV2
* Where they go: after R8 (0: at the top).
MV4      L     R0,WORKN
         CLI   MVDIR,1
         BE    MVUP
         L     R8,NNXT(,R5)              down: the m-th line after
         LTR   R8,R8                     them (the last at most)
         BZ    MVDONE
MVD1     BCT   R0,MVD2
         B     MVLINK
MVD2     L     R1,NNXT(,R8)
         LTR   R1,R1
         BZ    MVLINK
         LR    R8,R1
         B     MVD1
MVUP     L     R8,NPRV(,R4)              up: before the m-th line
         LTR   R8,R8                     above them (the top at most)
         BZ    MVDONE
MVU1     BCT   R0,MVU2
         L     R8,NPRV(,R8)
         B     MVLINK
MVU2     L     R1,NPRV(,R8)
         LTR   R1,R1
         BZ    MVTOP
         LR    R8,R1
         B     MVU1
MVTOP    SR    R8,R8
* R4..R5 out of the chain, then in after R8.
MVLINK   BAL   R14,UNCHAIN
         LTR   R8,R8
         BZ    MVL4
         L     R2,NNXT(,R8)
         ST    R8,NPRV(,R4)
         ST    R4,NNXT(,R8)
         B     MVL5
MVL4     L     R2,FIRST
         XC    NPRV(4,R4),NPRV(R4)
         ST    R4,FIRST
MVL5     ST    R2,NNXT(,R5)
         LTR   R2,R2
         BZ    MVL6
         ST    R5,NPRV(,R2)
         B     MVDONE
MVL6     ST    R5,LAST
MVDONE   LA    R6,1
         LR    R7,R5
         STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
* $name [operands]: an EDIT macro: EXEC $name with the operands, run
* as in the CMS subset; what it stacks is read as subcommands after
* it. No $name EXEC: ?EDIT:.
SUBMAC   ST    R14,SUBR14
         MVC   STFSCB+8(8),NAME
         MVC   STFSCB+16(8),=CL8'EXEC'
         MVC   STFSCB+24(2),=C'* '
         LA    R1,STFSCB
         MVC   0(8,R1),=CL8'STATE'
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   SUBBAD
         MVC   PADBUF(5),=C'EXEC '
         MVC   PADBUF+5(8),NAME
         LA    R4,PADBUF+13
         LR    R5,R3
         SR    R5,R2
         BNP   MAC1
         BCTR  R5,0
         EX    R5,MVCMAC
         LA    R4,1(R5,R4)
MAC1     LR    R5,R4
         LA    R4,PADBUF
         SR    R5,R4
         BAL   R14,CMSTOK
         L     R1,=A(CMSPL)
         ICM   R1,8,=X'0C'               (as in the CMS subset)
         L     R0,=A(CMSEPL)
         SVC   202
         DC    AL4(1)
         B     SUBRET
MVCMAC   MVC   0(0,R4),0(R2)
         LTORG
*=====================================================================
* CMS [command]: the CMS subset: CMS SUBSET, then commands read (the
* console stack first) and run until RETURN; with a command, that one
* alone. Each runs as if typed (SVC 202, call type X'0C': the nucleus
* runs no command nor MODULE that would load into the user area, the
* editor's), R; or R(rc); after it. In display mode the lines are
* typed in CP's area (cleared first) and the screen drawn again after
* RETURN (a single command's output stays until the next subcommand).
*=====================================================================
SUBCMS   ST    R14,SUBR14
         CLI   DISPLAY,1
         BNE   CMS0
         LA    R6,CLRCCW
         L     R7,CONADDR
         DIAG  R6,R7,X'58'
         MVI   TYPING,1
CMS0     BAL   R14,NOMORE
         BZ    CMSSUB
         LR    R4,R2                     one command
         LR    R5,R3
         SR    R5,R4
         BAL   R14,CMSTOK
         BAL   R14,CMSRUN
         MVI   TYPING,0
         MVI   NODRAW,1
         B     SUBRET
CMSSUB   MSG   'CMS SUBSET'
CMS1     BAL   R14,READLN
         LA    R4,INBUF
         LR    R5,R0
         BAL   R14,CMSTOK
         L     R1,=A(CMSPL)
         CLI   0(R1),X'FF'
         BE    CMS1                      (nothing: read again)
         CLC   0(8,R1),=CL8'RETURN'
         BE    CMS2
         BAL   R14,CMSRUN
         B     CMS1
CMS2     MVI   TYPING,0
         BAL   R14,EDITMODE
         B     SUBRET
* CMSTOK: the line at R4 (R5 bytes) upper-cased in CMSLINE, its tokens
* in CMSPL (8 bytes each, "(" and ")" tokens of their own, X'FF's
* after the last; at most 32), CMSEPL (A(first token), A(after it),
* A(the end), 0), as CMS's command level makes them.
CMSTOK   ENTER
         L     R6,=A(CMSLINE)
         L     R8,=A(CMSEPL)
         LR    R2,R6
         LR    R3,R6
         LTR   R5,R5
         BNP   CT0
         C     R5,=F'130'
         BNH   *+8
         LA    R5,130
         LR    R1,R5
         BCTR  R1,0
         EX    R1,MVCCMSL
         EX    R1,TRCMSL
         AR    R3,R5                     the end
CT0      L     R4,=A(CMSPL)
         ST    R2,0(,R8)
         ST    R3,4(,R8)
         ST    R3,8(,R8)
         XC    12(4,R8),12(R8)
         LA    R5,32
CT1      CR    R2,R3                     blanks
         BNL   CTEND
         CLI   0(R2),C' '
         BNE   CT2
         LA    R2,1(,R2)
         B     CT1
CT2      MVC   0(8,R4),BLANKS
         LA    R7,8
         LR    R1,R4
         CLI   0(R2),C'('
         BE    CTP
         CLI   0(R2),C')'
         BE    CTP
CT3      CR    R2,R3
         BNL   CTD
         CLI   0(R2),C' '
         BE    CTD
         CLI   0(R2),C'('
         BE    CTD
         CLI   0(R2),C')'
         BE    CTD
         LTR   R7,R7
         BZ    CT4                       (past 8: dropped)
         MVC   0(1,R1),0(R2)
         LA    R1,1(,R1)
         BCTR  R7,0
CT4      LA    R2,1(,R2)
         B     CT3
CTP      MVC   0(1,R4),0(R2)
         LA    R2,1(,R2)
CTD      C     R4,=A(CMSPL)
         BNE   CTD2
         ST    R2,4(,R8)                 the arguments after the first
CTD2     LA    R4,8(,R4)
         BCT   R5,CT1
CTEND    MVC   0(8,R4),=8X'FF'
         LEAVE
MVCCMSL  MVC   0(0,R6),0(R4)
TRCMSL   TR    0(0,R6),UPPER
* CMSRUN: CMSPL's command run (nothing when there is none), then R;
* or R(rc);.
CMSRUN   ENTER
         L     R1,=A(CMSPL)
         CLI   0(R1),X'FF'
         BE    CXOUT
         ICM   R1,8,=X'0C'               typed, in the CMS subset
         L     R0,=A(CMSEPL)
         SVC   202
         DC    AL4(1)
         LR    R2,R15
         MVC   MSGW(2),=C'R;'
         LA    R0,2
         LTR   R2,R2
         BZ    CX9
         MVC   MSGW(2),=C'R('
         LA    R4,MSGW+2
         LPR   R3,R2
         CVD   R3,DWORK
         LTR   R2,R2
         BNM   CX8
         MVI   0(R4),C'-'
         UNPK  1(4,R4),DWORK+5(3)
         OI    4(R4),X'F0'
         B     CX8A
CX8      UNPK  0(5,R4),DWORK+5(3)
         OI    4(R4),X'F0'
CX8A     MVC   5(2,R4),=C');'
         LA    R0,9
CX9      LA    R1,MSGW
         BAL   R14,PUTMSG
CXOUT    LEAVE
         LTORG
*=====================================================================
* Line numbers (LINEMODE LEFT: columns 1-5, FREEFORT 1-8; RIGHT: the
* record's last five columns).
*=====================================================================
* LINEMODE [LEFT|RIGHT|OFF] (alone: typed)
SUBLNM   ST    R14,SUBR14
         BAL   R14,GETTOK
         LTR   R5,R5
         BZ    LNMSHOW
         LA    R6,1
         CLC   TOK,=CL8'LEFT'
         BE    LNM1
         LA    R6,2
         CLC   TOK,=CL8'RIGHT'
         BE    LNM1
         SR    R6,R6
         CLC   TOK,=CL8'OFF'
         BNE   SUBBAD
LNM1     BAL   R14,NOMORE
         BNZ   SUBBAD
         C     R6,=F'2'                  RIGHT: 80-byte records,
         BNE   LNM2                      SERIAL off, TRUNC 72
         CLC   LRECL,=F'80'
         BNE   SUBBAD
         MVI   SERON,0
LNM2     STC   R6,LINEM
         BAL   R14,LNCOLS
         BAL   R14,SER72
         B     SUBRET
LNMSHOW  MVC   MSGW(9),=C'LINEMODE '
         LA    R2,MSGW+9
         LA    R4,=C'OFF  '
         CLI   LINEM,0
         BE    LNMS1
         LA    R4,=C'LEFT '
         CLI   LINEM,1
         BE    LNMS1
         LA    R4,=C'RIGHT'
LNMS1    LA    R5,5
         BAL   R14,PUTWORD
         B     SHOWW
* PROMPT [n]: the step of the line numbers in input mode (alone:
* typed).
SUBPRMT  ST    R14,SUBR14
         BAL   R14,GETNUM
         C     R15,=F'4'
         BE    PRMSHOW
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R0,R0
         BNP   SUBBAD
         C     R0,=F'99999'
         BH    SUBBAD
         ST    R0,PROMPTN
         BAL   R14,NOMORE
         BNZ   SUBBAD
         B     SUBRET
PRMSHOW  MVC   MSGW(7),=C'PROMPT '
         LA    R2,MSGW+7
         L     R1,PROMPTN
         BAL   R14,EDNUM
         B     SHOWW
* RENUM [start [step]]: the lines numbered again (LINEMODE) from start
* (10) by step (10); a last number too large for the columns: ?EDIT:.
SUBRENUM ST    R14,SUBR14
         CLI   LINEM,0
         BE    SUBBAD
         MVC   WORKN,=F'10'
         MVC   WORKN2,=F'10'
         BAL   R14,GETNUM
         C     R15,=F'4'
         BE    RN2
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R0,R0
         BNP   SUBBAD
         ST    R0,WORKN
         BAL   R14,GETNUM
         C     R15,=F'4'
         BE    RN2
         LTR   R15,R15
         BNZ   SUBBAD
         LTR   R0,R0
         BNP   SUBBAD
         ST    R0,WORKN2
         BAL   R14,NOMORE
         BNZ   SUBBAD
RN2      L     R1,NLINES                 the last number
         LTR   R1,R1
         BZ    SUBRET
         BCTR  R1,0
         M     R0,WORKN2
         LTR   R0,R0
         BNZ   SUBBAD
         A     R1,WORKN
         BO    SUBBAD
         BAL   R14,LNMAX
         CR    R1,R15
         BH    SUBBAD
         L     R8,WORKN
         L     R7,FIRST
RN3      LTR   R7,R7
         BZ    SUBRET
         LR    R0,R8
         BAL   R14,SETLNUM
         LTR   R15,R15
         BNZ   RNFULL
         LR    R7,R1
         A     R8,WORKN2
         L     R7,NNXT(,R7)
         B     RN3
RNFULL   BAL   R14,FULLMSG
         B     SUBRET
* A line number typed in edit mode (LINEMODE): nnnnn alone moves the
* pointer to that line (or the last one before it); nnnnn text
* replaces that line, or goes in as a new line where its number puts
* it.
LNSUB    ST    R14,SUBR14
         BAL   R14,GETNUM                (R2 after it)
         LTR   R15,R15
         BNZ   SUBBAD
         LR    R8,R0
         BAL   R14,LNMAX
         CR    R8,R15
         BH    SUBBAD
         ST    R2,WORKN
         BAL   R14,NOMORE
         BZ    LNGO
         L     R2,WORKN
         BAL   R14,LNFIND
         STM   R6,R7,CURPOS
         BNE   LNNEW
         BAL   R14,TEXTOP                the line replaced
         LR    R0,R8
         BAL   R14,LNLINE
         LA    R4,WKLN
         L     R5,WKLEN
         LR    R1,R7
         BAL   R14,SETTEXT
         LTR   R15,R15
         BZ    SUBRET
         BAL   R14,FULLMSG
         B     SUBRET
LNNEW    BAL   R14,TEXTOP                a new line after R6/R7
         LR    R0,R8
         BAL   R14,LNLINE
         BAL   R14,ADDLINE
         B     SUBRET
LNGO     BAL   R14,LNFIND
         STM   R6,R7,CURPOS
         BAL   R14,VERCUR
         B     SUBRET
* LNFIND: the line numbered R8: R6/R7 that line, cc 0; else the last
* line before where it would go (R6 0: TOF), cc not 0. A line with no
* number goes with the one before it.
LNFIND   ENTER
         SR    R6,R6
         SR    R7,R7
         L     R4,FIRST
LF1      LTR   R4,R4
         BZ    LFNO
         LR    R1,R4
         BAL   R14,NUMOF
         BNZ   LF2
         CR    R0,R8
         BE    LFEQ
         BH    LFNO
LF2      LA    R6,1
         LR    R7,R4
         L     R4,NNXT(,R4)
         B     LF1
LFEQ     LA    R6,1
         LR    R7,R4
         CR    R0,R0
         LEAVE 8
LFNO     LTR   R14,R14
         LEAVE 8                         (R6, R7 out)
* NUMOF: the number of the line R1: R0, R15 = 0 (cc 0); R15 = 4 when
* its columns hold no number.
NUMOF    ENTER
         LA    R15,4
         L     R2,LNOFF
         L     R3,LNWID
         LR    R4,R2
         AR    R4,R3
         CH    R4,NLEN(,R1)
         BH    NOOUT
         LR    R5,R1                     (the line kept)
         LA    R1,NTXT(R2,R1)
         BAL   R14,DIGITS
         LR    R1,R5
NOOUT    LTR   R15,R15
         LEAVE
* LNMAX: R15 the largest line number (99999; 8 digits: 99999999).
LNMAX    L     R15,=F'99999'
         CLC   LNWID,=F'8'
         BNER  R14
         L     R15,=F'99999999'
         BR    R14
* LNDIG: the number R0 in LNWID digits at R1.
LNDIG    ENTER
         CVD   R0,DWORK
         UNPK  NUMW(8),DWORK(8)
         OI    NUMW+7,X'F0'
         L     R3,LNWID
         LA    R2,NUMW+8
         SR    R2,R3
         BCTR  R3,0
         EX    R3,MVCLND
         LEAVE
MVCLND   MVC   0(0,R1),0(R2)
* LNCOLS: LNOFF, LNWID, LNTXT for LINEMODE (and the file type).
LNCOLS   ENTER
         LA    R1,5                      LEFT: 5 digits, a blank,
         LA    R2,6                      the text
         CLC   FT,=CL8'FREEFORT'
         BNE   LC1
         LA    R1,8                      FREEFORT: 8 digits, the text
         LA    R2,8
LC1      SR    R3,R3
         CLI   LINEM,2
         BNE   LC2
         LA    R1,5                      RIGHT: the last 5 columns
         L     R3,LRECL
         SR    R3,R1
         SR    R2,R2
LC2      ST    R1,LNWID
         ST    R2,LNTXT
         ST    R3,LNOFF
         LEAVE
* SETLNUM: the line R7 gets the number R0 in its columns (blanks up
* to them if it is shorter): R1 its node (maybe a new one), R15 = 0;
* 4 no storage.
SETLNUM  ENTER
         LR    R8,R0
         MVC   WKLN,BLANKS
         LH    R5,NLEN(,R7)
         LTR   R5,R5
         BZ    SL1
         BCTR  R5,0
         EX    R5,MVCWKN
         LA    R5,1(,R5)
SL1      L     R1,LNOFF
         A     R1,LNWID
         CR    R5,R1
         BNL   *+6
         LR    R5,R1
         ST    R5,WKLEN
         LR    R0,R8
         L     R1,LNOFF
         LA    R1,WKLN(R1)
         BAL   R14,LNDIG
         LA    R4,WKLN
         L     R5,WKLEN
         LR    R1,R7
         BAL   R14,SETTEXT
         LEAVE
MVCWKN   MVC   WKLN(0),NTXT(R7)
* LNLINE: in WKLN (WKLEN) the line numbered R0 with the text at R4 (R5
* bytes, as typed): LEFT the number and the text from LNTXT, through
* PREPLN; RIGHT the text through PREPLN, the number in its columns.
LNLINE   ENTER
         LR    R8,R0
         CLI   LINEM,2
         BE    LL2
         MVC   PADBUF,BLANKS
         LA    R1,PADBUF
         BAL   R14,LNDIG
         L     R6,LNTXT
         LR    R7,R5
         LTR   R7,R7
         BNP   LL1
         BCTR  R7,0
         LA    R1,PADBUF(R6)
         EX    R7,MVCLNT
         LA    R7,1(,R7)
LL1      AR    R7,R6
         LA    R4,PADBUF
         LR    R5,R7
         BAL   R14,PREPLN
         LEAVE
LL2      BAL   R14,PREPLN
         MVC   PADBUF,BLANKS             (what TRUNC cut: blanks)
         L     R1,WKLEN
         LTR   R1,R1
         BZ    LL3
         BCTR  R1,0
         EX    R1,MVCPADW
LL3      MVC   WKLN,PADBUF
         LR    R0,R8
         L     R1,LNOFF
         LA    R1,WKLN(R1)
         BAL   R14,LNDIG
         L     R1,LNOFF
         A     R1,LNWID
         ST    R1,WKLEN
         LEAVE
MVCLNT   MVC   0(0,R1),0(R4)
MVCPADW  MVC   PADBUF(0),WKLN
* LNPROMPT: input mode in LINEMODE: the next line's number (the
* current line's and PROMPT; halfway to the next line's when that one
* is not above it) in LNNEXT, typed. R15 = 4 when no number is left.
LNPROMPT ENTER
         LM    R6,R7,CURPOS
         SR    R8,R8                     the current line's number
         C     R6,=F'1'
         BL    LP2                       (TOF: 0)
         BE    LP1
         L     R7,LAST                   EOF: the last line's
         LTR   R7,R7
         BZ    LP2
LP1      LR    R1,R7
         BAL   R14,NUMOF
         BNZ   LP2
         LR    R8,R0
LP2      LR    R5,R8
         A     R5,PROMPTN
         BAL   R14,PNEXT                 the line after it
         C     R6,=F'1'
         BNE   LP4
         LR    R1,R7
         BAL   R14,NUMOF
         BNZ   LP4
         CR    R5,R0
         BL    LP4
         LR    R5,R0                     halfway
         AR    R5,R8
         SRL   R5,1
         CR    R5,R8
         BNH   LPNONE
LP4      BAL   R14,LNMAX
         CR    R5,R15
         BH    LPNONE
         ST    R5,LNNEXT
         LR    R0,R5
         LA    R1,MSGW
         BAL   R14,LNDIG
         LA    R1,MSGW
         L     R0,LNWID
         BAL   R14,PUTMSG
         SR    R15,R15
         LEAVE
LPNONE   MSG   'NO LINE NUMBER LEFT HERE: RENUM'
         LA    R15,4
         LEAVE
         LTORG
*=====================================================================
* Defaults by filetype (R6's, as far as known: docs/CMS.md "EDIT").
*=====================================================================
DEFAULTS ENTER
         L     R2,=A(FTTAB)
DF1      CLI   0(R2),X'FF'
         BE    DF2
         CLC   FT,0(R2)
         BE    DF2
         LA    R2,FTTABL(,R2)
         B     DF1
DF2      MVC   LRECL+2(2),8(R2)
         MVC   RECFM,10(R2)
         MVC   CASEM,11(R2)
         MVC   SERON,12(R2)
         MVC   TRUNC,14(R2)
         SR    R3,R3
         IC    R3,13(,R2)                the tab set
         MH    R3,=H'58'
         A     R3,=A(TABSETS)
         MVC   NTABS,0(R3)
         MVC   TABS(56),2(R3)
         MVC   SERID,FN
         MVC   SERINC,=F'10'
         MVI   VERIFY,1
         MVI   IMAGE,1
         MVC   ZONE1,=H'1'
         MVI   LINEM,0
         CLC   FT,=CL8'VSBASIC'          line numbers on the left
         BE    DF3
         CLC   FT,=CL8'FREEFORT'
         BNE   DF4
DF3      MVI   LINEM,1
DF4      LEAVE
* FIXSETS: TRUNC and the zone for the file's LRECL (known now).
FIXSETS  ENTER
         CLI   RECFM,C'F'
         BNE   FX0
         CLC   LRECL,=F'80'
         BE    FX1
FX0      MVI   SERON,0                   serial numbers: F 80 only
FX1      LH    R1,TRUNC
         LTR   R1,R1
         BZ    FX2
         C     R1,LRECL
         BNH   FX3
FX2      L     R1,LRECL
         STH   R1,TRUNC
FX3      MVC   ZONE2,TRUNC
         BAL   R14,LNCOLS
         MVC   PRESAVE,SETTINGS
         LEAVE
         LTORG
*=====================================================================
* Data.
*=====================================================================
         DS    0D
EDITDATA CSECT                           (the data: based on R13)
DATA     DS    0D
CALLR13  DS    A
         DS    A
DWORK    DS    D
CONADDR  DS    F
CONREAL  DS    X                 the terminal's class (DIAGNOSE X'24')
EXITRC   DS    F
WORKRC   DS    F
WORKN    DS    F
WORKN2   DS    F
OPTLREC  DC    F'0'
* The file.
FILEID   DS    0CL18
FN       DS    CL8
FT       DS    CL8
FM       DS    CL2
WFILEID  DS    CL18              FILE's and SAVE's target
UTFID    DS    CL18              EDIT CMSUT1 fm
WFM      DS    CL2
RECFM    DC    C'F'
LRECL    DC    F'80'
FILELREC DC    F'80'
NEWF     DC    X'00'
NODISP   DC    X'00'
DISPLAY  DC    X'00'
MODE     DC    X'00'             0 edit, 1 input
EXITF    DC    X'00'
FILING   DC    X'00'
TYPING   DC    X'00'             display mode: typing on
NODRAW   DC    X'00'             display mode: not drawn this time
FORCEU   DC    X'00'             PREPLN: no CASE U translation
PREPT    DC    X'00'
TRUNCF   DC    X'00'
NOFREE   DC    X'00'             no more DMSFREE
REUSEF   DC    X'00'             REUSE ran
DELIM    DS    C
CHGG     DS    X
ALTC1    DS    C
ALTC2    DS    C
GFRECFM  DS    C
GFID     DS    CL18              GETFILE's file
         DS    0F
GFSTART  DS    F
GFCOUNT  DS    F
GFLRECL  DS    F
* The lines.
         DS    0F
FIRST    DC    A(0)
LAST     DC    A(0)
CURPOS   DS    0F
CURST    DC    F'0'              0 TOF, 1 a line, 2 EOF
CUR      DC    A(0)
NLINES   DC    F'0'
ARNXT    DC    A(0)
ARNEND   DC    A(0)
PIECES   DC    A(0)
FREEL    DC    (NCLASS)A(0)
* The settings (PRESERVE and RESTORE keep them).
SETTINGS DS    0H
TRUNC    DC    H'0'
ZONE1    DC    H'1'
ZONE2    DC    H'80'
NTABS    DC    H'0'
NTSAVE   DS    3F                NEXTTAB's registers
TABS     DC    28H'0'
VERIFY   DC    X'01'
CASEM    DC    X'00'             CASE M
IMAGE    DC    X'01'
SHORTM   DC    X'00'
SERON    DC    X'00'             0 off, 1 seq + 5 digits, 2 ALL
SERID    DC    CL3' '
         DS    0F
SERINC   DC    F'10'
PROMPTN  DC    F'10'             PROMPT: the step in input mode
LNOFF    DC    F'0'              LINEMODE: the number's column - 1,
LNWID    DC    F'5'              its digits,
LNTXT    DC    F'6'              (LEFT) the text's column - 1
LINEM    DC    X'00'             LINEMODE: 0 OFF, 1 LEFT, 2 RIGHT
SETLEN   EQU   *-SETTINGS
PRESAVE  DS    XL(SETLEN)
* Subcommand work.
NAME     DS    CL8
TOK      DS    CL8
OPBEG    DS    A
S1A      DS    A
S1L      DS    F
S2A      DS    A
S2L      DS    F
CHGN     DS    F
NCHG     DS    F
NTRUNC   DS    F
DSTSTOP  DS    A
INLEN    DS    F
LASTLEN  DC    F'0'
PENDLEN  DC    F'0'
WKLEN    DS    F
MSGLEN   DC    F'0'
SUBR14   DS    A
WTABS    DS    28H
* The subroutines' frames (ENTER, LEAVE): R2-R14 and the previous.
SPTR     DC    A(STACK)
* Parameter lists.
         DS    0F
STFSCB   DC    CL8'STATE',CL18' ',H'0',A(0),F'0',C'F',C' ',H'1',F'0'
IOFSCB   DC    CL8'RDBUF',CL18' ',H'0',A(0),F'0',C'F',C' ',H'1',F'0'
ERAPL    DC    CL8'ERASE',3CL8' ',8X'FF'
RENPL    DC    CL8'RENAME',6CL8' ',8X'FF'
TYPPL    DC    CL8'TYPLIN',A(0),C'B',AL3(0)
RDPL     DC    CL8'WAITRD',A(INBUF),C'V',AL3(L'INBUF)
ATTNPL   DC    CL8'ATTN',C'FIFO',AL1(0),AL3(0)
* Buffers.
NUMW     DS    CL8
MSGW     DS    CL160
MSGAREA  DC    CL80' '
INBUF    DS    CL130
LASTCMD  DS    CL130
PENDCMD  DS    CL130
WKLN     DS    CL(MAXL+8)
PADBUF   DS    CL(MAXL+8)
CHGBUF   DS    CL(2*MAXL)
RECBUF   DS    CL(MAXL+8)
BLANKS   DC    CL(MAXL+8)' '
* Upper case (EBCDIC): a-i, j-r, s-z.
UPPER    DC    256AL1(*-UPPER)
         ORG   UPPER+X'81'
         DC    C'ABCDEFGHI'
         ORG   UPPER+X'91'
         DC    C'JKLMNOPQR'
         ORG   UPPER+X'A2'
         DC    C'STUVWXYZ'
         ORG
         DS    0D
* Clearing CP's output area.
CLRCCW   DC    X'19',AL3(PRWCC),X'20',X'FF',AL2(1)
PRWCC    DC    X'00'
* The command's messages.
M003     DC    AL1(L'M003T)
M003T    DC    C'DMSEDI003E INVALID OPTION '''
M029     DC    C'DMSEDI029E INVALID PARAMETER IN THE OPTION '
         DC    C'''LRECL'' FIELD'
M029L    EQU   *-M029
M044     DC    C'DMSEDI044E RECORD LENGTH EXCEEDS ALLOWABLE MAXIMUM'
M048     DC    AL1(L'M048T)
M048T    DC    C'DMSEDI048E INVALID MODE '''
M054     DC    C'DMSEDI054E INCOMPLETE FILEID SPECIFIED'
M069     DC    C'DMSEDI069E DISK '''
M069X    DC    C' '
         DC    C''' NOT ACCESSED'
M069L    EQU   *-M069
M070     DC    AL1(L'M070T)
M070T    DC    C'DMSEDI070E INVALID PARAMETER '''
M104     DC    AL1(L'M104T)
M104T    DC    C'DMSEDI104S ERROR '''
* X and Y: F length, the subcommand; REPEAT's count; OVERLAY's text.
         DS    0F
XSLOT    DC    F'0',CL130' '
         DS    0F
YSLOT    DC    F'0',CL130' '
XPOS     DS    2F
REPN     DC    F'0'
REPCUR   DC    F'0'
OVLLEN   DS    F
XRUN     DC    X'00'
XSTAR    DC    X'00'
SUBERR   DC    X'00'
OVLBUF   DS    CL(MAXL+8)
LNNEXT   DS    F                 input mode: the next line's number
MVDIR    DS    X                 $MOVE: 0 DOWN, 1 UP
* (beyond R13's reach: addressed through A-constants)
         DS    0D
STACK    DS    28XL56
CANCOL   DS    170H              CANON: each byte's column
CANBUF   DS    CL512             CANON: the line in column order
* The subcommands (R6's names and least abbreviations).
         DS    0F
SUBTAB   DC    CL8'$DUP',AL1(4),AL3(SUBDUP)
         DC    CL8'$MOVE',AL1(5),AL3(SUBMOVE)
         DC    CL8'ALTER',AL1(2),AL3(SUBALT)
         DC    CL8'BOTTOM',AL1(1),AL3(SUBBOT)
         DC    CL8'CASE',AL1(2),AL3(SUBCASE)
         DC    CL8'CHANGE',AL1(1),AL3(SUBCHG)
         DC    CL8'CMS',AL1(3),AL3(SUBCMS)
         DC    CL8'DELETE',AL1(2),AL3(SUBDEL)
         DC    CL8'DSTRING',AL1(2),AL3(SUBDST)
         DC    CL8'FILE',AL1(3),AL3(SUBFILE)
         DC    CL8'FIND',AL1(1),AL3(SUBFIND)
         DC    CL8'FMODE',AL1(2),AL3(SUBFMOD)
         DC    CL8'FNAME',AL1(2),AL3(SUBFNAM)
         DC    CL8'FORMAT',AL1(4),AL3(SUBFMT)
         DC    CL8'GETFILE',AL1(2),AL3(SUBGET)
         DC    CL8'IMAGE',AL1(2),AL3(SUBIMG)
         DC    CL8'INPUT',AL1(1),AL3(SUBINP)
         DC    CL8'INSERT',AL1(6),AL3(SUBINP)
         DC    CL8'LINEMODE',AL1(4),AL3(SUBLNM)
         DC    CL8'LOCATE',AL1(1),AL3(SUBLOCN)
         DC    CL8'LONG',AL1(4),AL3(SUBLONG)
         DC    CL8'NEXT',AL1(1),AL3(SUBNEXT)
         DC    CL8'OVERLAY',AL1(1),AL3(SUBOVL)
         DC    CL8'PRESERVE',AL1(3),AL3(SUBPRES)
         DC    CL8'PROMPT',AL1(3),AL3(SUBPRMT)
         DC    CL8'QUIT',AL1(2),AL3(SUBQUIT)
         DC    CL8'RECFM',AL1(4),AL3(SUBRECF)
         DC    CL8'RENUM',AL1(3),AL3(SUBRENUM)
         DC    CL8'REPEAT',AL1(4),AL3(SUBRPT)
         DC    CL8'REPLACE',AL1(1),AL3(SUBREP)
         DC    CL8'RESTORE',AL1(3),AL3(SUBREST)
         DC    CL8'REUSE',AL1(5),AL3(SUBREUSE)
         DC    CL8'SAVE',AL1(2),AL3(SUBSAVE)
         DC    CL8'SCROLL',AL1(2),AL3(SUBSCR)
         DC    CL8'SCROLLUP',AL1(7),AL3(SUBSCRU)
         DC    CL8'SERIAL',AL1(3),AL3(SUBSER)
         DC    CL8'SHORT',AL1(5),AL3(SUBSHORT)
         DC    CL8'STACK',AL1(5),AL3(SUBSTACK)
         DC    CL8'TABSET',AL1(3),AL3(SUBTABS)
         DC    CL8'TOP',AL1(2),AL3(SUBTOP)
         DC    CL8'TRUNC',AL1(2),AL3(SUBTRUNC)
         DC    CL8'TYPE',AL1(1),AL3(SUBTYPE)
         DC    CL8'UP',AL1(1),AL3(SUBUP)
         DC    CL8'VERIFY',AL1(1),AL3(SUBVER)
         DC    CL8'X',AL1(1),AL3(SUBX)
         DC    CL8'Y',AL1(1),AL3(SUBY)
         DC    CL8'ZONE',AL1(1),AL3(SUBZONE)
         DC    X'FF'
CMSLINE  DS    CL130             CMS: the command, upper case,
CMSPL    DS    33CL8             its tokens
CMSEPL   DS    4F                and the extended PLIST
* CL8 filetype, H LRECL, C RECFM, X CASE M, X SERIAL, X tab set,
* H TRUNC (0: LRECL).
FTTAB    DC    CL8'ASSEMBLE',H'80',C'F',X'00',X'01',X'01',H'71'
FTTABL   EQU   *-FTTAB
         DC    CL8'MACRO',H'80',C'F',X'00',X'01',X'01',H'71'
         DC    CL8'COPY',H'80',C'F',X'00',X'01',X'01',H'71'
         DC    CL8'UPDATE',H'80',C'F',X'00',X'01',X'01',H'71'
         DC    CL8'FORTRAN',H'80',C'F',X'00',X'01',X'02',H'72'
         DC    CL8'COBOL',H'80',C'F',X'00',X'01',X'03',H'72'
         DC    CL8'PLI',H'80',C'F',X'00',X'01',X'04',H'72'
         DC    CL8'PLIOPT',H'80',C'F',X'00',X'01',X'04',H'72'
         DC    CL8'EXEC',H'80',C'V',X'00',X'00',X'00',H'0'
         DC    CL8'MEMO',H'80',C'V',X'01',X'00',X'00',H'0'
         DC    CL8'SCRIPT',H'132',C'V',X'01',X'00',X'00',H'0'
         DC    CL8'VSBDATA',H'132',C'V',X'00',X'00',X'00',H'0'
         DC    CL8'LISTING',H'121',C'V',X'00',X'00',X'00',H'0'
         DC    CL8'FREEFORT',H'81',C'V',X'00',X'00',X'02',H'0'
         DC    CL8'VSBASIC',H'80',C'F',X'00',X'00',X'00',H'0'
         DC    X'FF',CL7' ',H'80',C'F',X'00',X'00',X'00',H'0'
* Tab sets: H how many, 28 H columns.
TABSETS  DC    H'14',H'1,6,11,16,21,26,31,36,41,46,51,61,71,81',14H'0'
         DC    H'9',H'1,10,16,31,36,41,46,69,72',19H'0'
         DC    H'8',H'1,7,10,15,20,25,30,80',20H'0'
         DC    H'10',H'1,8,12,20,28,36,44,68,72,80',18H'0'
         DC    H'16',H'2,4,7,10,13,16,19,22,25,31,37,43,49,55,79,80'
         DC    12H'0'
DISPCCW  DS    21D
DISPBUF  DS    CL(21*80)
CMSMODE  DS    0D
         END
