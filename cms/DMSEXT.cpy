*=====================================================================
* DMSEXT: the loader (R6's DMSLDR/DMSLIO/DMSMOD): LOAD and INCLUDE
* of TEXT decks, START, GENMOD and LOADMOD of MODULE files, and
* RUNMOD, the MODULE step of the command search order. Programs run
* at X'20000' (MAINSTRT) in PSW key E, so that a wild store into the
* nucleus or NUCON (key F) is a protection exception that ends the
* program (DMSABN), not CMS.
*
* TEXT decks are the object decks asm370 --deck punches (and OS/360's
* loader read): ESD, TXT, RLD and END cards, X'02' in column 1.
* MODULE files (ours; docs/CMS.md): V records, the first 32 bytes
* CL8'CMSMOD01', A(origin), A(end), A(entry), F(flags: X'40000000' a
* system module, run in key 0), 8 bytes zero; then the image from the
* origin in records of up to 4096 bytes.
*=====================================================================
* The loader's tables (LDRWORK, in free storage).
* LDRWORK: a card at 0, an FSCB at 80; LDRESDT: a deck's ESD ids
* (X kind 1 section 2 external, XL3, A relocation, CL8 name); LDRSYMT:
* the names (CL8, A address, F flags); LDRRLDT: the address constants
* waiting for a name (A field, X RLD flag, X X'80' tried, XL2, CL8).
LWCARD   EQU   0
LWFSCB   EQU   80
LWMAPCB  EQU   128+4096+4096+32768  the LOAD MAP's FSCB (44 bytes)
LWMAPLN  EQU   LWMAPCB+48        a line of the map
LWSIZE   EQU   LWMAPCB+80
LWNSYM   EQU   256
LWNRLD   EQU   2048
*---------------------------------------------------------------------
* LOAD fn ... [(START|NOAUTO|ORIGIN hex|RESET name|CLEAR|MAP|TYPE|
* LIBE ...]  and INCLUDE: LOAD begins again at MAINSTRT (or ORIGIN),
* INCLUDE adds. CLEAR zeroes the storage from where loading begins to
* MAINHIGH first.
*---------------------------------------------------------------------
LOAD     CMSENT
         SR    R2,R2                     LOAD
         NUCALL LDMAIN
         CMSRET
INCLUDE  CMSENT
         LA    R2,1                      INCLUDE
         NUCALL LDMAIN
         CMSRET
         LTORG
* LDMAIN: R1 the PLIST, R2 = 0 LOAD, 1 INCLUDE.
LDMAIN   CMSENT WORK=80
         USING LDWK,R13
         STC   R2,LDINC
         LR    R9,R1                     the PLIST
         MVI   LDOPT,0
         NUCALL LDRINIT                  the tables
         LTR   R15,R15
         BNZ   LDNOSTOR
         CLI   LDINC,1
         BNE   LD1
         OC    LDRNEXT,LDRNEXT           INCLUDE with nothing loaded
         BNZ   LD2
LD1      MVI   LDINC,0                   (INCLUDE then is LOAD)
         L     R2,MAINSTRT               LOAD: from the start
         ST    R2,LDRORG
         ST    R2,LDRNEXT
         XC    LDRENTRY,LDRENTRY
         XC    LDRNSYM,LDRNSYM
         XC    LDRNRLD,LDRNRLD
         NI    LDRFLAGS,255-LDRFSYS-LDRFAUTO-LDRFEND-LDRFNLIB-LDRFTYPE
         NI    LDRFLAGS,255-LDRFDUP
* Options after "(".
LD2      LA    R3,8(,R9)
LDOPT1   CLI   0(R3),X'FF'
         BE    LDFILES
         CLI   0(R3),C'('
         BE    LDOPTS
         LA    R3,8(,R3)
         B     LDOPT1
LDOPTS   LA    R3,8(,R3)
         CLI   0(R3),X'FF'
         BE    LDFILES
         CLI   0(R3),C')'
         BE    LDFILES
         CLC   0(8,R3),=CL8'START'
         BNE   *+12
         OI    LDOPT,X'80'
         B     LDOPTS
         CLC   0(8,R3),=CL8'NOAUTO'
         BNE   *+12
         OI    LDRFLAGS,LDRFAUTO
         B     LDOPTS
         CLC   0(8,R3),=CL8'AUTO'
         BNE   *+12
         NI    LDRFLAGS,255-LDRFAUTO
         B     LDOPTS
         CLC   0(8,R3),=CL8'CLEAR'
         BNE   *+12
         OI    LDOPT,X'10'
         B     LDOPTS
         CLC   0(8,R3),=CL8'NOCLEAR'
         BNE   *+12
         NI    LDOPT,255-X'10'
         B     LDOPTS
         CLC   0(8,R3),=CL8'DUP'
         BNE   *+12
         OI    LDRFLAGS,LDRFDUP
         B     LDOPTS
         CLC   0(8,R3),=CL8'NODUP'
         BNE   *+12
         NI    LDRFLAGS,255-LDRFDUP
         B     LDOPTS
         CLC   0(8,R3),=CL8'TYPE'
         BNE   *+12
         OI    LDRFLAGS,LDRFTYPE
         B     LDOPTS
         CLC   0(8,R3),=CL8'NOTYPE'
         BNE   *+12
         NI    LDRFLAGS,255-LDRFTYPE
         B     LDOPTS
         CLC   0(8,R3),=CL8'NOLIBE'
         BNE   *+12
         OI    LDRFLAGS,LDRFNLIB
         B     LDOPTS
         CLC   0(8,R3),=CL8'LIBE'
         BNE   *+12
         NI    LDRFLAGS,255-LDRFNLIB
         B     LDOPTS
         CLC   0(8,R3),=CL8'NOMAP'
         BNE   *+12
         OI    LDOPT,X'20'
         B     LDOPTS
         CLC   0(8,R3),=CL8'MAP'
         BNE   *+12
         NI    LDOPT,255-X'20'
         B     LDOPTS
         CLC   0(8,R3),=CL8'ORIGIN'
         BNE   LDOPT3
         LA    R3,8(,R3)
         CLI   0(R3),X'FF'
         BE    LDBADOPT
         LR    R1,R3
         NUCALL HEXIN                    R1 = the value, R15 = 0 ok
         LTR   R15,R15
         BNZ   LDBADOPT
         LA    R1,7(,R1)
         N     R1,=X'00FFFFF8'
         C     R1,MAINSTRT
         BL    LDBADOPT
         C     R1,MAINHIGH
         BNL   LDBADOPT
         CLC   LDRORG,LDRNEXT            only before anything is loaded
         BNE   LDOPTS
         ST    R1,LDRORG
         ST    R1,LDRNEXT
         B     LDOPTS
LDOPT3   CLC   0(8,R3),=CL8'RESET'
         BNE   LDBADOPT
         LA    R3,8(,R3)
         CLI   0(R3),X'FF'
         BE    LDBADOPT
         MVC   LDRESET,0(R3)
         OI    LDOPT,X'40'
         B     LDOPTS
* The files, one by one, up to "(".
LDFILES  LA    R3,8(,R9)
         CLI   0(R3),X'FF'
         BE    LDNOFN
         CLI   0(R3),C'('
         BE    LDNOFN
         TM    LDOPT,X'10'               CLEAR: the load area zeroed
         BZ    LDCL9
         L     R0,LDRNEXT
         L     R1,MAINHIGH
         SR    R1,R0
         BNP   LDCL9
         SR    R14,R14
         SR    R15,R15                   (no source: pad X'00')
         MVCL  R0,R14
LDCL9    TM    LDOPT,X'20'               NOMAP: none
         BO    LDF1
         SR    R2,R2
         IC    R2,LDINC
         NUCALL LDMAPBEG                 LOAD MAP A5
LDF1     CLI   0(R3),X'FF'
         BE    LDRESOLV
         CLI   0(R3),C'('
         BE    LDRESOLV
         LR    R1,R3
         SR    R0,R0                     (a file)
         NUCALL LDTEXT                   R15: 0, 28 none, else error
         LTR   R15,R15
         BNZ   LDFERR
LDFNEXT  LA    R3,8(,R3)
         B     LDF1
LDFERR   C     R15,=F'28'
         BNE   LDOUT
         TM    LDRFLAGS,LDRFNLIB         (NOLIBE: no TXTLIB member)
         BO    LDFNF
         LR    R1,R3                     a TXTLIB member of the name?
         NUCALL LDLIBM
         LTR   R15,R15
         BZ    LDFNEXT
         C     R15,=F'28'
         BNE   LDOUT
LDFNF    MVC   LDMSG(LDNFX),LDNF         DMSLIO002E FILE 'fn TEXT'..
         MVC   LDMSG+LDNFX(8),0(R3)
         LA    R1,LDMSG+LDNFX+8          the name without its blanks
LDFNF1   BCTR  R1,0
         CLI   0(R1),C' '
         BE    LDFNF1
         MVC   1(LDNFL-LDNFX-8,R1),LDNF+LDNFX+8
         LA    R0,1+LDNFL-LDNFX-8(,R1)
         LA    R1,LDMSG
         SR    R0,R1                     the message's length
         NUCALL MSGOUT
         LA    R15,28
         B     LDOUT
* The names still undefined: TEXT files (AUTO), then TXTLIBs (LIBE).
LDRESOLV TM    LDRFLAGS,LDRFAUTO+LDRFNLIB
         BO    LDRESET1                  neither TEXT files nor TXTLIBs
         NUCALL LDAUTO
         LTR   R15,R15
         BNZ   LDOUT
LDRESET1 NUCALL LDMAPEND                 the map is closed
         TM    LDOPT,X'40'               RESET name: the entry
         BZ    LDSTART
         LA    R1,LDRESET
         NUCALL LDFIND                   R1 = its address, R15
         LTR   R15,R15
         BNZ   LDNOENT
         ST    R1,LDRENTRY
LDSTART  TM    LDOPT,X'80'               START: run it now
         BZ    LDOK
         LA    R1,=8X'FF'
         NUCALL STARTPGM
         B     LDOUT
LDOK     SR    R15,R15
LDOUT    LR    R2,R15
         NUCALL LDMAPEND
         LR    R15,R2
         CMSRET
LDNOENT  LA    R1,LDRESET
         NUCALL LDNOENTM
         LA    R15,40
         B     LDOUT
LDNOFN   LA    R1,=C'DMSLIO001E NO FILENAME SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         CMSRET RC=24
LDBADOPT MVC   LDMSG(LDBOL),LDBO
         MVC   LDMSG+LDBOX(8),0(R3)
         LA    R1,LDMSG
         LA    R0,LDBOL
         NUCALL MSGOUT
         CMSRET RC=24
LDNOSTOR LA    R1,=C'DMSLIO109S VIRTUAL STORAGE CAPACITY EXCEEDED'
         LA    R0,44
         NUCALL MSGOUT
         CMSRET RC=104
LDNF     DC    C'DMSLIO002E FILE '''
LDNFX    EQU   *-LDNF
         DC    CL8' ',C' TEXT'' NOT FOUND'
LDNFL    EQU   *-LDNF
LDBO     DC    C'DMSLIO003E INVALID OPTION '''
LDBOX    EQU   *-LDBO
         DC    CL8' ',C''''
LDBOL    EQU   *-LDBO
         DROP  R13
         LTORG
LDWK     DSECT
         DS    18F
LDINC    DS    X
LDOPT    DS    X
         DS    XL6
LDRESET  DS    CL8
LDMSG    DS    CL64
NUCLEUS  CSECT
*---------------------------------------------------------------------
* LDRINIT: the loader's tables, made once (R15 = 4: no storage).
*---------------------------------------------------------------------
LDRINIT  CMSENT
         OC    LDRWORK,LDRWORK
         BNZ   LDRI1
         L     R0,=A(LWSIZE)
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   LDRIOUT
         ST    R1,LDRWORK
         LA    R1,128(,R1)
         ST    R1,LDRESDT
         A     R1,=F'4096'
         ST    R1,LDRSYMT
         A     R1,=F'4096'
         ST    R1,LDRRLDT
LDRI1    SR    R15,R15
LDRIOUT  CMSRET
         LTORG
*---------------------------------------------------------------------
* LDTEXT: loads the TEXT file named by the token at R1 (its decks,
* each ESD, TXT, RLD, END); or, R0 not 0, the TXTLIB member R0 says
* (CL8 the library, F its first record, F its records). R15 = 0, 28
* no such file, 104 it does not fit below MAINHIGH, 32 a card that is
* not a TEXT card.
*---------------------------------------------------------------------
LDTEXT   CMSENT WORK=24
         USING LTWK,R13
         L     R11,LDRWORK
         LA    R10,LWFSCB(,R11)          the FSCB
         XC    0(44,R10),0(R10)
         MVC   0(8,R10),=CL8'RDBUF'
         MVC   8(8,R10),0(R1)
         MVC   16(8,R10),=CL8'TEXT'
         MVC   24(2,R10),=C'* '
         L     R2,=F'-1'                 a whole file
         LTR   R0,R0
         BZ    LT0
         LR    R2,R0                     a library's member
         MVC   8(8,R10),0(R2)
         MVC   16(8,R10),=CL8'TXTLIB'
         MVC   26(2,R10),10(R2)          its first record
         L     R2,12(,R2)                its records
LT0      ST    R2,LTLEFT
         LA    R2,LWCARD(,R11)
         ST    R2,28(,R10)
         LA    R2,80
         ST    R2,32(,R10)
         LA    R2,1
         STH   R2,38(,R10)
         BAL   R14,LTNEWDK               a deck begins
LTREAD   L     R1,LTLEFT                 a member's records left
         LTR   R1,R1
         BZ    LTEOF
         BM    LTREAD1
         BCTR  R1,0
         ST    R1,LTLEFT
LTREAD1  LR    R1,R10
         SVC   202
         DC    AL4(1)
         XC    26(2,R10),26(R10)         (then the next record)
         LTR   R15,R15
         BZ    LTCARD
         C     R15,=F'12'                end of file
         BE    LTEOF
         C     R15,=F'1'
         BE    LTNONE
         LA    R15,28
         B     LTOUT
LTNONE   LA    R15,28
         B     LTOUT
LTEOF    SR    R15,R15
LTOUT    ST    R15,LTRC
         MVC   0(8,R10),=CL8'FINIS'
         LR    R1,R10
         SVC   202
         DC    AL4(1)
         L     R15,LTRC
         CMSRET
LTCARD   LA    R8,LWCARD(,R11)           R8: the card
         CLI   0(R8),X'02'
         BNE   LTREAD                    (other cards are skipped)
         CLC   1(3,R8),=C'ESD'
         BE    LTESD
         CLC   1(3,R8),=C'TXT'
         BE    LTTXT
         CLC   1(3,R8),=C'RLD'
         BE    LTRLD
         CLC   1(3,R8),=C'REP'
         BE    LTREP
         CLC   1(3,R8),=C'END'
         BE    LTEND
         CLC   1(3,R8),=C'LDT'           a library member's end
         BNE   LTREAD
         TM    LTLEFT,X'80'
         BZ    LTEOF
         B     LTREAD
* ESD: items of 16 bytes from column 17; SD, PC and ER take ESD ids
* from the one in columns 15-16.
LTESD    LH    R4,14(,R8)                the first item's ESD id
         LH    R5,10(,R8)                the items' bytes
         LA    R6,16(,R8)
LTESD1   LTR   R5,R5
         BNP   LTREAD
         CLI   8(R6),X'00'
         BE    LTSD
         CLI   8(R6),X'04'
         BE    LTSD
         CLI   8(R6),X'05'               common: a section too
         BE    LTSD
         CLI   8(R6),X'01'
         BE    LTLD
         CLI   8(R6),X'02'
         BE    LTER
         CLI   8(R6),X'0A'
         BE    LTER
         B     LTESDN                    (others: no ESD id, ignored)
* SD/PC: its place after what is loaded, on a doubleword.
LTSD     BAL   R14,LTESDP                R7: the ESD id's entry
         LTR   R7,R7
         BZ    LTESDX
         CLI   8(R6),X'04'               a named section loaded before:
         BE    LTSD1                     R6's loader bypassed it
         LR    R1,R6
         NUCALL LDFIND
         LTR   R15,R15
         BNZ   LTSD1
         MVI   0(R7),3                   (a duplicate: its cards go)
         XC    4(4,R7),4(R7)
         MVC   8(8,R7),0(R6)
         TM    LDRFLAGS,LDRFDUP          DUP: a warning
         BZ    LTESDX
         LR    R1,R6
         NUCALL LDDUPM
         B     LTESDX
LTSD1    L     R2,LDRNEXT
         LA    R2,7(,R2)
         N     R2,=X'00FFFFF8'
         SR    R3,R3
         ICM   R3,7,9(R6)                its assembled address
         LR    R1,R2
         SR    R1,R3                     the relocation
         MVI   0(R7),1
         ST    R1,4(,R7)
         MVC   8(8,R7),0(R6)
         SR    R3,R3
         ICM   R3,7,13(R6)               its length
         AR    R3,R2
         C     R3,MAINHIGH
         BH    LTFULL
         ST    R3,LDRNEXT
         OC    LDRENTRY,LDRENTRY         the first section: the entry
         BNZ   *+8
         ST    R2,LDRENTRY
         CLI   8(R6),X'04'
         BE    LTESDX                    a private section: no name
         LR    R1,R6
         LR    R0,R2
         NUCALL LDDEF                    the name is defined
         LR    R1,R6
         LR    R0,R2
         LA    R2,=C'SD'
         CLI   8(R6),X'05'
         BNE   *+8
         LA    R2,=C'CM'
         NUCALL LDMAPW                   its line in the map
         B     LTESDX
* LD: a name in a section of this deck.
LTLD     SR    R1,R1
         ICM   R1,7,13(R6)               its section's ESD id
         BAL   R14,LTMAP                 R7 the entry, 0 if bad
         LTR   R7,R7
         BZ    LTESDN
         CLI   0(R7),1                   (not in a duplicate)
         BNE   LTESDN
         SR    R0,R0
         ICM   R0,7,9(R6)
         A     R0,4(,R7)
         LR    R1,R6
         NUCALL LDDEF
         LA    R2,=C'LD'
         NUCALL LDMAPW                   (R0 and R1 kept)
         B     LTESDN
* ER: a name defined elsewhere.
LTER     BAL   R14,LTESDP
         LTR   R7,R7
         BZ    LTESDX
         MVI   0(R7),2
         XC    4(4,R7),4(R7)
         MVC   8(8,R7),0(R6)
LTESDX   LA    R4,1(,R4)                 the next ESD id
LTESDN   LA    R6,16(,R6)
         SH    R5,=H'16'
         B     LTESD1
* TXT: bytes to their place.
LTTXT    LH    R1,14(,R8)
         BAL   R14,LTMAP
         LTR   R7,R7
         BZ    LTBAD
         CLI   0(R7),3                   a duplicate's: bypassed
         BE    LTREAD
         SR    R2,R2
         ICM   R2,7,5(R8)
         A     R2,4(,R7)                 where they go
         LH    R3,10(,R8)
         LTR   R3,R3
         BNP   LTREAD
         C     R3,=F'56'
         BH    LTBAD
         BAL   R14,LTCHECK               within the user area?
         BCTR  R3,0
         EX    R3,LTMVC
         B     LTREAD
LTMVC    MVC   0(0,R2),16(R8)
* REP: a patch, in OS/360's loader format (R6's loader applied them):
* columns 17-22 the assembled address and 25-28 the section's ESD id,
* in hexadecimal; from column 29 halfwords of four hexadecimal digits
* separated by commas, up to column 71, stored from that address.
LTREP    LA    R1,16(,R8)
         LA    R0,6
         BAL   R14,LTHEX
         LTR   R15,R15
         BNZ   LTBAD
         LR    R4,R2                     the address
         LA    R1,24(,R8)
         LA    R0,4
         BAL   R14,LTHEX
         LTR   R15,R15
         BNZ   LTBAD
         LR    R1,R2                     the section's ESD id
         BAL   R14,LTMAP
         LTR   R7,R7
         BZ    LTBAD
         CLI   0(R7),3                   a duplicate's: bypassed
         BE    LTREAD
         A     R4,4(,R7)                 where the patch goes
         LA    R6,28(,R8)                column 29
LTREP1   LA    R1,67(,R8)                a halfword ends by column 71
         CR    R6,R1
         BH    LTBAD
         LR    R1,R6
         LA    R0,4
         BAL   R14,LTHEX
         LTR   R15,R15
         BNZ   LTBAD
         LR    R6,R1
         LR    R5,R2                     the halfword
         LR    R2,R4
         LA    R3,2
         BAL   R14,LTCHECK               within the user area?
         STCM  R5,3,0(R4)
         LA    R4,2(,R4)
         CLI   0(R6),C','                a comma: another one
         BNE   LTREAD
         LA    R6,1(,R6)
         B     LTREP1
* LTHEX: R0 hexadecimal digits at R1: R2 their value, R1 past them;
* R15 = 0, or 4 when one is not a digit. R3 changed.
LTHEX    SR    R2,R2
         SR    R15,R15
LTHEX1   SR    R3,R3
         IC    R3,0(,R1)
         CLI   0(R1),C'0'
         BNL   LTHEX2                    0-9: X'F0'-X'F9'
         CLI   0(R1),C'A'
         BL    LTHEXB
         CLI   0(R1),C'F'
         BH    LTHEXB
         LA    R3,9(,R3)                 A-F: X'C1'-X'C6', +9 the
         B     LTHEX3                    low digits X'A'-X'F'
LTHEX2   CLI   0(R1),C'9'
         BH    LTHEXB
LTHEX3   N     R3,=F'15'
         SLL   R2,4
         OR    R2,R3
         LA    R1,1(,R1)
         BCT   R0,LTHEX1
         BR    R14
LTHEXB   LA    R15,4
         BR    R14
* RLD: items R id, P id, flag, address; a flag with X'01' says the
* next item has the same R and P and only flag and address.
LTRLD    LH    R5,10(,R8)
         LA    R6,16(,R8)
LTRLD1   LTR   R5,R5
         BNP   LTREAD
         MVC   LTRP,0(R6)                R and P ids
         LA    R6,4(,R6)
         SH    R5,=H'4'
LTRLD2   LH    R1,LTRP+2                 P: the field's section
         BAL   R14,LTMAP
         LTR   R7,R7
         BZ    LTBAD
         CLI   0(R7),3                   a duplicate's: bypassed
         BE    LTRLDN
         SR    R2,R2
         ICM   R2,7,1(R6)
         A     R2,4(,R7)                 the field's address
         SR    R3,R3
         IC    R3,0(,R6)
         SRL   R3,2
         N     R3,=F'3'
         LA    R3,1(,R3)                 its length
         BAL   R14,LTCHECK
         LH    R1,LTRP                   R: what it refers to
         BAL   R14,LTMAP
         LTR   R7,R7
         BZ    LTBAD
         MVC   LTFLAG,0(R6)
         CLI   0(R7),2
         BE    LTRLDX
         CLI   0(R7),3                   a duplicate: the first one's
         BE    LTRLDX
         L     R0,4(,R7)                 a section: its relocation
         BAL   R14,LTAPPLY
         B     LTRLDN
LTRLDX   LA    R1,8(,R7)                 a name: its address, if known
         NUCALL LDFIND
         LTR   R15,R15
         BNZ   LTPEND
         LR    R0,R1
         BAL   R14,LTAPPLY
         B     LTRLDN
LTPEND   L     R1,LDRNRLD                not yet: it waits
         C     R1,=A(LWNRLD)
         BNL   LTFULL
         LR    R15,R1
         LA    R1,1(,R1)
         ST    R1,LDRNRLD
         SLL   R15,4
         A     R15,LDRRLDT
         ST    R2,0(,R15)
         MVC   4(1,R15),LTFLAG
         MVI   5(R15),0                  (not tried yet: a new item)
         MVC   8(8,R15),8(R7)
LTRLDN   TM    0(R6),X'01'
         LA    R6,4(,R6)
         BZ    LTRLD3
         SH    R5,=H'4'                  same R and P follow
         BP    LTRLD2
         B     LTREAD
LTRLD3   SH    R5,=H'4'
         B     LTRLD1
* END: the entry point, when given and none is set yet; a new deck.
LTEND    CLC   5(3,R8),=X'404040'
         BE    LTEND1
         LH    R1,14(,R8)
         BAL   R14,LTMAP
         LTR   R7,R7
         BZ    LTEND1
         CLI   0(R7),1                   (not a duplicate's)
         BNE   LTEND1
         SR    R2,R2
         ICM   R2,7,5(R8)
         A     R2,4(,R7)
         TM    LDRFLAGS,LDRFEND          the first END that names one
         BO    LTEND1
         OI    LDRFLAGS,LDRFEND
         ST    R2,LDRENTRY
LTEND1   BAL   R14,LTNEWDK
         B     LTREAD
LTBAD    LA    R15,32
         B     LTOUT
LTFULL   LA    R1,=C'DMSLIO109S VIRTUAL STORAGE CAPACITY EXCEEDED'
         LA    R0,44
         NUCALL MSGOUT
         LA    R15,104
         B     LTOUT
* LTNEWDK: a deck's ESD ids are forgotten.
LTNEWDK  L     R1,LDRESDT
         LA    R0,16
LTND1    XC    0(256,R1),0(R1)
         LA    R1,256(,R1)
         BCT   R0,LTND1
         BR    R14
* LTESDP: R7 = the entry of ESD id R4 (1-255), 0 if out of range.
LTESDP   LR    R1,R4
* LTMAP: R7 = the entry of ESD id R1 (1-255) in use, else 0.
LTMAP    SR    R7,R7
         LTR   R1,R1
         BNPR  R14
         C     R1,=F'255'
         BHR   R14
         SLL   R1,4
         A     R1,LDRESDT
         LR    R7,R1
         BR    R14
* LTCHECK: R2..R2+R3-1 must lie in the user area.
LTCHECK  C     R2,MAINSTRT
         BL    LTBAD
         LA    R1,0(R2,R3)
         C     R1,MAINHIGH
         BH    LTBAD
         BR    R14
* LTAPPLY: the field at R2 (R3 bytes) plus or minus R0 (LTFLAG X'02').
LTAPPLY  LA    R1,LTMASKS-1(R3)
         SR    R15,R15
         IC    R15,0(,R1)                ICM/STCM mask for the length
         SR    R1,R1
         EX    R15,LTICM
         TM    LTFLAG,X'02'
         BO    LTAPSUB
         AR    R1,R0
         B     LTAPST
LTAPSUB  SR    R1,R0
LTAPST   EX    R15,LTSTCM
         BR    R14
LTMASKS  DC    X'0103070F'
LTSTCM   STCM  R1,0,0(R2)
LTICM    ICM   R1,0,0(R2)
         DROP  R13
         LTORG
LTWK     DSECT
         DS    18F
LTRC     DS    F
LTRP     DS    F
LTFLAG   DS    X
         DS    XL3
LTLEFT   DS    F                 a member's records left; -1 a file
         DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* LDLIBM: the name at R1 looked for in the GLOBAL TXTLIB libraries'
* directories (their order; R6's layout, docs/CMS.md "Text
* libraries"): the first entry of that name has its member loaded
* (LDTEXT). R15 = 0 loaded, 28 no library has it, else LDTEXT's.
*---------------------------------------------------------------------
LDLIBM   CMSENT WORK=80
         USING LLWK,R13
         MVC   LLNAME,0(R1)
         L     R11,LDRWORK
         LA    R10,LWFSCB(,R11)
         LA    R5,GLOBTXT
         LA    R6,8
LL1      CLI   0(R5),0
         BE    LLNEXT
* The header: the directory's record and size.
         XC    0(44,R10),0(R10)
         MVC   0(8,R10),=CL8'RDBUF'
         MVC   8(8,R10),0(R5)
         MVC   16(8,R10),=CL8'TXTLIB'
         MVC   24(2,R10),=C'* '
         LA    R1,LWCARD(,R11)
         ST    R1,28(,R10)
         LA    R1,80
         ST    R1,32(,R10)
         LA    R1,1
         STH   R1,38(,R10)
         STH   R1,26(,R10)
         LR    R1,R10
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   LLFIN
         CLC   LWCARD(6,R11),=C'LIBPDS'
         BNE   LLFIN
         MVC   26(2,R10),LWCARD+6(R11)   the directory's record
         L     R7,LWCARD+8(,R11)         its bytes
         LTR   R7,R7
         BNP   LLFIN
         LA    R1,79(,R7)
         SR    R0,R0
         D     R0,=F'80'
         LR    R8,R1                     its records
         MH    R1,=H'80'
         ST    R1,LLSIZE
         LR    R0,R1
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   LLFIN
         ST    R1,LLDIR
* The directory's records into storage.
         LR    R2,R1
LL2      ST    R2,28(,R10)
         LR    R1,R10
         SVC   202
         DC    AL4(1)
         XC    26(2,R10),26(R10)
         LTR   R15,R15
         BNZ   LLFRET
         LA    R2,80(,R2)
         BCT   R8,LL2
* The name's entry.
         L     R2,LLDIR
         LR    R3,R7
LL3      C     R3,=F'12'
         BL    LLFRET
         CLC   0(8,R2),LLNAME
         BE    LLFOUND
         LA    R2,12(,R2)
         SH    R3,=H'12'
         B     LL3
LLFOUND  MVC   LLMEMB(8),0(R5)           the library
         XC    LLMEMB+8(8),LLMEMB+8
         MVC   LLMEMB+10(2),8(R2)        the member's first record
         MVC   LLMEMB+14(2),10(R2)       its records
         BAL   R14,LLFREE
         MVC   0(8,R10),=CL8'FINIS'
         LR    R1,R10
         SVC   202
         DC    AL4(1)
         LA    R0,LLMEMB
         LA    R1,LLNAME
         NUCALL LDTEXT
         B     LLOUT
LLFRET   BAL   R14,LLFREE
LLFIN    MVC   0(8,R10),=CL8'FINIS'
         LR    R1,R10
         SVC   202
         DC    AL4(1)
LLNEXT   LA    R5,8(,R5)
         BCT   R6,LL1
         LA    R15,28
LLOUT    CMSRET
LLFREE   L     R1,LLDIR
         L     R0,LLSIZE
         ST    R14,LLR14
         NUCALL FRETFREE
         L     R14,LLR14
         BR    R14
         DROP  R13
         LTORG
LLWK     DSECT
         DS    18F
LLNAME   DS    CL8
LLMEMB   DS    CL16
LLDIR    DS    A
LLSIZE   DS    F
LLR14    DS    A
NUCLEUS  CSECT
*---------------------------------------------------------------------
* The LOAD MAP (R6: LOAD MAP A5, unless NOMAP): a line for each control
* section and entry point loaded, "name     SD 020000" (the name, its
* kind SD, CM or LD, its address), typed as well with TYPE. LOAD
* begins the file again, INCLUDE adds to it. LDMAPBEG: begins
* (LDRFMAP while it is written); LDMAPW: the line of the name at R1,
* address R0, kind at R2 (2 characters); LDMAPEND: closes it. A write
* that fails ends the map (the load goes on).
*---------------------------------------------------------------------
LDMAPBEG CMSENT
         L     R11,LDRWORK
         L     R10,=A(LWMAPCB)
         AR    R10,R11
         XC    0(44,R10),0(R10)
         MVC   8(8,R10),=CL8'LOAD'
         MVC   16(8,R10),=CL8'MAP'
         MVC   24(2,R10),=C'A5'
         CH    R2,=H'1'                  INCLUDE: added to
         BE    LMB1
         MVC   0(8,R10),=CL8'ERASE'
         LR    R1,R10
         SVC   202
         DC    AL4(1)
LMB1     OI    LDRFLAGS,LDRFMAP
         CMSRET RC=0
         LTORG
LDMAPW   CMSENT WORK=8
         TM    LDRFLAGS,LDRFMAP
         BZ    LMWOUT
         L     R11,LDRWORK
         L     R10,=A(LWMAPCB)
         AR    R10,R11
         LA    R9,LWMAPLN-LWMAPCB(,R10)
         MVC   0(8,R9),0(R1)             name
         MVI   8(R9),C' '
         MVC   9(2,R9),0(R2)             kind
         MVI   11(R9),C' '
         LR    R2,R0
         LA    R3,72(,R13)               (the frame's work)
         NUCALL HEXOUT
         MVC   12(6,R9),74(R13)          the address, 6 digits
         TM    LDRFLAGS,LDRFTYPE         TYPE: typed as well
         BZ    LMW1
         LR    R1,R9
         LA    R0,18
         NUCALL TYPLINE
LMW1     MVC   0(8,R10),=CL8'WRBUF'
         XC    26(2,R10),26(R10)         the next record
         ST    R9,28(,R10)
         LA    R1,18
         ST    R1,32(,R10)
         MVI   36(R10),C'V'
         LA    R1,1
         STH   R1,38(,R10)
         LR    R1,R10
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BZ    LMWOUT
         NUCALL LDMAPEND
LMWOUT   CMSRET RC=0
         LTORG
LDMAPEND CMSENT
         TM    LDRFLAGS,LDRFMAP
         BZ    LMEOUT
         NI    LDRFLAGS,255-LDRFMAP
         L     R11,LDRWORK
         L     R10,=A(LWMAPCB)
         AR    R10,R11
         MVC   0(8,R10),=CL8'FINIS'
         LR    R1,R10
         SVC   202
         DC    AL4(1)
LMEOUT   CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* LDDEF: the name at R1 (8 bytes) is at address R0: into the table
* (the first definition stays), and the address constants waiting for
* it get it. LDFIND: R1 = the address of the name at R1, R15 = 0; or
* R15 = 4 when it is not defined.
*---------------------------------------------------------------------
LDDEF    CMSENT
         LR    R6,R1
         LR    R7,R0
         L     R11,LDRWORK
         NUCALL LDFIND
         LTR   R15,R15
         BZ    LDDOUT                    already defined
         L     R2,LDRNSYM
         C     R2,=A(LWNSYM)
         BNL   LDDOUT                    (the table is full: R6 too)
         LR    R3,R2
         SLL   R3,4
         A     R3,LDRSYMT
         MVC   0(8,R3),0(R6)
         ST    R7,8(,R3)
         MVI   12(R3),X'80'
         LA    R2,1(,R2)
         ST    R2,LDRNSYM
* The waiting ones: applied, and taken off the list (the last moves
* into the place of each one done).
         L     R4,LDRNRLD
         L     R5,LDRRLDT
LDD1     LTR   R4,R4
         BNP   LDDOUT
         CLC   8(8,R5),0(R6)
         BNE   LDD2
         L     R2,0(,R5)
         SR    R3,R3
         IC    R3,4(,R5)
         SRL   R3,2
         N     R3,=F'3'
         LA    R3,1(,R3)
         LA    R1,LDMASKS-1(R3)
         SR    R15,R15
         IC    R15,0(,R1)
         SR    R1,R1
         EX    R15,LDICM
         TM    4(R5),X'02'
         BO    *+10
         AR    R1,R7
         B     *+6
         SR    R1,R7
         EX    R15,LDSTCM
         L     R1,LDRNRLD                the last one comes here
         BCTR  R1,0
         ST    R1,LDRNRLD
         SLL   R1,4
         A     R1,LDRRLDT
         MVC   0(16,R5),0(R1)
         BCT   R4,LDD1                   (this place again)
         B     LDDOUT
LDD2     LA    R5,16(,R5)
         BCT   R4,LDD1
LDDOUT   CMSRET RC=0
LDMASKS  DC    X'0103070F'
LDICM    ICM   R1,0,0(R2)
LDSTCM   STCM  R1,0,0(R2)
         LTORG
LDFIND   CMSENT
         L     R11,LDRWORK
         LTR   R11,R11
         BZ    LDFNO
         L     R2,LDRNSYM
         L     R3,LDRSYMT
LDF2     LTR   R2,R2
         BNP   LDFNO
         CLC   0(8,R3),0(R1)
         BE    LDFYES
         LA    R3,16(,R3)
         BCT   R2,LDF2
LDFNO    CMSRET RC=4
LDFYES   L     R1,4(,R13)
         MVC   24(4,R1),8(R3)            the caller's R1
         CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* LDAUTO: the names still undefined are looked for as R6's loader did
* (its "Loader Search Order"): first each as a TEXT file (AUTO, unless
* NOAUTO), until a round loads nothing; then, those still undefined,
* in the GLOBAL TXTLIB libraries (LIBE, unless NOLIBE), whose member
* with the name is loaded, until a round loads nothing. Each name is
* tried once in each step (X'80' the TEXT file, X'40' the libraries,
* in its pending item's byte 5). R15 = 0, or LDTEXT's error.
*---------------------------------------------------------------------
LDAUTO   CMSENT WORK=16
         USING LAWK,R13
         MVI   LASTEP,X'80'              the TEXT files
         TM    LDRFLAGS,LDRFAUTO
         BZ    LDA0
LDANEXT  MVI   LASTEP,X'40'              the libraries
         TM    LDRFLAGS,LDRFNLIB
         BO    LDAEND
LDA0     L     R11,LDRWORK
         SR    R4,R4                     the item's number
LDA1     C     R4,LDRNRLD
         BNL   LDASTEP
         LR    R5,R4
         SLL   R5,4
         A     R5,LDRRLDT
         SR    R1,R1                     tried in this step?
         IC    R1,LASTEP
         EX    R1,LATM
         BO    LDA2
         MVC   LANAME,8(R5)
         LA    R1,LANAME
         SR    R0,R0                     (a file)
         CLI   LASTEP,X'80'
         BNE   LDA1B
         NUCALL LDTEXT
         B     LDA1C
LDA1B    NUCALL LDLIBM
LDA1C    LTR   R15,R15
         BZ    LDA0                      loaded: the list has changed
         C     R15,=F'28'
         BNE   LDAOUT
* Not there: every item waiting for it is marked tried.
         L     R6,LDRNRLD
         L     R7,LDRRLDT
LDA3     CLC   8(8,R7),LANAME
         BNE   LDA4
         OC    5(1,R7),LASTEP
LDA4     LA    R7,16(,R7)
         BCT   R6,LDA3
LDA2     LA    R4,1(,R4)
         B     LDA1
LDASTEP  CLI   LASTEP,X'80'              the TEXT files done
         BE    LDANEXT
LDAEND   SR    R15,R15
LDAOUT   CMSRET
LATM     TM    5(R5),0
         DROP  R13
         LTORG
LAWK     DSECT
         DS    18F
LANAME   DS    CL8
LASTEP   DS    X                 X'80' TEXT files, X'40' libraries
NUCLEUS  CSECT
*---------------------------------------------------------------------
* START [entry|*] [args]: runs what LOAD loaded. STARTPGM: R1 the
* PLIST from the entry token (or the fence: the default entry).
*---------------------------------------------------------------------
STARTCMD CMSENT
         LA    R1,8(,R1)
         NUCALL STARTPGM
         CMSRET
STARTPGM CMSENT WORK=80
         USING SPWK,R13
         LR    R9,R1
         L     R2,LDRENTRY
         OC    LDRNEXT,LDRNEXT
         BZ    SPNONE
         CLC   LDRORG,LDRNEXT
         BE    SPNONE
         CLI   0(R9),X'FF'
         BE    SPGO
         CLI   0(R9),C'*'
         BE    SPGO
         LR    R1,R9
         NUCALL LDFIND
         LTR   R15,R15
         BNZ   SPNOENT
         LR    R2,R1
SPGO     LTR   R2,R2
         BZ    SPNONE
         ST    R2,SPENTRY
* The names still undefined are listed (the program runs anyway).
         L     R4,LDRNRLD
         LTR   R4,R4
         BZ    SPGO2
         LA    R1,=C'DMSLIO201W THE FOLLOWING NAMES ARE UNDEFINED:'
         LA    R0,45
         NUCALL MSGOUT
         L     R5,LDRRLDT
         XC    SPLAST,SPLAST
SPU1     CLC   8(8,R5),SPLAST
         BE    SPU2
         MVC   SPLAST,8(R5)
         LA    R1,8(,R5)
         LA    R0,8
         NUCALL TYPLINE
SPU2     LA    R5,16(,R5)
         BCT   R4,SPU1
SPGO2    LA    R1,=C'EXECUTION BEGINS...'
         LA    R0,19
         NUCALL TYPLINE
         L     R2,SPENTRY
         SR    R3,R3
         IC    R3,LDRFLAGS
         N     R3,=A(LDRFSYS)
         LR    R1,R9
         SR    R0,R0
         NUCALL RUNPGM
         CMSRET
SPNONE   LA    R1,=C'DMSLIO055E NO ENTRY POINT DEFINED'
         LA    R0,33
         NUCALL MSGOUT
         CMSRET RC=40
SPNOENT  LR    R1,R9
         NUCALL LDNOENTM
         CMSRET RC=40
         DROP  R13
         LTORG
SPWK     DSECT
         DS    18F
SPENTRY  DS    A
         DS    F
SPLAST   DS    CL8
NUCLEUS  CSECT
* LDNOENTM: DMSLIO021E ENTRY POINT 'name' NOT FOUND, the name at R1.
LDNOENTM CMSENT WORK=48
         USING LNWK,R13
         MVC   LNMSG(LNML),LNM
         MVC   LNMSG+LNMX(8),0(R1)
         LA    R1,LNMSG
         LA    R0,LNML
         NUCALL MSGOUT
         CMSRET RC=0
LNM      DC    C'DMSLIO021E ENTRY POINT '''
LNMX     EQU   *-LNM
         DC    CL8' ',C''' NOT FOUND'
LNML     EQU   *-LNM
         DROP  R13
         LTORG
LNWK     DSECT
         DS    18F
LNMSG    DS    CL48
NUCLEUS  CSECT
* LDDUPM: DMSLIO202W DUPLICATE IDENTIFIER 'name', the name at R1.
LDDUPM   CMSENT WORK=48
         USING LNWK,R13
         MVC   LNMSG(LDUMX),LDUM
         MVC   LNMSG+LDUMX(8),0(R1)
         LA    R1,LNMSG+LDUMX+8          the name without its blanks
LDDM1    BCTR  R1,0
         CLI   0(R1),C' '
         BE    LDDM1
         MVI   1(R1),C''''
         LA    R0,2(,R1)
         LA    R1,LNMSG
         SR    R0,R1
         NUCALL MSGOUT
         CMSRET RC=0
LDUM     DC    C'DMSLIO202W DUPLICATE IDENTIFIER '''
LDUMX    EQU   *-LDUM
         DROP  R13
         LTORG
NUCLEUS  CSECT
*---------------------------------------------------------------------
* RUNPGM: runs a program: R2 its entry, R3 LDRFSYS for a system
* module (key 0) or 0, R1 its PLIST, R0 its extended PLIST. R13 is
* the programs' save area, R14 the way back; in PSW key E (a system
* module: key 0). R15 = its return code.
*---------------------------------------------------------------------
RUNPGM   CMSENT WORK=8
         USING RPWK,R13
         LR    R15,R2                    the entry
         MVC   RPOLD,RUNR13              programs may nest
         ST    R13,RUNR13
         L     R13,USRSAVE
* (The masks are set while the key is still 0: NUCON is key F.)
         LTR   R3,R3
         BNZ   RP1
         STOSM RUNMASK,X'FF'             attention, CP EXTERNAL
         TM    FLAGS2,F2NOPROT           SET PROTECT OFF: key 0
         BO    RP2
         SPKA  X'E0'                     the user's key
         B     RP2
RP1      STOSM RUNMASK,X'01'             (system modules: EXTERNAL)
RP2      BALR  R14,R15
         SPKA  0
         STNSM RUNMASK,X'00'
         BALR  R12,0                     whatever the program left
         USING *,R12
         L     R13,RUNR13
         MVC   RUNR13,RPOLD
         CMSRET
         DROP  R13
         LTORG
RPWK     DSECT
         DS    18F
RPOLD    DS    A
NUCLEUS  CSECT
*---------------------------------------------------------------------
* HEXIN: the token at R1 (up to 8 hex digits, blank-padded) as a
* value in R1, R15 = 0; R15 = 4 when it is not hexadecimal.
*---------------------------------------------------------------------
HEXIN    CMSENT
         SR    R2,R2
         LA    R3,8
         LR    R4,R1
         CLI   0(R4),C' '
         BE    HXIBAD
HXI1      CLI   0(R4),C' '
         BE    HXIEND
         SR    R5,R5
         IC    R5,0(,R4)
         CLI   0(R4),C'0'
         BL    HXILET
         CLI   0(R4),C'9'
         BH    HXIBAD
         N     R5,=F'15'
         B     HXIADD
HXILET    CLI   0(R4),C'A'
         BL    HXIBAD
         CLI   0(R4),C'F'
         BH    HXIBAD
         N     R5,=F'15'
         LA    R5,9(,R5)
HXIADD    SLL   R2,4
         AR    R2,R5
         LA    R4,1(,R4)
         BCT   R3,HXI1
HXIEND    L     R1,4(,R13)
         ST    R2,24(,R1)
         CMSRET RC=0
HXIBAD    CMSRET RC=4
         LTORG
*---------------------------------------------------------------------
* GENMOD fn [MODULE [fm]]: what is loaded, from its origin to its end,
* with its entry, becomes the MODULE file (an old one is replaced).
*---------------------------------------------------------------------
GENMOD   CMSENT WORK=96
         USING GMWK,R13
         LR    R9,R1
         CLI   8(R9),X'FF'
         BE    GMNOFN
         OC    LDRNEXT,LDRNEXT
         BZ    GMNONE
         CLC   LDRORG,LDRNEXT
         BE    GMNONE
         XC    GMCB(44),GMCB
         MVC   GMCB+8(8),8(R9)
         MVC   GMCB+16(8),=CL8'MODULE'
         MVC   GMCB+24(2),=C'A1'
         CLI   16(R9),X'FF'
         BE    GM1
         CLI   16(R9),C'('
         BE    GM1
         MVC   GMCB+16(8),16(R9)
         CLI   24(R9),X'FF'
         BE    GM1
         CLI   24(R9),C'('
         BE    GM1
         MVC   GMCB+24(2),24(R9)
         CLI   GMCB+25,C' '
         BNE   GM1
         MVI   GMCB+25,C'1'
GM1      MVC   GMCB(8),=CL8'ERASE'       an old one goes
         LA    R1,GMCB
         SVC   202
         DC    AL4(1)
         MVC   GMHDR(8),=C'CMSMOD01'
         MVC   GMHDR+8(4),LDRORG
         MVC   GMHDR+12(4),LDRNEXT
         MVC   GMHDR+16(4),LDRENTRY
         XC    GMHDR+20(12),GMHDR+20
         TM    LDRFLAGS,LDRFSYS
         BZ    *+8
         OI    GMHDR+20,X'40'
         MVC   GMCB(8),=CL8'WRBUF'
         MVI   GMCB+36,C'V'
         LA    R1,1
         STH   R1,GMCB+38
         LA    R2,GMHDR
         LA    R3,32
         BAL   R14,GMWRITE
         BNZ   GMERR
         L     R2,LDRORG
GM2      L     R3,LDRNEXT
         SR    R3,R2
         BNP   GMDONE
         C     R3,=F'4096'
         BNH   *+8
         L     R3,=F'4096'
         BAL   R14,GMWRITE
         BNZ   GMERR
         AR    R2,R3
         B     GM2
GMDONE   MVC   GMCB(8),=CL8'FINIS'
         LA    R1,GMCB
         SVC   202
         DC    AL4(1)
         CMSRET RC=0
GMERR    ST    R15,GMRC
         MVC   GMCB(8),=CL8'FINIS'
         LA    R1,GMCB
         SVC   202
         DC    AL4(1)
         L     R15,GMRC
         CMSRET
* GMWRITE: a record of R3 bytes at R2. R15 and the cc: WRBUF's code.
GMWRITE  ST    R2,GMCB+28
         ST    R3,GMCB+32
         XC    GMCB+26(2),GMCB+26
         LR    R7,R14
         LA    R1,GMCB
         SVC   202
         DC    AL4(1)
         LR    R14,R7
         LTR   R15,R15
         BR    R14
GMNOFN   LA    R1,=C'DMSMOD001E NO FILENAME SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         CMSRET RC=24
GMNONE   LA    R1,=C'DMSMOD055E NO ENTRY POINT DEFINED'
         LA    R0,33
         NUCALL MSGOUT
         CMSRET RC=40
         DROP  R13
         LTORG
GMWK     DSECT
         DS    18F
GMCB     DS    11F
GMRC     DS    F
GMHDR    DS    8F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* LOADMOD fn [MODULE [fm]]: the MODULE file into storage, its entry
* for START. MODLOAD (R1 = an 8-byte name): the same for RUNMOD; R15 =
* 0, 28 no such file, 32 not a module, 104 it does not fit.
*---------------------------------------------------------------------
LOADMOD  CMSENT
         CLI   8(R1),X'FF'
         BE    LMNOFN
         LA    R1,8(,R1)
         NUCALL MODLOAD
         C     R15,=F'28'
         BNE   LMOUT
         LA    R1,=C'DMSMOD002E FILE NOT FOUND'
         LA    R0,25
         NUCALL MSGOUT
         LA    R15,28
LMOUT    CMSRET
LMNOFN   LA    R1,=C'DMSMOD001E NO FILENAME SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         CMSRET RC=24
         LTORG
MODLOAD  CMSENT WORK=96
         USING GMWK,R13
         XC    GMCB(44),GMCB
         MVC   GMCB(8),=CL8'RDBUF'
         MVC   GMCB+8(8),0(R1)
         MVC   GMCB+16(8),=CL8'MODULE'
         MVC   GMCB+24(2),=C'* '
         LA    R1,GMHDR
         ST    R1,GMCB+28
         LA    R1,32
         ST    R1,GMCB+32
         LA    R1,1
         STH   R1,GMCB+38
         LA    R1,GMCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BZ    ML1
         BM    MLNONE                    (no file system: none)
         C     R15,=F'1'
         BNE   MLBAD
MLNONE   LA    R15,28
         B     MLOUT
ML1      CLC   GMHDR(8),=C'CMSMOD01'
         BNE   MLBAD
         L     R2,GMHDR+8                origin
         L     R3,GMHDR+12               end
         CR    R2,R3
         BNL   MLBAD
* Where a module may go: the user area, or the transient area; in the
* CMS subset (EDIT's) not the user area (R15 = 40).
         TM    FLAGS2,F2SUBSET
         BZ    ML1A
         C     R2,MAINSTRT
         BNL   MLSUBS
ML1A     C     R2,MAINSTRT
         BL    MLTRANS
         C     R3,MAINHIGH
         BH    MLFULL
         B     ML2
MLTRANS  C     R2,=A(X'E000')
         BL    MLBAD
         C     R3,=A(X'10000')
         BH    MLBAD
* The module's entry and flags for RUNMOD; a module in the user area
* is also what START runs (it replaced what LOAD loaded); one in the
* transient area leaves that alone.
ML2      MVC   MODENTRY,GMHDR+16
         MVC   MODFLAGS,GMHDR+20
         MVC   MODEND,GMHDR+12
         C     R2,MAINSTRT
         BL    ML3
         MVC   LDRORG,GMHDR+8
         MVC   LDRNEXT,GMHDR+12
         MVC   LDRENTRY,GMHDR+16
         XC    LDRNRLD,LDRNRLD
         XC    LDRNSYM,LDRNSYM
         NI    LDRFLAGS,255-LDRFSYS
         TM    GMHDR+20,X'40'
         BZ    ML3
         OI    LDRFLAGS,LDRFSYS
ML3      L     R3,MODEND
         SR    R3,R2
         BNP   MLDONE
         C     R3,=F'4096'
         BNH   *+8
         L     R3,=F'4096'
         ST    R2,GMCB+28
         ST    R3,GMCB+32
         XC    GMCB+26(2),GMCB+26
         LA    R1,GMCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   MLBADR
         A     R2,GMCB+40                the bytes read
         B     ML3
MLBADR   XC    MODENTRY,MODENTRY         half a module runs nowhere
         C     R2,MAINSTRT
         BL    MLBAD
         XC    LDRNEXT,LDRNEXT
MLBAD    LA    R15,32
         B     MLOUT
MLFULL   LA    R15,104
         B     MLOUT
MLSUBS   LA    R15,40
         B     MLOUT
MLDONE   SR    R15,R15
MLOUT    ST    R15,GMRC
         MVC   GMCB(8),=CL8'FINIS'
         LA    R1,GMCB
         SVC   202
         DC    AL4(1)
         L     R15,GMRC
         CMSRET
         DROP  R13
         LTORG
*---------------------------------------------------------------------
* RUNMOD: the MODULE step of the search order: R1 the PLIST (its
* first token the name), R0 the extended PLIST. R15 = -1 when there
* is no such module, else its return code.
*---------------------------------------------------------------------
RUNMOD   CMSENT
         LR    R9,R1
         LR    R8,R0
* MODLOAD's own calls (RDBUF ...) must not come back here when the
* file system lacks them: one module search at a time.
         TM    LDRFLAGS,LDRFBUSY
         BO    RMNONE
         OI    LDRFLAGS,LDRFBUSY
         NUCALL MODLOAD
         NI    LDRFLAGS,255-LDRFBUSY
         C     R15,=F'28'
         BE    RMNONE
         C     R15,=F'40'                (the CMS subset)
         BE    RMSUBS
         LTR   R15,R15
         BNZ   RMERR
         L     R2,MODENTRY
         LTR   R2,R2
         BZ    RMERR
         SR    R3,R3
         TM    MODFLAGS,X'40'            a system module: key 0
         BZ    *+8
         LA    R3,LDRFSYS
         LR    R1,R9
         LR    R0,R8
         NUCALL RUNPGM
         CMSRET
RMNONE   LA    R15,1
         LCR   R15,R15
         CMSRET
RMSUBS   NUCALL SUBSMSG                  R15 = -2
         CMSRET
RMERR    LA    R1,=C'DMSMOD032E INVALID MODULE FILE'
         LA    R0,30
         NUCALL MSGOUT
         CMSRET RC=32
         LTORG
*---------------------------------------------------------------------
* ASSEMBLE fn: fn ASSEMBLE (any accessed disk, F 80) assembled by this
* CP's DIAGNOSE X'370' (asm370 with the CMS macro library; no IBM
* assembler is here), giving fn TEXT A1 (the object deck) and fn
* LISTING A1; the messages are typed. R15: 0, 4 warnings, 8 errors,
* 28 no such file, 104 it does not fit in the user area. Like R6's
* assembler it uses the user area: what LOAD loaded there is gone.
*---------------------------------------------------------------------
ASSEMBLE CMSENT WORK=168
         USING ASWK,R13
         LR    R9,R1
         CLI   8(R9),X'FF'
         BE    ASNOFN
         XC    ASCB(44),ASCB
         MVC   ASCB(8),=CL8'RDBUF'
         MVC   ASCB+8(8),8(R9)
         MVC   ASCB+16(8),=CL8'ASSEMBLE'
         MVC   ASCB+24(2),=C'* '
         LA    R1,80
         ST    R1,ASCB+32
         LA    R1,1
         STH   R1,ASCB+38
         XC    LDRNEXT,LDRNEXT           the loaded program goes
         L     R2,MAINSTRT               the source, record by record
         SR    R3,R3                     records
AS1      LA    R1,80(,R2)
         C     R1,MAINHIGH
         BH    ASFULL
         ST    R2,ASCB+28
         XC    ASCB+26(2),ASCB+26
         LA    R1,ASCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   AS2
         L     R1,ASCB+40                a short record: blanks after
         C     R1,=F'80'
         BNL   AS1B
         LA    R4,0(R1,R2)
         LA    R5,80
         SR    R5,R1
         BCTR  R5,0
         MVI   0(R4),C' '
         LTR   R5,R5
         BZ    AS1B
         BCTR  R5,0
         EX    R5,ASBLANK
AS1B     LA    R2,80(,R2)
         LA    R3,1(,R3)
         B     AS1
AS2      ST    R15,ASRC
         BAL   R14,ASFINIS
         L     R15,ASRC
         C     R15,=F'12'                end of file
         BE    AS3
         LA    R1,=C'DMSASM002E FILE NOT FOUND'
         LA    R0,25
         NUCALL MSGOUT
         CMSRET RC=28
* The GLOBAL MACLIB libraries, each F records, CL8 name, F 0, then
* its records, for the extended block (docs/CP.md, DIAGNOSE X'370');
* a library that is not there is left out.
AS3      LA    R2,7(,R2)
         N     R2,=X'00FFFFF8'
         ST    R3,ASPB+4
         XC    ASPB+32(16),ASPB+32
         ST    R2,ASPB+32                the libraries
         LA    R5,GLOBMAC
         LA    R6,8
AS3A     CLI   0(R5),0
         BE    AS3N
         XC    ASLB(44),ASLB
         MVC   ASLB(8),=CL8'RDBUF'
         MVC   ASLB+8(8),0(R5)
         MVC   ASLB+16(8),=CL8'MACLIB'
         MVC   ASLB+24(2),=C'* '
         LA    R1,80
         ST    R1,ASLB+32
         LA    R1,1
         STH   R1,ASLB+38
         LA    R4,16(,R2)                its first record's place
AS3B     LA    R1,80(,R4)
         C     R1,MAINHIGH
         BH    AS3FULL
         ST    R4,ASLB+28
         XC    ASLB+26(2),ASLB+26
         LA    R1,ASLB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   AS3C
         LA    R4,80(,R4)
         B     AS3B
AS3C     MVC   ASLB(8),=CL8'FINIS'
         LA    R1,ASLB
         SVC   202
         DC    AL4(1)
         LR    R1,R4
         SR    R1,R2
         SH    R1,=H'16'
         BNP   AS3N                      none there, or empty
         SR    R0,R0
         D     R0,=F'80'
         ST    R1,0(,R2)                 its records
         MVC   4(8,R2),0(R5)
         XC    12(4,R2),12(R2)
         LR    R2,R4
AS3N     LA    R5,8(,R5)
         BCT   R6,AS3A
         LR    R1,R2
         S     R1,ASPB+32
         BZ    AS3D                      no libraries: the old block
         ST    R1,ASPB+36
         OI    ASPB+4,X'80'              the extended block
         B     AS3D
AS3FULL  MVC   ASLB(8),=CL8'FINIS'
         LA    R1,ASLB
         SVC   202
         DC    AL4(1)
         B     ASFULL
* The parameter block, the output area from the next doubleword.
AS3D     MVC   ASPB(4),MAINSTRT
         ST    R2,ASPB+8
         L     R1,MAINHIGH
         SR    R1,R2
         BNP   ASFULL
         ST    R1,ASPB+12
         LA    R4,ASPB
         DIAG  R4,0,X'370'
         CLC   ASPB+28(4),=F'12'
         BNL   ASFULL
* The deck: fn TEXT A1, F 80 (an old one replaced).
         MVC   ASCB+16(8),=CL8'TEXT'
         BAL   R14,ASERASE
         MVC   ASCB(8),=CL8'WRBUF'
         MVI   ASCB+36,C'F'
         LA    R1,80
         ST    R1,ASCB+32
         L     R2,ASPB+8
         L     R3,ASPB+16
AS4      LTR   R3,R3
         BNP   AS5
         ST    R2,ASCB+28
         XC    ASCB+26(2),ASCB+26
         LA    R1,ASCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   ASWERR
         LA    R2,80(,R2)
         BCTR  R3,0
         B     AS4
AS5      BAL   R14,ASFINIS
* The listing: fn LISTING A1, V.
         MVC   ASCB+16(8),=CL8'LISTING'
         BAL   R14,ASERASE
         MVC   ASCB(8),=CL8'WRBUF'
         MVI   ASCB+36,C'V'
         L     R3,ASPB+20
         BAL   R14,ASLINES               (R2 at the listing)
         BAL   R14,ASFINIS
* The messages, typed.
         L     R3,ASPB+24
AS6      LTR   R3,R3
         BNP   AS7
         LH    R0,0(,R2)
         LA    R1,2(,R2)
         LR    R4,R0
         NUCALL TYPLINE
         LA    R2,2(R4,R2)
         SR    R3,R4
         SH    R3,=H'2'
         B     AS6
AS7      L     R15,ASPB+28
         CMSRET
* ASLINES: R3 bytes of [H length][text] records at R2 written by WRBUF;
* R2 after them.
ASLINES  ST    R14,ASSAVE
ASL1     LTR   R3,R3
         BNP   ASL2
         LH    R4,0(,R2)
         LA    R1,2(,R2)
         ST    R1,ASCB+28
         ST    R4,ASCB+32
         XC    ASCB+26(2),ASCB+26
         LA    R1,ASCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   ASWERR
         LA    R2,2(R4,R2)
         SR    R3,R4
         SH    R3,=H'2'
         B     ASL1
ASL2     L     R14,ASSAVE
         BR    R14
ASERASE  MVC   ASCB(8),=CL8'ERASE'
         MVC   ASCB+24(2),=C'A1'
         ST    R14,ASSAVE
         LA    R1,ASCB
         SVC   202
         DC    AL4(1)
         L     R14,ASSAVE
         BR    R14
ASFINIS  MVC   ASCB(8),=CL8'FINIS'
         ST    R14,ASSAVE
         LA    R1,ASCB
         SVC   202
         DC    AL4(1)
         L     R14,ASSAVE
         BR    R14
ASWERR   ST    R15,ASRC
         BAL   R14,ASFINIS
         L     R15,ASRC
         CMSRET
ASBLANK  MVC   1(0,R4),0(R4)
ASNOFN   LA    R1,=C'DMSASM001E NO FILENAME SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         CMSRET RC=24
ASFULL   BAL   R14,ASFINIS
         LA    R1,=C'DMSASM109S VIRTUAL STORAGE CAPACITY EXCEEDED'
         LA    R0,44
         NUCALL MSGOUT
         CMSRET RC=104
         DROP  R13
         LTORG
ASWK     DSECT
         DS    18F
ASCB     DS    11F
ASRC     DS    F
ASSAVE   DS    F
         DS    F
ASPB     DS    12F
ASLB     DS    11F               a GLOBAL MACLIB's FSCB
         DS    F
NUCLEUS  CSECT
