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
         BAL   R14,LIBINIT               (LIBUTIL)
* The function.
         CLI   FUNC,FMAP
         BE    DOMAP
         CLI   FUNC,FCOMP
         BE    DOCOMP
         CLI   FUNC,FDEL
         BNE   DOADD                     GEN, ADD, REP (LIBUTIL)
* DEL: each name's first entry goes.
         BAL   R14,DELNAMES
         B     WRITE
* COMP: the records no entry names go.
DOCOMP   BAL   R14,COMPRESS
         B     WRITE
*---------------------------------------------------------------------
* ADDFILE: the members of the file named at R1 (FINDIN: fn MACRO,
* else fn COPY; FTYPE which) after the library's (DIRN0 their first
* entry); for REP, then, the older entries of their names deleted
* (REPOLD). R15 = 0; else the message was typed, R15 its code.
*---------------------------------------------------------------------
ADDFILE  STM   R14,R9,AFS
         BAL   R14,AFBEGIN               (LIBUTIL)
         BNZ   AF99
         SR    R8,R8                     macro nesting level
         MVI   STATE,0                   0 nothing, 1 want prototype
         MVI   STACKED,0
         MVC   MNAME,CURFN               (a COPY file: fn)
         SR    R9,R9                     the file's records
AF1      BAL   R14,AFNEXT                R2 -> it, R6 = MEMBN
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
AFOK     CLI   FUNC,FREP
         BNE   AFOK2
         BAL   R14,REPOLD                REP: the old ones go
AFOK2    SR    R15,R15
         B     AF99
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
* DELMEMB: DEL (DELNAMES): the first entry named as at R1 is deleted
* (DELNAME, all the entries before DIRN0). R15 = 0; 4 none. R0
* changed.
*---------------------------------------------------------------------
DELMEMB  L     R0,DIRN
         ST    R0,DIRN0
         B     DELNAME
*---------------------------------------------------------------------
* The functions (their codes: LIBUTIL) and what LIBINIT needs: the
* file type, the first function without names, the records and
* entries a file's record may bring; this command's own messages,
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
LIBTYPE  DC    CL8'MACLIB'
INTYPES  DC    CL8'MACRO',CL8'COPY',X'FF'
NONAMES  DC    AL1(FCOMP)                COMP, MAP: no names
RECSPER  DC    H'2'
ENTSPER  DC    H'1'
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
