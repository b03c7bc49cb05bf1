*---------------------------------------------------------------------
* TXTLIB GEN|ADD|DEL|MAP libname [name ...] [( options ]
* (R6's DMSLBT; docs/CMS.md "Text libraries"): makes and keeps the
* text library libname TXTLIB, whose members LOAD and INCLUDE load
* after GLOBAL TXTLIB names it: a member named in LOAD's list, and the
* member with a name still undefined after the TEXT files (AUTO).
*   GEN   a new library on the A-disk (an old one is replaced) from
*         the files fn TEXT named
*   ADD   those files after the library's members (no name checked)
*   DEL   the members of the names given (a member's first entry, as
*         R6 required: its entry points' names are refused), and the
*         library compressed
*   MAP   the entries (name, index, size) and their number: to the
*         file libname MAP A5 (DISK, the default), the terminal (TERM)
*         or the printer (PRINT)
* A TEXT file is one member, its cards and an LDT card (R6's loader
* terminate card, blank after column 4); it has a directory entry for
* each control section (SD) and entry point (LD) its ESD cards name,
* the first one being the member's name.
* The library's layout and the routines that read and write it:
* LIBUTIL.cpy (shared with MACLIB).
* Return codes: 0; 4 a member to delete was not there; 24 bad
* operands; 28 no such file; 32 not a library of this layout, or a
* TEXT file with no name; 100 a disk error; 104 not enough storage.
*---------------------------------------------------------------------
         REGEQU
TXTLIB   CMSMOD ENTRY=BEGIN,SYSTEM=YES
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         LA    R10,2048(,R11)
         LA    R10,2048(,R10)
         USING BEGIN,R12,R11,R10
         LR    R9,R1                     the PLIST
         XC    RC,RC
         XC    AREA,AREA
         MVI   TOTERM,0
* The function.
         CLI   8(R9),X'FF'
         BE    ENOFUNC
         LA    R1,8(,R9)
         LA    R15,FUNCS
         BAL   R14,UOPT
         STC   R15,FUNC
         LTR   R15,R15
         BZ    EBADFUNC
* The library's name, the names, the options.
         CLI   16(R9),X'FF'
         BE    ENOLIB
         CLI   16(R9),C'('
         BE    ENOLIB
         MVC   LIBFID(8),16(R9)
         MVC   LIBFID+8(8),=CL8'TXTLIB'
         MVC   LIBFID+16(2),=C'A1'
         LA    R2,24(,R9)
         ST    R2,NAMES
         SR    R3,R3
NM1      CLI   0(R2),X'FF'
         BE    NM3
         CLI   0(R2),C'('
         BE    OPTS
         LA    R3,1(,R3)
         LA    R2,8(,R2)
         B     NM1
OPTS     LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    NM3
         CLI   0(R2),C')'
         BE    NM3
         CLI   FUNC,FMAP                 options: MAP's
         BNE   EOPT
         LR    R1,R2
         LA    R15,MAPOPTS
         BAL   R14,UOPT
         LTR   R15,R15
         BZ    EOPT
         BCTR  R15,0
         STC   R15,TOTERM                0 DISK, 1 TERM, 2 PRINT
         B     OPTS
NM3      ST    R3,NNAMES
         CLI   FUNC,FMAP                 MAP: no names
         BL    NM4
         LTR   R3,R3
         BNZ   EPARM
         B     NM5
NM4      LTR   R3,R3
         BZ    ENOFN
* The library as it is (not for GEN): where, and how big.
NM5      XC    LIBRECS,LIBRECS
         CLI   FUNC,FGEN
         BE    SZ1
         XC    FSCB(44),FSCB
         MVC   FSCB+8(16),LIBFID
         MVC   FSCB+24(2),=C'* '
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BZ    NM6
         MVC   LIBFID+16(2),=C'* '
         LA    R1,LIBFID
         BAL   R14,UESTATE
         B     ERRX
NM6      MVC   LIBFID+16(2),24(R1)       where it is
         LH    R0,26(,R1)                its records
         N     R0,=X'0000FFFF'
         ST    R0,LIBRECS
* The storage: the members' records and two more each (GEN, ADD: a
* file's records, its LDT card and its X'61FFFF61' record), the
* directory, and again as much for the compression after DEL.
SZ1      L     R4,LIBRECS
         SR    R5,R5                     the files' records
         L     R2,NAMES
         L     R3,NNAMES
         CLI   FUNC,FADD
         BH    SZ3                       DEL, MAP: no files
         LTR   R3,R3
         BZ    SZ3
SZ2      LR    R1,R2
         BAL   R14,FINDIN                R1 -> its FST, or R15
         LTR   R15,R15
         BNZ   ERRX
         LH    R0,26(,R1)
         N     R0,=X'0000FFFF'
         AR    R5,R0
         LA    R2,8(,R2)
         BCT   R3,SZ2
SZ3      LA    R6,2(R5,R4)
         AR    R6,R5                     records at most (a file's,
         AR    R6,R5                     its LDT and X'61FFFF61')
         ST    R6,MEMBMAX
         LA    R7,2(R5,R4)               entries at most: 3 a card
         MH    R7,=H'3'
         ST    R7,DIRMAX
         LR    R3,R6
         MH    R3,=H'160'                two copies of the records
         LR    R1,R7
         MH    R1,=H'12'
         AR    R3,R1
         LA    R3,160+7(,R3)             and a record's spare
         SRL   R3,3
         ST    R3,AREADW
         DMSFREE DWORDS=(R3),ERR=ENOMEM
         ST    R1,AREA
         ST    R1,MEMB
         LR    R3,R6
         MH    R3,=H'80'
         AR    R1,R3
         ST    R1,MEMB2
         AR    R1,R3
         ST    R1,DIRA
         XC    MEMBN,MEMBN
         XC    DIRN,DIRN
         CLI   FUNC,FGEN
         BE    FN1
         BAL   R14,READLIB
         LTR   R15,R15
         BNZ   ERRFREE
* The function.
FN1      CLI   FUNC,FMAP
         BE    DOMAP
         CLI   FUNC,FDEL
         BE    DODEL
* GEN, ADD: each file a member.
         L     R2,NAMES
         L     R3,NNAMES
FN2      LR    R1,R2
         BAL   R14,ADDFILE
         LTR   R15,R15
         BNZ   ERRFREE
         LA    R2,8(,R2)
         BCT   R3,FN2
         B     WRITE
* DEL: each name's member goes, then what no entry names.
DODEL    L     R2,NAMES
         L     R3,NNAMES
DL1      LR    R1,R2
         BAL   R14,DELMEMB               R15 = 0 gone, 4 none
         LTR   R15,R15
         BZ    DL2
         LA    R1,M013
         BAL   R14,UMTOK
         MVC   RC,=F'4'
DL2      LA    R2,8(,R2)
         BCT   R3,DL1
         BAL   R14,COMPRESS
* The library written anew.
WRITE    BAL   R14,WRLIB
         BNZ   ERRFREE
DONE     BAL   R14,FREEAREA
         B     EXIT
* MAP.
DOMAP    BAL   R14,MAPOUT
         LTR   R15,R15
         BNZ   ERRFREE
         B     DONE
*---------------------------------------------------------------------
* FINDIN: the file fn TEXT on any disk of the name at R1. R1 -> its
* FST (FSCB+8 its fileid), R15 = 0; else 002E and R15 = 28.
*---------------------------------------------------------------------
FINDIN   ST    R14,FIS
         XC    FSCB(44),FSCB
         MVC   FSCB+8(8),0(R1)
         MVC   FSCB+16(8),=CL8'TEXT'
         MVC   FSCB+24(2),=C'* '
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BZ    FI9
         LA    R1,FSCB+8
         BAL   R14,UEFNF
         L     R14,FIS
         BR    R14
FI9      MVC   FSCB+24(2),24(R1)         where it is
         L     R14,FIS
         SR    R15,R15
         BR    R14
*---------------------------------------------------------------------
* ADDFILE: the file fn TEXT named at R1 (FINDIN) as a member after
* the library's: an entry for each SD and LD its ESD cards name. R15
* = 0; else the message was typed, R15 its code.
*---------------------------------------------------------------------
ADDFILE  STM   R14,R9,AFS
         MVC   CURFN,0(R1)
         BAL   R14,FINDIN
         LTR   R15,R15
         BNZ   AF99
         L     R0,MEMBN
         ST    R0,MSTART                 the member's first record
         L     R0,DIRN
         ST    R0,DIRN0                  its first entry
AF1      L     R6,MEMBN                  the next record's place
         C     R6,MEMBMAX
         BNL   AFFULL
         LR    R1,R6
         MH    R1,=H'80'
         A     R1,MEMB
         LR    R2,R1
         BAL   R14,RDREC
         BNZ   AFEND
         LA    R6,1(,R6)
         ST    R6,MEMBN
         CLC   0(4,R2),=X'02C5E2C4'      an ESD card: its names
         BNE   AF1
         LH    R5,10(,R2)                its items' bytes
         LA    R4,16(,R2)
AF2      LTR   R5,R5
         BNP   AF1
         CLI   8(R4),X'01'               SD X'00', LD X'01'
         BH    AF3
         CLI   0(R4),C' '                (a private section: none)
         BE    AF3
         LR    R1,R4
         L     R0,MSTART
         AH    R0,=H'2'
         SR    R3,R3                     (its size: at the end)
         BAL   R14,ADDENT
         BNZ   AFFULL
AF3      LA    R4,16(,R4)
         SH    R5,=H'16'
         B     AF2
* The end of the file: its X'61FFFF61' record; its entries' size.
AFEND    C     R15,=F'12'
         BNE   AFRERR
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         CLC   DIRN,DIRN0
         BE    AFNONAME
         L     R1,MEMBN                  an LDT card ends the member
         LA    R0,2(,R1)                 (R6's loader-terminate card)
         C     R0,MEMBMAX
         BH    AFFULL
         LA    R0,1(,R1)
         ST    R0,MEMBN
         MH    R1,=H'80'
         A     R1,MEMB
         MVI   0(R1),C' '
         MVC   1(79,R1),0(R1)
         MVC   0(4,R1),=X'02D3C4E3'      X'02' LDT
         L     R3,MEMBN
         S     R3,MSTART                 its records
         L     R1,MEMBN
         LA    R0,1(,R1)
         ST    R0,MEMBN
         MH    R1,=H'80'
         A     R1,MEMB
         XC    0(80,R1),0(R1)
         MVC   0(4,R1),=X'61FFFF61'
         L     R4,DIRN0
         L     R5,DIRN
         SR    R5,R4
         MH    R4,=H'12'
         A     R4,DIRA
AFE1     STH   R3,10(,R4)
         LA    R4,12(,R4)
         BCT   R5,AFE1
         SR    R15,R15
         B     AF99
AFNONAME MVC   MEMBN,MSTART              no name: not added
         LA    R2,FSCB+8
         LA    R1,M030
         BAL   R14,UMFID
         LA    R15,32
         B     AF99
AFRERR   ST    R15,IORC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R0,IORC
         LA    R1,FSCB+8
         BAL   R14,UERD
         B     AF99
AFFULL   LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         BAL   R14,UENOMEM
AF99     L     R14,AFS
         LM    R0,R9,AFS+8
         BR    R14
*---------------------------------------------------------------------
* DELMEMB: the member whose name (its first entry, as R6 required) is
* at R1 goes from the directory: every entry of its first record. R15
* = 0; 4 no member of that name.
*---------------------------------------------------------------------
DELMEMB  STM   R14,R5,DMS
         L     R2,DIRA
         L     R3,DIRN
         LTR   R3,R3
         BZ    DM8
DM1      CLC   0(8,R2),0(R1)
         BNE   DM1N
         L     R5,DIRA                   a member's first entry?
DM1A     CR    R5,R2
         BNL   DM2                       yes
         CLC   8(2,R5),8(R2)
         BE    DM1N                      no: an entry point's
         LA    R5,12(,R5)
         B     DM1A
DM1N     LA    R2,12(,R2)
         BCT   R3,DM1
DM8      LA    R15,4
         B     DM9
DM2      LH    R4,8(,R2)                 the member's first record
         L     R2,DIRA                   its entries go, the rest move
         LR    R5,R2
         L     R3,DIRN
DM3      CH    R4,8(,R2)
         BE    DM4
         MVC   0(12,R5),0(R2)
         LA    R5,12(,R5)
DM4      LA    R2,12(,R2)
         BCT   R3,DM3
         S     R5,DIRA
         SR    R4,R4
         D     R4,=F'12'
         ST    R5,DIRN
         SR    R15,R15
DM9      L     R14,DMS
         LM    R0,R5,DMS+8
         BR    R14
*---------------------------------------------------------------------
* The functions (their codes: LIBUTIL), this command's own messages,
* its map's heading and whether the map ends with the number of
* entries (MAPOUT), its messages' prefix.
*---------------------------------------------------------------------
FUNCS    DC    CL8'GEN',AL1(3,FGEN)
         DC    CL8'ADD',AL1(3,FADD)
         DC    CL8'DEL',AL1(3,FDEL)
         DC    CL8'MAP',AL1(3,FMAP)
         DC    X'FF'
M032     DC    AL1(6),C'032E ''',AL1(17),C''' IS NOT A TXTLIB'
M030     DC    AL1(6),C'030E '''
         DC    AL1(28),C''' HAS NO CSECT OR ENTRY NAME'
MAPHEAD  DC    CL20'ENTRY    INDEX  SIZE'
MAPCOUNT DC    AL1(1)
UMID     DC    C'LBT'
         LTORG
         COPY  CMSUTIL
         COPY  LIBUTIL
         LTORG
         DS    0D
         COPY  LIBDATA
DMS      DS    8F
CMSMODE  DS    0D
         END
