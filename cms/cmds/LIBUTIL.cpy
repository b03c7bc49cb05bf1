*=====================================================================
* LIBUTIL: what the library commands MACLIB and TXTLIB share (R6's
* DMSLBM and DMSLBT; docs/CMS.md "Macro libraries", "Text
* libraries"): a library read into storage, its members and directory
* changed there, and written anew. COPY it inside the module, covered
* by its base registers, after CMSUTIL; the module defines FUNCS (its
* functions, by the codes FGEN to FMAP here), LIBTYPE (CL8, its
* library's file type), NONAMES (AL1, the first function code that
* takes no names: it and those after it take none), INTYPES (CL8
* each, then X'FF': the file types FINDIN tries for a name), RECSPER
* and ENTSPER (H, LIBINIT's storage: the records and the entries a
* record of a file to add may bring), M032 (its "not a library"
* message), MAPHEAD and MAPCOUNT (MAPOUT), UMID (its messages'
* prefix), and the routines ADDFILE (DOADD: the file named at R1
* added; R15 = 0, else the message typed and R15 its code; it begins
* STM R14,R9,AFS and may use AFBEGIN, AFNEXT and its ends AFRERR,
* AFFULL, AF99 here) and DELMEMB (DELNAMES: the member named at R1
* deleted; R15 = 0, or 4 none); it COPYs LIBDATA among its storage.
* Routines are entered by BAL R14 and keep the registers but R15 (and
* R0, R1 where they say).
*
* The library (F 80, R6's layout): record 1 C'LIBPDS', H the record
* the directory begins at, F the directory's bytes, zeros; from
* record 2 the members, each followed by a record beginning
* X'61FFFF61'; then the directory, entries of 12 bytes packed across
* its records: CL8 name, H the member's first record, H its records
* (not counting the X'61FFFF61' one), the last record filled with
* zeros. In storage: MEMB the members' records (MEMBN of them, room
* for MEMBMAX), DIRA the entries (DIRN, room for DIRMAX), MEMB2 as
* large as MEMB for COMPRESS.
*=====================================================================
*---------------------------------------------------------------------
* LIBINIT: the start, entered from BEGIN with R9 the PLIST: the
* function (FUNCS) to FUNC, the library's name (LIBFID: libname
* LIBTYPE, A1, then where it is), the names (NAMES, NNAMES: none for
* NONAMES and after, some for the others), MAP's options (TOTERM); for
* all but GEN the library's state (LIBRECS its records); the storage
* (AREA: MEMB, MEMB2, DIRA; MEMBMAX, DIRMAX) and, but for GEN, the
* library read into it (READLIB). Returns with RC 0 and MEMBN, DIRN
* set; R0 to R7 and R14, R15 changed. An error goes to the error
* exits (its message typed) and does not return.
*---------------------------------------------------------------------
LIBINIT  ST    R14,LIS
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
         MVC   LIBFID+8(8),LIBTYPE
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
         CLC   FUNC,NONAMES              (MACLIB COMP, MAP; TXTLIB
         BL    NM4                       MAP): no names
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
* The storage: the library's records and RECSPER for each record of
* the files to add (MACLIB 2: each possibly a member with its
* X'61FFFF61' record; TXTLIB 3: with a file's LDT card and its
* X'61FFFF61' record), and two more; ENTSPER entries for each of
* them (MACLIB 1, TXTLIB 3: an ESD card's); and again as much
* storage for the records' copy (COMPRESS).
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
SZ3      LR    R6,R5
         MH    R6,RECSPER
         LA    R6,2(R6,R4)               records at most
         ST    R6,MEMBMAX
         LA    R7,2(R5,R4)               entries at most
         MH    R7,ENTSPER
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
         BE    LI9
         BAL   R14,READLIB
         LTR   R15,R15
         BNZ   ERRFREE
LI9      L     R14,LIS
         BR    R14
*---------------------------------------------------------------------
* FINDIN: the input file of the name at R1: fn with the first type of
* INTYPES found on any disk. R1 -> its FST (FSCB+8 its fileid, FTYPE
* its type), R15 = 0; else the message (002E, for the first type)
* and R15 = 28. R0 changed.
*---------------------------------------------------------------------
FINDIN   ST    R14,FIS
         ST    R2,FIS+4
         XC    FSCB(44),FSCB
         MVC   FSCB+8(8),0(R1)
         MVC   FSCB+24(2),=C'* '
         LA    R2,INTYPES
FD1      MVC   FSCB+16(8),0(R2)
         LA    R1,FSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BZ    FD9
         LA    R2,8(,R2)                 the next type
         CLI   0(R2),X'FF'
         BNE   FD1
         MVC   FSCB+16(8),INTYPES
         LA    R1,FSCB+8
         BAL   R14,UEFNF
         L     R14,FIS
         L     R2,FIS+4
         BR    R14
FD9      MVC   FSCB+24(2),24(R1)         where it is
         MVC   FTYPE,FSCB+16
         L     R14,FIS
         L     R2,FIS+4
         SR    R15,R15
         BR    R14
*---------------------------------------------------------------------
* AFBEGIN: ADDFILE's start: the file named at R1 found (FINDIN), its
* name to CURFN, MSTART its first record's place (MEMBN), DIRN0 its
* first entry (DIRN). R15 and the cc: 0, or FINDIN's code (the
* message typed). R0, R1 changed.
*---------------------------------------------------------------------
AFBEGIN  ST    R14,ABS
         MVC   CURFN,0(R1)
         BAL   R14,FINDIN
         L     R14,ABS
         LTR   R15,R15
         BNZR  R14
         L     R0,MEMBN
         ST    R0,MSTART                 the member's first record
         L     R0,DIRN
         ST    R0,DIRN0                  its first entry
         BR    R14
*---------------------------------------------------------------------
* AFNEXT: in ADDFILE, the file's next record read (RDREC) to MEMB's
* next place, not yet counted in MEMBN. R6 = MEMBN, R2 -> the place,
* R1 changed; R15 and the cc: RDREC's (0 a record). No room: it goes
* to AFFULL, which ends ADDFILE, and does not return.
*---------------------------------------------------------------------
AFNEXT   L     R6,MEMBN                  the next record's place
         C     R6,MEMBMAX
         BNL   AFFULL
         LR    R1,R6
         MH    R1,=H'80'
         A     R1,MEMB
         LR    R2,R1
         B     RDREC                     (it returns to R14)
*---------------------------------------------------------------------
* ADDFILE's ends: not routines but places ADDFILE branches to (B),
* its registers saved at AFS. AFRERR: the read's code R15: the file
* closed, the message (104S) typed, R15 100. AFFULL: the file closed,
* the message (109S) typed, R15 104. AF99: the return from ADDFILE,
* R15 as it is, the other registers as at its entry.
*---------------------------------------------------------------------
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
* DELNAMES: DEL: each name (NAMES, NNAMES) deleted by the module's
* DELMEMB; for a name not there, message 013 and RC 4. R0 to R3 and
* R15 changed.
*---------------------------------------------------------------------
DELNAMES ST    R14,DLS
         L     R2,NAMES
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
         L     R14,DLS
         BR    R14
*---------------------------------------------------------------------
* WRLIB: the library written anew (LIBFID, an old file erased): the
* header, the members, the directory. R15 and the cc: 0, or a write's
* return code with the message typed (100, or 36 a read-only disk).
*---------------------------------------------------------------------
WRLIB    STM   R14,R4,WLS
         XC    FSCB(44),FSCB
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
         BNZ   WLERR
         L     R1,MEMB
         L     R0,MEMBN
         BAL   R14,WRRECS
         BNZ   WLERR
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
         BZ    WL2
         A     R2,DIRA
WL1      MVI   0(R2),0
         LA    R2,1(,R2)
         BCT   R1,WL1
WL2      L     R1,DIRA
         LR    R0,R4
         BAL   R14,WRRECS
         BNZ   WLERR
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         SR    R15,R15
         B     WL9
WLERR    ST    R15,IORC
         LA    R1,FSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R0,IORC
         LA    R1,LIBFID
         BAL   R14,UEWR
WL9      L     R14,WLS
         LM    R0,R4,WLS+8
         LTR   R15,R15
         BR    R14
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
         L     R1,LIBRECS                (one past the end: no entries)
         LA    R1,1(,R1)
         CR    R4,R1
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
         LA    R1,MNAME
         AH    R0,=H'2'                  its first record (from 2)
         BAL   R14,ADDENT
         B     EM9
EM8      LA    R15,4
EM9      L     R14,EMS
         LM    R0,R3,EMS+8
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------
* ADDENT: a directory entry: the name at R1, first record R0, R3
* records. R15 and the cc: 0, or 4 when the directory is full.
*---------------------------------------------------------------------
ADDENT   STM   R14,R2,AES
         L     R2,DIRN
         C     R2,DIRMAX
         BNL   AE8
         LA    R15,1(,R2)
         ST    R15,DIRN
         MH    R2,=H'12'
         A     R2,DIRA
         MVC   0(8,R2),0(R1)
         STH   R0,8(,R2)
         STH   R3,10(,R2)
         SR    R15,R15
         B     AE9
AE8      LA    R15,4
AE9      L     R14,AES
         LM    R0,R2,AES+8
         LTR   R15,R15
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
* COMPRESS: the members the directory names, in its order, into the
* second copy (MEMB2, which becomes MEMB), their entries' first
* records renumbered; entries of one member (a TXTLIB's names) keep
* naming one copy of it. X'8000' in an entry's size marks, for the
* while, an entry already renumbered.
*---------------------------------------------------------------------
COMPRESS STM   R14,R9,COS
         L     R6,MEMB2                  where the next goes
         L     R4,DIRA
         L     R5,DIRN
         LTR   R5,R5
         BZ    CO5
CO1      TM    10(R4),X'80'
         BZ    CO2
         NI    10(R4),X'7F'              (done before: its mark goes)
         B     CO4
CO2      LR    R1,R6
         S     R1,MEMB2
         SR    R0,R0
         D     R0,=F'80'                 the records before it
         LA    R7,2(,R1)                 its new first record
         LH    R9,8(,R4)                 its old one
         LR    R1,R9
         LH    R8,10(,R4)                its records
         STH   R7,8(,R4)
         BAL   R14,CMCOPY
* The later entries of the same member: renumbered, marked.
         LA    R2,12(,R4)
         LR    R3,R5
CO3      BCT   R3,*+8
         B     CO4
         TM    10(R2),X'80'
         BO    CO3A
         CH    R9,8(,R2)
         BNE   CO3A
         STH   R7,8(,R2)
         OI    10(R2),X'80'
CO3A     LA    R2,12(,R2)
         B     CO3
CO4      LA    R4,12(,R4)
         BCT   R5,CO1
CO5      LR    R1,R6
         S     R1,MEMB2
         SR    R0,R0
         D     R0,=F'80'
         ST    R1,MEMBN
         L     R1,MEMB
         MVC   MEMB,MEMB2
         ST    R1,MEMB2
         L     R14,COS
         LM    R0,R9,COS+8
         BR    R14
*---------------------------------------------------------------------
* MAPOUT: MAP: the heading MAPHEAD (CL20) and the entries two a line
* (MAPENT), then, when MAPCOUNT is 1, a line with their number: to
* the terminal (TOTERM 1), else to libname MAP A5, printed and erased
* for PRINT (TOTERM 2, MAPPRT). R15 = 0, PRINT's code, or a write's
* code (the message typed); R0 to R5 changed.
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
MO1      MVC   LINE(20),MAPHEAD
         LA    R0,20
         BAL   R14,MAPLINE
         BNZ   MOERR
         L     R4,DIRA
         L     R5,DIRN
MO2      LTR   R5,R5
         BNP   MO7
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
* The number of entries (MAPCOUNT 1).
MO7      CLI   MAPCOUNT,1
         BNE   MO8
         MVC   LINE(30),=CL30' '
         L     R1,DIRN
         CVD   R1,DW
         MVC   LINE(6),=X'402020202120'
         ED    LINE(6),DW+5
         MVC   LINE+7(18),=C'ENTRIES IN LIBRARY'
         LA    R0,25
         BAL   R14,MAPLINE
         BNZ   MOERR
MO8      CLI   TOTERM,1
         BE    MO9
         LA    R1,MFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         CLI   TOTERM,2                  PRINT: the file printed
         BNE   MO9
         BAL   R14,MAPPRT
         L     R14,MOS
         BR    R14
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
*---------------------------------------------------------------------
* MAPENT: the directory entry at R4 as 20 columns at R3: its name,
* its first record and its records (each in 6 columns). R4 the next
* entry; R1 changed.
*---------------------------------------------------------------------
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
* MAPPRT: MAP's PRINT: the map written as libname MAP A5 (MFSCB) is
* printed by the PRINT command, then erased. R15 = PRINT's code.
*---------------------------------------------------------------------
MAPPRT   STM   R14,R1,MPS
         MVC   MPPL(8),=CL8'PRINT'
         MVC   MPPL+8(8),MFSCB+8
         MVC   MPPL+16(8),=CL8'MAP'
         MVC   MPPL+24(8),=CL8'A5'
         MVC   MPPL+32(8),=8X'FF'
         LA    R1,MPPL
         SVC   202
         DC    AL4(1)
         ST    R15,MPS+4
         LA    R1,MFSCB
         LA    R0,UERASE
         BAL   R14,UFS
         LM    R14,R1,MPS
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------
* The functions' ends: not routines but places the command branches
* to (B) after LIBINIT. DOADD: GEN, ADD, REP: each name's file added
* (the module's ADDFILE), then WRITE. WRITE: the library written
* (WRLIB), then DONE. DONE: the storage given back, then EXIT. DOMAP:
* MAP (MAPOUT), then DONE. An error goes to ERRFREE.
*---------------------------------------------------------------------
DOADD    L     R2,NAMES
         L     R3,NNAMES
DA1      LR    R1,R2
         BAL   R14,ADDFILE
         LTR   R15,R15
         BNZ   ERRFREE
         LA    R2,8(,R2)
         BCT   R3,DA1
WRITE    BAL   R14,WRLIB
         BNZ   ERRFREE
DONE     BAL   R14,FREEAREA
         B     EXIT
DOMAP    BAL   R14,MAPOUT
         LTR   R15,R15
         BNZ   ERRFREE
         B     DONE
*---------------------------------------------------------------------
* The errors and the end: not routines but places the command
* branches to (B), R9 its PLIST. The message is typed (UMID its
* prefix) and RC set: ENOFUNC (no function), EBADFUNC (the function
* at 8(R9) unknown), ENOLIB (no library name): 24; ENOFN (no names),
* EOPT (the option at R2), EPARM (names where none belong, NAMES),
* ENOMEM: the code of the message's routine. ERRFREE: R15 the code,
* the storage given back (FREEAREA); ERRX: R15 the code. EXIT: the
* return to the caller, R15 = RC, the other registers as at entry.
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
ERRFREE  ST    R15,RC
         BAL   R14,FREEAREA
         B     EXIT
ERRX     ST    R15,RC
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
*---------------------------------------------------------------------
* The functions' codes (each module's FUNCS names those it has), MAP's
* options (TOTERM + 1), and the messages both commands type.
*---------------------------------------------------------------------
FGEN     EQU   1
FADD     EQU   2
FREP     EQU   3
FDEL     EQU   4
FCOMP    EQU   5
FMAP     EQU   6
MAPOPTS  DC    CL8'DISK',AL1(4,1)
         DC    CL8'TERMINAL',AL1(4,2)
         DC    CL8'PRINT',AL1(5,3)
         DC    X'FF'
M047     DC    AL1(26),C'047E NO FUNCTION SPECIFIED'
M014     DC    AL1(23),C'014E INVALID FUNCTION ''',AL1(1),C''''
M046     DC    AL1(30),C'046E NO LIBRARY NAME SPECIFIED'
M013     DC    AL1(13),C'013W MEMBER '''
         DC    AL1(22),C''' NOT FOUND IN LIBRARY'
