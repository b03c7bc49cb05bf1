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
         BAL   R14,LIBINIT               (LIBUTIL)
* The function.
         CLI   FUNC,FMAP
         BE    DOMAP
         CLI   FUNC,FDEL
         BNE   DOADD                     GEN, ADD (LIBUTIL)
* DEL: each name's member goes, then what no entry names.
         BAL   R14,DELNAMES
         BAL   R14,COMPRESS
         B     WRITE
*---------------------------------------------------------------------
* ADDFILE: the file fn TEXT named at R1 (FINDIN) as a member after
* the library's: an entry for each SD and LD its ESD cards name. R15
* = 0; else the message was typed, R15 its code.
*---------------------------------------------------------------------
ADDFILE  STM   R14,R9,AFS
         BAL   R14,AFBEGIN               (LIBUTIL)
         BNZ   AF99
AF1      BAL   R14,AFNEXT                R2 -> it, R6 = MEMBN
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
* The functions (their codes: LIBUTIL) and what LIBINIT needs: the
* file type, the first function without names, the records and
* entries a file's record may bring; this command's own messages,
* its map's heading and whether the map ends with the number of
* entries (MAPOUT), its messages' prefix.
*---------------------------------------------------------------------
FUNCS    DC    CL8'GEN',AL1(3,FGEN)
         DC    CL8'ADD',AL1(3,FADD)
         DC    CL8'DEL',AL1(3,FDEL)
         DC    CL8'MAP',AL1(3,FMAP)
         DC    X'FF'
LIBTYPE  DC    CL8'TXTLIB'
INTYPES  DC    CL8'TEXT',X'FF'
NONAMES  DC    AL1(FMAP)                 MAP: no names
RECSPER  DC    H'3'
ENTSPER  DC    H'3'
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
