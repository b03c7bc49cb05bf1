*---------------------------------------------------------------------
* MACLIB GEN|ADD|REP|DEL|COMP|MAP libname [name ...] [( options ]
* (R6's DMSLBM; docs/CMS.md "Macro libraries"): makes and keeps the
* macro library libname MACLIB, which ASSEMBLE searches after GLOBAL
* MACLIB names it.
*   GEN   a new library on the A-disk (an old one is replaced) from
*         the files fn MACRO (else fn COPY) named
*   ADD   those files' members after the library's
*   REP   the same, each new member's old entries deleted
*   DEL   members' entries deleted (their records stay until COMP)
*   COMP  the records no entry names are removed
*   MAP   the members, with their index and size: to the file
*         libname MAP A5 (DISK, the default), the terminal (TERM) or
*         the printer (PRINT)
* A MACRO file's members are its macro definitions, each named by its
* prototype's operation (with the comment lines before it); a COPY
* file whose first record begins '*COPY name' holds members each
* begun by such a record, otherwise the whole file is one member
* named fn. Records beginning './' (update control cards) or
* X'61FFFF61' are left out, as R6 did.
* The library's layout and the routines that read and write it:
* LIBUTIL.cpy (shared with TXTLIB).
* Return codes: 0; 4 a member to delete was not there; 24 bad
* operands; 28 no such file; 32 not a library of this layout; 100 a
* disk error; 104 not enough storage.
*---------------------------------------------------------------------
         REGEQU
MACLIB   CMSMOD ENTRY=BEGIN,SYSTEM=YES
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
         MVC   LIBFID+8(8),=CL8'MACLIB'
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
         CLI   FUNC,FCOMP                COMP, MAP: no names
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
* The storage: every member record twice (GEN, ADD, REP: a file's
* records, each possibly a member with its X'61FFFF61' record), the
* directory, and again as much for COMP's copy.
SZ1      L     R4,LIBRECS
         SR    R5,R5                     the files' records
         L     R2,NAMES
         L     R3,NNAMES
         CLI   FUNC,FREP
         BH    SZ3                       DEL, COMP, MAP: no files
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
         AR    R6,R5                     records at most
         ST    R6,MEMBMAX
         LA    R7,2(R5,R4)               entries at most
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
         CLI   FUNC,FCOMP
         BE    DOCOMP
         CLI   FUNC,FDEL
         BE    DODEL
* GEN, ADD, REP: each file's members.
         L     R2,NAMES
         L     R3,NNAMES
FN2      L     R0,DIRN
         ST    R0,DIRN0                  the entries before it
         LR    R1,R2
         BAL   R14,ADDFILE
         LTR   R15,R15
         BNZ   ERRFREE
         CLI   FUNC,FREP
         BNE   FN3
         BAL   R14,REPOLD                the old ones go
FN3      LA    R2,8(,R2)
         BCT   R3,FN2
         B     WRITE
* DEL: each name's first entry goes.
DODEL    L     R2,NAMES
         L     R3,NNAMES
DL1      L     R0,DIRN
         ST    R0,DIRN0
         LR    R1,R2
         BAL   R14,DELNAME               R15 = 0 gone, 4 none
         LTR   R15,R15
         BZ    DL2
         LA    R1,M013
         BAL   R14,UMTOK
         MVC   RC,=F'4'
DL2      LA    R2,8(,R2)
         BCT   R3,DL1
         B     WRITE
* COMP: the records no entry names go.
DOCOMP   BAL   R14,COMPRESS
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
* FINDIN: the input file of the name at R1: fn MACRO on any disk, else
* fn COPY. R1 -> its FST (FSCB+8 its fileid, FTYPE the type), R15 =
* 0; else the message (002E for fn MACRO) and R15 = 28.
*---------------------------------------------------------------------
FINDIN   ST    R14,FIS
         XC    FSCB(44),FSCB
         MVC   FSCB+8(8),0(R1)
         MVC   FSCB+16(8),=CL8'MACRO'
         MVC   FSCB+24(2),=C'* '
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BZ    FI9
         MVC   FSCB+16(8),=CL8'COPY'
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BZ    FI9
         MVC   FSCB+16(8),=CL8'MACRO'
         LA    R1,FSCB+8
         BAL   R14,UEFNF
         L     R14,FIS
         BR    R14
FI9      MVC   FSCB+24(2),24(R1)         where it is
         MVC   FTYPE,FSCB+16
         L     R14,FIS
         SR    R15,R15
         BR    R14
*---------------------------------------------------------------------
* ADDFILE: the members of the file named at R1 (FINDIN) after the
* library's. R15 = 0; else the message was typed, R15 its code.
*---------------------------------------------------------------------
ADDFILE  STM   R14,R9,AFS
         MVC   CURFN,0(R1)
         BAL   R14,FINDIN
         LTR   R15,R15
         BNZ   AF99
         L     R0,MEMBN
         ST    R0,MSTART                 the member's first record
         SR    R8,R8                     macro nesting level
         MVI   STATE,0                   0 nothing, 1 want prototype
         MVI   STACKED,0
         MVC   MNAME,CURFN               (a COPY file: fn)
         SR    R9,R9                     the file's records
AF1      L     R6,MEMBN                  the next record's place
         C     R6,MEMBMAX
         BNL   AFFULL
         LR    R1,R6
         MH    R1,=H'80'
         A     R1,MEMB
         LR    R2,R1
         BAL   R14,RDREC
         BNZ   AFEND
         CLC   0(2,R2),=C'./'            (R6 kept no ./ card
         BE    AF1                       nor an end-of-file record)
         CLC   0(4,R2),=X'61FFFF61'
         BE    AF1
         LA    R9,1(,R9)
         LA    R6,1(,R6)
         ST    R6,MEMBN                  kept (for now)
         CLC   FTYPE(4),=C'COPY'
         BE    AFCOPY
* A MACRO file: MACRO ... MEND at nesting level 0 is a member.
         BAL   R14,GETOP                 OPNAME
         CLI   OPNAME,C' '
         BE    AF1                       a comment: kept
         LTR   R8,R8
         BNZ   AF2
         CLC   OPNAME,=CL8'MACRO'
         BNE   AF1
         LA    R8,1
         MVI   STATE,1
         B     AF1
AF2      CLI   STATE,1                   the prototype: the name
         BNE   AF3
         MVC   MNAME,OPNAME
         MVI   STATE,0
         B     AF1
AF3      CLC   OPNAME,=CL8'MACRO'
         BNE   AF4
         LA    R8,1(,R8)
         B     AF1
AF4      CLC   OPNAME,=CL8'MEND'
         BNE   AF1
         BCT   R8,AF1
         BAL   R14,ENDMEMB               the member ends here
         BNZ   AFFULL
         B     AF1
* A COPY file: '*COPY name' records begin members (not kept).
AFCOPY   CLC   0(6,R2),=C'*COPY '
         BNE   AF1
         C     R9,=F'1'
         BE    AFC1
         CLI   STACKED,1
         BNE   AF1                       (not stacked: data)
         L     R1,MEMBN                  the *COPY record goes
         BCTR  R1,0
         ST    R1,MEMBN
         BAL   R14,ENDMEMB
         BNZ   AFFULL
         B     AFC2
AFC1     MVI   STACKED,1
         L     R1,MEMBN
         BCTR  R1,0
         ST    R1,MEMBN
AFC2     LA    R1,6(,R2)                 the name after blanks
         LA    R0,60
AFC3     CLI   0(R1),C' '
         BNE   AFC4
         LA    R1,1(,R1)
         BCT   R0,AFC3
AFC4     MVC   MNAME,=CL8' '
         LA    R3,MNAME
         LA    R0,8
AFC5     CLI   0(R1),C' '
         BE    AF1
         MVC   0(1,R3),0(R1)
         LA    R1,1(,R1)
         LA    R3,1(,R3)
         BCT   R0,AFC5
         B     AF1
* The end of the file: a COPY file's last member ends; what follows a
* MACRO file's last member is dropped.
AFEND    C     R15,=F'12'
         BNE   AFRERR
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         CLC   FTYPE(4),=C'COPY'
         BNE   AFE2
         BAL   R14,ENDMEMB
         BNZ   AFFULL
         B     AFOK
AFE2     MVC   MEMBN,MSTART
AFOK     SR    R15,R15
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
* GETOP: the operation of the record at R2 into OPNAME (blanks for a
* comment, '*' or '.*' in column 1, or a record without one).
*---------------------------------------------------------------------
GETOP    STM   R14,R3,GOS
         MVC   OPNAME,=CL8' '
         CLI   0(R2),C'*'
         BE    GO9
         CLC   0(2,R2),=C'.*'
         BE    GO9
         LR    R1,R2
         LA    R15,71(,R2)               column 72: the end
GO1      CLI   0(R1),C' '                the name field
         BE    GO2
         LA    R1,1(,R1)
         CR    R1,R15
         BL    GO1
         B     GO9
GO2      CLI   0(R1),C' '                the blanks
         BNE   GO3
         LA    R1,1(,R1)
         CR    R1,R15
         BL    GO2
         B     GO9
GO3      LA    R3,OPNAME
         LA    R0,8
GO4      CLI   0(R1),C' '
         BE    GO9
         MVC   0(1,R3),0(R1)
         LA    R1,1(,R1)
         LA    R3,1(,R3)
         CR    R1,R15
         BNL   GO9
         BCT   R0,GO4
GO9      LM    R14,R3,GOS
         BR    R14
*---------------------------------------------------------------------
* REPOLD: each entry from DIRN0 on (the file just added) deletes the
* entries of its name before DIRN0.
*---------------------------------------------------------------------
REPOLD   STM   R14,R5,ROS
         L     R4,DIRN0                  the entry
RO1      C     R4,DIRN
         BNL   RO9
         LR    R5,R4
         MH    R5,=H'12'
         A     R5,DIRA
         MVC   DELNM,0(R5)
RO2      LA    R1,DELNM
         BAL   R14,DELNAME
         LTR   R15,R15
         BNZ   RO3
         BCTR  R4,0                      one less before it
         B     RO2
RO3      LA    R4,1(,R4)
         B     RO1
RO9      LM    R14,R5,ROS
         BR    R14
*---------------------------------------------------------------------
* The functions (their codes: LIBUTIL), this command's own messages,
* its map's heading and whether the map ends with the number of
* entries (MAPOUT), its messages' prefix.
*---------------------------------------------------------------------
FUNCS    DC    CL8'GEN',AL1(3,FGEN)
         DC    CL8'ADD',AL1(3,FADD)
         DC    CL8'REP',AL1(3,FREP)
         DC    CL8'DEL',AL1(3,FDEL)
         DC    CL8'COMP',AL1(4,FCOMP)
         DC    CL8'MAP',AL1(3,FMAP)
         DC    X'FF'
M032     DC    AL1(6),C'032E ''',AL1(17),C''' IS NOT A MACLIB'
MAPHEAD  DC    CL20'MACRO    INDEX  SIZE'
MAPCOUNT DC    AL1(0)
UMID     DC    C'LBM'
         LTORG
         COPY  CMSUTIL
         COPY  LIBUTIL
         LTORG
         DS    0D
         COPY  LIBDATA
CMSMODE  DS    0D
         END
