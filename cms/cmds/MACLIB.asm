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
*         libname MAP A5 (DISK, the default) or the terminal (TERM)
* A MACRO file's members are its macro definitions, each named by its
* prototype's operation (with the comment lines before it); a COPY
* file whose first record begins '*COPY name' holds members each
* begun by such a record, otherwise the whole file is one member
* named fn.
* The library (F 80, R6's layout): record 1 C'LIBPDS', H the record
* the directory begins at, F the directory's bytes, zeros; from
* record 2 the members, each followed by a record beginning
* X'61FFFF61'; then the directory, entries of 12 bytes packed across
* its records: CL8 name, H the member's first record, H its records
* (without the X'61FFFF61' record), the last record filled with
* zeros. The library is built in storage and written anew.
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
         STC   R15,TOTERM                0 DISK, 1 TERM
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
* COMP: the members the directory names, in its order, into the
* second copy, their entries' records renumbered.
DOCOMP   L     R6,MEMB2                  where the next goes
         L     R4,DIRA
         L     R5,DIRN
         LTR   R5,R5
         BZ    CM3
CM1      LR    R1,R6
         S     R1,MEMB2
         SR    R0,R0
         D     R0,=F'80'                 the records before it
         LA    R7,2(,R1)                 its new first record
         LH    R1,8(,R4)                 its old one
         LH    R8,10(,R4)                its records
         STH   R7,8(,R4)
         BAL   R14,CMCOPY
         LA    R4,12(,R4)
         BCT   R5,CM1
CM3      LR    R1,R6
         S     R1,MEMB2
         SR    R0,R0
         D     R0,=F'80'
         ST    R1,MEMBN
         MVC   MEMB,MEMB2
         B     WRITE
* MAP.
DOMAP    BAL   R14,MAPOUT
         LTR   R15,R15
         BNZ   ERRFREE
         B     DONE
*---------------------------------------------------------------------
* The library written anew: the header, the members, the directory.
*---------------------------------------------------------------------
WRITE    XC    FSCB(44),FSCB
         MVC   FSCB+8(18),LIBFID
         LA    R1,FSCB
         LA    R0,UERASE
         BAL   R14,UFS
         XC    HDR,HDR
         MVC   HDR(6),=C'LIBPDS'
         L     R1,MEMBN
         LA    R1,2(,R1)
         STH   R1,HDR+6                  the directory's record
         L     R1,DIRN
         MH    R1,=H'12'
         ST    R1,HDR+8                  its bytes
         LA    R1,HDR
         LA    R0,1
         BAL   R14,WRRECS
         BNZ   EWRERR
         L     R1,MEMB
         L     R0,MEMBN
         BAL   R14,WRRECS
         BNZ   EWRERR
* The directory, its last record filled with zeros.
         L     R1,DIRN
         MH    R1,=H'12'
         LA    R1,79(,R1)
         SR    R0,R0
         D     R0,=F'80'
         LR    R4,R1                     its records
         MH    R1,=H'80'
         L     R2,DIRN
         MH    R2,=H'12'
         SR    R1,R2                     the zeros
         BZ    WR2
         A     R2,DIRA
WR1      MVI   0(R2),0
         LA    R2,1(,R2)
         BCT   R1,WR1
WR2      L     R1,DIRA
         LR    R0,R4
         BAL   R14,WRRECS
         BNZ   EWRERR
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
DONE     BAL   R14,FREEAREA
         B     EXIT
*---------------------------------------------------------------------
* WRRECS: R0 records (80 bytes each) from R1 written to the library
* (FSCB, after what is there). R15 and the cc: WRBUF's code.
*---------------------------------------------------------------------
WRRECS   STM   R14,R3,WRRS
         LR    R2,R1
         LR    R3,R0
WRR1     SR    R15,R15
         LTR   R3,R3
         BNP   WRR9
         ST    R2,FSCB+28
         LA    R1,80
         ST    R1,FSCB+32
         MVI   FSCB+36,C'F'
         MVC   FSCB+38(2),=H'1'
         XC    FSCB+26(2),FSCB+26
         LA    R1,FSCB
         LA    R0,UWRBUF
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   WRR9
         LA    R2,80(,R2)
         BCT   R3,WRR1
         SR    R15,R15
WRR9     L     R14,WRRS
         LM    R0,R3,WRRS+8
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------
* READLIB: the library (LIBFID) into storage: its members' records to
* MEMB (MEMBN), its directory's entries to DIRA (DIRN). R15 = 0; else
* the message is typed and R15 is the return code.
*---------------------------------------------------------------------
READLIB  ST    R14,RLS
         XC    FSCB(44),FSCB
         MVC   FSCB+8(18),LIBFID
         LA    R1,HDR
         BAL   R14,RDREC
         BNZ   RLERR
         CLC   HDR(6),=C'LIBPDS'
         BNE   RLBAD
         LH    R4,HDR+6                  the directory's record
         N     R4,=X'0000FFFF'
         C     R4,=F'2'
         BL    RLBAD
         C     R4,LIBRECS
         BH    RLBAD
         L     R5,HDR+8                  its bytes
         SR    R0,R0
         LR    R1,R5
         D     R0,=F'12'
         LTR   R0,R0
         BNZ   RLBAD
         C     R1,DIRMAX
         BH    RLBAD
         ST    R1,DIRN
* The members' records, 2 to the directory's.
         L     R6,MEMB
         LR    R7,R4
         SH    R7,=H'2'
         ST    R7,MEMBN
         LTR   R7,R7
         BZ    RL2
RL1      LR    R1,R6
         BAL   R14,RDREC
         BNZ   RLERR
         LA    R6,80(,R6)
         BCT   R7,RL1
* The directory's records.
RL2      L     R6,DIRA
         LA    R1,79(,R5)
         SR    R0,R0
         D     R0,=F'80'
         LTR   R7,R1
         BZ    RL4
RL3      LR    R1,R6
         BAL   R14,RDREC
         BNZ   RLERR
         LA    R6,80(,R6)
         BCT   R7,RL3
RL4      LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         SR    R15,R15
         L     R14,RLS
         BR    R14
RLBAD    LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         LA    R2,LIBFID
         LA    R1,M032
         BAL   R14,UMFID
         LA    R15,32
         L     R14,RLS
         BR    R14
RLERR    ST    R15,IORC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R0,IORC
         LA    R1,LIBFID
         BAL   R14,UERD
         L     R14,RLS
         BR    R14
*---------------------------------------------------------------------
* RDREC: the next 80-byte record of the file the FSCB names, to R1
* (a shorter one padded with blanks). R15 and the cc: RDBUF's code
* (8, a longer record cut, is 0).
*---------------------------------------------------------------------
RDREC    STM   R14,R3,RDRS
         LR    R2,R1
         ST    R1,FSCB+28
         LA    R1,80
         ST    R1,FSCB+32
         MVC   FSCB+38(2),=H'1'
         XC    FSCB+26(2),FSCB+26
         LA    R1,FSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         C     R15,=F'8'
         BNE   *+6
         SR    R15,R15
         LTR   R15,R15
         BNZ   RDR9
         L     R1,FSCB+40                the bytes read
         C     R1,=F'80'
         BNL   RDR9
         LA    R3,0(R1,R2)
RDR1     MVI   0(R3),C' '
         LA    R3,1(,R3)
         LA    R1,1(,R1)
         C     R1,=F'80'
         BL    RDR1
         SR    R15,R15
RDR9     L     R14,RDRS
         LM    R0,R3,RDRS+8
         LTR   R15,R15
         BR    R14
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
* ENDMEMB: the member from MSTART to MEMBN ends: its X'61FFFF61'
* record, its directory entry (MNAME); MSTART after it. R15 and the
* cc: 0, or 4 when there is no room.
*---------------------------------------------------------------------
ENDMEMB  STM   R14,R3,EMS
         L     R1,MEMBN
         C     R1,MEMBMAX
         BNL   EM8
         L     R1,DIRN
         C     R1,DIRMAX
         BNL   EM8
         L     R2,MEMBN
         L     R0,MSTART
         LR    R3,R2
         SR    R3,R0                     its records
         LR    R1,R2
         MH    R1,=H'80'
         A     R1,MEMB
         XC    0(80,R1),0(R1)
         MVC   0(4,R1),=X'61FFFF61'
         LA    R2,1(,R2)
         ST    R2,MEMBN
         ST    R2,MSTART                 the next begins after it
         L     R1,DIRN
         LA    R2,1(,R1)
         ST    R2,DIRN
         MH    R1,=H'12'
         A     R1,DIRA
         MVC   0(8,R1),MNAME
         LR    R2,R0
         LA    R2,2(,R2)                 its first record (from 2)
         STH   R2,8(,R1)
         STH   R3,10(,R1)
         SR    R15,R15
         B     EM9
EM8      LA    R15,4
EM9      L     R14,EMS
         LM    R0,R3,EMS+8
         LTR   R15,R15
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
* DELNAME: the first entry before DIRN0 named as at R1 is deleted
* (the later ones move up; DIRN and DIRN0 one less). R15 = 0; 4 none.
*---------------------------------------------------------------------
DELNAME  STM   R14,R5,DNS
         L     R2,DIRA
         L     R3,DIRN0
         LTR   R3,R3
         BZ    DN8
DN1      CLC   0(8,R2),0(R1)
         BE    DN2
         LA    R2,12(,R2)
         BCT   R3,DN1
DN8      LA    R15,4
         B     DN9
DN2      L     R4,DIRN                   the entries after it
         MH    R4,=H'12'
         A     R4,DIRA                   the end
DN3      LA    R5,12(,R2)
         CR    R5,R4
         BNL   DN4
         MVC   0(12,R2),0(R5)
         LR    R2,R5
         B     DN3
DN4      L     R1,DIRN
         BCTR  R1,0
         ST    R1,DIRN
         L     R1,DIRN0
         BCTR  R1,0
         ST    R1,DIRN0
         SR    R15,R15
DN9      L     R14,DNS
         LM    R0,R5,DNS+8
         BR    R14
*---------------------------------------------------------------------
* CMCOPY: COMP's copy: R8 records from record R1 (counted from 2) of
* MEMB to R6, then the X'61FFFF61' record; R6 after it.
*---------------------------------------------------------------------
CMCOPY   N     R1,=X'0000FFFF'
         SH    R1,=H'2'
         MH    R1,=H'80'
         A     R1,MEMB
         N     R8,=X'0000FFFF'
CC1      LTR   R8,R8
         BNP   CC2
         MVC   0(80,R6),0(R1)
         LA    R6,80(,R6)
         LA    R1,80(,R1)
         BCTR  R8,0
         B     CC1
CC2      XC    0(80,R6),0(R6)
         MVC   0(4,R6),=X'61FFFF61'
         LA    R6,80(,R6)
         BR    R14
*---------------------------------------------------------------------
* MAPOUT: the map, a heading and two entries a line (name, index,
* size), to the terminal or to libname MAP A5. R15 = 0, or a
* write's code (the message typed).
*---------------------------------------------------------------------
MAPOUT   ST    R14,MOS
         CLI   TOTERM,1
         BE    MO1
         XC    MFSCB(44),MFSCB
         MVC   MFSCB+8(8),LIBFID
         MVC   MFSCB+16(8),=CL8'MAP'
         MVC   MFSCB+24(2),=C'A5'
         LA    R1,MFSCB
         LA    R0,UERASE
         BAL   R14,UFS
MO1      MVC   LINE(20),=CL20'MACRO    INDEX  SIZE'
         LA    R0,20
         BAL   R14,MAPLINE
         BNZ   MOERR
         L     R4,DIRA
         L     R5,DIRN
MO2      LTR   R5,R5
         BNP   MO8
         MVC   LINE,=CL80' '
         LA    R3,LINE
         BAL   R14,MAPENT
         LA    R0,20
         BCT   R5,MO3
         B     MO4
MO3      LA    R3,LINE+28
         BAL   R14,MAPENT
         LA    R0,48
         BCTR  R5,0
MO4      BAL   R14,MAPLINE
         BNZ   MOERR
         B     MO2
MO8      CLI   TOTERM,1
         BE    MO9
         LA    R1,MFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
MO9      SR    R15,R15
         L     R14,MOS
         BR    R14
MOERR    ST    R15,IORC
         LA    R1,MFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R0,IORC
         LA    R1,MFSCB+8
         BAL   R14,UEWR
         L     R14,MOS
         BR    R14
* MAPENT: the entry at R4 at R3 (20 columns); R4 the next entry.
MAPENT   MVC   0(8,R3),0(R4)
         LH    R1,8(,R4)
         N     R1,=X'0000FFFF'
         CVD   R1,DW
         MVC   8(6,R3),=X'402020202120'
         ED    8(6,R3),DW+5
         LH    R1,10(,R4)
         N     R1,=X'0000FFFF'
         CVD   R1,DW
         MVC   14(6,R3),=X'402020202120'
         ED    14(6,R3),DW+5
         LA    R4,12(,R4)
         BR    R14
* MAPLINE: the R0 bytes at LINE typed or written. R15 and the cc.
MAPLINE  ST    R14,MLS
         CLI   TOTERM,1
         BNE   ML1
         LA    R1,LINE
         BAL   R14,UTYPE
         SR    R15,R15
         B     ML9
ML1      LA    R1,LINE
         ST    R1,MFSCB+28
         ST    R0,MFSCB+32
         MVI   MFSCB+36,C'V'
         MVC   MFSCB+38(2),=H'1'
         XC    MFSCB+26(2),MFSCB+26
         LA    R1,MFSCB
         LA    R0,UWRBUF
         BAL   R14,UFS
ML9      L     R14,MLS
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------
* FREEAREA: the storage back.
*---------------------------------------------------------------------
FREEAREA L     R1,AREA
         LTR   R1,R1
         BZR   R14
         ST    R14,FREES
         L     R0,AREADW
         DMSFRET DWORDS=(R0),LOC=(R1)
         XC    AREA,AREA
         L     R14,FREES
         BR    R14
*---------------------------------------------------------------------
* Errors.
*---------------------------------------------------------------------
ENOFUNC  LA    R1,M047
         BAL   R14,UMTEXT
         LA    R15,24
         B     ERRX
EBADFUNC LA    R2,8(,R9)
         LA    R1,M014
         BAL   R14,UMTOK
         LA    R15,24
         B     ERRX
ENOLIB   LA    R1,M046
         BAL   R14,UMTEXT
         LA    R15,24
         B     ERRX
ENOFN    BAL   R14,UENOFN
         B     ERRX
EOPT     LR    R1,R2
         BAL   R14,UEOPT
         B     ERRX
EPARM    L     R1,NAMES
         BAL   R14,UEPARM
         B     ERRX
ENOMEM   BAL   R14,UENOMEM
         B     ERRX
EWRERR   ST    R15,IORC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R0,IORC
         LA    R1,LIBFID
         BAL   R14,UEWR
ERRFREE  ST    R15,RC
         BAL   R14,FREEAREA
         B     EXIT
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
FGEN     EQU   1
FADD     EQU   2
FREP     EQU   3
FDEL     EQU   4
FCOMP    EQU   5
FMAP     EQU   6
FUNCS    DC    CL8'GEN',AL1(3,FGEN)
         DC    CL8'ADD',AL1(3,FADD)
         DC    CL8'REP',AL1(3,FREP)
         DC    CL8'DEL',AL1(3,FDEL)
         DC    CL8'COMP',AL1(4,FCOMP)
         DC    CL8'MAP',AL1(3,FMAP)
         DC    X'FF'
MAPOPTS  DC    CL8'DISK',AL1(4,1)
         DC    CL8'TERMINAL',AL1(4,2)
         DC    X'FF'
M047     DC    AL1(26),C'047E NO FUNCTION SPECIFIED'
M014     DC    AL1(23),C'014E INVALID FUNCTION ''',AL1(1),C''''
M046     DC    AL1(30),C'046E NO LIBRARY NAME SPECIFIED'
M013     DC    AL1(13),C'013W MEMBER '''
         DC    AL1(22),C''' NOT FOUND IN LIBRARY'
M032     DC    AL1(6),C'032E ''',AL1(17),C''' IS NOT A MACLIB'
UMID     DC    C'LBM'
         LTORG
         COPY  CMSUTIL
         DS    0D
DW       DS    D
FSCB     DS    11F
MFSCB    DS    11F
HDR      DS    CL80
LINE     DS    CL80
LIBFID   DS    CL18
CURFN    DS    CL8
MNAME    DS    CL8
OPNAME   DS    CL8
DELNM    DS    CL8
FTYPE    DS    CL8
FUNC     DS    X
TOTERM   DS    X
STATE    DS    X
STACKED  DS    X
         DS    0F
RC       DS    F
IORC     DS    F
AREA     DS    A
AREADW   DS    F
NAMES    DS    A
NNAMES   DS    F
LIBRECS  DS    F
MEMB     DS    A
MEMB2    DS    A
MEMBN    DS    F
MEMBMAX  DS    F
DIRA     DS    A
DIRN     DS    F
DIRN0    DS    F
DIRMAX   DS    F
MSTART   DS    F
FREES    DS    F
RLS      DS    F
FIS      DS    F
MOS      DS    F
MLS      DS    F
WRRS     DS    6F
RDRS     DS    6F
AFS      DS    12F
EMS      DS    6F
GOS      DS    6F
ROS      DS    8F
DNS      DS    8F
CMSMODE  DS    0D
         END
