*=====================================================================
* CMSUTIL: the routines the file and unit-record commands share (PRINT,
* PUNCH, READCARD, DISK, COPYFILE, SORT, COMPARE; docs/CMS.md "Files,
* cards and printing"). COPY it inside the module, covered by its base
* register. Every routine is entered by BAL R14 and keeps every
* register but R0, R1, R14 and R15 unless it says otherwise; none is
* reentrant (a module's storage is its own while it runs).
*
* Messages are built at R7 in UMBUF (UMBEG sets R7, UPUT* append) and
* sent by UMSG: DIAGNOSE X'5C' edits them by the user's CP SET EMSG,
* then TYPLIN types what is left, as R6's DMSERR did.
*=====================================================================
*---------------------------------------------------------------------
* UMBEG: a message begins: 'DMS' and the module's code (UMID, CL3, the
* module defines it); R7 after them. UMBEG0: an empty line at R7.
*---------------------------------------------------------------------
UMBEG    MVC   UMBUF(3),=C'DMS'
         MVC   UMBUF+3(3),UMID
         LA    R7,UMBUF+6
         BR    R14
UMBEG0   LA    R7,UMBUF
         BR    R14
*---------------------------------------------------------------------
* UMTEXT: a message whose rest is constant: R1 -> AL1(length), text
* (after DMSxxx: 'nnnE text'); it is typed.
* UMTXT: the same text appended, not typed.
*---------------------------------------------------------------------
UMTEXT   ST    R14,UMTXS
         BAL   R14,UMBEG
         BAL   R14,UMTXT
         BAL   R14,UMSG
         L     R14,UMTXS
         BR    R14
UMTXT    ST    R14,UMTXS2
         SR    R0,R0
         IC    R0,0(,R1)
         LA    R1,1(,R1)
         BAL   R14,UPUT
         L     R14,UMTXS2
         BR    R14
*---------------------------------------------------------------------
* UMTOK: a message of a text, a token and a text: R1 -> AL1(length),
* text, AL1(length), text; R2 -> the token (8 bytes). Typed.
* UMFID: the same with R2 -> a fileid (18 bytes: 'fn ft fm').
*---------------------------------------------------------------------
UMTOK    STM   R14,R3,UMTOKS
         LA    R3,UPTOK
         B     UMTOK1
UMFID    STM   R14,R3,UMTOKS
         LA    R3,UPFID
UMTOK1   BAL   R14,UMBEG
         ST    R1,UMTOKS+24              the first text
         BAL   R14,UMTXT
         LR    R1,R2
         BALR  R14,R3                    the token or fileid
         L     R1,UMTOKS+24
         BAL   R14,USKIP                 the second text
         BAL   R14,UMTXT
         BAL   R14,UMSG
         LM    R14,R3,UMTOKS
         BR    R14
*---------------------------------------------------------------------
* USKIP: R1 -> AL1(length), text: R1 -> what follows the text.
*---------------------------------------------------------------------
USKIP    SR    R0,R0
         IC    R0,0(,R1)
         AR    R1,R0
         LA    R1,1(,R1)
         BR    R14
*---------------------------------------------------------------------
* The messages every command has. Each types its message and returns
* R15 = the return code R6 gave with it.
*   UEFNF   002E FILE 'fn ft fm' NOT FOUND (28); R1 -> the fileid
*   UESTATE STATE's return code R15 for the fileid at R1 as R6 said
*           it: 28 002E, 20 062E, 24 048E, 36 069E; others 002E
*   UENOFN  001E NO FILENAME SPECIFIED (24)
*   UEINCMP 054E INCOMPLETE FILEID SPECIFIED (24)
*   UEMODE  048E INVALID MODE 'xx' (24); R1 -> the token
*   UEOPT   003E INVALID OPTION 'xx' (24); R1 -> the token
*   UEPARM  070E INVALID PARAMETER 'xx' (24); R1 -> the token
*   UENOMEM 109S VIRTUAL STORAGE CAPACITY EXCEEDED (104)
*   UERD    104S ERROR 'nn' READING FILE 'fn ft fm' FROM DISK (100);
*           R0 the code, R1 -> the fileid
*   UEWR    105S ERROR 'nn' WRITING FILE 'fn ft fm' ON DISK (100);
*           for 12, 037E DISK 'x' IS READ/ONLY (36)
*---------------------------------------------------------------------
UEFNF    ST    R14,UES
         LA    R15,28
UEFNF1   ST    R15,UES+4
         ST    R2,UES+8
         LR    R2,R1
         LA    R1,UEFNFT
         BAL   R14,UMFID
         L     R2,UES+8
         L     R15,UES+4
         L     R14,UES
         BR    R14
UESTATE  ST    R14,UES
         C     R15,=F'20'
         BE    UEST20
         C     R15,=F'24'
         BE    UEST24
         C     R15,=F'36'
         BE    UEST36
         C     R15,=F'28'
         BE    UEFNF1
         LTR   R15,R15
         BP    UEFNF1
         LA    R15,28                    (no file system)
         B     UEFNF1
UEST20   STM   R15,R2,UES+4
         LR    R2,R1
         LA    R1,UE062T
         BAL   R14,UMFID
         LM    R15,R2,UES+4
         L     R14,UES
         BR    R14
UEST24   STM   R15,R2,UES+4
         LA    R2,16(,R1)
         LA    R1,UE048T
         BAL   R14,UMTOK2
         LM    R15,R2,UES+4
         L     R14,UES
         BR    R14
UEST36   STM   R15,R2,UES+4
         LA    R2,16(,R1)
         LA    R1,UE069T
         BAL   R14,UMTOK1C
         LM    R15,R2,UES+4
         L     R14,UES
         BR    R14
UENOFN   LA    R1,UE001T
         LA    R15,24
         B     UECONST
UEINCMP  LA    R1,UE054T
         LA    R15,24
         B     UECONST
UENOMEM  LA    R1,UE109T
         LA    R15,104
UECONST  ST    R14,UES
         ST    R15,UES+4
         BAL   R14,UMTEXT
         L     R15,UES+4
         L     R14,UES
         BR    R14
UEMODE   LA    R15,UE048T
         B     UETOK
UEOPT    LA    R15,UE003T
         B     UETOK
UEPARM   LA    R15,UE070T
UETOK    ST    R14,UES
         ST    R2,UES+8
         LR    R2,R1
         LR    R1,R15
         BAL   R14,UMTOK
         L     R2,UES+8
         LA    R15,24
         L     R14,UES
         BR    R14
UERD     LA    R15,UE104T
         B     UERW
UEWR     C     R0,=F'12'                 the disk is read-only
         BNE   UEWR1
         STM   R14,R2,UES
         LA    R2,16(,R1)
         LA    R1,UE037T
         BAL   R14,UMTOK1C
         LM    R14,R2,UES
         LA    R15,36
         BR    R14
UEWR1    LA    R15,UE105T
UERW     ST    R14,UES
         ST    R0,UES+4                  the code
         ST    R2,UES+8
         ST    R15,UES+12                the texts
         LR    R2,R1                     the fileid
         BAL   R14,UMBEG
         L     R1,UES+12
         BAL   R14,UMTXT                 nnnS ERROR '
         L     R0,UES+4
         BAL   R14,UPDEC
         L     R1,UES+12
         BAL   R14,USKIP
         ST    R1,UES+12
         BAL   R14,UMTXT                 ' READING FILE '
         LR    R1,R2
         BAL   R14,UPFID
         L     R1,UES+12
         BAL   R14,USKIP
         BAL   R14,UMTXT                 ' FROM DISK'
         BAL   R14,UMSG
         L     R2,UES+8
         L     R14,UES
         LA    R15,100
         BR    R14
*---------------------------------------------------------------------
* UMTOK2: as UMTOK with a 2-byte token (a mode); UMTOK1C: a 1-byte one
* (a mode letter).
*---------------------------------------------------------------------
UMTOK2   STM   R14,R3,UMTOKS
         LA    R3,UPTOK2
         B     UMTOK1
UMTOK1C  STM   R14,R3,UMTOKS
         LA    R3,UPTOK1
         B     UMTOK1
UPTOK2   LA    R0,2
         B     UPTOKN
UPTOK1   LA    R0,1
         B     UPTOKN
UE001T   DC    AL1(26),C'001E NO FILENAME SPECIFIED'
UE054T   DC    AL1(32),C'054E INCOMPLETE FILEID SPECIFIED'
UE109T   DC    AL1(38),C'109S VIRTUAL STORAGE CAPACITY EXCEEDED'
UEFNFT   DC    AL1(11),C'002E FILE ''',AL1(11),C''' NOT FOUND'
UE062T   DC    AL1(34),C'062E INVALID CHARACTER IN FILEID '''
         DC    AL1(1),C''''
UE048T   DC    AL1(19),C'048E INVALID MODE ''',AL1(1),C''''
UE037T   DC    AL1(11),C'037E DISK ''',AL1(14),C''' IS READ/ONLY'
UE069T   DC    AL1(11),C'069E DISK ''',AL1(14),C''' NOT ACCESSED'
UE003T   DC    AL1(21),C'003E INVALID OPTION ''',AL1(1),C''''
UE070T   DC    AL1(24),C'070E INVALID PARAMETER ''',AL1(1),C''''
UE104T   DC    AL1(12),C'104S ERROR ''',AL1(16),C''' READING FILE '''
         DC    AL1(11),C''' FROM DISK'
UE105T   DC    AL1(12),C'105S ERROR ''',AL1(16),C''' WRITING FILE '''
         DC    AL1(9),C''' ON DISK'
*---------------------------------------------------------------------
* UPUT: the R0 bytes at R1 after the message (at most to its end).
*---------------------------------------------------------------------
UPUT     STM   R2,R5,UPUTS
         LR    R2,R7
         LR    R3,R0
         LA    R4,UMBUF+L'UMBUF
         SR    R4,R7                     room left
         CR    R3,R4
         BNH   *+6
         LR    R3,R4
         LTR   R3,R3
         BNP   UPUT9
         LR    R4,R1
         LR    R5,R3
         MVCL  R2,R4
UPUT9    LR    R7,R2
         LM    R2,R5,UPUTS
         BR    R14
*---------------------------------------------------------------------
* UPTOK: the 8-byte token at R1, without its trailing blanks.
* UPTOKN: the R0 bytes at R1 without their trailing blanks.
*---------------------------------------------------------------------
UPTOK    LA    R0,8
UPTOKN   ST    R14,UPTOKS
         LTR   R0,R0
         BNP   UPTOK9
UPTK1    LR    R15,R1
         AR    R15,R0
         BCTR  R15,0
         CLI   0(R15),C' '
         BNE   UPTK2
         BCT   R0,UPTK1
         B     UPTOK9
UPTK2    BAL   R14,UPUT
UPTOK9   L     R14,UPTOKS
         BR    R14
*---------------------------------------------------------------------
* UPFID: 'fn ft fm' from the 18 bytes at R1 (CL8 fn, CL8 ft, CL2 fm),
* each without its trailing blanks, one blank between them.
*---------------------------------------------------------------------
UPFID    STM   R14,R2,UPFIDS
         LR    R2,R1
         BAL   R14,UPTOK
         MVI   0(R7),C' '
         LA    R7,1(,R7)
         LA    R1,8(,R2)
         BAL   R14,UPTOK
         MVI   0(R7),C' '
         LA    R7,1(,R7)
         LA    R1,16(,R2)
         LA    R0,2
         BAL   R14,UPTOKN
         LM    R14,R2,UPFIDS
         BR    R14
*---------------------------------------------------------------------
* UPDEC: R0 (0 or more) in decimal, no leading zeros.
*---------------------------------------------------------------------
UPDEC    ST    R14,UPDECS
         CVD   R0,UDWORK
         MVC   UDEDIT,=X'4020202020202020202020202120'
         ED    UDEDIT,UDWORK+1
         LA    R1,UDEDIT+1
         LA    R0,13
UPDEC1   CLI   0(R1),C' '
         BNE   UPDEC2
         LA    R1,1(,R1)
         BCT   R0,UPDEC1
UPDEC2   BAL   R14,UPUT
         L     R14,UPDECS
         BR    R14
*---------------------------------------------------------------------
* UPQ: a quote. UPB: a blank.
*---------------------------------------------------------------------
UPQ      MVI   0(R7),C''''
         LA    R7,1(,R7)
         BR    R14
UPB      MVI   0(R7),C' '
         LA    R7,1(,R7)
         BR    R14
*---------------------------------------------------------------------
* UMSG: the message from UMBUF to R7, edited by DIAGNOSE X'5C', typed.
*---------------------------------------------------------------------
UMSG     STM   R14,R3,UMSGS
         LA    R2,UMBUF
         LR    R3,R7
         SR    R3,R2
         DIAG  R2,R3,X'5C'
         LTR   R3,R3
         BNP   UMSG9
         LR    R1,R2
         LR    R0,R3
         BAL   R14,UTYPE
UMSG9    LM    R14,R3,UMSGS
         BR    R14
*---------------------------------------------------------------------
* UTYPE: types the R0 bytes at R1 (TYPLIN); a longer line than 130 is
* typed in pieces of 130; an empty line as one blank.
*---------------------------------------------------------------------
UTYPE    STM   R14,R3,UTYPS
         LR    R2,R1
         LR    R3,R0
UTYPE1   LR    R0,R3
         C     R0,=F'130'
         BNH   *+8
         L     R0,=F'130'
         ST    R2,UTYPPL+8
         STCM  R0,7,UTYPPL+13
         LA    R1,UTYPPL
         SVC   202
         DC    AL4(1)
         A     R2,=F'130'
         S     R3,=F'130'
         BP    UTYPE1
         LM    R14,R3,UTYPS
         BR    R14
*---------------------------------------------------------------------
* UTYPEM: the message built at UMBUF to R7, typed as it is (no EMSG).
*---------------------------------------------------------------------
UTYPEM   ST    R14,UTYPMS
         LA    R1,UMBUF
         LR    R0,R7
         SR    R0,R1
         BAL   R14,UTYPE
         L     R14,UTYPMS
         BR    R14
*---------------------------------------------------------------------
* UCP: the CP command of R0 bytes at R1 (DIAGNOSE X'08'; CP types its
* response). R15 = CP's return code.
*---------------------------------------------------------------------
UCP      STM   R2,R3,UCPS
         LR    R2,R1
         LR    R3,R0
         DIAG  R2,R3,X'08'
         LR    R15,R3
         LM    R2,R3,UCPS
         BR    R14
*---------------------------------------------------------------------
* UDIAG20: the channel program at R1 on the device R0, run to its end
* by DIAGNOSE X'20'. R15 = 0 done; 1 no such device, 5 busy, 2 unit
* exception, 3 incorrect length, 13 unit check (CP's codes).
*---------------------------------------------------------------------
UDIAG20  STM   R2,R3,UD20S
         LR    R2,R0
         LR    R3,R1
         DIAG  R2,R3,X'20'
         BC    7,UD209
         SR    R15,R15
UD209    LM    R2,R3,UD20S
         BR    R14
*---------------------------------------------------------------------
* UDEVTYP: R0 = a device's VM/370 class and type (DIAGNOSE X'24',
* the class in the first byte, the type in the second), R15 = 0; or
* R15 = 4 when there is no such device. R1 is the device.
*---------------------------------------------------------------------
UDEVTYP  STM   R2,R4,UDEVS
         LR    R2,R1
         DIAG  R2,R3,X'24'
         LA    R15,4
         BC    1,UDEV9
         SR    R15,R15
         LR    R0,R3
UDEV9    LM    R2,R4,UDEVS
         BR    R14
*---------------------------------------------------------------------
* UDECIN: the token at R1 (8 bytes, blank-padded) as a decimal number
* in R0, R15 = 0; R15 = 4 when it is not 1 to 8 digits.
*---------------------------------------------------------------------
UDECIN   STM   R2,R4,UDECS
         SR    R0,R0
         LR    R2,R1
         LA    R3,8
         CLI   0(R2),C' '
         BE    UDECBAD
UDEC1    CLI   0(R2),C' '
         BE    UDECEND
         CLI   0(R2),C'0'
         BL    UDECBAD
         CLI   0(R2),C'9'
         BH    UDECBAD
         IC    R4,0(,R2)
         N     R4,=F'15'
         MH    R0,=H'10'
         AR    R0,R4
         LA    R2,1(,R2)
         BCT   R3,UDEC1
UDECEND  LTR   R3,R3                     blanks only after the digits
         BZ    UDECOK
UDEC2    CLI   0(R2),C' '
         BNE   UDECBAD
         LA    R2,1(,R2)
         BCT   R3,UDEC2
UDECOK   SR    R15,R15
         B     UDEC9
UDECBAD  LA    R15,4
UDEC9    LM    R2,R4,UDECS
         BR    R14
*---------------------------------------------------------------------
* UOPT: the option token at R1 in the table at R15 (entries of CL8
* name, AL1 the least abbreviation, AL1 a code; X'FF' after the last).
* R15 = its code, or 0 when no entry matches.
*---------------------------------------------------------------------
UOPT     STM   R2,R5,UOPTS
         LR    R2,R15
         LA    R3,8                      the token's length
         LA    R4,7(,R1)
UOPT1    CLI   0(R4),C' '
         BNE   UOPT2
         BCTR  R4,0
         BCT   R3,UOPT1
         B     UOPTNO
UOPT2    CLI   0(R2),X'FF'
         BE    UOPTNO
         SR    R4,R4
         IC    R4,8(,R2)
         CR    R3,R4
         BL    UOPT3                     shorter than the least
         LR    R5,R3
         BCTR  R5,0
         EX    R5,UOPTCLC
         BNE   UOPT3
         CLI   0(R1),C' '                (not a blank token)
         BE    UOPT3
         SR    R15,R15
         IC    R15,9(,R2)
         B     UOPT9
UOPT3    LA    R2,10(,R2)
         B     UOPT2
UOPTNO   SR    R15,R15
UOPT9    LM    R2,R5,UOPTS
         BR    R14
UOPTCLC  CLC   0(0,R1),0(R2)
*---------------------------------------------------------------------
* UMODE: checks the mode at R1 (CL2, a letter, '*' when R0 is not 0,
* then blank or a number 0-5). R15 = 0 good, 4 not a mode.
*---------------------------------------------------------------------
UMODE    LA    R15,4
         CLI   0(R1),C'*'
         BNE   UMODE1
         LTR   R0,R0
         BZR   R14
         B     UMODE2
UMODE1   CLI   0(R1),C'A'
         BLR   R14
         CLI   0(R1),C'Z'
         BHR   R14
         CLI   0(R1),C'I'
         BNH   UMODE2
         CLI   0(R1),C'J'
         BLR   R14
         CLI   0(R1),C'R'
         BNH   UMODE2
         CLI   0(R1),C'S'
         BLR   R14
UMODE2   CLI   1(R1),C' '
         BE    UMODEOK
         CLI   1(R1),C'0'
         BLR   R14
         CLI   1(R1),C'5'
         BHR   R14
UMODEOK  SR    R15,R15
         BR    R14
*---------------------------------------------------------------------
* UGETFID: the fileid in the tokens from R1 into the 18 bytes at R2
* (CL8 fn, CL8 ft, CL2 fm; fm stays as it was when it is omitted).
* R0: X'01' fm may be '*', X'02' fm is required, X'04' fn and ft may
* be '*' (else an '*' in them is an invalid character), X'08' fm may
* be '=' (an output fileid's; fn and ft may be '=' always). R1 = the
* token after the fileid. R15 = 0; else 24 (or 20) with the message:
* 001E no fn, 054E no ft (or fm), 048E a bad mode, 062E an '*'.
*---------------------------------------------------------------------
UGETFID  STM   R14,R4,UGFS
         LR    R3,R1
         LR    R4,R0
         CLI   0(R3),X'FF'
         BE    UGFNOFN
         CLI   0(R3),C'('
         BE    UGFNOFN
         MVC   0(8,R2),0(R3)
         LA    R3,8(,R3)
         CLI   0(R3),X'FF'
         BE    UGFINC
         CLI   0(R3),C'('
         BE    UGFINC
         MVC   8(8,R2),0(R3)
         LA    R3,8(,R3)
         CLI   0(R3),X'FF'
         BE    UGFNOFM
         CLI   0(R3),C'('
         BE    UGFNOFM
         CLC   2(6,R3),=CL6' '
         BNE   UGFMODE
         MVC   16(2,R2),0(R3)
         TM    UGFS+11,X'08'
         BZ    UGFM1
         CLC   0(2,R3),=C'= '
         BE    UGFM2
UGFM1    LA    R1,16(,R2)
         LR    R0,R4
         N     R0,=F'1'
         BAL   R14,UMODE
         LTR   R15,R15
         BNZ   UGFMODE
UGFM2    LA    R3,8(,R3)
         B     UGFSTAR
UGFNOFM  TM    UGFS+11,X'02'             (R4's low byte)
         BO    UGFINC
UGFSTAR  TM    UGFS+11,X'04'
         BO    UGFOK
         LA    R1,0(,R2)                 an '*' in fn or ft?
         LA    R0,16
UGFST1   CLI   0(R1),C'*'
         BE    UGFBADC
         LA    R1,1(,R1)
         BCT   R0,UGFST1
UGFOK    LR    R1,R3
         SR    R15,R15
         B     UGF9
UGFNOFN  BAL   R14,UENOFN
         B     UGFERR
UGFINC   BAL   R14,UEINCMP
         B     UGFERR
UGFMODE  LR    R1,R3
         BAL   R14,UEMODE
         B     UGFERR
UGFBADC  LR    R1,R2
         LA    R15,20
         BAL   R14,UESTATE
UGFERR   LR    R1,R3
UGF9     L     R14,UGFS
         LM    R2,R4,UGFS+16
         BR    R14
*---------------------------------------------------------------------
* UDISKW: may files be written on the disk whose mode letter is at R1?
* R15 = 0 (as far as STATE can tell); else 36 with the message typed:
* 069E not accessed, 037E read-only (a file of its own says so).
*---------------------------------------------------------------------
UDISKW   STM   R14,R2,UDWS
         XC    UDWFSCB(44),UDWFSCB
         MVC   UDWFSCB+8(16),=CL16'*       *'
         MVC   UDWFSCB+24(1),0(R1)
         MVI   UDWFSCB+25,C' '
         LA    R1,UDWFSCB
         LA    R0,USTATE
         BAL   R14,UFS
         C     R15,=F'36'
         BE    UDW36
         LTR   R15,R15
         BNZ   UDWOK                     (no file there: it may be)
         TM    31(R1),X'C0'              R/W, or an extension's file
         BNZ   UDWOK
         LA    R2,UDWFSCB+24
         LA    R1,UE037T
         BAL   R14,UMTOK1C
         B     UDW9
UDW36    LA    R2,UDWFSCB+24
         LA    R1,UE069T
         BAL   R14,UMTOK1C
UDW9     LM    R14,R2,UDWS
         LA    R15,36
         BR    R14
UDWOK    LM    R14,R2,UDWS
         SR    R15,R15
         BR    R14
*---------------------------------------------------------------------
* UFS: the file system function R0 (the address of its CL8 name) on
* the FSCB at R1, by SVC 202. R15 = its return code.
*---------------------------------------------------------------------
UFS      LR    R15,R0
         MVC   0(8,R1),0(R15)
         SVC   202
         DC    AL4(1)
         BR    R14
         LTORG
*---------------------------------------------------------------------
* The routines' storage.
*---------------------------------------------------------------------
UPUTS    DS    4F
UPTOKS   DS    F
UPFIDS   DS    4F
UPDECS   DS    F
UMSGS    DS    6F
UTYPS    DS    6F
UTYPMS   DS    F
UCPS     DS    2F
UD20S    DS    2F
UDEVS    DS    3F
UDECS    DS    3F
UOPTS    DS    4F
UMTXS    DS    F
UMTXS2   DS    F
UMTOKS   DS    7F
UES      DS    8F
UGFS     DS    7F
UDWS     DS    5F
UDWFSCB  DS    11F
         DS    0D
UDWORK   DS    D
UDEDIT   DS    CL14
         DS    0F
UTYPPL   DC    CL8'TYPLIN',A(0),CL1'B',AL3(0)
UMBUF    DS    CL160
URDBUF   DC    CL8'RDBUF'
UWRBUF   DC    CL8'WRBUF'
UFINIS   DC    CL8'FINIS'
USTATE   DC    CL8'STATE'
UERASE   DC    CL8'ERASE'
