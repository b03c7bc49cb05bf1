*---------------------------------------------------------------------
* HELP MODULE: types the help files of the system disk (docs/CMS.md,
* "HELP"). R6 had no HELP of its own; like the SixPack and VM/370 CE
* we keep one file per command, typed as it is:
*
*   HELP [MENU|CMS]        MENU HELPCMS, the index (components, CMS)
*   HELP CP                MENU HELPCP, the CP commands
*   HELP name              name HELPCMS, else name HELPCP
*   HELP CMS name          name HELPCMS only
*   HELP CP name           name HELPCP only
*   HELP EDIT|EXEC name    name HELPEDIT (HELPEXEC), else the section
*                          'name' of EDIT HELPEDIT (EXEC HELPEXEC)
*   HELP EDIT|EXEC *       all of EDIT HELPEDIT (EXEC HELPEXEC)
*
* The files are found on any accessed disk (mode *: a user's own A-disk
* file comes before the system disk's). A name that is no file is
* looked up in the component's MENU file, whose entries (lines with a
* name in column 1) show each command in R6's notation: the upper case
* letters are the least abbreviation (Query: Q, QU ... QUERY), and an
* entry 'MSG      = MESSAGE' sends a synonym to another file. In a file
* with sections, a line ':name' in column 1 (R6's notation too) begins
* the section 'name' (several such lines in a row: synonyms); such
* lines are never typed. Lines are typed without their trailing blanks.
*
* Return codes: 0; 24 an invalid operand (DMSHLP070E) or option
* (DMSHLP003E); 28 no help for the topic (DMSHLP002E).
*
* A system module (key 0) in the transient area, so that a program
* loaded in the user area is left alone; the transient area has the
* nucleus's storage key, and HELP keeps its variables beside its code.
*---------------------------------------------------------------------
         REGEQU
HELP     CMSMOD ENTRY=BEGIN,ORIGIN=X'E000',SYSTEM=YES
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         USING BEGIN,R12
         LR    R2,R1                     the PLIST: HELP op op ...
         XC    RETC,RETC
         MVC   TOK1,BLANKS
         MVC   TOK2,BLANKS
         MVC   COMPNM,BLANKS
* The operands, up to "(" or the end.
         SR    R3,R3
         LA    R4,8(,R2)
SCAN     CLI   0(R4),X'FF'
         BE    SCANEND
         CLI   0(R4),C'('
         BE    OPTS
         LA    R3,1(,R3)
         C     R3,=F'2'
         BH    BADPARM                   a third one
         BE    SCAN2
         MVC   TOK1,0(R4)
         B     SCANNX
SCAN2    MVC   TOK2,0(R4)
SCANNX   LA    R4,8(,R4)
         B     SCAN
* HELP has no options: anything after "(" is an error.
OPTS     LA    R4,8(,R4)
         CLI   0(R4),X'FF'
         BE    SCANEND
         CLI   0(R4),C')'
         BE    SCANEND
         MVC   MSGTOK,0(R4)
         MVC   MSGB(MOPTL),MOPT
         LA    R4,MSGB+MOPTL
         B     MSGQ
SCANEND  LTR   R3,R3
         BZ    MENUCMS
         C     R3,=F'1'
         BNE   TWO
* One operand: a component's menu, or a command of CMS or CP.
         CLC   TOK1,=CL8'CMS'
         BE    MENUCMS
         CLC   TOK1,=CL8'MENU'
         BE    MENUCMS
         CLC   TOK1,=CL8'CP'
         BE    MENUCP
         MVC   TOPIC,TOK1
         LA    R6,FTBOTH
         B     LOOKUP
MENUCMS  MVC   FT,=CL8'HELPCMS'
         MVC   COMPNM,=CL8'CMS'
         B     MENU
MENUCP   MVC   FT,=CL8'HELPCP'
         MVC   COMPNM,=CL8'CP'
MENU     MVC   FN,=CL8'MENU'
         MVC   TOPIC,=CL8'MENU'
         BAL   R10,SHOWFILE
         LTR   R15,R15
         BZ    EXIT
         B     NOHELP
* Two operands: a component and a name in it.
TWO      MVC   TOPIC,TOK2
         MVC   COMPNM,TOK1
         LA    R6,FTCMS
         CLC   TOK1,=CL8'CMS'
         BE    LOOKUP
         LA    R6,FTCP
         CLC   TOK1,=CL8'CP'
         BE    LOOKUP
         CLC   TOK1,=CL8'EDIT'
         BE    SECT
         CLC   TOK1,=CL8'EXEC'
         BE    SECT
         MVC   MSGTOK,TOK2               HELP name what?
         B     BADPARM2
* EDIT's subcommands, EXEC's control words: name HELPEDIT, else the
* section of EDIT HELPEDIT.
SECT     MVC   FT(4),=C'HELP'
         MVC   FT+4(4),TOK1
         MVC   FN,TOK1
         CLI   TOK2,C'*'
         BNE   SECT1
         BAL   R10,SHOWFILE              HELP EDIT *: all of it
         LTR   R15,R15
         BZ    EXIT
         B     NOHELP
SECT1    MVC   FN,TOK2
         BAL   R10,SHOWFILE
         LTR   R15,R15
         BZ    EXIT
         MVC   FN,TOK1
         BAL   R10,SHOWSECT
         LTR   R15,R15
         BZ    EXIT
         B     NOHELP
*---------------------------------------------------------------------
* LOOKUP: TOPIC in the components whose filetypes R6 lists (CL8 each,
* X'FF' after): first a file of that name in each, then an entry of
* each one's MENU file (abbreviations and synonyms).
*---------------------------------------------------------------------
LOOKUP   ST    R6,FTLIST
LK1      CLI   0(R6),X'FF'
         BE    LK2
         MVC   FN,TOPIC
         MVC   FT,0(R6)
         BAL   R10,SHOWFILE
         LTR   R15,R15
         BZ    EXIT
         LA    R6,8(,R6)
         B     LK1
LK2      L     R6,FTLIST
LK3      CLI   0(R6),X'FF'
         BE    NOHELP
         MVC   FT,0(R6)
         BAL   R10,RESOLVE               FN = the entry's file
         LTR   R15,R15
         BNZ   LK4
         BAL   R10,SHOWFILE
         LTR   R15,R15
         BZ    EXIT
LK4      LA    R6,8(,R6)
         B     LK3
*---------------------------------------------------------------------
* The messages: DMSHLP002E (28), DMSHLP070E (24), DMSHLP003E (24),
* edited by CP's SET EMSG (DIAGNOSE X'5C') before they are typed.
*---------------------------------------------------------------------
NOHELP   MVC   MSGB(MNOL),MNO
         LA    R4,MSGB+MNOL
         CLI   COMPNM,C' '
         BE    NH1
         MVC   0(8,R4),COMPNM
         BAL   R9,SQUEEZE
         MVI   0(R4),C' '
         LA    R4,1(,R4)
NH1      MVC   0(MFORL,R4),MFOR
         LA    R4,MFORL(,R4)
         MVC   0(8,R4),TOPIC
         BAL   R9,SQUEEZE
         MVI   0(R4),X'7D'               the closing quote
         LA    R4,1(,R4)
         LA    R5,28
         B     MSGOUT
BADPARM  MVC   MSGTOK,0(R4)
BADPARM2 MVC   MSGB(MPARL),MPAR
         LA    R4,MSGB+MPARL
MSGQ     MVC   0(8,R4),MSGTOK
         BAL   R9,SQUEEZE
         MVI   0(R4),X'7D'
         LA    R4,1(,R4)
         LA    R5,24
MSGOUT   ST    R5,RETC
         LA    R2,MSGB
         LR    R3,R4
         SR    R3,R2
         DIAG  R2,R3,X'5C'
         LTR   R3,R3
         BZ    EXIT
         WRTERM 0(R2),(R3)
EXIT     L     R15,RETC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
* SQUEEZE: R4 at 8 bytes just moved: R4 after the last that is not
* blank (something before them is not blank).
SQUEEZE  LA    R4,8(,R4)
SQ1      BCTR  R4,0
         CLI   0(R4),C' '
         BE    SQ1
         LA    R4,1(,R4)
         BR    R9
*---------------------------------------------------------------------
* SHOWFILE (R10): types the file FN FT * but its section markers.
* R15 = 0, or 4 when there is no such file.
*---------------------------------------------------------------------
SHOWFILE BAL   R9,RDFIRST
         LTR   R15,R15
         BNZ   SFNONE
SF1      CLI   HBUF,C':'
         BE    SF2
         BAL   R9,TYPEREC
SF2      BAL   R9,RDREC
         LTR   R15,R15
         BZ    SF1
         BAL   R9,CLOSEF
         SR    R15,R15
         BR    R10
SFNONE   LA    R15,4
         BR    R10
*---------------------------------------------------------------------
* SHOWSECT (R10): types the section TOPIC of FN FT *. R15 = 0, or 4
* when there is no such file or section. INSECT: 0 not yet, 1 its
* marker seen, 2 its text being typed.
*---------------------------------------------------------------------
SHOWSECT MVI   INSECT,0
         BAL   R9,RDFIRST
         LTR   R15,R15
         BNZ   SSNONE
SS1      CLI   HBUF,C':'
         BNE   SSTEXT
         CLI   INSECT,2
         BE    SSEND                     the next section
         CLI   INSECT,1
         BE    SSNEXT                    a synonym's marker
         LA    R4,HBUF+1
         BAL   R9,MATCHW
         LTR   R15,R15
         BNZ   SSNEXT
         MVI   INSECT,1
         B     SSNEXT
SSTEXT   CLI   INSECT,0
         BE    SSNEXT
         MVI   INSECT,2
         BAL   R9,TYPEREC
SSNEXT   BAL   R9,RDREC
         LTR   R15,R15
         BZ    SS1
SSEND    BAL   R9,CLOSEF
         CLI   INSECT,0
         BE    SSNONE
         SR    R15,R15
         BR    R10
SSNONE   LA    R15,4
         BR    R10
*---------------------------------------------------------------------
* RESOLVE (R10): TOPIC among the entries of MENU FT *: FN = the file
* it names (the entry's name, or the one after '='), R15 = 0; R15 = 4
* when no entry matches.
*---------------------------------------------------------------------
RESOLVE  MVC   FN,=CL8'MENU'
         BAL   R9,RDFIRST
         LTR   R15,R15
         BNZ   RSNONE
RS1      CLI   HBUF,C' '
         BE    RSNEXT
         CLI   HBUF,C':'
         BE    RSNEXT
         LA    R4,HBUF
         BAL   R9,MATCHW
         LTR   R15,R15
         BZ    RSHIT
RSNEXT   BAL   R9,RDREC
         LTR   R15,R15
         BZ    RS1
RSNONE   LA    R15,4
         BR    R10
RSHIT    MVC   FN,WUP
         LA    R5,HBUF+L'HBUF
RSH1     CR    R4,R5                     R4: after the entry's name
         BNL   RSDONE
         CLI   0(R4),C' '
         BNE   RSH2
         LA    R4,1(,R4)
         B     RSH1
RSH2     CLI   0(R4),C'='
         BNE   RSDONE
         LA    R4,1(,R4)
RSH3     CR    R4,R5
         BNL   RSDONE
         CLI   0(R4),C' '
         BNE   RSH4
         LA    R4,1(,R4)
         B     RSH3
RSH4     BAL   R8,GETWORD                the synonym's file
         MVC   FN,WUP
RSDONE   BAL   R9,CLOSEF
         SR    R15,R15
         BR    R10
*---------------------------------------------------------------------
* MATCHW (R9): R4 at a name in HBUF (R6's notation); R15 = 0 when
* TOPIC abbreviates it (at least its upper case letters, at most the
* name; a name longer than 8, &BEGSTACK, as CMS's 8-character tokens
* cut it). R4 after the name; WUP the name in upper case.
*---------------------------------------------------------------------
MATCHW   BAL   R8,GETWORD
         LA    R1,8
         C     R1,WLEN
         BNL   *+8
         ST    R1,WLEN
         C     R1,WMIN
         BNL   *+8
         ST    R1,WMIN
         L     R5,TOPLEN
         LTR   R5,R5
         BZ    MWNO
         C     R5,WLEN
         BH    MWNO
         C     R5,WMIN
         BL    MWNO
         BCTR  R5,0
         EX    R5,MWCLC
         BNE   MWNO
         SR    R15,R15
         BR    R9
MWNO     LA    R15,4
         BR    R9
MWCLC    CLC   WUP(0),TOPIC
*---------------------------------------------------------------------
* GETWORD (R8): the word at R4 (up to a blank or the end of HBUF):
* WUP its first 8 characters in upper case, WLEN its length, WMIN how
* many characters come before its first lower case letter. R4 after it.
*---------------------------------------------------------------------
GETWORD  MVC   WUP,BLANKS
         SR    R14,R14                   length (not R0: LA's 0)
         SR    R1,R1                     least abbreviation
         MVI   WLOWER,0
GW1      C     R4,=A(HBUF+L'HBUF)
         BNL   GWEND
         CLI   0(R4),C' '
         BE    GWEND
         C     R14,=F'8'
         BNL   GW3
         LA    R15,WUP(R14)
         MVC   0(1,R15),0(R4)
         OI    0(R15),X'40'              upper case
GW3      CLI   WLOWER,0
         BNE   GW4
         TM    0(R4),X'40'               EBCDIC lower case: B'10xxxxxx'
         BO    GW2
         TM    0(R4),X'80'
         BZ    GW2
         MVI   WLOWER,1
         B     GW4
GW2      LA    R1,1(,R1)
GW4      LA    R14,1(,R14)
         LA    R4,1(,R4)
         B     GW1
GWEND    ST    R14,WLEN
         ST    R1,WMIN
         BR    R8
*---------------------------------------------------------------------
* RDFIRST (R9): opens FN FT * and reads its first record; RDREC reads
* the next. The record in HBUF (blanks after it), its length in RLEN;
* R15 = 0, else the end of the file or no such file. CLOSEF closes it.
*---------------------------------------------------------------------
RDFIRST  XC    HFSCB(44),HFSCB
         MVC   HFSCB+8(8),FN
         MVC   HFSCB+16(8),FT
         MVC   HFSCB+24(2),=C'* '
         XC    TOPLEN,TOPLEN             TOPIC's length
         LA    R4,TOPIC+8
         LA    R5,TOPIC
RDF1     BCTR  R4,0
         CLI   0(R4),C' '
         BNE   RDF2
         CR    R4,R5
         BH    RDF1
         B     RDREC                     a blank topic: length 0
RDF2     BCTR  R5,0
         SR    R4,R5
         ST    R4,TOPLEN
RDREC    MVI   HBUF,C' '
         MVC   HBUF+1(L'HBUF-1),HBUF
         MVC   HFSCB(8),=CL8'RDBUF'
         XC    HFSCB+26(2),HFSCB+26      the next record
         LA    R1,HBUF
         ST    R1,HFSCB+28
         LA    R1,L'HBUF
         ST    R1,HFSCB+32
         LA    R1,1
         STH   R1,HFSCB+38
         XC    HFSCB+40(4),HFSCB+40
         LA    R1,HFSCB
         SVC   202
         DC    AL4(1)
         LA    R1,L'HBUF
         C     R15,=F'8'                 a longer record: cut
         BE    RD2
         LTR   R15,R15
         BNZR  R9
         L     R1,HFSCB+40
         C     R1,=A(L'HBUF)
         BNH   RD2
         LA    R1,L'HBUF
RD2      ST    R1,RLEN
         SR    R15,R15
         BR    R9
CLOSEF   MVC   HFSCB(8),=CL8'FINIS'
         LA    R1,HFSCB
         SVC   202
         DC    AL4(1)
         BR    R9
*---------------------------------------------------------------------
* TYPEREC (R9): HBUF without its trailing blanks on the terminal.
*---------------------------------------------------------------------
TYPEREC  L     R5,RLEN
         LA    R4,HBUF-1(R5)
TR1      LTR   R5,R5
         BZ    TR2
         CLI   0(R4),C' '
         BNE   TR2
         BCTR  R4,0
         BCTR  R5,0
         B     TR1
TR2      WRTERM HBUF,(R5)
         BR    R9
         LTORG
*---------------------------------------------------------------------
* Constants and variables (the module is loaded afresh for each HELP).
*---------------------------------------------------------------------
FTBOTH   DC    CL8'HELPCMS',CL8'HELPCP',X'FF'
FTCMS    DC    CL8'HELPCMS',X'FF'
FTCP     DC    CL8'HELPCP',X'FF'
BLANKS   DC    CL8' '
MNO      DC    C'DMSHLP002E NO '
MNOL     EQU   *-MNO
MFOR     DC    C'HELP FOR '''
MFORL    EQU   *-MFOR
MPAR     DC    C'DMSHLP070E INVALID PARAMETER '''
MPARL    EQU   *-MPAR
MOPT     DC    C'DMSHLP003E INVALID OPTION '''
MOPTL    EQU   *-MOPT
         DS    0F
RETC     DS    F
FTLIST   DS    A
TOPLEN   DS    F
RLEN     DS    F
WLEN     DS    F
WMIN     DS    F
HFSCB    DS    11F                       the FSCB (R6's layout)
TOK1     DS    CL8
TOK2     DS    CL8
TOPIC    DS    CL8
COMPNM   DS    CL8
FN       DS    CL8
FT       DS    CL8
WUP      DS    CL8
MSGTOK   DS    CL8
INSECT   DS    X
WLOWER   DS    X
MSGB     DS    CL80
HBUF     DS    CL160
CMSMODE  DS    0D
         END
