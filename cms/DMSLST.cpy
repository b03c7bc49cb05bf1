*=====================================================================
* DMSLST: LISTFILE and TYPE (R6's DMSLST, DMSTYP).
*=====================================================================
*---------------------------------------------------------------------
* LISTFILE [fn [ft [fm]]] [(options]: the files (fn, ft * for any; fm
* a letter, A when omitted, or *), in the search order, one a line:
*   FNAME    fn                      FTYPE  fn ft
*   FMODE    fn ft fm (the default)  ALLOC  ... F LRECL RECS BLOCKS
*   DATE     ... and the date and time written    LABEL  ... label
*   HEADER   a line of titles first
*   EXEC     the lines, after "&1 &2 ", into CMS EXEC A1 (F 80), not
*            typed; APPEND: after the lines CMS EXEC has.
* R15 = 0; 24 a bad operand; 28 no file (DMSLST002E); 36 the disk not
* accessed (or A not R/W for EXEC); else WRBUF's error.
*---------------------------------------------------------------------
LISTFILE CMSENT WORK=280
         USING LFWK,R13
         LR    R11,R1
         SR    R7,R7                     files found
         MVI   LFLEVEL,3
         MVI   LFFLAGS,0
         XC    LFFF(36),LFFF
         MVC   LFFF(18),=CL18'*       *       A'
         LA    R10,8(,R11)
         LA    R8,LFFF
         LA    R9,3
LF1      CLI   0(R10),X'FF'
         BE    LF3
         CLI   0(R10),C'('
         BE    LFOPT
         MVC   0(8,R8),0(R10)
         LA    R8,8(,R8)
         LA    R10,8(,R10)
         BCT   R9,LF1
         CLC   LFFF+18(6),=CL6' '       (the fm token: 2 at most)
         BNE   LFBADMOD
         B     LF1A
LF1A     CLI   0(R10),X'FF'
         BE    LF3
         CLI   0(R10),C'('
         BNE   LFBADPAR
LFOPT    LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    LF3
         CLI   0(R10),C')'
         BE    LF3
         LA    R1,LFOPTS
LF2      CLI   0(R1),X'FF'
         BE    LFBADOPT
         CLC   0(8,R10),0(R1)
         BE    LF2A
         LA    R1,10(,R1)
         B     LF2
LF2A     CLI   8(R1),0                   a format (a level), or a flag
         BE    LF2B
         MVC   LFLEVEL,8(R1)
         B     LFOPT
LF2B     OC    LFFLAGS,9(R1)
         B     LFOPT
LF3      MVC   LFFF+18(18),=XL18'00'     (FSFIND's state: its start)
         CLI   LFFF+16,C' '
         BNE   LF3A
         MVI   LFFF+16,C'A'
LF3A     LA    R1,LFFF+16
         NUCALL FMCHECK
         C     R15,=F'4'
         BE    LFBADMOD
         C     R15,=F'8'
         BE    LFNACC
         LTR   R1,R1
         BZ    LF3B
         OI    LFFF+FFFLG-FFD,FFFONE     a letter: not its extensions
LF3B     TM    LFFLAGS,LFFEXEC
         BZ    LF4
         LA    R1,C'A'                   (EXEC: A must be R/W)
         NUCALL ADTOF
         LR    R9,R1
         USING ADTD,R9
         CLI   ADTMODE,0
         BE    LFNACCA
         TM    ADTFLG,ADTFRW
         BZ    LFRO
         DROP  R9
         XC    LFFSCB(44),LFFSCB         CMS EXEC A1 to write
         MVC   LFFSCB(8),=CL8'WRBUF'
         MVC   LFFSCB+8(18),=CL18'CMS     EXEC    A1'
         LA    R1,LFLINE
         ST    R1,LFFSCB+28
         MVC   LFFSCB+32(4),=F'80'
         MVI   LFFSCB+36,C'F'
         MVC   LFFSCB+38(2),=H'1'
* The files.
LF4      LA    R1,LFFF
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   LF9
         LR    R9,R0                     its disk
         LR    R8,R1                     its FST
         LTR   R7,R7
         BNZ   LF5
         TM    LFFLAGS,LFFEXEC           the first: EXEC's old file
         BZ    LF4A                      goes (unless APPEND)
         TM    LFFLAGS,LFFAPP
         BO    LF5
         BAL   R14,LFERASE
         CLI   0(R8),0
         BE    LF4                       (it was CMS EXEC itself)
         B     LF5
LF4A     TM    LFFLAGS,LFFHEAD           or the titles are typed
         BZ    LF5
         MVC   LFLINE,LFHEAD
         SR    R3,R3
         IC    R3,LFLEVEL
         IC    R3,LFLENS-1(R3)
         BAL   R14,LFOUT
LF5      LA    R7,1(,R7)
         BAL   R14,LFBUILD
         BAL   R14,LFOUT
         LTR   R15,R15
         BZ    LF4
         LR    R6,R15                    (WRBUF's error)
         B     LF10
LF9      SR    R6,R6
         LTR   R7,R7
         BNZ   LF10
         LA    R0,LST002
         LA    R6,28
         TM    EXFLAGS,EXFNOMSG          (an EXEC's &CONTROL NOMSG)
         BO    LF9A
         NUCALL FSMSG
LF9A     TM    LFFLAGS,LFFEXEC
         BZ    LFOUTRC
LF10     TM    LFFLAGS,LFFEXEC
         BZ    LFOUTRC
         MVC   LFFSCB(8),=CL8'FINIS'
         LA    R1,LFFSCB
         NUCALL FINIS
         LTR   R6,R6
         BNZ   LF11
         LR    R6,R15
LF11     LA    R1,C'A'                   an erase not committed yet
         NUCALL ADTOF
         TM    ADTFLG-ADTD(R1),ADTFDIR
         BZ    LF12
         LR    R2,R1
         NUCALL FSCOMMIT
LF12     LTR   R6,R6
         BZ    LFOUTRC
         C     R6,=F'28'
         BE    LFOUTRC
         LR    R5,R6
         LA    R0,LST105
         LA    R4,LFFSCB+8
         NUCALL FSMSG
LFOUTRC  CMSRET RC=(R6)
* LFERASE: CMS EXEC A1 erased (dropped if open).
LFERASE  ST    R14,LFRET
         XC    LFFF2(36),LFFF2
         MVC   LFFF2(18),=CL18'CMS     EXEC    A*'
         MVI   LFFF2+FFFLG-FFD,FFFRW+FFFONE
         LA    R1,LFFF2
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   LFER1
         LR    R5,R0
         LR    R3,R1
         SR    R2,R2
         NUCALL AFTOFF
         LR    R2,R5
         NUCALL CHAINOUT
         XC    0(40,R3),0(R3)
         USING ADTD,R5
         L     R1,ADTFILES
         BCTR  R1,0
         ST    R1,ADTFILES
         OI    ADTFLG,ADTFDIR
         DROP  R5
LFER1    L     R14,LFRET
         BR    R14
* LFBUILD: the line of the FST at R8 (disk R9) in LFLINE, R3 its
* length for the level.
LFBUILD  ST    R14,LFRET
         USING FSTD,R8
         MVC   LFLINE,=CL80' '
         MVC   LFLINE(8),FSTFNAME
         MVC   LFLINE+9(8),FSTFTYPE
         MVC   LFLINE+18(2),FSTFMODE
         CLI   LFLEVEL,4
         BL    LFB9
         MVC   LFLINE+21(1),FSTRECFM
         SR    R3,R3                     (none of these is typed
         L     R1,FSTLRECL               when the level is below)
         LA    R2,LFLINE+22
         LA    R3,6
         NUCALL NUMED
         SR    R1,R1
         ICM   R1,3,FSTRECCT
         LA    R3,7
         NUCALL NUMED
         ICM   R1,3,FSTBLKCT
         NUCALL NUMED
         MVC   LFW(2),FSTDATEW           mm/dd/yy hh:mm
         MVI   LFW+2,X'0F'
         UNPK  LFX(5),LFW(3)
         MVC   LFLINE+43(2),LFX
         MVI   LFLINE+45,C'/'
         MVC   LFLINE+46(2),LFX+2
         MVI   LFLINE+48,C'/'
         MVC   LFLINE+49(2),FSTYEARW
         MVC   LFW(2),FSTTIMEW
         UNPK  LFX(5),LFW(3)
         MVC   LFLINE+52(2),LFX
         MVI   LFLINE+54,C':'
         MVC   LFLINE+55(2),LFX+2
         MVC   LFLINE+58(6),ADTID-ADTD(R9)
LFB9     SR    R3,R3
         IC    R3,LFLEVEL
         IC    R3,LFLENS-1(R3)
         L     R14,LFRET
         BR    R14
         DROP  R8
* LFOUT: LFLINE (R3 bytes) typed, or written to CMS EXEC after &1 &2.
* R15 = 0 or WRBUF's error.
LFOUT    ST    R14,LFRET2
         TM    LFFLAGS,LFFEXEC
         BO    LFO1
         LA    R1,LFLINE
         LA    R4,LFLINE(R3)             (trailing blanks off)
LFO0     BCTR  R4,0
         CR    R4,R1
         BNH   LFO0A
         CLI   0(R4),C' '
         BE    LFO0
LFO0A    LA    R0,1(,R4)
         SR    R0,R1
         NUCALL TYPLINE
         SR    R15,R15
         L     R14,LFRET2
         BR    R14
LFO1     MVC   LFX(64),LFLINE
         MVC   LFLINE(6),=C'&&1 &&2 '
         MVC   LFLINE+6(64),LFX
         MVC   LFLINE+70(10),=CL10' '
         LA    R1,LFFSCB
         NUCALL WRBUF
         L     R14,LFRET2
         BR    R14
LFBADMOD LA    R0,LST048
         LA    R2,LFFF+16
         B     LFBAD
LFBADPAR LA    R0,LST070
         LR    R2,R10
         B     LFBAD
LFBADOPT LA    R0,LST003
         LR    R2,R10
LFBAD    LA    R3,8
         NUCALL FSMSG
         CMSRET RC=24
LFNACCA  LA    R0,LST069
         LA    R2,=C'A'
         B     LFNACC1
LFNACC   LA    R0,LST069
         LA    R2,LFFF+16
LFNACC1  LA    R3,1
         NUCALL FSMSG
         CMSRET RC=36
LFRO     LA    R0,LST037
         LA    R2,=C'A'
         B     LFNACC1
LFOPTS   DC    CL8'FNAME',AL1(1,0),CL8'FN',AL1(1,0)
         DC    CL8'FTYPE',AL1(2,0),CL8'FT',AL1(2,0)
         DC    CL8'FMODE',AL1(3,0),CL8'FM',AL1(3,0)
         DC    CL8'ALLOC',AL1(4,0),CL8'DATE',AL1(5,0)
         DC    CL8'LABEL',AL1(6,0)
         DC    CL8'HEADER',AL1(0,LFFHEAD)
         DC    CL8'EXEC',AL1(0,LFFEXEC),CL8'APPEND',AL1(0,LFFAPP)
         DC    X'FF'
LFLENS   DC    AL1(8,17,20,42,57,64)
LFHEAD   DC    CL40'FILENAME FILETYPE FM F LRECL   RECS BLOC'
         DC    CL40'KS DATE     TIME  LABEL'
LST002   DC    AL1(LST002Z-LST002-1),C'DMSLST002E FILE NOT FOUND'
LST002Z  EQU   *
LST003   DC    AL1(LST003Z-LST003-1),C'DMSLST003E INVALID OPTION '''
         DC    X'01',C''''
LST003Z  EQU   *
LST037   DC    AL1(LST037Z-LST037-1),C'DMSLST037E DISK '''
         DC    X'01',C''' IS READ/ONLY'
LST037Z  EQU   *
LST048   DC    AL1(LST048Z-LST048-1),C'DMSLST048E INVALID MODE '''
         DC    X'01',C''''
LST048Z  EQU   *
LST069   DC    AL1(LST069Z-LST069-1),C'DMSLST069E DISK '''
         DC    X'01',C''' NOT ACCESSED'
LST069Z  EQU   *
LST070   DC    AL1(LST070Z-LST070-1)
         DC    C'DMSLST070E INVALID PARAMETER ''',X'01',C''''
LST070Z  EQU   *
LST105   DC    AL1(LST105Z-LST105-1),C'DMSLST105S ERROR ',X'03'
         DC    C' WRITING FILE ''',X'02',C''' ON DISK'
LST105Z  EQU   *
         DROP  R13
         LTORG
LFWK     DSECT
         DS    18F
LFRET    DS    A
LFRET2   DS    A
LFFF     DS    XL36
LFFF2    DS    XL36
LFFSCB   DS    XL44
LFLEVEL  DS    X
LFFLAGS  DS    X
LFFHEAD  EQU   X'80'
LFFEXEC  EQU   X'40'
LFFAPP   EQU   X'20'
LFW      DS    XL3
LFLINE   DS    CL80
LFX      DS    CL64
NUCLEUS  CSECT
*---------------------------------------------------------------------
* TYPE fn ft [fm] [rec1 [rec2]] [(HEX|COL m-n]: the records (rec1 to
* rec2, * the last; all when omitted) typed, trailing blanks off, 130
* characters a line; COL: columns m to n only; HEX: in hexadecimal, 32
* bytes a line. fm * when omitted (the search order). R15 = 0; 24 a
* bad operand; 28 not found; 36 the disk not accessed; 100 a read
* error (DMSTYP104S).
*---------------------------------------------------------------------
TYPECMD  CMSENT WORK=208
         USING TYWK,R13
         LR    R11,R1
         XC    TYFF(36),TYFF
         MVC   TYFF+16(2),=C'* '
         LA    R1,1
         ST    R1,TYREC1
         ST    R1,TYCOL1
         L     R1,=F'65535'
         ST    R1,TYREC2
         ST    R1,TYCOL2
         MVI   TYHEX,0
         XC    TYBUF,TYBUF
         LA    R10,8(,R11)
         CLI   0(R10),X'FF'
         BE    TYINC
         CLI   0(R10),C'('
         BE    TYINC
         MVC   TYFF(8),0(R10)
         CLI   8(R10),X'FF'
         BE    TYINC
         CLI   8(R10),C'('
         BE    TYINC
         MVC   TYFF+8(8),8(R10)
         LA    R10,16(,R10)
         CLI   0(R10),X'FF'
         BE    TY4
         CLI   0(R10),C'('
         BE    TYOPT
         CLI   0(R10),C'0'               a number: rec1
         BNL   TY2
         CLC   2(6,R10),=CL6' '
         BNE   TYBADMOD
         MVC   TYFF+16(2),0(R10)
         LA    R10,8(,R10)
TY2      CLI   0(R10),X'FF'
         BE    TY4
         CLI   0(R10),C'('
         BE    TYOPT
         LR    R1,R10
         LA    R2,10
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   TYBADPAR
         LTR   R0,R0
         BZ    TYBADPAR
         ST    R0,TYREC1
         LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    TY4
         CLI   0(R10),C'('
         BE    TYOPT
         CLC   0(8,R10),=CL8'*'
         BE    TY3
         LR    R1,R10
         LA    R2,10
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   TYBADPAR
         C     R0,TYREC1
         BL    TYBADPAR
         ST    R0,TYREC2
TY3      LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    TY4
         CLI   0(R10),C'('
         BNE   TYBADPAR
TYOPT    LA    R10,8(,R10)
         CLI   0(R10),X'FF'
         BE    TY4
         CLI   0(R10),C')'
         BE    TY4
         CLC   0(8,R10),=CL8'HEX'
         BNE   TYO1
         MVI   TYHEX,1
         B     TYOPT
TYO1     CLC   0(8,R10),=CL8'COL'
         BNE   TYBADOPT
         LA    R10,8(,R10)               m-n (or m)
         MVC   TYW(8),0(R10)
         LA    R1,TYW
         LA    R2,TYW+8
TYO2     CLI   0(R1),C'-'
         BE    TYO3
         LA    R1,1(,R1)
         CR    R1,R2
         BL    TYO2
         B     TYO4
TYO3     MVC   TYW2(8),=CL8' '
         LA    R3,TYW+7
         SR    R3,R1
         BNP   TYO3A
         BCTR  R3,0
         EX    R3,TYMVCN
TYO3A    LA    R3,TYW+8                  the dash and after: blanks
TYO3B    MVI   0(R1),C' '
         LA    R1,1(,R1)
         CR    R1,R3
         BL    TYO3B
         LA    R1,TYW2
         LA    R2,10
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   TYBADPAR
         ST    R0,TYCOL2
TYO4     LA    R1,TYW
         LA    R2,10
         NUCALL PARSENUM
         LTR   R15,R15
         BNZ   TYBADPAR
         LTR   R0,R0
         BZ    TYBADPAR
         ST    R0,TYCOL1
         C     R0,TYCOL2
         BH    TYBADPAR
         B     TYOPT
* The file.
TY4      CLI   TYFF+16,C' '
         BNE   TY4A
         MVI   TYFF+16,C'*'
TY4A     LA    R1,TYFF+16
         NUCALL FMCHECK
         C     R15,=F'4'
         BE    TYBADMOD
         C     R15,=F'8'
         BE    TYNACC
         LA    R1,TYFF
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   TYNF
         LR    R9,R1                     its FST
         USING FSTD,R9
         MVC   TYFSCB+8(16),FSTFNAME
         MVC   TYFSCB+24(2),FSTFMODE
         L     R0,FSTLRECL
         DROP  R9
         LTR   R0,R0
         BNZ   TY5
         LA    R0,1
TY5      ST    R0,TYBUFL
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   TYNOSTG
         ST    R1,TYBUF
         MVC   TYFSCB(8),=CL8'RDBUF'
         ST    R1,TYFSCB+28
         MVC   TYFSCB+32(4),TYBUFL
         MVC   TYFSCB+38(2),=H'1'
         MVC   TYFSCB+26(2),TYREC1+2
         L     R7,TYREC1
* Each record.
TY6      C     R7,TYREC2
         BH    TYEND
         LA    R1,TYFSCB
         NUCALL RDBUF
         XC    TYFSCB+26(2),TYFSCB+26    then the next
         C     R15,=F'12'
         BE    TYEND
         C     R15,=F'8'                 (a record longer than LRECL:
         BE    TY6A                      typed as far as it was read)
         LTR   R15,R15
         BNZ   TYERR
TY6A     DS    0H
         L     R2,TYBUF                  its columns
         L     R3,TYFSCB+40
         L     R1,TYCOL2
         CR    R3,R1
         BNH   TY7
         LR    R3,R1
TY7      L     R1,TYCOL1
         BCTR  R1,0
         AR    R2,R1
         SR    R3,R1
         BNP   TYEMPTY
         CLI   TYHEX,0
         BNE   TYHEXL
         LR    R4,R2                     trailing blanks off
         AR    R4,R3
TY8      BCTR  R4,0
         CR    R4,R2
         BL    TYEMPTY
         CLI   0(R4),C' '
         BE    TY8
         LA    R3,1(,R4)
         SR    R3,R2
TY9      LR    R1,R2                     130 a line
         LR    R0,R3
         C     R0,=F'130'
         BNH   TY9A
         LA    R0,130
TY9A     NUCALL TYPLINE
         LA    R2,130(,R2)
         S     R3,=F'130'
         BP    TY9
         B     TYNEXT
TYEMPTY  LA    R1,=C' '
         LA    R0,1
         NUCALL TYPLINE
         B     TYNEXT
* HEX: 32 bytes a line, in groups of 4.
TYHEXL   LA    R4,TYLINE
         LA    R5,32
         CR    R5,R3
         BNH   TYH1
         LR    R5,R3
TYH1     SR    R6,R6                     bytes on this line
TYH2     SR    R1,R1
         IC    R1,0(,R2)
         SRL   R1,4
         IC    R1,TYHEXTAB(R1)
         STC   R1,0(,R4)
         IC    R1,0(,R2)
         N     R1,=F'15'
         IC    R1,TYHEXTAB(R1)
         STC   R1,1(,R4)
         LA    R4,2(,R4)
         LA    R2,1(,R2)
         LA    R6,1(,R6)
         LA    R1,3
         NR    R1,R6
         BNZ   TYH3
         MVI   0(R4),C' '
         LA    R4,1(,R4)
TYH3     BCT   R5,TYH2
         LA    R1,TYLINE
         LR    R0,R4
         SR    R0,R1
         NUCALL TYPLINE
         SR    R3,R6
         BP    TYHEXL
TYNEXT   LA    R7,1(,R7)
         B     TY6
TYEND    SR    R8,R8
         B     TYCLOSE
TYERR    LR    R5,R15
         LA    R0,TYP104
         LA    R4,TYFSCB+8
         LA    R8,100
         NUCALL FSMSG
TYCLOSE  MVC   TYFSCB(8),=CL8'FINIS'
         LA    R1,TYFSCB
         NUCALL FINIS
         L     R1,TYBUF
         L     R0,TYBUFL
         NUCALL FRETFREE
         CMSRET RC=(R8)
TYNOSTG  LA    R8,104
         CMSRET RC=(R8)
TYINC    LA    R0,TYP054
         LA    R8,24
         B     TYMSG
TYBADMOD LA    R0,TYP048
         LR    R2,R10
         LA    R3,8
         LA    R8,24
         B     TYMSG
TYBADPAR LA    R0,TYP070
         LR    R2,R10
         LA    R3,8
         LA    R8,24
         B     TYMSG
TYBADOPT LA    R0,TYP003
         LR    R2,R10
         LA    R3,8
         LA    R8,24
         B     TYMSG
TYNACC   LA    R0,TYP069
         LA    R2,TYFF+16
         LA    R3,1
         LA    R8,36
         B     TYMSG
TYNF     LA    R0,TYP002
         LA    R4,TYFF
         LA    R8,28
TYMSG    NUCALL FSMSG
         CMSRET RC=(R8)
TYMVCN   MVC   TYW2(0),1(R1)
TYHEXTAB DC    C'0123456789ABCDEF'
TYP002   DC    AL1(TYP002Z-TYP002-1),C'DMSTYP002E FILE '''
         DC    X'02',C''' NOT FOUND'
TYP002Z  EQU   *
TYP003   DC    AL1(TYP003Z-TYP003-1),C'DMSTYP003E INVALID OPTION '''
         DC    X'01',C''''
TYP003Z  EQU   *
TYP048   DC    AL1(TYP048Z-TYP048-1),C'DMSTYP048E INVALID MODE '''
         DC    X'01',C''''
TYP048Z  EQU   *
TYP054   DC    AL1(TYP054Z-TYP054-1)
         DC    C'DMSTYP054E INCOMPLETE FILEID SPECIFIED'
TYP054Z  EQU   *
TYP069   DC    AL1(TYP069Z-TYP069-1),C'DMSTYP069E DISK '''
         DC    X'01',C''' NOT ACCESSED'
TYP069Z  EQU   *
TYP070   DC    AL1(TYP070Z-TYP070-1)
         DC    C'DMSTYP070E INVALID PARAMETER ''',X'01',C''''
TYP070Z  EQU   *
TYP104   DC    AL1(TYP104Z-TYP104-1),C'DMSTYP104S ERROR ',X'03'
         DC    C' READING FILE ''',X'02',C''' FROM DISK'
TYP104Z  EQU   *
         DROP  R13
         LTORG
TYWK     DSECT
         DS    18F
TYFF     DS    XL36
TYFSCB   DS    XL44
TYREC1   DS    F
TYREC2   DS    F
TYCOL1   DS    F
TYCOL2   DS    F
TYBUF    DS    A
TYBUFL   DS    F
TYHEX    DS    X
         DS    XL3
TYW      DS    CL8
TYW2     DS    CL8
TYLINE   DS    CL80
NUCLEUS  CSECT
