*=====================================================================
* DMSEXEC: EXEC procedures in R6's EXEC 1 language (docs/CMS.md,
* "EXEC"): the EXEC command, implied EXEC (IMPEXEC: CMSCALL asks for
* a typed line when SET IMPEX ON) and PROFILE EXEC before the first
* command after IPL (PROFILE, from CMSREAD).
*
* Each EXEC level has a block in free storage (EXL): the file's lines
* (read whole by RDBUF when it starts), its arguments, variables (in
* blocks of 63 chained from EXLVARS), loops, &CONTROL and &ERROR and
* its buffers. EXCUR in NUCON points to the innermost; every routine
* here finds it there (R11), none stores into the nucleus.
*
* A statement is tokenized as written (8-character tokens, longer ones
* cut, "(" and ")" tokens of their own as in CMS's scan); its tokens
* are then substituted as the statement needs them: all of a
* command's, an assignment's right side (its left side only after its
* first "&", so that &A&I names &A3), &IF's operands one by one.
*
* Errors are R6's DMSEXT072E ERROR IN EXEC FILE fn, LINE n - text with
* return code 800 + the text's number (801 FILE NOT FOUND ...); the
* EXEC ends, its caller goes on.
*=====================================================================
*---------------------------------------------------------------------
* EXL: an EXEC level's block (free storage, EXLLEN bytes).
*---------------------------------------------------------------------
EXL      DSECT
EXLPREV  DS    A                 the enclosing EXEC's block
EXLFRAME DS    A                 EXRUN's frame (a reset stack: stale)
EXLTEXT  DS    A                 the file: A(line) each, then the
EXLTSIZ  DS    F                 lines (AL1 length, text)
EXLVARS  DS    A                 the first block of variables
EXLNLIN  DS    F                 lines in the file
EXLLINE  DS    F                 the line being executed (&LINENUM)
EXLNEXT  DS    F                 the next line
EXLNARG  DS    F                 &INDEX
EXLRETC  DS    F                 &RETCODE
EXLEXRC  DS    F                 &EXIT's return code
EXLNLOOP DS    F                 loops active (at most 4)
EXLIDX   DS    F                 &IF true: its statement's first token
EXLERRL  DS    F                 the &ERROR action's length, 0: none
EXLCTL   DS    X                 &CONTROL
EXCCMS   EQU   X'80'             CMS: commands shown
EXCALL   EQU   X'40'             ALL: statements shown too
EXCERR   EQU   X'20'             ERROR: failing commands shown
EXCTIME  EQU   X'10'             TIME: with the time of day
EXCNOPK  EQU   X'08'             NOPACK: tokens shown in 8 columns
EXCNOMSG EQU   X'04'             NOMSG
EXLFLG   DS    X
EXFFIX   EQU   X'80'             F records: 72 columns are scanned
EXFHEX   EQU   X'40'             &HEX ON
EXFJUMP  EQU   X'20'             the statement moved the next line
EXFINERR EQU   X'10'             running the &ERROR action
EXFTIME  EQU   X'08'             &TIME ON
         DS    XL2
EXLTIMV  DS    D                 &TIME's base: virtual CPU (us)
EXLTIMT  DS    D                 and total CPU
EXLFN    DS    CL8               &EXEC
EXLARG0  DS    CL8               &0
EXLARGS  DS    30CL8             &1-&30 (blanks: null)
EXLLOOPS DS    4XL16             F start, F end, F count (-1: until a
*                                condition), H &LOOP's line, H the
*                                condition's first token
EXLSUB   DS    CL16              EXSUBST's result
EXLVAL   DS    CL8               EXGETVAR's result
EXLNUM   DS    CL8               EXNUMC's result
EXLCCW   DS    D                 &PUNCH
EXLFSCB  DS    11F               RDBUF and FINIS
EXLEPL   DS    4A                a command's extended PLIST
EXLNTOK  DS    F                 the statement's tokens
EXLNPL   DS    F                 the substituted tokens
EXLRAW   DS    65CL8             the statement's tokens as written
EXLPL    DS    65CL8             substituted (a command's PLIST)
EXLCARD  DS    CL80              &PUNCH
EXLERRT  DS    CL264             the &ERROR action as written
EXLRBUF  DS    CL264             a record, a line read
EXLLBUF  DS    CL600             a command line (tokens joined)
EXLMSG   DS    CL600             a line shown
EXLLEN   EQU   *-EXL
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXEC fn [args]: the EXEC command (from an EXEC too: nesting).
*---------------------------------------------------------------------
EXECCMD  CMSENT
         LA    R9,0(,R1)
         CLI   8(R9),X'FF'
         BE    EXCNOFN
         LA    R1,8(,R9)                 the EXEC's name
         LA    R2,16(,R9)                its arguments
         SR    R3,R3
         L     R4,CURSVC                 typed at the terminal?
         CLI   SFREGS+4-SVCFRM(R4),X'0B'
         BNE   *+8
         LA    R3,2                      then no EXEC is running
         NUCALL EXRUN
         B     EXR01
EXCNOFN  LA    R1,=C'DMSEXT001E NO FILENAME SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         LA    R15,24
EXR01    CMSRET
         LTORG
*---------------------------------------------------------------------
* IMPEXEC: a typed command that may be an EXEC (SET IMPEX ON), R1 its
* PLIST. R15 = -1 when there is no such EXEC, else its return code.
*---------------------------------------------------------------------
IMPEXEC  CMSENT
         LA    R1,0(,R1)
         LA    R2,8(,R1)
         LA    R3,3
         NUCALL EXRUN
         CMSRET
         LTORG
*---------------------------------------------------------------------
* PROFILE: before the first command after IPL (CMSREAD): PROFILE EXEC
* when there is one, unless that command (CMDPLIST) is ACCESS with
* the option NOPROF.
*---------------------------------------------------------------------
PROFILE  CMSENT
         LA    R2,CMDPLIST
         LA    R3,8                      the first token's length
PRF1     LA    R4,0(R3,R2)
         BCTR  R4,0
         CLI   0(R4),C' '
         BNE   PRF2
         BCT   R3,PRF1
         B     PRFRUN
PRF2     C     R3,=F'3'                  ACC to ACCESS
         BL    PRFRUN
         C     R3,=F'6'
         BH    PRFRUN
         BCTR  R3,0
         EX    R3,PRFCLC
         BNE   PRFRUN
PRF3     LA    R2,8(,R2)                 "(" then NOPROF among options
         CLI   0(R2),X'FF'
         BE    PRFRUN
         CLI   0(R2),C'('
         BNE   PRF3
PRF4     LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    PRFRUN
         CLC   0(8,R2),=CL8'NOPROF'
         BE    PRFOUT
         B     PRF4
PRFRUN   LA    R1,=CL8'PROFILE'
         LA    R2,=8X'FF'                no arguments
         LA    R3,3
         NUCALL EXRUN
PRFOUT   CMSRET RC=0
PRFCLC   CLC   CMDPLIST(0),=C'ACCESS'
         LTORG
*---------------------------------------------------------------------
* EXRUN: runs an EXEC. R1 -> its name (CL8), R2 -> its arguments
* (8-byte tokens up to X'FF'), R3 flags: 1 when there is no such
* file, R15 = -1 and nothing is said; 2 called from command level, so
* any EXEC level left is an abend's. R15 = the EXEC's return code.
*---------------------------------------------------------------------
EXRUN    CMSENT WORK=16
         USING ERWK,R13
         USING EXL,R11
         ST    R1,ERNAME
         ST    R2,ERARGS
         ST    R3,ERFLAG
* Levels an abend left behind (DMSABN reset the stack under them):
* all from command level, else those whose frame is gone.
ER0      L     R11,EXCUR
         LTR   R11,R11
         BZ    ER1
         TM    ERFLAG+3,2
         BO    ER0A
         C     R13,EXLFRAME
         BH    ER1
ER0A     NUCALL EXFREE
         B     ER0
ER1      CLC   EXDEPTH,=F'19'            R6's 19 levels
         BNL   ERDEEP
         L     R0,=A(EXLLEN)
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ERNOSTOR
         LR    R11,R1
         MVC   EXLPREV,EXCUR
         ST    R13,EXLFRAME
         ST    R11,EXCUR
         L     R1,EXDEPTH
         LA    R1,1(,R1)
         ST    R1,EXDEPTH
         BCT   R1,ER2
* The first level: &GLOBAL0-9 are 1.
         MVC   EXGLOBS(8),=CL8'1'
         MVC   EXGLOBS+8(72),EXGLOBS
         NI    EXFLAGS,255-EXFNOMSG
ER2      L     R1,ERNAME
         MVC   EXLFN,0(R1)
         MVC   EXLARG0,0(R1)
         MVI   EXLCTL,EXCCMS             &CONTROL CMS NOTIME PACK MSG
         L     R1,ERARGS
         NUCALL EXSETARG
         LTR   R15,R15
         BNZ   ERERR
         NUCALL EXLOAD
         LTR   R15,R15
         BZ    ER5
         C     R15,=F'1'                 no such file
         BNE   ERERR
         TM    ERFLAG+3,1
         BZ    ERNF
         NUCALL EXFREE
         L     R15,=F'-1'
         B     EROUT
ERNF     LA    R15,801
ERERR    SR    R2,R2                     line 0
         LA    R1,EXLFN
         LR    R0,R15
         NUCALL EXERRM
         B     ERDONE
ER5      MVC   EXLNEXT,=F'1'
         NUCALL EXLOOP
ERDONE   ST    R15,ERRC
         NUCALL EXFREE
         L     R15,ERRC
EROUT    B     EXR02
ERDEEP   L     R1,ERNAME
         SR    R2,R2
         LA    R0,821
         NUCALL EXERRM
         B     EXR02
ERNOSTOR LA    R0,104
         NUCALL EXERRM
EXR02    CMSRET
         DROP  R13
         LTORG
ERWK     DSECT
         DS    18F
ERNAME   DS    A
ERARGS   DS    A
ERFLAG   DS    F
ERRC     DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXFREE: the innermost level (EXCUR) ends: its storage goes.
*---------------------------------------------------------------------
EXFREE   CMSENT
         L     R11,EXCUR
         L     R1,EXLTEXT
         LTR   R1,R1
         BZ    EXF1
         L     R0,EXLTSIZ
         NUCALL FRETFREE
EXF1     L     R2,EXLVARS
EXF2     LTR   R1,R2
         BZ    EXF3
         L     R2,0(,R1)
         L     R0,=F'1024'
         NUCALL FRETFREE
         B     EXF2
EXF3     MVC   EXCUR,EXLPREV
         L     R1,EXDEPTH
         BCTR  R1,0
         ST    R1,EXDEPTH
         LR    R1,R11
         L     R0,=A(EXLLEN)
         NUCALL FRETFREE
* NOMSG as the EXEC we return to has it; &STACK HT ends with the
* last one.
         NI    EXFLAGS,255-EXFNOMSG
         L     R11,EXCUR
         LTR   R11,R11
         BZ    EXF4
         TM    EXLCTL,EXCNOMSG
         BZ    EXF5
         OI    EXFLAGS,EXFNOMSG
         B     EXF5
EXF4     NI    CONFLAG,255-X'40'-X'20'   the last: HT and HI end
EXF5     CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* EXSETARG: &1-&30 from the tokens at R1 (up to X'FF'; % a blank
* one), &INDEX their number. R15 = 0, 804 more than 30.
*---------------------------------------------------------------------
EXSETARG CMSENT
         L     R11,EXCUR
         MVI   EXLARGS,C' '
         MVC   EXLARGS+1(239),EXLARGS
         SR    R3,R3
         LA    R4,EXLARGS
ESA1     CLI   0(R1),X'FF'
         BE    ESA2
         LA    R3,1(,R3)
         C     R3,=F'30'
         BH    ESAMANY
         MVC   0(8,R4),0(R1)
         CLC   0(8,R4),=CL8'%'
         BNE   *+10
         MVC   0(8,R4),=CL8' '
         LA    R1,8(,R1)
         LA    R4,8(,R4)
         B     ESA1
ESA2     ST    R3,EXLNARG
         LA    R15,0
         B     EXR03
ESAMANY  LA    R15,804
EXR03    CMSRET
         LTORG
*---------------------------------------------------------------------
* EXLOAD: the file fn EXEC * into storage, read twice: to count its
* lines and bytes, then into one block (A(line) each, then the lines,
* AL1 length and text, trailing blanks gone). R15 = 0; 1 no such
* file; 803 a record longer than 130; 806 a read error; 104 no
* storage.
*---------------------------------------------------------------------
EXLOAD   CMSENT
         L     R11,EXCUR
         SR    R6,R6                     lines
         SR    R7,R7                     bytes
ELD1     BAL   R14,ELREAD
         LTR   R15,R15
         BNZ   ELD2
         LA    R6,1(,R6)
         LA    R7,5(R3,R7)
         B     ELD1
ELD2     BAL   R14,ELFINIS
         C     R15,=F'12'                the end of the file
         BNE   ELDOUT
         LA    R0,8(,R7)
         ST    R0,EXLTSIZ
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ELDFULL
         ST    R1,EXLTEXT
         LR    R8,R1                     the index
         LR    R9,R6
         SLL   R9,2
         AR    R9,R1                     the lines
         LTR   R10,R6
         BZ    ELD4
ELD3     BAL   R14,ELREAD
         LTR   R15,R15
         BNZ   ELD4                      (shorter now: so be it)
         ST    R9,0(,R8)
         STC   R3,0(,R9)
         LTR   R1,R3
         BZ    ELD3A
         BCTR  R1,0
         EX    R1,ELDMVC
ELD3A    LA    R9,1(R3,R9)
         LA    R8,4(,R8)
         BCT   R10,ELD3
ELD4     SR    R6,R10                    the lines read
         ST    R6,EXLNLIN
         BAL   R14,ELFINIS
         SR    R15,R15
ELDOUT   B     EXR04
ELDFULL  LA    R15,104
EXR04    CMSRET
ELDMVC   MVC   1(0,R9),EXLRBUF
* ELREAD: the next record into EXLRBUF, R3 its length without the
* trailing blanks: R15 = 0; 12 the end; 1 no such file; 803; 806.
ELREAD   LA    R1,EXLFSCB
         XC    0(44,R1),0(R1)
         MVC   0(8,R1),=CL8'RDBUF'
         MVC   8(8,R1),EXLFN
         MVC   16(8,R1),=CL8'EXEC'
         MVC   24(2,R1),=C'* '
         LA    R0,EXLRBUF
         ST    R0,28(,R1)
         LA    R0,256
         ST    R0,32(,R1)
         LA    R0,1
         STH   R0,38(,R1)
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BZ    ELR1
         C     R15,=F'12'
         BER   R14
         C     R15,=F'1'
         BER   R14
         C     R15,=F'28'
         BE    ELRNF
         C     R15,=F'-1'                (no file system: no file)
         BE    ELRNF
         C     R15,=F'8'                 longer than the buffer
         BE    ELRBIG
         LA    R15,806
         BR    R14
ELRNF    LA    R15,1
         BR    R14
ELR1     NI    EXLFLG,255-EXFFIX
         CLI   EXLFSCB+36,C'F'
         BNE   *+8
         OI    EXLFLG,EXFFIX
         L     R3,EXLFSCB+40             the bytes read
         C     R3,=F'130'
         BH    ELRBIG
ELR2     LTR   R3,R3                     trailing blanks go
         BZR   R14
         LA    R1,EXLRBUF-1(R3)
         CLI   0(R1),C' '
         BNER  R14
         BCTR  R3,0
         B     ELR2
ELRBIG   LA    R15,803
         BR    R14
* ELFINIS: the file is closed (R15 kept).
ELFINIS  LR    R4,R15
         LA    R1,EXLFSCB
         MVC   0(8,R1),=CL8'FINIS'
         SVC   202
         DC    AL4(1)
         LR    R15,R4
         BR    R14
         LTORG
*---------------------------------------------------------------------
* EXLINE: line R1 of the file: R1 -> its text, R0 its length, R2 the
* length scanned (of F records 72 columns at most).
*---------------------------------------------------------------------
EXLINE   CMSENT
         L     R11,EXCUR
         L     R3,EXLTEXT
         BCTR  R1,0
         SLL   R1,2
         L     R3,0(R1,R3)
         SR    R0,R0
         IC    R0,0(,R3)
         LA    R1,1(,R3)
         LR    R2,R0
         TM    EXLFLG,EXFFIX
         BZ    EXLN1
         C     R2,=F'72'
         BNH   EXLN1
         LA    R2,72
EXLN1    L     R3,4(,R13)
         STM   R0,R2,20(R3)
         CMSRET
         LTORG
*---------------------------------------------------------------------
* EXLOOP: runs the EXEC's lines from EXLNEXT. R15 = its return code.
* After each statement the innermost loop: the end of its body
* repeats it or leaves it; a jump out of it leaves it.
*---------------------------------------------------------------------
EXLOOP   CMSENT
         L     R11,EXCUR
* Between statements an attention (the immediate commands HX, HT,
* RT) or CP's EXTERNAL (DEBUG) may come in: a way out of a loop.
ELP1     CMSPOLL
         TM    CONFLAG,X'20'             HI: this EXEC ends here
         BO    ELPHI
         L     R2,EXLNEXT
         C     R2,EXLNLIN
         BH    ELPEOF
         ST    R2,EXLLINE
         LA    R3,1(,R2)
         ST    R3,EXLNEXT
         NI    EXLFLG,255-EXFJUMP
         LR    R1,R2
         NUCALL EXLINE                   R1 the text, R2 its length
         LR    R0,R2
         NUCALL EXSTMT
         LTR   R15,R15
         BNZ   ELPSTOP
         BAL   R14,ELPLOOP
         LTR   R15,R15
         BZ    ELP1
ELPSTOP  C     R15,=F'1'                 &EXIT
         BNE   ELPERR
         L     R15,EXLEXRC
         B     EXR05
ELPEOF   SR    R15,R15
         B     EXR05
ELPHI    LA    R15,0                     (each level in turn, rc 0)
         B     EXR05
ELPERR   LA    R1,EXLFN
         L     R2,EXLLINE
         LR    R0,R15
         NUCALL EXERRM
EXR05    CMSRET
* ELPLOOP: R15 = 0, or an error of a loop's condition.
ELPLOOP  LR    R10,R14
ELPL1    L     R5,EXLNLOOP
         LTR   R5,R5
         BZ    ELPLOK
         BCTR  R5,0
         SLL   R5,4
         LA    R6,EXLLOOPS(R5)           the innermost
         TM    EXLFLG,EXFJUMP
         BO    ELPJUMP
         CLC   EXLLINE,4(R6)             its body's last line done?
         BNE   ELPLOK
         L     R7,8(,R6)
         LTR   R7,R7
         BM    ELPCOND
         BCTR  R7,0                      counted
         ST    R7,8(,R6)
         LTR   R7,R7
         BP    ELPAGAIN
         B     ELPLEAVE
ELPCOND  SR    R1,R1                     until a condition
         ICM   R1,3,12(R6)               the &LOOP line
         NUCALL EXLINE
         LR    R0,R2
         NUCALL EXTOKEN
         LTR   R15,R15
         BNZ   ELPLX
         SR    R2,R2
         ICM   R2,3,14(R6)               the condition's first token
         NUCALL EXCOND
         C     R15,=F'4'
         BE    ELPLEAVE                  met: the loop ends
         LTR   R15,R15
         BNZ   ELPLX
ELPAGAIN MVC   EXLNEXT,0(R6)
         B     ELPLOK
ELPLEAVE L     R1,4(,R6)                 on after its body,
         LA    R1,1(,R1)
         ST    R1,EXLNEXT
         BAL   R14,ELPPOP
         B     ELPL1                     the enclosing one's end too?
ELPJUMP  CLC   EXLNEXT,0(R6)             a jump inside the body
         BL    ELPOUT
         CLC   EXLNEXT,4(R6)
         BNH   ELPLOK
ELPOUT   BAL   R14,ELPPOP                or out of it
         B     ELPL1
ELPLOK   SR    R15,R15
ELPLX    LR    R14,R10
         BR    R14
ELPPOP   L     R5,EXLNLOOP
         BCTR  R5,0
         ST    R5,EXLNLOOP
         BR    R14
         LTORG
*---------------------------------------------------------------------
* EXTOKEN: the statement at R1, R0 bytes, into EXLRAW as written
* (8-byte tokens, longer ones cut, "(" and ")" tokens of their own,
* the fence after them), EXLNTOK their number. R15 = 0, 813 more
* than 64.
*---------------------------------------------------------------------
EXTOKEN  CMSENT
         L     R11,EXCUR
         LR    R2,R1
         LR    R3,R1
         AR    R3,R0                     the end
         LA    R4,EXLRAW
         SR    R5,R5
ETK1     CR    R2,R3
         BNL   ETKEND
         CLI   0(R2),C' '
         BNE   ETK2
         LA    R2,1(,R2)
         B     ETK1
ETK2     C     R5,=F'64'
         BNL   ETKMANY
         MVC   0(8,R4),=CL8' '
         LA    R5,1(,R5)
         LR    R6,R4
         LA    R7,8
         CLI   0(R2),C'('
         BE    ETKPAR
         CLI   0(R2),C')'
         BE    ETKPAR
ETK3     CR    R2,R3
         BNL   ETK5
         CLI   0(R2),C' '
         BE    ETK5
         CLI   0(R2),C'('
         BE    ETK5
         CLI   0(R2),C')'
         BE    ETK5
         LTR   R7,R7
         BZ    ETK4
         MVC   0(1,R6),0(R2)
         LA    R6,1(,R6)
         BCTR  R7,0
ETK4     LA    R2,1(,R2)
         B     ETK3
ETKPAR   MVC   0(1,R4),0(R2)
         LA    R2,1(,R2)
ETK5     LA    R4,8(,R4)
         B     ETK1
ETKEND   MVC   0(8,R4),=8X'FF'
         ST    R5,EXLNTOK
         LA    R15,0
         B     EXR06
ETKMANY  ST    R5,EXLNTOK
         LA    R15,813
EXR06    CMSRET
         LTORG
*---------------------------------------------------------------------
* EXSTMT: the statement at R1, R0 bytes: its tokens (EXTOKEN), then
* from the first: a label goes, a comment does nothing, &name = ...
* assigns, a control word runs its routine, anything else is a
* command. R15 = 0; 1 (&EXIT: EXLEXRC); 801-821 an error.
*---------------------------------------------------------------------
EXSTMT   CMSENT
         L     R11,EXCUR
         NUCALL EXTOKEN
         LTR   R15,R15
         BNZ   EXXOUT
         SR    R2,R2                     the token
         SR    R8,R8                     not shown yet
EXX1     C     R2,EXLNTOK
         BNL   EXXNULL
         LR    R3,R2
         SLL   R3,3
         LA    R3,EXLRAW(R3)
         CLI   0(R3),C'-'                a label
         BNE   EXX2
         LA    R2,1(,R2)
         B     EXX1
EXX2     CLI   0(R3),C'*'                a comment
         BE    EXXNULL
         CLI   0(R3),X'50'               "&"
         BNE   EXXCMD
         LA    R4,1(,R2)
         C     R4,EXLNTOK
         BNL   EXX3
         CLC   8(8,R3),=CL8'='
         BNE   EXX3
         BAL   R14,EXXSHOW
         NUCALL EXASSIGN
         B     EXXOUT
EXX3     LA    R4,EXCWTAB                a control word?
EXX4     CLI   0(R4),X'FF'
         BE    EXXCMD
         CLC   0(8,R3),0(R4)
         BE    EXX5
         LA    R4,12(,R4)
         B     EXX4
EXX5     CLI   8(R4),0                   a built-in function
         BE    EXXBIF
         BAL   R14,EXXSHOW
         SR    R1,R1
         IC    R1,9(,R4)                 its function in its routine
         LA    R2,1(,R2)                 its operands
         SR    R15,R15
         IC    R15,8(,R4)
         SLL   R15,2
         L     R15,EXCWRTN-4(R15)
         BALR  R14,R15
         C     R15,=F'2'                 &IF true: its statement
         BNE   EXXOUT
         L     R2,EXLIDX
         B     EXX1
EXXBIF   LA    R15,814
         B     EXXOUT
EXXCMD   NUCALL EXCMD
         B     EXXOUT
EXXNULL  SR    R15,R15
EXXOUT   CMSRET
* EXXSHOW: &CONTROL ALL shows the statement (once).
* The first token as written, the others substituted.
EXXSHOW  TM    EXLCTL,EXCALL
         BZR   R14
         LTR   R8,R8
         BNZR  R14
         LA    R8,1
         LR    R9,R14
         ST    R2,EXLIDX
         LA    R2,1(,R2)
         NUCALL EXSUBL
         L     R2,EXLIDX
         LR    R1,R2
         SLL   R1,3
         LA    R1,EXLRAW(R1)
         NUCALL EXSHOWPL
         LR    R14,R9
         BR    R14
         LTORG
         DS    0F
EXCWRTN  DC    A(EXCTLA,EXCTLB,EXCTLC)
* CL8 name, AL1(routine: 1 EXCTLA, 2 EXCTLB, 3 EXCTLC, 0 a built-in
* function), AL1(its function), AL2(0).
EXCWTAB  DC    CL8'&&CONTINU',AL1(1,0),AL2(0)
         DC    CL8'&&COMMENT',AL1(1,0),AL2(0)
         DC    CL8'&&GOTO',AL1(1,1),AL2(0)
         DC    CL8'&&SKIP',AL1(1,2),AL2(0)
         DC    CL8'&&EXIT',AL1(1,3),AL2(0)
         DC    CL8'&&IF',AL1(1,4),AL2(0)
         DC    CL8'&&LOOP',AL1(1,5),AL2(0)
         DC    CL8'&&ERROR',AL1(1,6),AL2(0)
         DC    CL8'&&END',AL1(1,7),AL2(0)
         DC    CL8'&&TYPE',AL1(2,0),AL2(0)
         DC    CL8'&&SPACE',AL1(2,1),AL2(0)
         DC    CL8'&&STACK',AL1(2,2),AL2(0)
         DC    CL8'&&PUNCH',AL1(2,3),AL2(0)
         DC    CL8'&&EMSG',AL1(2,4),AL2(0)
         DC    CL8'&&BEGTYPE',AL1(2,5),AL2(0)
         DC    CL8'&&BEGSTAC',AL1(2,6),AL2(0)
         DC    CL8'&&BEGPUNC',AL1(2,7),AL2(0)
         DC    CL8'&&BEGEMSG',AL1(2,8),AL2(0)
         DC    CL8'&&CONTROL',AL1(3,0),AL2(0)
         DC    CL8'&&TIME',AL1(3,1),AL2(0)
         DC    CL8'&&HEX',AL1(3,2),AL2(0)
         DC    CL8'&&ARGS',AL1(3,3),AL2(0)
         DC    CL8'&&READ',AL1(3,4),AL2(0)
         DC    CL8'&&CONCAT',AL1(0,0),AL2(0)
         DC    CL8'&&DATATYP',AL1(0,0),AL2(0)
         DC    CL8'&&LENGTH',AL1(0,0),AL2(0)
         DC    CL8'&&LITERAL',AL1(0,0),AL2(0)
         DC    CL8'&&SUBSTR',AL1(0,0),AL2(0)
         DC    X'FF'
*---------------------------------------------------------------------
* EXSHOWPL: shows the tokens in EXLPL (after the token at R1 when R1
* is not 0), packed or not as &CONTROL says, after the time of day
* with &CONTROL TIME.
*---------------------------------------------------------------------
EXSHOWPL CMSENT
         L     R11,EXCUR
         LR    R9,R1
         LA    R3,EXLMSG
         TM    EXLCTL,EXCTIME
         BZ    ESP1
         NUCALL GETTIME
         MVC   0(8,R3),TODBUF+8          hh:mm:ss
         MVI   8(R3),C' '
         LA    R3,9(,R3)
ESP1     LTR   R1,R9
         BZ    ESP2
         MVC   0(8,R3),0(R9)
         NUCALL EXTLEN
         AR    R3,R0
         MVI   0(R3),C' '
         LA    R3,1(,R3)
ESP2     LA    R1,EXLPL
         L     R0,EXLNPL
         SR    R2,R2
         TM    EXLCTL,EXCNOPK
         BZ    *+8
         LA    R2,1
         NUCALL EXJOIN
         AR    R0,R3
         LA    R1,EXLMSG
         SR    R0,R1
         NUCALL TYPLINE
         CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* EXJOIN: R0 tokens at R1 joined at R3, a blank between them (R2 = 1:
* each in 8 columns, NOPACK). R0 = the length.
*---------------------------------------------------------------------
EXJOIN   CMSENT
         LR    R4,R3
         LR    R5,R0
         LR    R6,R1
         LTR   R5,R5
         BNP   EJEND
EJ1      LR    R1,R6
         NUCALL EXTLEN
         LTR   R2,R2
         BZ    *+8
         LA    R0,8
         LTR   R1,R0
         BZ    EJ2
         BCTR  R1,0
         EX    R1,EJMVC
         AR    R4,R0
EJ2      MVI   0(R4),C' '
         LA    R4,1(,R4)
         LA    R6,8(,R6)
         BCT   R5,EJ1
EJ3      CR    R4,R3                     no blanks at the end
         BNH   EJEND
         BCTR  R4,0
         CLI   0(R4),C' '
         BE    EJ3
         LA    R4,1(,R4)
EJEND    SR    R4,R3
         L     R1,4(,R13)
         ST    R4,20(,R1)
         CMSRET RC=0
EJMVC    MVC   0(0,R4),0(R6)
         LTORG
*---------------------------------------------------------------------
* EXTLEN: R0 = the length of the 8-byte token at R1 (its last non-
* blank).
*---------------------------------------------------------------------
EXTLEN   CMSENT
         LA    R0,8
         LA    R2,7(,R1)
ETL1     CLI   0(R2),C' '
         BNE   ETL2
         BCTR  R2,0
         BCT   R0,ETL1
ETL2     L     R1,4(,R13)
         ST    R0,20(,R1)
         CMSRET
*---------------------------------------------------------------------
* EXCMD: the command from token R2: substituted, shown (&CONTROL CMS
* or ALL), issued by SVC 202 as a program's call (X'01' with an
* extended PLIST: implied EXEC and CP do not apply, as in R6). Its
* return code is &RETCODE (-3 when no command has the name, R6's
* code); one not 0 is shown +++ R(nnnnn) +++ and runs &ERROR's action.
*---------------------------------------------------------------------
EXCMD    CMSENT
         L     R11,EXCUR
         NUCALL EXSUBL
         L     R3,EXLNPL
         LTR   R3,R3
         BZ    ECOK                      nothing left: null
* The line for the extended PLIST: the tokens, packed.
         LA    R1,EXLPL
         LR    R0,R3
         SR    R2,R2
         LA    R3,EXLLBUF
         NUCALL EXJOIN
         LR    R4,R0
         LA    R1,EXLLBUF
         ST    R1,EXLEPL
         AR    R4,R1
         ST    R4,EXLEPL+8               its end
         LA    R1,EXLPL
         NUCALL EXTLEN
         LA    R1,EXLLBUF
         AR    R1,R0
         ST    R1,EXLEPL+4               after the command's name
         XC    EXLEPL+12(4),EXLEPL+12
         TM    EXLCTL,EXCCMS+EXCALL
         BZ    EC2
         SR    R1,R1
         NUCALL EXSHOWPL
EC2      TM    EXLFLG,EXFTIME            &TIME ON: from here
         BZ    EC3
         NUCALL GETTIME
         MVC   EXLTIMV(16),TODBUF+16
EC3      LA    R1,EXLPL
         ICM   R1,8,=X'01'
         LA    R0,EXLEPL
         SVC   202
         DC    AL4(1)
         C     R15,=F'-1'
         BNE   EC4
         L     R15,=F'-3'
EC4      ST    R15,EXLRETC
         TM    EXLFLG,EXFTIME
         BZ    EC5
         NUCALL EXTIMET
EC5      ICM   R15,15,EXLRETC
         BZ    ECOK
         TM    EXLCTL,EXCERR             ERROR: the failing command
         BZ    EC6
         SR    R1,R1
         NUCALL EXSHOWPL
EC6      TM    EXLCTL,EXCCMS+EXCALL+EXCERR
         BZ    EC7
         NUCALL EXRCLINE
EC7      TM    EXLFLG,EXFINERR           failing in the &ERROR action:
         BO    ECEND                     the EXEC ends
         ICM   R0,15,EXLERRL
         BZ    ECOK
         OI    EXLFLG,EXFINERR
         LA    R1,EXLERRT
         NUCALL EXSTMT
         NI    EXLFLG,255-EXFINERR
         C     R15,=F'801'
         BL    ECOUT
         LA    R15,811                   ERROR IN &ERROR ACTION
ECOUT    B     EXR07
ECEND    MVC   EXLEXRC,EXLRETC
         LA    R15,1
         B     EXR07
ECOK     LA    R15,0
EXR07    CMSRET
         LTORG
*---------------------------------------------------------------------
* EXRCLINE: +++ R(nnnnn) +++ for &RETCODE (R(-nnnn) when negative).
*---------------------------------------------------------------------
EXRCLINE CMSENT WORK=8
         USING ERCWK,R13
         L     R11,EXCUR
         MVC   EXLMSG(16),=C'+++ R(00000) +++'
         L     R2,EXLRETC
         LPR   R3,R2
         CVD   R3,ERCDEC
         LTR   R2,R2
         BM    ERC1
         UNPK  EXLMSG+6(5),ERCDEC+5(3)
         B     ERC2
ERC1     MVI   EXLMSG+6,C'-'
         UNPK  EXLMSG+7(4),ERCDEC+5(3)
ERC2     OI    EXLMSG+10,X'F0'
         LA    R1,EXLMSG
         LA    R0,16
         NUCALL TYPLINE
         CMSRET RC=0
         DROP  R13
         LTORG
ERCWK    DSECT
         DS    18F
ERCDEC   DS    D
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXTIMET: &TIME: T=v.vv/t.tt hh:mm:ss, the virtual and total CPU
* seconds since EXLTIMV/EXLTIMT, the time of day.
*---------------------------------------------------------------------
EXTIMET  CMSENT
         L     R11,EXCUR
         NUCALL GETTIME
         MVC   EXLMSG(2),=C'T='
         LA    R4,EXLMSG+2
         LM    R2,R3,TODBUF+16           virtual CPU
         SL    R3,EXLTIMV+4
         BC    3,*+6                     no borrow
         BCTR  R2,0
         S     R2,EXLTIMV
         NUCALL SECSOUT
         MVI   0(R4),C'/'
         LA    R4,1(,R4)
         LM    R2,R3,TODBUF+24           total CPU
         SL    R3,EXLTIMT+4
         BC    3,*+6
         BCTR  R2,0
         S     R2,EXLTIMT
         NUCALL SECSOUT
         MVI   0(R4),C' '
         MVC   1(8,R4),TODBUF+8
         LA    R4,9(,R4)
         LA    R1,EXLMSG
         LR    R0,R4
         SR    R0,R1
         NUCALL TYPLINE
         CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* EXSUBL: tokens R2 to the last, substituted, into EXLPL (null ones
* go; &LITERAL leaves the next one as written; with &HEX ON X'hhhhhh
* becomes its decimal value), EXLNPL their number, then the fence.
*---------------------------------------------------------------------
EXSUBL   CMSENT
         L     R11,EXCUR
         LA    R4,EXLPL
         SR    R5,R5
ESL1     C     R2,EXLNTOK
         BNL   ESLEND
         LR    R3,R2
         SLL   R3,3
         LA    R3,EXLRAW(R3)
         LA    R2,1(,R2)
         CLC   0(8,R3),=CL8'&&LITERAL'
         BNE   ESL2
         C     R2,EXLNTOK
         BNL   ESLEND
         MVC   0(8,R4),8(R3)
         LA    R2,1(,R2)
         B     ESL3
ESL2     LR    R1,R3
         SR    R0,R0
         NUCALL EXSUBST
         LTR   R0,R0
         BZ    ESL1                      null: gone
         MVC   0(8,R4),EXLSUB
         TM    EXLFLG,EXFHEX
         BZ    ESL3
         CLC   0(2,R4),=C'X'''
         BNE   ESL3
         LR    R1,R4
         NUCALL EXHEX
ESL3     LA    R4,8(,R4)
         LA    R5,1(,R5)
         B     ESL1
ESLEND   MVC   0(8,R4),=8X'FF'
         ST    R5,EXLNPL
         CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* EXHEX: the token at R1, X'hhhhhh (up to six hex digits), becomes
* its decimal value; another stays as it is.
*---------------------------------------------------------------------
EXHEX    CMSENT
         L     R11,EXCUR
         LR    R9,R1
         LA    R2,2(,R1)
         SR    R3,R3                     the value
         LA    R4,6
         SR    R6,R6                     digits
EHX1     CLI   0(R2),C' '
         BE    EHX3
         CLI   0(R2),C''''
         BE    EHX3
         SR    R5,R5
         IC    R5,0(,R2)
         CLI   0(R2),C'0'
         BNL   EHX2
         CLI   0(R2),C'A'
         BL    EHXOUT
         CLI   0(R2),C'F'
         BH    EHXOUT
         LA    R5,9(,R5)
EHX2     N     R5,=F'15'
         SLL   R3,4
         AR    R3,R5
         LA    R6,1(,R6)
         LA    R2,1(,R2)
         BCT   R4,EHX1
EHX3     LTR   R6,R6
         BZ    EHXOUT
         LR    R0,R3
         NUCALL EXNUMC
         MVC   0(8,R9),EXLNUM
EHXOUT   CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* EXSUBST: the token at R1 substituted into EXLSUB (8 bytes, blank-
* padded), R0 its length (0: null). From right to left each "&" takes
* the rest of the token as a variable's name (so &X&I is &X3 when &I
* is 3); R0 = 1 (a left side): not the first "&".
*---------------------------------------------------------------------
EXSUBST  CMSENT WORK=8
         USING ESWK,R13
         L     R11,EXCUR
         LR    R7,R0                     where "&"s may be
         MVC   EXLSUB(16),=CL16' '
         MVC   EXLSUB(8),0(R1)
         LA    R1,EXLSUB
         NUCALL EXTLEN
         LR    R5,R0                     the length
         LR    R6,R5                     the scan's limit
ESU1     LR    R8,R6
ESU2     BCTR  R8,0
         CR    R8,R7
         BL    ESUEND                    no "&" left
         LA    R1,EXLSUB(R8)
         CLI   0(R1),X'50'               "&"
         BNE   ESU2
         LR    R9,R5
         SR    R9,R8                     the name's length
         C     R9,=F'1'
         BNH   ESU3                      "&" alone stays
         MVC   ESNAME,=CL8' '
         BCTR  R9,0
         EX    R9,ESUMVC
         LA    R1,ESNAME
         NUCALL EXGETVAR                 EXLVAL, R0 its length
         LA    R1,EXLSUB(R8)
         MVC   0(8,R1),EXLVAL
         LR    R5,R8
         AR    R5,R0
         C     R5,=F'8'
         BNH   *+8
         LA    R5,8                      cut at 8
         LA    R1,EXLSUB(R5)
         MVC   0(8,R1),=CL8' '
ESU3     LR    R6,R8
         B     ESU1
ESUEND   MVC   EXLSUB+8(8),=CL8' '
         L     R1,4(,R13)
         ST    R5,20(,R1)
         CMSRET
ESUMVC   MVC   ESNAME(0),0(R1)
         DROP  R13
         LTORG
ESWK     DSECT
         DS    18F
ESNAME   DS    CL8
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXARGN: is the name at R1 &n (digits)? R15 = 0 and R1 -> the
* argument (&0-&30; 0 above 30), else R15 = 4.
*---------------------------------------------------------------------
EXARGN   CMSENT
         L     R11,EXCUR
         LA    R6,1(,R1)
         CLI   0(R6),C' '
         BE    EANNO
         SR    R5,R5
         LA    R7,7
EAN1     CLI   0(R6),C' '
         BE    EAN2
         CLI   0(R6),C'0'
         BL    EANNO
         CLI   0(R6),C'9'
         BH    EANNO
         SR    R0,R0
         IC    R0,0(,R6)
         N     R0,=F'15'
         MH    R5,=H'10'
         AR    R5,R0
         LA    R6,1(,R6)
         BCT   R7,EAN1
EAN2     SR    R3,R3
         LA    R3,EXLARG0
         LTR   R5,R5
         BZ    EAN3
         SR    R3,R3
         C     R5,=F'30'
         BH    EAN3
         BCTR  R5,0
         SLL   R5,3
         LA    R3,EXLARGS(R5)
EAN3     L     R1,4(,R13)
         ST    R3,24(,R1)
         LA    R15,0
         B     EXR08
EANNO    LA    R15,4
EXR08    CMSRET
         LTORG
*---------------------------------------------------------------------
* EXVFIND: the variable named at R1 among this EXEC's: R15 = 0, R1 ->
* its entry (CL8 name, CL8 value); else R15 = 4, R1 -> a block with
* room for one more (0: none).
*---------------------------------------------------------------------
EXVFIND  CMSENT
         L     R11,EXCUR
         L     R2,EXLVARS
         SR    R6,R6
EVF1     LTR   R2,R2
         BZ    EVFNO
         L     R3,4(,R2)                 its entries
         LA    R4,8(,R2)
         LTR   R3,R3
         BZ    EVF3
EVF2     CLC   0(8,R4),0(R1)
         BE    EVFHIT
         LA    R4,16(,R4)
         BCT   R3,EVF2
EVF3     CLC   4(4,R2),=F'63'
         BNL   *+6
         LR    R6,R2                     room here
         L     R2,0(,R2)
         B     EVF1
EVFHIT   L     R1,4(,R13)
         ST    R4,24(,R1)
         LA    R15,0
         B     EXR09
EVFNO    L     R1,4(,R13)
         ST    R6,24(,R1)
         LA    R15,4
EXR09    CMSRET
         LTORG
*---------------------------------------------------------------------
* EXGETVAR: the value of the variable named at R1 (CL8) in EXLVAL, R0
* its length (0: null or undefined). This EXEC's variables, then
* &0-&30 and the special variables; a control word is itself.
*---------------------------------------------------------------------
EXGETVAR CMSENT
         L     R11,EXCUR
         LR    R9,R1
         MVC   EXLVAL,=CL8' '
         NUCALL EXVFIND
         LTR   R15,R15
         BNZ   EGV1
         MVC   EXLVAL,8(R1)
         B     EGVLEN
EGV1     LR    R1,R9
         NUCALL EXARGN
         LTR   R15,R15
         BNZ   EGV2
         LTR   R1,R1
         BZ    EGVLEN
         MVC   EXLVAL,0(R1)
         B     EGVLEN
EGV2     CLC   0(7,R9),=C'&&GLOBAL'
         BNE   EGV3
         CLI   7(R9),C'0'
         BL    EGV3
         SR    R1,R1                     &GLOBALn
         IC    R1,7(,R9)
         N     R1,=F'15'
         SLL   R1,3
         LA    R1,EXGLOBS(R1)
         MVC   EXLVAL,0(R1)
         B     EGVLEN
EGV3     CLC   0(5,R9),=C'&&DISK'
         BNE   EGV4
         LR    R1,R9
         NUCALL EXDISK
         B     EGVLEN
EGV4     LA    R4,EGVTAB
EGV5     CLI   0(R4),X'FF'
         BE    EGVCW
         CLC   0(8,R4),0(R9)
         BE    EGV6
         LA    R4,12(,R4)
         B     EGV5
EGV6     L     R15,8(,R4)
         BR    R15
EGVINDEX L     R0,EXLNARG
         B     EGVNUM
EGVRC    L     R0,EXLRETC
         B     EGVNUM
EGVGLOB  L     R0,EXDEPTH
         B     EGVNUM
EGVLINE  L     R0,EXLLINE
EGVNUM   NUCALL EXNUMC
         MVC   EXLVAL,EXLNUM
         B     EGVLEN
EGVEXEC  MVC   EXLVAL,EXLFN
         B     EGVLEN
EGVREADF MVC   EXLVAL,=CL8'CONSOLE'
         ICM   R0,15,STKCOUNT            lines in the console stack?
         BZ    EGVLEN
         MVC   EXLVAL,=CL8'STACK'
         B     EGVLEN
EGVTYPEF MVC   EXLVAL,=CL8'RT'
         TM    CONFLAG,X'40'
         BZ    EGVLEN
         MVC   EXLVAL,=CL8'HT'
         B     EGVLEN
EGVDOS   MVC   EXLVAL,=CL8'OFF'          (no CMS/DOS here)
         B     EGVLEN
* A control word or a built-in function stays as it is (as in an &IF's
* statement shown by &CONTROL ALL).
EGVCW    L     R4,=A(EXCWTAB)
EGVCW1   CLI   0(R4),X'FF'
         BE    EGVLEN
         CLC   0(8,R4),0(R9)
         BE    EGVCW2
         LA    R4,12(,R4)
         B     EGVCW1
EGVCW2   MVC   EXLVAL,0(R9)
EGVLEN   LA    R1,EXLVAL
         NUCALL EXTLEN
         L     R1,4(,R13)
         ST    R0,20(,R1)
         CMSRET RC=0
         LTORG
         DS    0F
EGVTAB   DC    CL8'&&INDEX',A(EGVINDEX)
         DC    CL8'&&RETCODE',A(EGVRC)
         DC    CL8'&&GLOBAL',A(EGVGLOB)
         DC    CL8'&&LINENUM',A(EGVLINE)
         DC    CL8'&&EXEC',A(EGVEXEC)
         DC    CL8'&&READFLA',A(EGVREADF)
         DC    CL8'&&TYPEFLA',A(EGVTYPEF)
         DC    CL8'&&DOS',A(EGVDOS)
         DC    X'FF'
*---------------------------------------------------------------------
* EXDISK: &DISKx (CMS when a disk is accessed as mode x, else NA),
* &DISK* (the first read/write disk's mode letter) and &DISK? (the
* read/write disk with the most blocks left), NONE without one; the
* name at R1, the value in EXLVAL. From the file system's ADTs (all NA
* and NONE when the nucleus has no file system).
*---------------------------------------------------------------------
EXDISK   CMSENT
         L     R11,EXCUR
         LR    R9,R1
         MVC   EXLVAL,=CL8'NA'
         CLI   5(R9),C'*'
         BE    EDK1
         CLI   5(R9),C'?'
         BE    EDK1
         CLI   6(R9),C' '                one letter after &DISK
         BNE   EDKOUT
         AIF   (NOT D'ADTTAB).EDKNFS1
         SR    R1,R1
         IC    R1,5(,R9)
         NUCALL ADTOF
         LTR   R1,R1
         BZ    EDKOUT
         USING ADTD,R1
         CLI   ADTMODE,0
         BE    EDKOUT
         MVC   EXLVAL,=CL8'CMS'
         DROP  R1
.EDKNFS1 ANOP
         B     EDKOUT
EDK1     MVC   EXLVAL,=CL8'NONE'
         AIF   (NOT D'ADTTAB).EDKNFS2
         L     R2,=A(ADTTAB)             A to Z: the search order
         USING ADTD,R2
         LA    R3,26
         SR    R4,R4                     the one found
EDK2     CLI   ADTMODE,0
         BE    EDK4
         TM    ADTFLG,ADTFRW
         BZ    EDK4
         LTR   R4,R4
         BZ    EDK3                      the first
         CLI   5(R9),C'*'
         BE    EDK4
         CLC   ADTLEFT,ADTLEFT-ADTD(R4)  ? the most blocks left
         BNH   EDK4
EDK3     LR    R4,R2
EDK4     LA    R2,ADTLEN(,R2)
         BCT   R3,EDK2
         LTR   R4,R4
         BZ    EDKOUT
         MVC   EXLVAL(1),ADTMODE-ADTD(R4)
         MVI   EXLVAL+1,C' '
         MVC   EXLVAL+2(6),EXLVAL+1
         DROP  R2
.EDKNFS2 ANOP
EDKOUT   CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* EXSETVAR: the variable named at R1 (CL8) gets the value at R2 (CL8).
* R15 = 0; 810 a variable EXEC sets (or &n above 30); 812 &GLOBALn
* not a number; 104 no storage.
*---------------------------------------------------------------------
EXSETVAR CMSENT
         L     R11,EXCUR
         LR    R8,R1
         LR    R9,R2
         NUCALL EXARGN
         LTR   R15,R15
         BNZ   ESV1
         LTR   R1,R1                     &n
         BZ    ESVMIS
         MVC   0(8,R1),0(R9)
         B     ESVOK
ESV1     LA    R4,ESVRO                  the ones EXEC sets
ESV2     CLI   0(R4),X'FF'
         BE    ESV3
         CLC   0(8,R4),0(R8)
         BE    ESVMIS
         LA    R4,8(,R4)
         B     ESV2
ESV3     CLC   0(7,R8),=C'&&GLOBAL'      &GLOBALn: a number
         BNE   ESV5
         CLI   7(R8),C'0'
         BL    ESV5
         LR    R1,R9
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ESVCONV
         NUCALL EXNUMC
         LTR   R15,R15
         BNZ   ESVOUT
         SR    R1,R1
         IC    R1,7(,R8)
         N     R1,=F'15'
         SLL   R1,3
         LA    R1,EXGLOBS(R1)
         MVC   0(8,R1),EXLNUM
         B     ESVOK
ESV5     LR    R1,R8
         NUCALL EXVFIND
         LTR   R15,R15
         BZ    ESVPUT                    R1 its entry
         LTR   R1,R1
         BZ    ESVNEW
         L     R2,4(,R1)                 in a block with room
         LA    R3,1(,R2)
         ST    R3,4(,R1)
         SLL   R2,4
         LA    R1,8(R2,R1)
         B     ESVPUT2
ESVNEW   L     R0,=F'1024'               a new block of 63
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ESVFULL
         MVC   0(4,R1),EXLVARS
         ST    R1,EXLVARS
         MVC   4(4,R1),=F'1'
         LA    R1,8(,R1)
ESVPUT2  MVC   0(8,R1),0(R8)
ESVPUT   MVC   8(8,R1),0(R9)
ESVOK    SR    R15,R15
ESVOUT   B     EXR10
ESVMIS   LA    R15,810
         B     EXR10
ESVCONV  LA    R15,812
         B     EXR10
ESVFULL  LA    R15,104
EXR10    CMSRET
ESVRO    DC    CL8'&&INDEX',CL8'&&RETCODE',CL8'&&GLOBAL'
         DC    CL8'&&LINENUM',CL8'&&EXEC',CL8'&&READFLA'
         DC    CL8'&&TYPEFLA',CL8'&&*',CL8'&&$',X'FF'
         LTORG
*---------------------------------------------------------------------
* EXNUMB: is the token at R1 a number ([+|-]digits)? R15 = 0 and R0
* its value, else R15 = 4.
*---------------------------------------------------------------------
EXNUMB   CMSENT
         LR    R2,R1
         LA    R3,8
         SR    R4,R4                     the value
         SR    R6,R6                     1: negative
         CLI   0(R2),C'-'
         BNE   ENB1
         LA    R6,1
         B     ENB2
ENB1     CLI   0(R2),C'+'
         BNE   ENB3
ENB2     LA    R2,1(,R2)
         BCTR  R3,0
ENB3     SR    R5,R5                     digits
ENB4     CLI   0(R2),C' '
         BE    ENBEND
         CLI   0(R2),C'0'
         BL    ENBNO
         CLI   0(R2),C'9'
         BH    ENBNO
         SR    R0,R0
         IC    R0,0(,R2)
         N     R0,=F'15'
         MH    R4,=H'10'
         AR    R4,R0
         LA    R5,1(,R5)
         LA    R2,1(,R2)
         BCT   R3,ENB4
ENBEND   LTR   R5,R5
         BZ    ENBNO
         LTR   R6,R6
         BZ    *+6
         LCR   R4,R4
         L     R1,4(,R13)
         ST    R4,20(,R1)
         LA    R15,0
         B     EXR11
ENBNO    LA    R15,4
EXR11    CMSRET
         LTORG
*---------------------------------------------------------------------
* EXNUMC: the value R0 as a token in EXLNUM. R15 = 0; 818 above
* 99999999, 817 below -9999999 (no longer 8 characters).
*---------------------------------------------------------------------
EXNUMC   CMSENT WORK=24
         USING ENWK,R13
         L     R11,EXCUR
         C     R0,=F'99999999'
         BH    ENCOVER
         C     R0,=F'-9999999'
         BL    ENCUNDER
         LPR   R2,R0
         CVD   R2,ENDEC
         UNPK  ENZON(9),ENDEC+3(5)
         OI    ENZON+8,X'F0'
         LA    R3,ENZON
         LA    R4,8
ENC1     CLI   0(R3),C'0'                leading zeros go
         BNE   ENC2
         LA    R3,1(,R3)
         BCT   R4,ENC1
ENC2     MVC   EXLNUM,=CL8' '
         LA    R5,EXLNUM
         LTR   R0,R0
         BNM   ENC3
         MVI   0(R5),C'-'
         LA    R5,1(,R5)
ENC3     EX    R4,ENCMVC
         LA    R15,0
         B     EXR12
ENCOVER  LA    R15,818
         B     EXR12
ENCUNDER LA    R15,817
EXR12    CMSRET
ENCMVC   MVC   0(0,R5),0(R3)
         DROP  R13
         LTORG
ENWK     DSECT
         DS    18F
ENDEC    DS    D
ENZON    DS    CL9
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXASSIGN: &name = value, the tokens from R2: the name substituted
* after its first "&" (&A&I is &A3 when &I is 3); then nothing (null),
* one token, a built-in function, or numbers with + - * / between
* them, computed from left to right. R15 = 0 or an error.
*---------------------------------------------------------------------
EXASSIGN CMSENT WORK=16
         USING EAWK,R13
         L     R11,EXCUR
         LR    R1,R2
         SLL   R1,3
         LA    R1,EXLRAW(R1)
         LA    R0,1
         NUCALL EXSUBST
         MVC   EANAME,EXLSUB
         LR    R3,R0                     the name's length
* &, then letters, digits, @ # $ (* and ? for &DISK* and &DISK?).
         C     R3,=F'2'
         BL    EABADCH
         BCTR  R3,0
         LA    R4,EANAME+1
EA1      CLI   0(R4),C'@'
         BE    EA2
         CLI   0(R4),C'#'
         BE    EA2
         CLI   0(R4),C'$'
         BE    EA2
         CLI   0(R4),C'*'
         BE    EA2
         CLI   0(R4),C'?'
         BE    EA2
         CLI   0(R4),X'F0'               0-9
         BL    EA1A
         CLI   0(R4),X'F9'
         BH    EABADCH
         B     EA2
EA1A     CLI   0(R4),X'81'               a-i j-r s-z A-I J-R S-Z
         BL    EABADCH
         CLI   0(R4),X'B0'
         BL    *+12
         CLI   0(R4),X'C0'
         BL    EABADCH
         MVC   EAVAL(1),0(R4)
         NI    EAVAL,X'0F'
         CLI   EAVAL,X'01'
         BL    EABADCH
         CLI   EAVAL,X'09'
         BH    EABADCH
EA2      LA    R4,1(,R4)
         BCT   R3,EA1
* The value.
         MVC   EAVAL,=CL8' '
         LA    R3,2(,R2)                 its first token
         C     R3,EXLNTOK
         BNL   EASET                     none: null
         LR    R4,R3
         SLL   R4,3
         LA    R4,EXLRAW(R4)
         CLC   0(8,R4),=CL8'&&LITERAL'
         BE    EALIT
         CLC   0(8,R4),=CL8'&&CONCAT'
         BE    EACONC
         CLC   0(8,R4),=CL8'&&LENGTH'
         BE    EALEN
         CLC   0(8,R4),=CL8'&&DATATYP'
         BE    EATYPE
         CLC   0(8,R4),=CL8'&&SUBSTR'
         BE    EASUB
         LR    R2,R3
         NUCALL EXSUBL
         L     R5,EXLNPL
         LTR   R5,R5
         BZ    EASET
         MVC   EAVAL,EXLPL
         C     R5,=F'1'
         BE    EASET
* An arithmetic expression: operands and operators in turn.
         LR    R1,R5
         N     R1,=F'1'
         BZ    EABAD                     an even number of tokens
         LA    R6,EXLPL
         LR    R1,R6
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   EACONV
         LR    R7,R0                     the value so far
         BCTR  R5,0
EAA1     LA    R6,8(,R6)                 an operator
         CLI   1(R6),C' '
         BNE   EABAD
         LA    R1,8(,R6)
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   EACONV
         CLI   0(R6),C'+'
         BE    EAADD
         CLI   0(R6),C'-'
         BE    EASUBT
         CLI   0(R6),C'*'
         BE    EAMUL
         CLI   0(R6),C'/'
         BNE   EABAD
         LTR   R0,R0
         BZ    EADIV0
         LR    R8,R7
         SRDA  R8,32
         DR    R8,R0
         LR    R7,R9
         B     EAA2
EAADD    AR    R7,R0
         BO    EAOVER
         B     EAA2
EASUBT   SR    R7,R0
         BO    EAOVER
         B     EAA2
EAMUL    LR    R9,R7
         MR    R8,R0
         LR    R7,R9
         SRA   R9,31                     the product fits 32 bits?
         CR    R8,R9
         BNE   EAOVER
EAA2     LA    R6,8(,R6)
         SH    R5,=H'2'
         BP    EAA1
         LR    R0,R7
         NUCALL EXNUMC
         LTR   R15,R15
         BNZ   EAOUT
         MVC   EAVAL,EXLNUM
EASET    LA    R1,EANAME
         LA    R2,EAVAL
         NUCALL EXSETVAR
EAOUT    B     EXR13
* &LITERAL tok: tok as written.
EALIT    LA    R3,1(,R3)
         C     R3,EXLNTOK
         BNL   EASET
         MVC   EAVAL,8(R4)
         LA    R3,1(,R3)
         C     R3,EXLNTOK
         BL    EABAD
         B     EASET
* &CONCAT tok ...: joined, cut at 8.
EACONC   LA    R2,1(,R3)
         NUCALL EXSUBL
         LA    R6,EXLPL
         LA    R7,EAVAL
         LA    R8,8                      room left
         L     R5,EXLNPL
         LTR   R5,R5
         BZ    EASET
EAC1     LR    R1,R6
         NUCALL EXTLEN
         CR    R0,R8
         BNH   *+6
         LR    R0,R8
         LTR   R1,R0
         BZ    EAC2
         BCTR  R1,0
         EX    R1,EACMVC
         AR    R7,R0
         SR    R8,R0
EAC2     LA    R6,8(,R6)
         BCT   R5,EAC1
         B     EASET
EACMVC   MVC   0(0,R7),0(R6)
* &LENGTH tok.
EALEN    BAL   R14,EAONE                 R0 its length
         LTR   R15,R15
         BNZ   EAOUT
         NUCALL EXNUMC
         MVC   EAVAL,EXLNUM
         B     EASET
* &DATATYPE tok: NUM or CHAR (R6's DMSEXT: CHAR, not ALPHA).
EATYPE   BAL   R14,EAONE
         LTR   R15,R15
         BNZ   EAOUT
         MVC   EAVAL,=CL8'CHAR'
         LA    R1,EXLPL
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   EASET
         MVC   EAVAL,=CL8'NUM'
         B     EASET
* EAONE: the function's one token (or none) in EXLPL, R0 its length;
* R15 = 814 for more.
EAONE    LR    R9,R14
         LA    R2,1(,R3)
         NUCALL EXSUBL
         SR    R0,R0
         SR    R15,R15
         L     R5,EXLNPL
         LTR   R5,R5
         BZ    EAONEX
         LA    R15,814
         C     R5,=F'1'
         BNE   EAONEX
         LA    R1,EXLPL
         NUCALL EXTLEN
         SR    R15,R15
EAONEX   LR    R14,R9
         BR    R14
* &SUBSTR tok start [length]: from 1.
EASUB    LA    R2,1(,R3)
         NUCALL EXSUBL
         L     R5,EXLNPL
         C     R5,=F'2'
         BL    EABIF
         C     R5,=F'3'
         BH    EABIF
         LA    R1,EXLPL
         NUCALL EXTLEN
         LR    R6,R0                     the token's length
         LA    R1,EXLPL+8
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   EABIF
         LR    R7,R0                     the start
         LTR   R7,R7
         BNP   EABIF
         CR    R7,R6
         BH    EABIF
         LR    R8,R6                     the length: to the end
         SR    R8,R7
         LA    R8,1(,R8)
         C     R5,=F'3'
         BL    EAS1
         LA    R1,EXLPL+16
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   EABIF
         LTR   R0,R0
         BM    EABIF
         CR    R0,R8
         BH    EAS1                      (at most to the end)
         LR    R8,R0
EAS1     LTR   R8,R8
         BZ    EASET
         LA    R1,EXLPL-1(R7)
         BCTR  R8,0
         EX    R8,EASMVC
         B     EASET
EASMVC   MVC   EAVAL(0),0(R1)
EABADCH  LA    R15,819
         B     EXR13
EABAD    LA    R15,809
         B     EXR13
EACONV   LA    R15,812
         B     EXR13
EABIF    LA    R15,814
         B     EXR13
EADIV0   LA    R15,820
         B     EXR13
EAOVER   LTR   R7,R7
         BM    EAUNDER
         LA    R15,818
         B     EXR13
EAUNDER  LA    R15,817
EXR13    CMSRET
         DROP  R13
         LTORG
EAWK     DSECT
         DS    18F
EANAME   DS    CL8
EAVAL    DS    CL8
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXCOND: the condition a op b at token R2 (&* all the arguments, &$
* any of them, on either side; numbers compared as numbers when both
* are). R15 = 4 true, 0 false (also when an operand is null, R6's
* "invalid test", and &* or &$ without arguments), 808 a bad form.
* EXLIDX: the token after it.
*---------------------------------------------------------------------
EXCOND   CMSENT WORK=40
         USING ECDWK,R13
         L     R11,EXCUR
         LA    R3,3(,R2)
         ST    R3,EXLIDX
         C     R3,EXLNTOK
         BH    ECDBAD
         LR    R3,R2
         SLL   R3,3
         LA    R3,EXLRAW(R3)             a, op, b
         LA    R1,8(,R3)
         SR    R0,R0
         NUCALL EXSUBST
         LA    R4,ECDOPS
ECD1     CLI   0(R4),X'FF'
         BE    ECDBAD
         CLC   0(3,R4),EXLSUB
         BE    ECD2
         LA    R4,4(,R4)
         B     ECD1
ECD2     MVC   ECDMASK,3(R4)             a branch mask for the cc
         LA    R5,16(,R3)                R5 -> the other operand,
         LR    R4,R3                     R4 -> &* or &$
         CLC   0(8,R3),=CL8'&&*'
         BE    ECDARGS
         CLC   0(8,R3),=CL8'&&$'
         BE    ECDARGS
         LR    R5,R3
         LA    R4,16(,R3)
         CLC   16(8,R3),=CL8'&&*'
         BE    ECDARGS
         CLC   16(8,R3),=CL8'&&$'
         BE    ECDARGS
         LR    R1,R3                     a op b
         SR    R0,R0
         NUCALL EXSUBST
         LTR   R0,R0
         BZ    ECDFALSE
         MVC   ECDA,EXLSUB
         LA    R1,16(,R3)
         SR    R0,R0
         NUCALL EXSUBST
         LTR   R0,R0
         BZ    ECDFALSE
         MVC   ECDB,EXLSUB
         BAL   R14,ECDTEST
         B     EXR14
* &* or &$ against each argument.
ECDARGS  MVC   ECDALL,0(R4)
         LR    R1,R5
         SR    R0,R0
         NUCALL EXSUBST
         MVC   ECDX,EXLSUB
         L     R6,EXLNARG
         LTR   R6,R6
         BZ    ECDFALSE                  no arguments: a null statement
         LA    R7,EXLARGS
ECDA1    CR    R5,R3                     which side is the argument
         BE    ECDA2
         MVC   ECDA,0(R7)
         MVC   ECDB,ECDX
         B     ECDA3
ECDA2    MVC   ECDA,ECDX
         MVC   ECDB,0(R7)
ECDA3    BAL   R14,ECDTEST
         CLI   ECDALL+1,C'*'
         BE    ECDA4
         LTR   R15,R15                   &$: one is enough
         BNZ   ECDTRUE
         B     ECDA5
ECDA4    LTR   R15,R15                   &*: each must
         BZ    ECDFALSE
ECDA5    LA    R7,8(,R7)
         BCT   R6,ECDA1
         CLI   ECDALL+1,C'*'
         BE    ECDTRUE
ECDFALSE LA    R15,0
         B     EXR14
ECDTRUE  LA    R15,4
         B     EXR14
ECDBAD   LA    R15,808
EXR14    CMSRET
* ECDTEST: ECDA op ECDB: R15 = 4 true, 0 false (R4, R8, R9 changed).
ECDTEST  LR    R9,R14
         SR    R8,R8
         IC    R8,ECDMASK
         LA    R1,ECDA
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECDT2
         LR    R4,R0
         LA    R1,ECDB
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECDT2
         CR    R4,R0                     two numbers
         B     ECDT3
ECDT2    CLC   ECDA,ECDB                 else the characters
ECDT3    EX    R8,ECDBC
         SR    R15,R15
         LR    R14,R9
         BR    R14
ECDT4    LA    R15,4
         LR    R14,R9
         BR    R14
ECDBC    BC    0,ECDT4
ECDOPS   DC    C'EQ ',X'80',C'=  ',X'80'
         DC    C'NE ',X'60',X'5F7E40',X'60'
         DC    C'LT ',X'40',C'<  ',X'40'
         DC    C'LE ',X'C0',C'<= ',X'C0'
         DC    C'GT ',X'20',C'>  ',X'20'
         DC    C'GE ',X'A0',C'>= ',X'A0'
         DC    X'FF'
         DROP  R13
         LTORG
ECDWK    DSECT
         DS    18F
ECDA     DS    CL8
ECDB     DS    CL8
ECDX     DS    CL8
ECDMASK  DS    X
ECDALL   DS    CL8
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXCTLA: the control words of the flow, R1 which, R2 the first
* operand's token: &CONTINUE (&COMMENT), &GOTO, &SKIP, &EXIT, &IF,
* &LOOP, &ERROR, &END (out of place). R15 = 0, 1 &EXIT, 2 &IF true
* (its statement at EXLIDX), or an error.
*---------------------------------------------------------------------
EXCTLA   CMSENT WORK=24
         USING ECAWK,R13
         L     R11,EXCUR
         LR    R6,R2
         SLL   R1,2
         B     ECATAB(R1)
ECATAB   B     ECAOK
         B     ECAGOTO
         B     ECASKIP
         B     ECAEXIT
         B     ECAIF
         B     ECALOOP
         B     ECAERROR
         B     ECAENDW
* &GOTO TOP|n|-label: a label is looked for from the next line to the
* end, then from the top to the line before (R6's order).
ECAGOTO  C     R2,EXLNTOK
         BNL   ECABADJ
         BAL   R14,ECAOPND
         CLC   EXLSUB(8),=CL8'TOP'
         BNE   ECAG1
         LA    R3,1
         B     ECAJUMP
ECAG1    CLI   EXLSUB,C'-'
         BE    ECAGLAB
         LA    R1,EXLSUB
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECABADJ
         LR    R3,R0
         B     ECAJUMP
ECAGLAB  MVC   ECALAB,EXLSUB
         L     R3,EXLLINE
ECAG2    LA    R3,1(,R3)
         C     R3,EXLNLIN
         BH    ECAG3
         BAL   R14,ECAISLAB
         BE    ECAJUMP
         B     ECAG2
ECAG3    SR    R3,R3
ECAG4    LA    R3,1(,R3)
         C     R3,EXLLINE
         BNL   ECABADJ
         BAL   R14,ECAISLAB
         BE    ECAJUMP
         B     ECAG4
* ECAJUMP: on at line R3 (1 to the last + 1).
ECAJUMP  LTR   R3,R3
         BNP   ECABADJ
         L     R4,EXLNLIN
         LA    R4,1(,R4)
         CR    R3,R4
         BH    ECABADJ
         ST    R3,EXLNEXT
         OI    EXLFLG,EXFJUMP
ECAOK    LA    R15,0
         B     ECAOUT
ECABADJ  LA    R15,802
         B     ECAOUT
* &SKIP [n]: n lines (1; back when negative).
ECASKIP  LA    R3,1
         C     R2,EXLNTOK
         BNL   ECASK1
         BAL   R14,ECAOPND
         LA    R1,EXLSUB
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECACONV
         LR    R3,R0
ECASK1   LTR   R3,R3
         BZ    ECAOK
         A     R3,EXLNEXT
         B     ECAJUMP
* &EXIT [rc].
ECAEXIT  SR    R3,R3
         C     R2,EXLNTOK
         BNL   ECAEX1
         BAL   R14,ECAOPND
         LTR   R0,R0
         BZ    ECAEX1                    null: 0
         LA    R1,EXLSUB
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECACONV
         LR    R3,R0
ECAEX1   ST    R3,EXLEXRC
         LA    R15,1
         B     ECAOUT
* &IF a op b statement.
ECAIF    NUCALL EXCOND
         C     R15,=F'4'
         BNE   ECAOUT
         LA    R15,2
         B     ECAOUT
* &LOOP n|-label m|condition: the body is the next n lines, or down to
* the label's line; it runs m times, or until the condition is met
* (tested before each time). Four loops at most.
ECALOOP  LA    R3,1(,R2)
         C     R3,EXLNTOK
         BNL   ECASYN
         CLC   EXLNLOOP,=F'4'
         BNL   ECADEEP
         BAL   R14,ECAOPND
         L     R3,EXLLINE
         CLI   EXLSUB,C'-'
         BE    ECAL2
         LA    R1,EXLSUB
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECACONV
         LTR   R0,R0
         BM    ECACONV
         AR    R3,R0                     the body's last line
         B     ECAL3
ECAL2    MVC   ECALAB,EXLSUB
ECAL2A   LA    R3,1(,R3)
         C     R3,EXLNLIN
         BH    ECAEOF
         BAL   R14,ECAISLAB
         BNE   ECAL2A
ECAL3    C     R3,EXLNLIN
         BH    ECAEOF
         ST    R3,ECAEND
         LA    R2,1(,R6)                 a count, or a condition
         LA    R4,1(,R2)
         C     R4,EXLNTOK
         BL    ECALCOND
         BAL   R14,ECAOPND
         LA    R1,EXLSUB
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECACONV
         LR    R7,R0
         LTR   R7,R7
         BNP   ECALSKIP                  0 times
         B     ECALPUSH
ECALCOND NUCALL EXCOND
         C     R15,=F'4'
         BE    ECALSKIP                  met already
         LTR   R15,R15
         BNZ   ECAOUT
         L     R7,=F'-1'
ECALPUSH CLC   ECAEND,EXLLINE
         BE    ECAOK                     no body
         L     R4,EXLNLOOP
         LA    R5,1(,R4)
         ST    R5,EXLNLOOP
         SLL   R4,4
         LA    R4,EXLLOOPS(R4)
         L     R5,EXLLINE
         LA    R5,1(,R5)
         ST    R5,0(,R4)                 its first line
         MVC   4(4,R4),ECAEND            its last
         ST    R7,8(,R4)
         MVC   12(2,R4),EXLLINE+2
         STH   R2,14(,R4)
         B     ECAOK
ECALSKIP MVC   EXLLINE,ECAEND            as if the body had run
         L     R5,ECAEND
         LA    R5,1(,R5)
         ST    R5,EXLNEXT
         B     ECAOK
* &ERROR [statement]: kept as written until a command fails.
ECAERROR LR    R3,R2
         SLL   R3,3
         LA    R1,EXLRAW(R3)
         L     R0,EXLNTOK
         SR    R0,R2
         SR    R2,R2
         LA    R3,EXLERRT
         NUCALL EXJOIN
         ST    R0,EXLERRL
         C     R0,=F'8'
         BNE   ECAOK
         CLC   EXLERRT(8),=C'&&CONTINU'  &ERROR &CONTINUE: none
         BNE   ECAOK
         XC    EXLERRL,EXLERRL
         B     ECAOK
ECAENDW  LA    R15,816
         B     ECAOUT
ECASYN   LA    R15,807
         B     ECAOUT
ECADEEP  LA    R15,805
         B     ECAOUT
ECAEOF   LA    R15,815
         B     ECAOUT
ECACONV  LA    R15,812
         B     ECAOUT
ECAOUT   CMSRET
* ECAOPND: token R2 substituted (EXLSUB, R0 its length).
ECAOPND  LR    R9,R14
         LR    R1,R2
         SLL   R1,3
         LA    R1,EXLRAW(R1)
         SR    R0,R0
         NUCALL EXSUBST
         LR    R14,R9
         BR    R14
* ECAISLAB: is line R3's first token ECALAB? (the cc: equal)
ECAISLAB LR    R9,R14
         LR    R1,R3
         NUCALL EXLINE                   R1 text, R2 scanned length
         MVC   ECATOK,=CL8' '
         LA    R4,ECATOK
         LA    R5,8
ECAIL1   LTR   R2,R2                     blanks before it
         BNP   ECAIL9
         CLI   0(R1),C' '
         BNE   ECAIL2
         LA    R1,1(,R1)
         BCTR  R2,0
         B     ECAIL1
ECAIL2   LTR   R2,R2
         BNP   ECAIL9
         CLI   0(R1),C' '
         BE    ECAIL9
         MVC   0(1,R4),0(R1)
         LA    R1,1(,R1)
         LA    R4,1(,R4)
         BCTR  R2,0
         BCT   R5,ECAIL2
ECAIL9   LR    R2,R6
         CLC   ECATOK,ECALAB
         LR    R14,R9
         BR    R14
         DROP  R13
         LTORG
ECAWK    DSECT
         DS    18F
ECALAB   DS    CL8
ECATOK   DS    CL8
ECAEND   DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXCTLB: the control words that write, R1 which, R2 the first
* operand's token: &TYPE, &SPACE, &STACK, &PUNCH, &EMSG, and the
* blocks &BEGTYPE, &BEGSTACK, &BEGPUNCH, &BEGEMSG ... &END.
*---------------------------------------------------------------------
EXCTLB   CMSENT WORK=16
         USING ECBWK,R13
         L     R11,EXCUR
         STC   R1,ECBFN
         SLL   R1,2
         B     ECBTAB(R1)
ECBTAB   B     ECBTYPE
         B     ECBSPACE
         B     ECBSTACK
         B     ECBPUNCH
         B     ECBEMSG
         B     ECBBEG
         B     ECBBEG
         B     ECBBEG
         B     ECBBEG
* &TYPE tokens.
ECBTYPE  NUCALL EXSUBL
         BAL   R14,ECBJOIN
         NUCALL TYPLINE
         B     ECBOK
* &SPACE [n]: n empty lines.
ECBSPACE LA    R3,1
         C     R2,EXLNTOK
         BNL   ECBSP1
         NUCALL EXSUBL
         LA    R1,EXLPL
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECBCONV
         LR    R3,R0
ECBSP1   LTR   R3,R3
         BNP   ECBOK
ECBSP2   LA    R1,EXLMSG
         SR    R0,R0
         NUCALL TYPLINE
         BCT   R3,ECBSP2
         B     ECBOK
* &STACK [FIFO|LIFO] [tokens|HT|RT]: one line on the console stack.
ECBSTACK NUCALL EXSUBL
         SR    R7,R7                     FIFO
         LA    R6,EXLPL
         L     R5,EXLNPL
         LTR   R5,R5
         BZ    ECBST3
         CLC   0(8,R6),=CL8'FIFO'
         BE    ECBST1
         CLC   0(8,R6),=CL8'LIFO'
         BNE   ECBST2
         LA    R7,1
ECBST1   LA    R6,8(,R6)
         BCTR  R5,0
ECBST2   C     R5,=F'1'                  HT or RT alone
         BNE   ECBST3
         CLC   0(8,R6),=CL8'HT'
         BNE   ECBST2A
         OI    CONFLAG,X'40'             as the immediate command HT
         B     ECBOK
ECBST2A  CLC   0(8,R6),=CL8'RT'
         BNE   ECBST3
         NI    CONFLAG,255-X'40'
         B     ECBOK
ECBST3   LR    R1,R6
         LR    R0,R5
         SR    R2,R2
         LA    R3,EXLMSG
         NUCALL EXJOIN
         BAL   R14,ECBCUT
         LA    R1,EXLMSG
         LR    R2,R7
         NUCALL STACKLN
         B     ECBOK
* &PUNCH tokens: a card.
ECBPUNCH NUCALL EXSUBL
         BAL   R14,ECBJOIN
         NUCALL EXPCARD
         B     ECBOK
* &EMSG mmmnnns tokens: DMSmmmnnns ..., as CMS's messages.
ECBEMSG  NUCALL EXSUBL
         LA    R1,EXLPL
         L     R0,EXLNPL
         SR    R2,R2
         LA    R3,EXLMSG+3
         NUCALL EXJOIN
         MVC   EXLMSG(3),=C'DMS'
         BAL   R14,ECBCUT
         LA    R1,EXLMSG
         A     R0,=F'3'
         NUCALL MSGOUT
         B     ECBOK
* &BEGxxxx [FIFO|LIFO] [ALL]: the lines down to &END in column 1, as
* written (72 columns of F records unless ALL).
ECBBEG   NUCALL EXSUBL
         MVI   ECBALL,0
         MVI   ECBLIFO,0
         LA    R6,EXLPL
         L     R5,EXLNPL
         LTR   R5,R5
         BZ    ECBB1
ECBB0    CLC   0(8,R6),=CL8'ALL'
         BNE   *+12
         MVI   ECBALL,1
         B     ECBB0A
         CLI   ECBFN,6                   FIFO and LIFO: &BEGSTACK's
         BNE   ECBSYN
         CLC   0(8,R6),=CL8'FIFO'
         BE    ECBB0A
         CLC   0(8,R6),=CL8'LIFO'
         BNE   ECBSYN
         MVI   ECBLIFO,1
ECBB0A   LA    R6,8(,R6)
         BCT   R5,ECBB0
ECBB1    L     R3,EXLNEXT
ECBB2    C     R3,EXLNLIN
         BH    ECBBEOF
         LR    R1,R3
         NUCALL EXLINE                   R1, R0 whole, R2 scanned
         C     R0,=F'4'
         BL    ECBB3
         CLC   0(4,R1),=C'&&END'
         BNE   ECBB3
         C     R0,=F'4'
         BE    ECBBDONE
         CLI   4(R1),C' '
         BE    ECBBDONE
ECBB3    CLI   ECBALL,1
         BE    *+6
         LR    R0,R2
         CLI   ECBFN,5
         BE    ECBBTYPE
         CLI   ECBFN,6
         BE    ECBBSTK
         CLI   ECBFN,7
         BE    ECBBPCH
         LR    R2,R1                     &BEGEMSG: DMS and the line
         LR    R4,R0
         MVC   EXLMSG(3),=C'DMS'
         LTR   R1,R4
         BZ    ECBB4
         BCTR  R1,0
         EX    R1,ECBMVC
ECBB4    LA    R0,3(,R4)
         LA    R1,EXLMSG
         NUCALL MSGOUT
         B     ECBBNEXT
ECBBTYPE NUCALL TYPLINE
         B     ECBBNEXT
ECBBSTK  LTR   R0,R0                     an empty line: a blank one
         BNZ   *+12
         LA    R1,=C' '
         LA    R0,1
         SR    R2,R2
         IC    R2,ECBLIFO
         NUCALL STACKLN
         B     ECBBNEXT
ECBBPCH  NUCALL EXPCARD
ECBBNEXT LA    R3,1(,R3)
         B     ECBB2
ECBBEOF  L     R3,EXLNLIN                no &END: the file's end
ECBBDONE ST    R3,EXLLINE                on after &END
         LA    R3,1(,R3)
         ST    R3,EXLNEXT
ECBOK    LA    R15,0
         B     EXR15
ECBSYN   LA    R15,807
         B     EXR15
ECBCONV  LA    R15,812
EXR15    CMSRET
ECBMVC   MVC   EXLMSG+3(0),0(R2)
* ECBJOIN: EXLPL's tokens joined in EXLMSG: R1 -> it, R0 its length.
ECBJOIN  LR    R9,R14
         LA    R1,EXLPL
         L     R0,EXLNPL
         SR    R2,R2
         LA    R3,EXLMSG
         NUCALL EXJOIN
         LA    R1,EXLMSG
         LR    R14,R9
         BR    R14
* ECBCUT: R0 at most 130 (a line).
ECBCUT   C     R0,=F'130'
         BNHR  R14
         LA    R0,130
         BR    R14
         DROP  R13
         LTORG
ECBWK    DSECT
         DS    18F
ECBFN    DS    X
ECBALL   DS    X
ECBLIFO  DS    X
NUCLEUS  CSECT
*---------------------------------------------------------------------
* EXPCARD: the line at R1, R0 bytes, punched on 00D as a card (80
* columns, blank-padded or cut).
*---------------------------------------------------------------------
EXPCARD  CMSENT
         L     R11,EXCUR
         MVI   EXLCARD,C' '
         MVC   EXLCARD+1(79),EXLCARD
         LTR   R3,R0
         BNP   EPC1
         C     R3,=F'80'
         BNH   *+8
         LA    R3,80
         BCTR  R3,0
         EX    R3,EPCMVC
EPC1     LA    R1,EXLCARD
         ST    R1,EXLCCW
         MVI   EXLCCW,X'01'              write, feed
         LA    R1,80
         ST    R1,EXLCCW+4
         MVI   EXLCCW+4,X'20'            SLI
         LA    R2,X'00D'
         LA    R3,EXLCCW
         NUCALL DOIO
         CMSRET RC=0
EPCMVC   MVC   EXLCARD(0),0(R1)
         LTORG
*---------------------------------------------------------------------
* EXCTLC: the control words that set, R1 which, R2 the first
* operand's token: &CONTROL, &TIME, &HEX, &ARGS, &READ.
*---------------------------------------------------------------------
EXCTLC   CMSENT WORK=8
         L     R11,EXCUR
         SLL   R1,2
         B     ECCTAB(R1)
ECCTAB   B     ECCCTL
         B     ECCTIME
         B     ECCHEX
         B     ECCARGS
         B     ECCREAD
* &CONTROL [OFF|ERROR|CMS|ALL] [NOTIME|TIME] [MSG|NOMSG]
* [PACK|NOPACK]; alone: CMS NOTIME MSG PACK.
ECCCTL   NUCALL EXSUBL
         L     R5,EXLNPL
         LTR   R5,R5
         BNZ   ECCC1
         MVI   EXLCTL,EXCCMS
         B     ECCCX
ECCC1    LA    R6,EXLPL
ECCC2    LA    R4,ECCCTAB
ECCC3    CLI   0(R4),X'FF'
         BE    ECCSYN
         CLC   0(8,R4),0(R6)
         BE    ECCC4
         LA    R4,10(,R4)
         B     ECCC3
ECCC4    NC    EXLCTL,8(R4)              its group cleared
         OC    EXLCTL,9(R4)              and set
         LA    R6,8(,R6)
         BCT   R5,ECCC2
ECCCX    NI    EXFLAGS,255-EXFNOMSG
         TM    EXLCTL,EXCNOMSG
         BZ    ECCOK
         OI    EXFLAGS,EXFNOMSG
         B     ECCOK
* &TIME [ON|OFF|RESET|TYPE].
ECCTIME  NUCALL EXSUBL
         CLC   EXLPL(8),=CL8'OFF'
         BNE   ECCT1
         NI    EXLFLG,255-EXFTIME
         B     ECCOK
ECCT1    CLC   EXLPL(8),=CL8'RESET'
         BNE   ECCT2
         NUCALL GETTIME
         MVC   EXLTIMV(16),TODBUF+16
         B     ECCOK
ECCT2    CLC   EXLPL(8),=CL8'TYPE'
         BNE   ECCT3
         NUCALL EXTIMET
         B     ECCOK
ECCT3    CLI   EXLPL,X'FF'               alone: ON
         BE    ECCT4
         CLC   EXLPL(8),=CL8'ON'
         BNE   ECCSYN
ECCT4    OI    EXLFLG,EXFTIME
         B     ECCOK
* &HEX ON|OFF.
ECCHEX   NUCALL EXSUBL
         CLC   EXLPL(8),=CL8'ON'
         BNE   ECCH1
         OI    EXLFLG,EXFHEX
         B     ECCOK
ECCH1    CLC   EXLPL(8),=CL8'OFF'
         BNE   ECCSYN
         NI    EXLFLG,255-EXFHEX
         B     ECCOK
* &ARGS [tokens]: &1-&30 and &INDEX again.
ECCARGS  NUCALL EXSUBL
         LA    R1,EXLPL
         NUCALL EXSETARG
         B     ECCOUT
* &READ [n] (lines run as statements), &READ ARGS, &READ VARS &v...:
* lines from the console stack or the terminal, in upper case.
ECCREAD  LA    R7,1
         C     R2,EXLNTOK
         BNL   ECCRN
         LR    R3,R2
         SLL   R3,3
         LA    R3,EXLRAW(R3)
         CLC   0(8,R3),=CL8'ARGS'
         BE    ECCRARGS
         CLC   0(8,R3),=CL8'VARS'
         BE    ECCRVARS
         LR    R1,R3
         SR    R0,R0
         NUCALL EXSUBST
         LA    R1,EXLSUB
         NUCALL EXNUMB
         LTR   R15,R15
         BNZ   ECCCONV
         LR    R7,R0
ECCRN    LTR   R7,R7
         BNP   ECCOK
ECCRN1   BAL   R14,ECCRDL
         LA    R1,EXLRBUF
         NUCALL EXSTMT
         LTR   R15,R15
         BNZ   ECCOUT
         TM    EXLFLG,EXFJUMP            a jump: no more lines
         BO    ECCOK
         BCT   R7,ECCRN1
         B     ECCOK
ECCRARGS BAL   R14,ECCRDL
         LA    R1,EXLRBUF
         NUCALL EXTOKEN
         LTR   R15,R15
         BNZ   ECCOUT
         LA    R1,EXLRAW
         NUCALL EXSETARG
         B     ECCOUT
* VARS: the names first (EXLPL), then the line's tokens to them.
ECCRVARS LA    R4,EXLPL
         SR    R5,R5
ECCRV1   LA    R2,1(,R2)
         C     R2,EXLNTOK
         BNL   ECCRV2
         LR    R1,R2
         SLL   R1,3
         LA    R1,EXLRAW(R1)
         LA    R0,1
         NUCALL EXSUBST
         MVC   0(8,R4),EXLSUB
         LA    R4,8(,R4)
         LA    R5,1(,R5)
         B     ECCRV1
ECCRV2   BAL   R14,ECCRDL
         LA    R1,EXLRBUF
         NUCALL EXTOKEN
         LTR   R15,R15
         BNZ   ECCOUT
         LTR   R5,R5
         BZ    ECCOK
         LA    R4,EXLPL
         LA    R6,EXLRAW
         SR    R7,R7                     the line's token
ECCRV3   LA    R2,=CL8' '
         C     R7,EXLNTOK
         BNL   *+6
         LR    R2,R6
         LR    R1,R4
         NUCALL EXSETVAR
         LTR   R15,R15
         BNZ   ECCOUT
         LA    R4,8(,R4)
         LA    R6,8(,R6)
         LA    R7,1(,R7)
         BCT   R5,ECCRV3
ECCOK    SR    R15,R15
ECCOUT   B     EXR16
ECCSYN   LA    R15,807
         B     EXR16
ECCCONV  LA    R15,812
EXR16    CMSRET
* ECCRDL: a line into EXLRBUF, in upper case: R0 its length (R3, R4,
* R8, R9 changed).
ECCRDL   LR    R9,R14
         LA    R1,EXLRBUF
         LA    R0,130
         NUCALL RDLINE
         LR    R8,R0
         LTR   R3,R0
         BZ    ECCRD1
         BCTR  R3,0
         L     R4,=A(UPPER)
         EX    R3,ECCRTR
ECCRD1   LR    R0,R8
         LR    R14,R9
         BR    R14
ECCRTR   TR    EXLRBUF(0),0(R4)
         LTORG
ECCCTAB  DC    CL8'OFF',AL1(255-EXCCMS-EXCALL-EXCERR,0)
         DC    CL8'ERROR',AL1(255-EXCCMS-EXCALL-EXCERR,EXCERR)
         DC    CL8'CMS',AL1(255-EXCCMS-EXCALL-EXCERR,EXCCMS)
         DC    CL8'ALL',AL1(255-EXCCMS-EXCALL-EXCERR,EXCCMS+EXCALL)
         DC    CL8'TIME',AL1(255-EXCTIME,EXCTIME)
         DC    CL8'NOTIME',AL1(255-EXCTIME,0)
         DC    CL8'PACK',AL1(255-EXCNOPK,0)
         DC    CL8'NOPACK',AL1(255-EXCNOPK,EXCNOPK)
         DC    CL8'MSG',AL1(255-EXCNOMSG,0)
         DC    CL8'NOMSG',AL1(255-EXCNOMSG,EXCNOMSG)
         DC    X'FF'
*---------------------------------------------------------------------
* EXERRM: the message for error R0 of the EXEC named at R1 at line
* R2: DMSEXT072E ERROR IN EXEC FILE fn, LINE n - text for 801-821
* (R6's texts; 821 ours), DMSEXT109S for 104 (storage). R15 = R0.
*---------------------------------------------------------------------
EXERRM   CMSENT WORK=104
         USING EMWK,R13
         LR    R9,R0
         C     R9,=F'104'
         BE    EMSTOR
         MVC   EMBUF(30),=C'DMSEXT072E ERROR IN EXEC FILE '
         LA    R4,EMBUF+30
         MVC   0(8,R4),0(R1)
         LR    R1,R4
         NUCALL EXTLEN
         AR    R4,R0
         MVC   0(7,R4),=C', LINE '
         LA    R4,7(,R4)
         CVD   R2,EMDEC
         UNPK  EMZON(10),EMDEC
         OI    EMZON+9,X'F0'
         LA    R1,EMZON
         LA    R5,9
EM1      CLI   0(R1),C'0'
         BNE   EM2
         LA    R1,1(,R1)
         BCT   R5,EM1
EM2      EX    R5,EMMVC
         LA    R4,1(R5,R4)
         MVC   0(3,R4),=C' - '
         LA    R4,3(,R4)
         LR    R5,R9                     the text
         S     R5,=F'801'
         BM    EMOUT
         C     R5,=F'20'
         BH    EMOUT
         LA    R6,EMTEXTS
EM3      LTR   R5,R5
         BZ    EM4
         SR    R7,R7
         IC    R7,0(,R6)
         LA    R6,1(R7,R6)
         BCTR  R5,0
         B     EM3
EM4      SR    R7,R7
         IC    R7,0(,R6)
         BCTR  R7,0
         EX    R7,EMTMVC
         LA    R4,1(R7,R4)
EMOUT    LA    R1,EMBUF
         LR    R0,R4
         SR    R0,R1
         NUCALL MSGOUT
         LR    R15,R9
         B     EXR17
EMSTOR   LA    R1,=C'DMSEXT109S VIRTUAL STORAGE CAPACITY EXCEEDED'
         LA    R0,44
         NUCALL MSGOUT
         LR    R15,R9
EXR17    CMSRET
EMMVC    MVC   0(0,R4),0(R1)
EMTMVC   MVC   0(0,R4),1(R6)
EMTEXTS  DC    AL1(EMT02-*-1),C'FILE NOT FOUND'
EMT02    DC    AL1(EMT03-*-1),C'&&SKIP OR &&GOTO ERROR'
EMT03    DC    AL1(EMT04-*-1),C'BAD FILE FORMAT'
EMT04    DC    AL1(EMT05-*-1),C'TOO MANY ARGUMENTS'
EMT05    DC    AL1(EMT06-*-1),C'MAX DEPTH OF LOOP NESTING EXCEEDED'
EMT06    DC    AL1(EMT07-*-1),C'ERROR READING FILE'
EMT07    DC    AL1(EMT08-*-1),C'INVALID SYNTAX'
EMT08    DC    AL1(EMT09-*-1),C'INVALID FORM OF CONDITION'
EMT09    DC    AL1(EMT10-*-1),C'INVALID ASSIGNMENT'
EMT10    DC    AL1(EMT11-*-1),C'MISUSE OF SPECIAL VARIABLE'
EMT11    DC    AL1(EMT12-*-1),C'ERROR IN &&ERROR ACTION'
EMT12    DC    AL1(EMT13-*-1),C'CONVERSION ERROR'
EMT13    DC    AL1(EMT14-*-1),C'TOO MANY TOKENS IN STATEMENT'
EMT14    DC    AL1(EMT15-*-1),C'MISUSE OF BUILT-IN FUNCTION'
EMT15    DC    AL1(EMT16-*-1),C'EOF FOUND IN LOOP'
EMT16    DC    AL1(EMT17-*-1),C'INVALID CONTROL WORD'
EMT17    DC    AL1(EMT18-*-1),C'EXEC ARITHMETIC UNDERFLOW'
EMT18    DC    AL1(EMT19-*-1),C'EXEC ARITHMETIC OVERFLOW'
EMT19    DC    AL1(EMT20-*-1),C'INVALID CHAR IN VARIABLE SYMBOL'
EMT20    DC    AL1(EMT21-*-1),C'EXEC DIVIDE BY ZERO'
EMT21    DC    AL1(EMT22-*-1),C'TOO MANY NESTED EXECS'
EMT22    EQU   *
         DROP  R13
         LTORG
EMWK     DSECT
         DS    18F
EMDEC    DS    D
EMZON    DS    CL10
         DS    0F
EMBUF    DS    CL84
NUCLEUS  CSECT
         DROP  R11
