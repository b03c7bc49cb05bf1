*---------------------------------------------------------------------
* COPYFILE in-fileid [in-fileid ...] out-fileid [(options]: copies
* files, converting their records (R6's DMSCPY; docs/CMS.md "Files,
* cards and printing"). Every fileid is fn ft fm. In the input '*'
* stands for any name, type or disk; in the output '=' takes the
* input's. Several inputs (or several files of one '*' input) that go
* to one output file are combined into it, one after the other.
* Options:
*   NEWFILE (default) | REPLACE | APPEND | OVLY   what an output that
*            exists does: an error (DMSCPY024E), replaced, added to,
*            laid over (the input's characters that are not blanks
*            take the place of the old record's)
*   TYPE | NOTYPE  DMSCPY721I COPY 'in' TO 'out' (NEW FILE|OLD FILE|
*            APPEND) for each file (TYPE is the default with '*')
*   NEWDATE | OLDDATE  accepted (the output is dated now: below)
*   PROMPT | NOPROMPT  SPECS's and TRANS's prompts typed, or not
*   SINGLE   only the first file that matches a '*' input
*   RECFM F|V, LRECL n   the output's (an F record padded with the
*            fill character or cut; a V record cut at n)
*   TRUNC    trailing fill characters off V records
*   FILL c   the fill character (c, or two hexadecimal digits; blank)
*   FROM n | FRLABEL xxxx   the first record copied (of each input)
*   FOR n | TOLABEL xxxx    how many, or up to the one that begins so
*   UPCASE | LOWCASE     letters translated
*   TRANS    asks 'DMSCPY602R ENTER TRANSLATION LIST:' and translates
*            by pairs 'a b' (characters, or two hexadecimal digits)
*   PACK | UNPACK   the output packed, the input unpacked (the format
*            is ours: docs/CMS.md, "The packed file"; at PKBYTES below)
*   SPECS    asks 'DMSCPY601R ENTER SPECIFICATION LIST:' and builds
*            each record from pairs 'source target': source m-n
*            (columns), /string/ (any delimiter) or Xhh... ; target a
*            column (up to 20 pairs)
* The file is streamed: storage holds a block of records, never the
* file. An output that is replaced (or is the input itself) is written
* as COPYFILE CMSUT1 on its disk, then renamed over it.
* Return codes: 0; 24 bad operands; 28 no such file, or the output
* exists (NEWFILE); 32 not a packed file (UNPACK); 40 no records
* copied; 100 a disk error; 104 not enough storage.
*---------------------------------------------------------------------
         REGEQU
COPYFILE CMSMOD ENTRY=BEGIN,SYSTEM=YES
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         LA    R10,2048(,R11)
         LA    R10,2048(,R10)
         LA    R9,2048(,R10)
         LA    R9,2048(,R9)
         USING BEGIN,R12,R11,R10,R9
         ST    R1,PLISTA                 the PLIST
         XC    RC,RC
         XC    ZERO(ZEROLEN),ZERO
         MVI   FILLC,C' '
* The fileids: tokens up to '(' in threes, at least two fileids.
         L     R2,PLISTA
         LA    R2,8(,R2)
         SR    R3,R3
CNT1     CLI   0(R2),X'FF'
         BE    CNT2
         CLI   0(R2),C'('
         BE    CNT2
         LA    R3,1(,R3)
         LA    R2,8(,R2)
         B     CNT1
CNT2     ST    R2,OPTP                   the options
         LTR   R3,R3
         BZ    ENOFID
         SR    R2,R2
         D     R2,=F'3'                  R3 fileids, R2 left over
         LTR   R2,R2
         BNZ   EINCOMP
         CH    R3,=H'2'
         BL    EINCOMP
         ST    R3,NFIDS
* Each input's mode: a letter or '*', with a number or not; '*' in fn
* or ft allowed. The output's: a letter or '='.
         L     R4,PLISTA
         LA    R4,8(,R4)
         BCTR  R3,0
CHK1     LR    R1,R4
         LA    R2,WFID
         LA    R0,1+2+4
         BAL   R14,UGETFID
         LTR   R15,R15
         BNZ   ERRX
         LA    R4,24(,R4)
         BCT   R3,CHK1
         ST    R4,OUTP                   the output's tokens
         MVC   OSPEC,=CL18' '
         LR    R1,R4
         LA    R2,OSPEC
         LA    R0,2+8
         BAL   R14,UGETFID
         LTR   R15,R15
         BNZ   ERRX
         CLI   OSPEC+16,C'*'
         BE    EOUTMODE
         LA    R1,OSPEC                  '*' in the output: invalid
         LA    R0,16
CHK2     CLI   0(R1),C'*'
         BE    EOUTSTAR
         LA    R1,1(,R1)
         BCT   R0,CHK2
*=====================================================================
* The options.
*=====================================================================
         L     R2,OPTP
         CLI   0(R2),X'FF'
         BE    OPTEND
OPT1     LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    OPTEND
         CLI   0(R2),C')'
         BE    OPTEND
         LR    R1,R2
         LA    R15,OPTTAB
         BAL   R14,UOPT
         LTR   R15,R15
         BZ    EOPT
         LR    R1,R15                    twice?
         SRL   R1,2
         LA    R1,SEEN(R1)
         CLI   0(R1),0
         BNE   ETWICE
         MVI   0(R1),1
         B     *(R15)
         B     ONEWF                     4 NEWFILE
         B     OREPL                     8 REPLACE
         B     OAPP                      12 APPEND
         B     OTYPE                     16 TYPE
         B     ONOTYPE                   20 NOTYPE
         B     OPT1                      24 NEWDATE
         B     OPT1                      28 OLDDATE
         B     OPT1                      32 PROMPT
         B     OPT1                      36 NOPROMPT
         B     OPRECFM                   40 RECFM
         B     OPLRECL                   44 LRECL
         B     OTRUNC                    48 TRUNC
         B     OFILL                     52 FILL
         B     OFROM                     56 FROM
         B     OFRLAB                    60 FRLABEL
         B     OFOR                      64 FOR
         B     OTOLAB                    68 TOLABEL
         B     OUPC                      72 UPCASE
         B     OLOWC                     76 LOWCASE
         B     OSPECS                    80 SPECS
         B     OPT1                      84 TRANS
         B     OPT1                      88 (EBCDIC: not built)
         B     OOVLY                     92 OVLY
         B     OPT1                      96 SINGLE
         B     OPT1                      100 PACK
         B     OPT1                      104 UNPACK
ONEWF    MVI   MODE,0
         B     OPT1
OREPL    MVI   MODE,1
         B     OPT1
OAPP     MVI   MODE,2
         B     OPT1
OOVLY    MVI   MODE,3
         B     OPT1
OTYPE    MVI   TYPEOPT,1
         B     OPT1
ONOTYPE  MVI   TYPEOPT,2
         B     OPT1
OTRUNC   OI    FLAGS,FTRUNC
         B     OPT1
OUPC     MVI   CASE,1
         B     OPT1
OLOWC    MVI   CASE,2
         B     OPT1
OSPECS   OI    FLAGS,FSPECS
         B     OPT1
OPRECFM  BAL   R14,OPTVAL
         CLC   0(8,R2),=CL8'F'
         BE    OPRECFM1
         CLC   0(8,R2),=CL8'V'
         BNE   EBADVAL
OPRECFM1 MVC   ORECFM,0(R2)
         B     OPT1
OPLRECL  BAL   R14,OPTVAL
         LR    R1,R2
         BAL   R14,UDECIN
         LTR   R15,R15
         BNZ   EBADVAL
         LTR   R0,R0
         BZ    EBADVAL
         C     R0,=F'65535'
         BH    EBADVAL
         ST    R0,OLRECL
         B     OPT1
OFILL    BAL   R14,OPTVAL
         CLI   1(R2),C' '
         BNE   OFILL2
         MVC   FILLC,0(R2)               one character
         B     OPT1
OFILL2   CLC   2(6,R2),=CL6' '           two hexadecimal digits
         BNE   EBADVAL
         MVC   HEX2,0(R2)
         BAL   R14,HEXBYTE
         BNZ   EBADVAL
         STC   R0,FILLC
         B     OPT1
OFROM    BAL   R14,OPTVAL
         LR    R1,R2
         BAL   R14,UDECIN
         LTR   R15,R15
         BNZ   EBADVAL
         LTR   R0,R0
         BZ    EBADVAL
         ST    R0,FROMN
         B     OPT1
OFOR     BAL   R14,OPTVAL
         LR    R1,R2
         BAL   R14,UDECIN
         LTR   R15,R15
         BNZ   EBADVAL
         ST    R0,FORN
         OI    FLAGS,FFOR
         B     OPT1
OFRLAB   BAL   R14,OPTVAL
         MVC   FRLAB,0(R2)
         LA    R1,FRLAB
         BAL   R14,TOKLEN
         ST    R0,FRLABL
         B     OPT1
OTOLAB   BAL   R14,OPTVAL
         MVC   TOLAB,0(R2)
         LA    R1,TOLAB
         BAL   R14,TOKLEN
         ST    R0,TOLABL
         B     OPT1
* OPTVAL: R2 -> the option's value (the next token), else DMSCPY005E.
OPTVAL   ST    R2,OPTNAME
         LA    R2,8(,R2)
         CLI   0(R2),X'FF'
         BE    ENOVAL
         CLI   0(R2),C')'
         BE    ENOVAL
         BR    R14
* Conflicting options (CONFTAB: pairs of SEEN indexes).
OPTEND   LA    R3,CONFTAB
OPTC1    CLI   0(R3),X'FF'
         BE    OPTE6
         SR    R1,R1
         IC    R1,0(,R3)
         LA    R1,SEEN(R1)
         CLI   0(R1),0
         BE    OPTC2
         SR    R1,R1
         IC    R1,1(,R3)
         LA    R1,SEEN(R1)
         CLI   0(R1),0
         BE    OPTC2
         LA    R2,2(,R3)                 066E 'a' AND 'b' ...
         B     ECONF
OPTC2    LA    R3,18(,R3)
         B     OPTC1
OPTE6    DS    0H
* SPECS: the list, now.
         TM    FLAGS,FSPECS
         BZ    NOSPECS
         BAL   R14,GETSPECS
         LTR   R15,R15
         BNZ   ERRX
NOSPECS  CLI   SEEN+21,0                 TRANS: the list, now
         BE    NOTRANS
         BAL   R14,GETTRANS
         LTR   R15,R15
         BNZ   ERRX
NOTRANS  DS    0H
* TYPE is the default when an input has '*'.
         CLI   TYPEOPT,0
         BNE   MAIN
         L     R4,PLISTA
         LA    R4,8(,R4)
         L     R3,NFIDS
         BCTR  R3,0
TYD1     CLI   0(R4),C'*'
         BE    TYD2
         CLI   8(R4),C'*'
         BE    TYD2
         CLI   16(R4),C'*'
         BE    TYD2
         LA    R4,24(,R4)
         BCT   R3,TYD1
         MVI   TYPEOPT,2
         B     MAIN
TYD2     MVI   TYPEOPT,1
*=====================================================================
* Each input fileid: its file, or the files that match it.
*=====================================================================
MAIN     L     R4,PLISTA
         LA    R4,8(,R4)
         ST    R4,INP
MAIN1    L     R4,INP
         C     R4,OUTP
         BNL   MAINEND
         MVC   ISPEC(8),0(R4)
         MVC   ISPEC+8(8),8(R4)
         MVC   ISPEC+16(2),16(R4)
         LA    R4,24(,R4)
         ST    R4,INP
         CLI   ISPEC,C'*'
         BE    MAINWILD
         CLI   ISPEC+8,C'*'
         BE    MAINWILD
         CLI   ISPEC+16,C'*'
         BE    MAINWILD
* One file.
         XC    IFSCB(44),IFSCB
         MVC   IFSCB+8(18),ISPEC
         LA    R1,IFSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   EISTATE
         MVC   IFST,0(R1)
         MVC   IFID(16),ISPEC
         MVC   IFID+16(2),IFST+24
         BAL   R14,PROCESS
         B     MAIN1
* '*': every file that matches (LISTFILE's list, below).
MAINWILD BAL   R14,WILD
         LTR   R15,R15
         BNZ   ERRX
         B     MAIN1
MAINEND  BAL   R14,OUTEND
         LTR   R15,R15
         BNZ   ERRX
         CLI   ANYIN,0
         BNE   EXIT
         LA    R1,ISPEC                  (no input file at all)
         B     EFNF
*=====================================================================
* PROCESS: the input file IFID (its FST in IFST) copied to its output.
*=====================================================================
PROCESS  ST    R14,PROCS
         MVI   ANYIN,1
* The output's fileid: '=' from the input; a letter alone: the
* input's number.
         MVC   NFID,OSPEC
         LA    R1,NFID
         LA    R2,IFID
         LA    R0,2
PR1      CLC   0(8,R1),=CL8'='
         BNE   *+10
         MVC   0(8,R1),0(R2)
         LA    R1,8(,R1)
         LA    R2,8(,R2)
         BCT   R0,PR1
         CLI   NFID+16,C'='
         BNE   *+10
         MVC   NFID+16(2),IFID+16
         CLI   NFID+17,C' '
         BNE   *+10
         MVC   NFID+17(1),IFID+17
* UNPACK: the input's header (the output's format).
         CLI   SEEN+26,0
         BE    PRU
         BAL   R14,UPHDR
         LTR   R15,R15
         BNZ   ERRX
* The same output as the last input's: on into it. Else a new one.
PRU      CLI   OOPEN,1
         BNE   PR2
         CLC   NFID(17),OFID
         BE    PR3
         BAL   R14,OUTEND
         LTR   R15,R15
         BNZ   ERRX
PR2      BAL   R14,OUTNEW
         LTR   R15,R15
         BNZ   ERRX
PR3      CLC   OFID(17),IFID             the output is the input
         BNE   PR4
         CLI   OWORK,1
         BNE   EREPLACE
PR4      CLI   TYPEOPT,1
         BNE   PR5
         BAL   R14,UMBEG                 721I COPY 'in' TO 'out' (...)
         LA    R1,M721
         BAL   R14,UMTXT
         LA    R1,IFID
         BAL   R14,UPFID
         LA    R1,M721B
         BAL   R14,UMTXT
         LA    R1,OFID
         BAL   R14,UPFID
         SR    R1,R1
         IC    R1,OKIND
         MH    R1,=H'13'
         LA    R1,M721C(R1)
         BAL   R14,UMTXT
         BAL   R14,UMSG
PR5      BAL   R14,COPY
         LTR   R15,R15
         BNZ   ERRX
         L     R14,PROCS
         BR    R14
*=====================================================================
* OUTNEW: NFID becomes the open output OFID: NEWFILE, REPLACE or
* APPEND decide, its record format and LRECL are set. R15 = 0, or
* the return code with the message typed.
*=====================================================================
OUTNEW   ST    R14,ONS
         MVC   OFID,NFID
         MVI   OWORK,0
         MVI   OKIND,0                   NEW FILE
         MVI   OVOLD,0
         XC    ONBUF,ONBUF
         XC    OWRITTEN,OWRITTEN
         LA    R1,OFID+16
         LA    R0,0
         BAL   R14,UMODE
         LTR   R15,R15
         BNZ   ENEWMODE
         XC    OFSCB(44),OFSCB
         MVC   OFSCB+8(18),OFID
         LA    R1,OFSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BZ    ON1
         C     R15,=F'28'
         BE    ON5
         LA    R1,OFID                   (a mode not accessed ...)
         BAL   R14,UESTATE
         B     ON9
ON1      MVC   OFST,0(R1)                it exists
         CLI   MODE,1
         BE    ON2
         CLI   MODE,2
         BE    ON3
         CLI   MODE,3
         BE    ON2
         LA    R1,M024                   NEWFILE: an error
         LA    R2,OFID
         BAL   R14,UMFID
         LA    R15,28
         B     ON9
ON2      MVI   OWORK,1                   REPLACE: into the work file
         MVI   OKIND,1                   OLD FILE
         MVC   OFSCB+8(16),WORKNAME
         MVC   OFSCB+24(1),OFID+16
         MVI   OFSCB+25,C'1'
         LA    R1,OFSCB
         LA    R0,UERASE
         BAL   R14,UFS
         CLI   MODE,3
         BNE   ON5
         MVC   OUTFM,OFST+30             OVLY: its format; read it
         MVC   OUTLRECL,OFST+32
         BAL   R14,OVOPEN
         LTR   R15,R15
         BNZ   ON9
         B     ON6
ON3      MVI   OKIND,2                   APPEND: its format
         MVC   OUTFM,OFST+30
         MVC   OUTLRECL,OFST+32
         B     ON6
* A new file (or the work file): RECFM, LRECL or the input's.
ON5      MVC   OUTFM,IFST+30
         MVC   OUTLRECL,IFST+32
         CLI   SEEN+26,0                 UNPACK: the header's
         BE    ON5U
         MVC   OUTFM,UPFM
         MVC   OUTLRECL,UPLRECL
ON5U     CLI   ORECFM,0
         BE    *+10
         MVC   OUTFM,ORECFM
         L     R0,OLRECL
         LTR   R0,R0
         BZ    ON5A
         ST    R0,OUTLRECL
         B     ON6
ON5A     TM    FLAGS,FSPECS              SPECS: as long as they make
         BZ    ON6
         MVC   OUTLRECL,SPECLEN
* PACK: that is the records' format; the file is F 1024.
ON6      CLI   SEEN+25,0
         BE    ON6A
         MVC   PKFM,OUTFM
         MVC   PKLRECL,OUTLRECL
         MVI   OUTFM,C'F'
         MVC   OUTLRECL,=F'1024'
* A buffer for a block of output records (F), or one record (V).
ON6A     L     R3,OUTLRECL
         LA    R0,1
         CLI   OUTFM,C'F'
         BNE   ON7
         SR    R2,R2
         L     R5,=F'16384'
         LR    R1,R5
         SR    R0,R0
         DR    R0,R3                     records in 16K
         LR    R0,R1
         LTR   R0,R0
         BP    *+8
         LA    R0,1
         CH    R0,=H'255'
         BNH   ON7
         LA    R0,255
ON7      ST    R0,OBLK                   records a block
         MR    R2,R0
         LA    R3,7(,R3)
         SRL   R3,3
         ST    R3,OBUFDW
         DMSFREE DWORDS=(R3),ERR=ENOMEMO
         ST    R1,OBUFA
         MVI   OOPEN,1
         CLI   SEEN+25,0
         BE    ON8
         BAL   R14,PKHEAD                PACK: the header
ON8      SR    R15,R15
ON9      L     R14,ONS
         BR    R14
ENOMEMO  BAL   R14,UENOMEM
         B     ON9
ENEWMODE LA    R1,OFID+16
         MVC   TOK,=CL8' '
         MVC   TOK(2),0(R1)
         LA    R1,TOK
         BAL   R14,UEMODE
         B     ON9
*=====================================================================
* OUTEND: the open output closed: its last block written, the work
* file renamed over the old file. R15 = 0 or the return code.
*=====================================================================
OUTEND   ST    R14,OES
         SR    R15,R15
         CLI   OOPEN,1
         BNE   OE9
         CLI   MODE,3                    OVLY: the old records left
         BNE   OE0
         BAL   R14,OVEND
OE0      CLI   SEEN+25,0                 PACK: the stream's end
         BE    OE0A
         BAL   R14,PKEND
OE0A     MVI   OOPEN,0
         BAL   R14,OFLUSH
         LTR   R15,R15
         BNZ   OEERR
         LA    R1,OFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         LR    R2,R15
         L     R1,OBUFA
         L     R0,OBUFDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         L     R0,OWRITTEN
         LTR   R0,R0
         BZ    OENONE                    (FINIS: nothing was open)
         LTR   R15,R2
         BNZ   OEWERR
         CLI   OWORK,1
         BNE   OEOK
         XC    WFSCB(44),WFSCB           the work file over the old
         MVC   WFSCB+8(18),OFID
         LA    R1,WFSCB
         LA    R0,UERASE
         BAL   R14,UFS
         MVC   RNPL+8(16),WORKNAME
         MVC   RNPL+24(8),=CL8' '
         MVC   RNPL+24(2),OFSCB+24
         MVC   RNPL+32(16),OFID
         MVC   RNPL+48(8),=CL8' '
         MVC   RNPL+48(2),OFID+16
         LA    R1,RNPL
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   OEWERR
OEOK     SR    R15,R15
         B     OE9
OENONE   LA    R1,M173                   nothing copied (no file)
         LA    R2,OFID
         BAL   R14,UMFID
         LA    R15,40
         B     OE9
OEWERR   LR    R0,R15
         LA    R1,OFID
         BAL   R14,UEWR
         B     OE9
OEERR    DS    0H
OE9      L     R14,OES
         BR    R14
*=====================================================================
* COPY: the records of IFID into the open output.
*=====================================================================
COPY     ST    R14,COPYS
         XC    IRECNO,IRECNO
         XC    ICOPIED,ICOPIED
         MVI   STARTED,0
         L     R0,FROMN
         LTR   R0,R0
         BNZ   CP0
         CLI   FRLAB,0
         BNE   CP0
         MVI   STARTED,1
* An input buffer: a block of F records (16K), or one V record.
CP0      L     R3,IFST+32
         LA    R0,1
         CLI   IFST+30,C'F'
         BNE   CP1
         L     R1,=F'16384'
         SR    R0,R0
         DR    R0,R3
         LR    R0,R1
         LTR   R0,R0
         BP    *+8
         LA    R0,1
         CH    R0,=H'255'
         BNH   CP1
         LA    R0,255
CP1      ST    R0,IBLK
         LR    R1,R0
         M     R0,IFST+32                R1 the block's size
         ST    R1,IBSIZE
         LA    R3,7(,R1)
         SRL   R3,3
         ST    R3,IBUFDW
         DMSFREE DWORDS=(R3),ERR=CPNOMEM
         ST    R1,IBUFA
         XC    IFSCB(44),IFSCB
         MVC   IFSCB+8(18),IFID
         MVI   IOPEN,1
         CLI   SEEN+26,0                 UNPACK: a record rebuilt
         BE    CPREAD
         L     R3,UPLRECL
         LA    R3,7(,R3)
         SRL   R3,3
         ST    R3,UABDW
         DMSFREE DWORDS=(R3),ERR=CPNOMEM
         ST    R1,UABUFA
         MVC   UPSKIP,=F'8'
         MVI   DST,0
         MVI   RST,0
         MVI   UPBAD,0
* A block.
CPREAD   L     R1,IBUFA
         ST    R1,IFSCB+28
         MVC   IFSCB+32(4),IBSIZE
         XC    IFSCB+26(2),IFSCB+26
         MVC   IFSCB+38(2),IBLK+2
         LA    R1,IFSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         C     R15,=F'12'
         BE    CPEOF
         LTR   R15,R15
         BNZ   CPRDERR
         L     R6,IBUFA                  the block's records
         L     R7,IFSCB+40               its bytes
         CLI   IFST+30,C'F'
         BNE   CPV
CPF      LTR   R7,R7
         BNP   CPREAD
         L     R5,IFST+32
         LR    R4,R6
         CLI   SEEN+26,0
         BNE   CPFU
         BAL   R14,RECORD
         BNZ   CPDONE                    FOR or TOLABEL: the end
CPFN     A     R6,IFST+32
         S     R7,IFST+32
         B     CPF
CPV      LR    R4,R6
         LR    R5,R7
         BAL   R14,RECORD
         BNZ   CPDONE
         B     CPREAD
CPFU     BAL   R14,UNPREC                UNPACK
         BNZ   CPDONE
         B     CPFN
CPEOF    CLI   SEEN+26,0                 UNPACK: no end group, broken
         BE    CPDONE
         CLI   DST,3
         BE    CPDONE
         MVI   UPBAD,1
CPDONE   LA    R1,IFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         MVI   IOPEN,0
         CLI   SEEN+26,0
         BE    CPDONE2
         L     R1,UABUFA
         L     R0,UABDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         CLI   UPBAD,1
         BNE   CPDONE2
         LA    R1,M606                   606E FILE 'f' IS NOT PACKED
         LA    R2,IFID
         BAL   R14,UMFID
         LA    R15,32
         B     CP9
CPDONE2  DS    0H
         L     R1,IBUFA
         L     R0,IBUFDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         SR    R15,R15
CP9      L     R14,COPYS
         BR    R14
CPNOMEM  BAL   R14,UENOMEM
         B     CP9
CPRDERR  ST    R15,IORC
         LA    R1,IFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         MVI   IOPEN,0
         L     R1,IBUFA
         L     R0,IBUFDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         L     R0,IORC
         LA    R1,IFID
         BAL   R14,UERD
         B     CP9
*=====================================================================
* RECORD: the input record at R4, R5 bytes: FROM/FRLABEL, FOR/TOLABEL,
* SPECS, the case, the output's format, written. cc 0 go on; not 0
* the input is done (FOR reached, TOLABEL found). An output error
* ends COPYFILE.
*=====================================================================
RECORD   ST    R14,RECS
         L     R1,IRECNO
         LA    R1,1(,R1)
         ST    R1,IRECNO
         CLI   STARTED,1
         BE    REC2
         L     R0,FROMN                  FROM n
         LTR   R0,R0
         BZ    REC1
         C     R1,FROMN
         BL    RECGO
         B     REC1A
REC1     L     R1,FRLABL                 FRLABEL xxxx
         CR    R5,R1
         BL    RECGO
         BCTR  R1,0
         EX    R1,CLCFRL
         BNE   RECGO
REC1A    MVI   STARTED,1
REC2     TM    FLAGS,FFOR                FOR n
         BZ    REC3
         L     R1,ICOPIED
         C     R1,FORN
         BNL   RECEND
REC3     CLI   TOLAB,0                   TOLABEL xxxx
         BE    REC4
         L     R1,TOLABL
         CR    R5,R1
         BL    REC4
         BCTR  R1,0
         EX    R1,CLCTOL
         BE    RECEND
REC4     L     R1,ICOPIED
         LA    R1,1(,R1)
         ST    R1,ICOPIED
* SPECS: the record built anew in SPECBUF.
         TM    FLAGS,FSPECS
         BZ    REC5
         BAL   R14,DOSPECS               R4, R5 the new record
* The case, then TRANS's table.
REC5     CLI   CASE,0
         BE    REC5B
         LA    R1,UPTAB
         CLI   CASE,1
         BE    *+8
         LA    R1,LOWTAB
         BAL   R14,XLATE
REC5B    CLI   SEEN+21,0                 TRANS
         BE    REC5C
         LA    R1,TRTAB
         BAL   R14,XLATE
REC5C    CLI   MODE,3                    OVLY: laid over the old one
         BNE   REC5D
         BAL   R14,OVERLAY
REC5D    BAL   R14,WREC
RECGO    SR    R15,R15
         L     R14,RECS
         BR    R14
RECEND   LA    R15,1
         LTR   R15,R15
         L     R14,RECS
         BR    R14
CLCFRL   CLC   0(0,R4),FRLAB
CLCTOL   CLC   0(0,R4),TOLAB
*---------------------------------------------------------------------
* XLATE: the record at R4 (R5 bytes) translated by the table at R1.
*---------------------------------------------------------------------
XLATE    LR    R2,R4
         LR    R3,R5
XL1      LTR   R3,R3
         BNPR  R14
         LR    R15,R3
         C     R15,=F'256'
         BNH   *+8
         L     R15,=F'256'
         LR    R0,R15
         BCTR  R15,0
         EX    R15,TRCASE
         AR    R2,R0
         SR    R3,R0
         B     XL1
TRCASE   TR    0(0,R2),0(R1)
*---------------------------------------------------------------------
* WREC: the record at R4 (R5 bytes) written in the output's format:
* F into the block (padded with the fill character or cut), V by
* itself (LRECL's cut, TRUNC); PACK: into the packed stream instead.
* An output error ends COPYFILE.
*---------------------------------------------------------------------
WREC     ST    R14,WRS
         CLI   SEEN+25,0                 PACK
         BE    WR1
         CLI   PKFM,C'F'
         BE    WRPF
         B     WR7
WR1      CLI   OUTFM,C'F'
         BNE   WR7
         L     R3,ONBUF
         M     R2,OUTLRECL               R3 the slot's offset
         A     R3,OBUFA
         LR    R0,R3
         L     R1,OUTLRECL
         LR    R14,R4
         LR    R15,R5
         ICM   R15,8,FILLC               the pad
         MVCL  R0,R14
         L     R1,ONBUF
         LA    R1,1(,R1)
         ST    R1,ONBUF
         C     R1,OBLK
         BL    WR9
         BAL   R14,OFLUSH
         LTR   R15,R15
         BNZ   ERRX
         B     WR9
* V: LRECL (the option's), TRUNC.
WR7      L     R1,OLRECL
         LTR   R1,R1
         BZ    WR7T
         CR    R5,R1
         BNH   WR7T
         LR    R5,R1
WR7T     TM    FLAGS,FTRUNC
         BZ    WR7B
WR7A     CH    R5,=H'1'                  (one byte at least)
         BNH   WR7B
         LA    R1,0(R4,R5)
         BCTR  R1,0
         CLC   0(1,R1),FILLC
         BNE   WR7B
         BCTR  R5,0
         B     WR7A
WR7B     LTR   R5,R5                     (an empty record: one fill)
         BP    WR7C
         LA    R4,FILLC
         LA    R5,1
WR7C     CLI   SEEN+25,0
         BNE   WRPV
         ST    R4,OFSCB+28
         ST    R5,OFSCB+32
         XC    OFSCB+26(2),OFSCB+26
         MVC   OFSCB+36(1),OUTFM
         MVC   OFSCB+38(2),=H'1'
         LA    R1,OFSCB
         LA    R0,UWRBUF
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   ERECWR
         L     R1,OWRITTEN
         LA    R1,1(,R1)
         ST    R1,OWRITTEN
         B     WR9
* PACK, F: the record's bytes, then fill characters to its LRECL.
WRPF     L     R3,PKLRECL
         LR    R2,R5
         CR    R2,R3
         BNH   *+6
         LR    R2,R3
         SR    R3,R2                     the fill characters
         BAL   R14,PKBYTES
WRPF2    LTR   R3,R3
         BNP   WR9
         IC    R0,FILLC
         BAL   R14,PKB
         BCTR  R3,0
         B     WRPF2
* PACK, V: its length (a halfword), then its bytes.
WRPV     LR    R0,R5
         SRL   R0,8
         BAL   R14,PKB
         LR    R0,R5
         BAL   R14,PKB
         LR    R2,R5
         BAL   R14,PKBYTES
WR9      L     R14,WRS
         BR    R14
ERECWR   LR    R0,R15
         LA    R1,OFID
         BAL   R14,UEWR
         B     ERRX
*---------------------------------------------------------------------
* OFLUSH: the block of F records written. R15 = 0, or 100 with the
* message.
*---------------------------------------------------------------------
OFLUSH   ST    R14,OFS
         SR    R15,R15
         L     R1,ONBUF
         LTR   R1,R1
         BZ    OF9
         STH   R1,OFSCB+38
         M     R0,OUTLRECL               R1 the bytes
         ST    R1,OFSCB+32
         MVC   OFSCB+28(4),OBUFA
         XC    OFSCB+26(2),OFSCB+26
         MVC   OFSCB+36(1),OUTFM
         LA    R1,OFSCB
         LA    R0,UWRBUF
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   OFERR
         L     R1,OWRITTEN
         A     R1,ONBUF
         ST    R1,OWRITTEN
         XC    ONBUF,ONBUF
         B     OF9
OFERR    LR    R0,R15
         LA    R1,OFID
         BAL   R14,UEWR
OF9      L     R14,OFS
         BR    R14
*=====================================================================
* WILD: the files that match ISPEC, from LISTFILE's list: each goes
* through PROCESS. R15 = 0, or the return code.
*=====================================================================
WILD     ST    R14,WILDS
         BAL   R14,LIST                  the matches into LISTA
         LTR   R15,R15
         BNZ   WILD9
         L     R6,LISTA
         L     R7,LISTN
         LTR   R7,R7
         BZ    WILDNONE
WILD1    MVC   IFID,0(R6)
         XC    IFSCB(44),IFSCB
         MVC   IFSCB+8(18),IFID
         LA    R1,IFSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   WILD2                     (gone meanwhile)
         MVC   IFST,0(R1)
         CLC   IFID(17),OFID             not the output being made
         BNE   WILD1A
         CLI   OOPEN,1
         BE    WILD2
WILD1A   STM   R6,R7,WILDR
         BAL   R14,PROCESS
         LM    R6,R7,WILDR
         CLI   SEEN+24,0                 SINGLE: the first only
         BNE   WILD3
WILD2    LA    R6,18(,R6)
         BCT   R7,WILD1
WILD3    BAL   R14,LISTFREE
         SR    R15,R15
         B     WILD9
WILDNONE BAL   R14,LISTFREE
         CLI   ANYIN,0                   (none: the end says so)
         SR    R15,R15
WILD9    L     R14,WILDS
         BR    R14
*---------------------------------------------------------------------
* LIST: LISTA = the fileids (18 bytes each) that match ISPEC, LISTN
* of them: LISTFILE ISPEC (EXEC writes them in CMS EXEC A1 (a CMS
* EXEC the user had is kept aside as CMS CPYSAVE A1 and put back).
* R15 = 0, or the return code with the message.
*---------------------------------------------------------------------
LIST     ST    R14,LISTS
         XC    LISTA,LISTA
         XC    LISTN,LISTN
         MVI   SAVED,0
         XC    WFSCB(44),WFSCB           a CMS EXEC aside
         MVC   WFSCB+8(18),CMSEXEC
         LA    R1,WFSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   LIST1
         MVC   RNPL+8(18),CMSEXEC
         MVC   RNPL+26(6),=CL6' '
         MVC   RNPL+32(18),CMSSAVE
         MVC   RNPL+50(6),=CL6' '
         XC    WFSCB(44),WFSCB
         MVC   WFSCB+8(18),CMSSAVE
         LA    R1,WFSCB
         LA    R0,UERASE
         BAL   R14,UFS
         LA    R1,RNPL
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   LIST1
         MVI   SAVED,1
LIST1    XC    WFSCB(44),WFSCB           any file at all? (quietly)
         MVC   WFSCB+8(18),ISPEC
         LA    R1,WFSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   LISTNONE
         MVC   LSPL+8(8),ISPEC           LISTFILE fn ft fm (EXEC
         MVC   LSPL+16(8),ISPEC+8
         MVC   LSPL+24(8),=CL8' '
         MVC   LSPL+24(2),ISPEC+16
         LA    R1,LSPL
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   LISTNONE
* The list: each record of CMS EXEC, '&1 &2 fn ft fm ...' (the third,
* fourth and fifth words).
         XC    WFSCB(44),WFSCB
         MVC   WFSCB+8(18),CMSEXEC
         LA    R1,WFSCB
         LA    R0,USTATE
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   LISTNONE
         L     R1,24+2(,R1)              records (FSTRECCT)
         SRL   R1,16
         LTR   R1,R1
         BZ    LISTNONE
         MH    R1,=H'18'
         LA    R1,7(,R1)
         SRL   R1,3
         ST    R1,LISTDW
         DMSFREE DWORDS=(R1),ERR=LISTMEM
         ST    R1,LISTA
         LR    R6,R1
LIST2    LA    R1,LREC
         ST    R1,WFSCB+28
         LA    R1,L'LREC
         ST    R1,WFSCB+32
         XC    WFSCB+26(2),WFSCB+26
         MVC   WFSCB+38(2),=H'1'
         LA    R1,WFSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         LTR   R15,R15
         BNZ   LIST3
         L     R0,WFSCB+40
         LA    R2,LREC                   words 3, 4, 5
         LR    R3,R2
         AR    R3,R0
         MVC   0(18,R6),=CL18' '
         LA    R4,5
         SR    R5,R5                     the word's number
LISTW1   CR    R2,R3
         BNL   LISTW9
         CLI   0(R2),C' '
         BNE   LISTW2
         LA    R2,1(,R2)
         B     LISTW1
LISTW2   LA    R5,1(,R5)
         LR    R1,R2                     the word's start
LISTW3   CR    R2,R3
         BNL   LISTW4
         CLI   0(R2),C' '
         BE    LISTW4
         LA    R2,1(,R2)
         B     LISTW3
LISTW4   LR    R15,R2
         SR    R15,R1                    its length
         CH    R5,=H'3'
         BL    LISTW5
         CH    R5,=H'5'
         BH    LISTW5
         LR    R14,R5
         SH    R14,=H'3'
         SLL   R14,3
         LA    R14,0(R14,R6)             where it goes
         LA    R0,8
         CH    R5,=H'5'
         BNE   *+8
         LA    R0,2                      (the mode: 2)
         CR    R15,R0
         BNH   *+6
         LR    R15,R0
         BCTR  R15,0
         EX    R15,MVWORD
LISTW5   BCT   R4,LISTW1
LISTW9   CLI   0(R6),C' '
         BE    LIST2
         LA    R6,18(,R6)
         L     R1,LISTN
         LA    R1,1(,R1)
         ST    R1,LISTN
         B     LIST2
LIST3    LA    R1,WFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
LISTNONE BAL   R14,LISTBACK
         SR    R15,R15
         B     LIST9
LISTMEM  BAL   R14,LISTBACK
         BAL   R14,UENOMEM
LIST9    L     R14,LISTS
         BR    R14
MVWORD   MVC   0(0,R14),0(R1)
* LISTBACK: CMS EXEC erased, the user's put back.
LISTBACK ST    R14,LBS
         XC    WFSCB(44),WFSCB
         MVC   WFSCB+8(18),CMSEXEC
         LA    R1,WFSCB
         LA    R0,UERASE
         BAL   R14,UFS
         CLI   SAVED,1
         BNE   LB9
         MVC   RNPL+8(18),CMSSAVE
         MVC   RNPL+26(6),=CL6' '
         MVC   RNPL+32(18),CMSEXEC
         MVC   RNPL+50(6),=CL6' '
         LA    R1,RNPL
         SVC   202
         DC    AL4(1)
         MVI   SAVED,0
LB9      L     R14,LBS
         BR    R14
* LISTFREE: the list's storage back.
LISTFREE L     R1,LISTA
         LTR   R1,R1
         BZR   R14
         ST    R14,LFS
         L     R0,LISTDW
         DMSFRET DWORDS=(R0),LOC=(R1)
         XC    LISTA,LISTA
         L     R14,LFS
         BR    R14
*=====================================================================
* GETSPECS: DMSCPY601R ENTER SPECIFICATION LIST:, then the pairs into
* SPECTAB (20 x 16 bytes: A source, F its length, F the target
* column - 1; the source is in the record (X'80' in the first byte of
* the flag word) or in SPECLIT). SPECLEN = the record's length.
* R15 = 0, or 24 with the message.
*=====================================================================
GETSPECS ST    R14,GSS
         CLI   SEEN+9,0                  NOPROMPT: no prompt
         BNE   GS0
         LA    R1,M601
         BAL   R14,UMTEXT
GS0      RDTERM SPECLINE,EDIT=NO
         LR    R3,R0
         LTR   R3,R3
         BZ    GSBAD
         LA    R2,SPECLINE
         AR    R3,R2                     the end
         LA    R6,SPECTAB
         SR    R7,R7                     pairs
         LA    R8,SPECLIT                where literals go
         XC    SPECLEN,SPECLEN
GS1      BAL   R14,SKIPB
         BNL   GSEND
* The source: m-n, /string/, or Xhh...
         CLI   0(R2),C'0'
         BNL   GSCOL
         CLI   0(R2),C'X'
         BE    GSHEX
         CLI   0(R2),C'x'
         BE    GSHEX
* A delimited string.
         MVC   SDELIM,0(R2)
         LA    R2,1(,R2)
         LR    R4,R8
GSSTR1   CR    R2,R3
         BNL   GSBAD
         CLC   0(1,R2),SDELIM
         BE    GSSTR2
         LA    R0,SPECLIT+L'SPECLIT
         CR    R8,R0
         BNL   GSBAD
         MVC   0(1,R8),0(R2)
         LA    R8,1(,R8)
         LA    R2,1(,R2)
         B     GSSTR1
GSSTR2   LA    R2,1(,R2)
         ST    R4,0(,R6)
         LR    R0,R8
         SR    R0,R4
         BZ    GSBAD
         ST    R0,4(,R6)
         MVI   12(R6),0                  a literal
         B     GSTARGET
* Xhh...: hexadecimal.
GSHEX    LA    R2,1(,R2)
         LR    R4,R8
GSHEX1   CR    R2,R3
         BNL   GSHEX2
         CLI   0(R2),C' '
         BE    GSHEX2
         LA    R0,1(,R2)
         CR    R0,R3
         BNL   GSBAD
         MVC   HEX2,0(R2)
         OC    HEX2,=C'  '               (upper case)
         BAL   R14,HEXBYTE
         BNZ   GSBAD
         LA    R1,SPECLIT+L'SPECLIT
         CR    R8,R1
         BNL   GSBAD
         STC   R0,0(,R8)
         LA    R8,1(,R8)
         LA    R2,2(,R2)
         B     GSHEX1
GSHEX2   ST    R4,0(,R6)
         LR    R0,R8
         SR    R0,R4
         BZ    GSBAD
         ST    R0,4(,R6)
         MVI   12(R6),0
         B     GSTARGET
* Columns m-n (or m alone).
GSCOL    BAL   R14,GSNUM
         BNZ   GSBAD
         LTR   R0,R0
         BZ    GSBAD
         BCTR  R0,0
         ST    R0,0(,R6)                 the offset
         LA    R1,1
         ST    R1,4(,R6)
         CR    R2,R3
         BNL   GSTARGET
         CLI   0(R2),C'-'
         BNE   GSCOL1
         LA    R2,1(,R2)
         BAL   R14,GSNUM
         BNZ   GSBAD
         S     R0,0(,R6)
         BNP   GSBAD
         ST    R0,4(,R6)
GSCOL1   MVI   12(R6),X'80'              from the record
* The target column.
GSTARGET BAL   R14,SKIPB
         BNL   GSBAD
         BAL   R14,GSNUM
         BNZ   GSBAD
         LTR   R0,R0
         BZ    GSBAD
         BCTR  R0,0
         ST    R0,8(,R6)
         A     R0,4(,R6)                 the record reaches here
         C     R0,SPECLEN
         BNH   *+8
         ST    R0,SPECLEN
         C     R0,=F'65535'
         BH    GSBAD
         LA    R6,16(,R6)
         LA    R7,1(,R7)
         CH    R7,=H'20'
         BNH   GS1
         B     GSBAD
GSEND    LTR   R7,R7
         BZ    GSBAD
         ST    R7,NSPECS
         L     R3,SPECLEN                the record's buffer
         LA    R3,7(,R3)
         SRL   R3,3
         ST    R3,SPBUFDW
         DMSFREE DWORDS=(R3),ERR=GSMEM
         ST    R1,SPBUFA
         SR    R15,R15
         B     GS9
GSMEM    BAL   R14,UENOMEM
         B     GS9
GSBAD    LA    R1,M601E
         BAL   R14,UMTEXT
         LA    R15,24
GS9      L     R14,GSS
         BR    R14
* SKIPB: blanks skipped (R2 the scan, R3 the end); cc low: more.
SKIPB    CR    R2,R3
         BNLR  R14
         CLI   0(R2),C' '
         BNE   SKIPB1
         LA    R2,1(,R2)
         B     SKIPB
SKIPB1   CR    R2,R3                     (cc low)
         BR    R14
* GSNUM: the digits at R2 as R0; cc 0, else not a number.
GSNUM    SR    R0,R0
         SR    R1,R1
GSN1     CR    R2,R3
         BNL   GSN2
         CLI   0(R2),C'0'
         BL    GSN2
         CLI   0(R2),C'9'
         BH    GSN2
         C     R0,=F'100000'
         BH    GSNBAD
         MH    R0,=H'10'
         IC    R15,0(,R2)
         N     R15,=F'15'
         AR    R0,R15
         LA    R2,1(,R2)
         LA    R1,1(,R1)
         B     GSN1
GSN2     LTR   R1,R1
         BZ    GSNBAD
         SR    R15,R15
         BR    R14
GSNBAD   LA    R15,1
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------
* DOSPECS: the record at R4 (R5 bytes) rebuilt by the specifications
* in SPBUFA: R4, R5 the new one.
*---------------------------------------------------------------------
DOSPECS  STM   R14,R9,DSS
         L     R6,SPBUFA                 filled first
         L     R7,SPECLEN
         LR    R0,R6
         LR    R1,R7
         SR    R15,R15
         ICM   R15,8,FILLC
         MVCL  R0,R14
         LA    R8,SPECTAB
         MVC   DSCNT,NSPECS
DS1      L     R0,0(,R8)                 the source
         L     R1,4(,R8)                 its length
         TM    12(R8),X'80'
         BZ    DS2
         LR    R2,R0                     in the record: what it has
         CR    R2,R5
         BNL   DS3
         AR    R0,R4
         LR    R2,R5
         S     R2,0(,R8)
         CR    R1,R2
         BNH   DS2
         LR    R1,R2
DS2      L     R2,8(,R8)                 the target
         AR    R2,R6
         LR    R3,R1
         LR    R14,R0
         LR    R15,R1
         MVCL  R2,R14
DS3      LA    R8,16(,R8)
         L     R15,DSCNT
         BCTR  R15,0
         ST    R15,DSCNT
         LTR   R15,R15
         BP    DS1
         LM    R14,R9,DSS
         L     R4,SPBUFA
         L     R5,SPECLEN
         BR    R14
*=====================================================================
* PACK: the records go into a stream of bytes (F records LRECL bytes
* each, V records each after its length in a halfword), and the stream
* is written compressed in records of F 1024 (docs/CMS.md, "The
* packed file"): a header X'CBFF', LRECL (a fullword), RECFM, X'00';
* then groups: X'00'-X'7F' n: n+1 bytes follow as they are;
* X'81'-X'FF' n: the next byte n-126 times (3 to 129); X'80' the end.
* The last record is padded with X'00'.
*=====================================================================
* PKBYTES: the R2 bytes at R4 into the stream (R2 is used up).
PKBYTES  ST    R14,PKBYS
         LR    R1,R4
PKBY1    LTR   R2,R2
         BNP   PKBY9
         IC    R0,0(,R1)
         BAL   R14,PKB
         LA    R1,1(,R1)
         BCTR  R2,0
         B     PKBY1
PKBY9    L     R14,PKBYS
         BR    R14
* PKB: the byte in R0 into the stream: it lengthens the run of the
* same byte pending, or the run is put out and a new one begins.
PKB      STM   R14,R5,PKBS
         N     R0,=F'255'
         L     R1,PKN
         LTR   R1,R1
         BZ    PKB2
         C     R0,PKC
         BNE   PKB2
         C     R1,=F'129'
         BNL   PKB2
         LA    R1,1(,R1)
         ST    R1,PKN
         B     PKB9
PKB2     ST    R0,PKNEW
         BAL   R14,PKPEND
         MVC   PKC,PKNEW
         LA    R1,1
         ST    R1,PKN
PKB9     LM    R14,R5,PKBS
         BR    R14
* PKPEND: the pending run (PKN bytes PKC): three or more a run group,
* fewer go with the bytes kept as they are (PKLIT).
PKPEND   STM   R14,R3,PKPS
         L     R2,PKN
         LTR   R2,R2
         BZ    PKP9
         CH    R2,=H'3'
         BL    PKP2
         BAL   R14,PKFLIT
         LA    R0,126(,R2)
         BAL   R14,PUTB
         L     R0,PKC
         BAL   R14,PUTB
         B     PKP8
PKP2     L     R1,PKLN
         LA    R3,PKLIT(R1)
         MVC   0(1,R3),PKC+3
         LA    R1,1(,R1)
         ST    R1,PKLN
         CH    R1,=H'128'
         BL    PKP3
         BAL   R14,PKFLIT
PKP3     BCT   R2,PKP2
PKP8     XC    PKN,PKN
PKP9     LM    R14,R3,PKPS
         BR    R14
* PKFLIT: the bytes kept as they are put out as one group.
PKFLIT   STM   R14,R3,PKFS
         L     R2,PKLN
         LTR   R2,R2
         BZ    PKF9
         LR    R0,R2
         BCTR  R0,0
         BAL   R14,PUTB
         LA    R3,PKLIT
PKF1     IC    R0,0(,R3)
         BAL   R14,PUTB
         LA    R3,1(,R3)
         BCT   R2,PKF1
         XC    PKLN,PKLN
PKF9     LM    R14,R3,PKFS
         BR    R14
* PUTB: the byte in R0 into the output block (records of 1024); a full
* block is written.
PUTB     STM   R14,R3,PUTS
         L     R3,ONBUF
         SLL   R3,10
         A     R3,OBUFA
         A     R3,OPOS
         STC   R0,0(,R3)
         L     R1,OPOS
         LA    R1,1(,R1)
         ST    R1,OPOS
         C     R1,=F'1024'
         BL    PUT9
         XC    OPOS,OPOS
         L     R1,ONBUF
         LA    R1,1(,R1)
         ST    R1,ONBUF
         C     R1,OBLK
         BL    PUT9
         BAL   R14,OFLUSH
         LTR   R15,R15
         BNZ   ERRX
PUT9     LM    R14,R3,PUTS
         BR    R14
* PKHEAD: the header. PKEND: the rest of the stream, the end group,
* the last record padded.
PKHEAD   ST    R14,PKES
         XC    OPOS,OPOS
         XC    PKN,PKN
         XC    PKLN,PKLN
         LA    R0,X'CB'
         BAL   R14,PUTB
         LA    R0,X'FF'
         BAL   R14,PUTB
         L     R0,PKLRECL
         SRL   R0,24
         BAL   R14,PUTB
         L     R0,PKLRECL
         SRL   R0,16
         BAL   R14,PUTB
         L     R0,PKLRECL
         SRL   R0,8
         BAL   R14,PUTB
         L     R0,PKLRECL
         BAL   R14,PUTB
         IC    R0,PKFM
         BAL   R14,PUTB
         SR    R0,R0
         BAL   R14,PUTB
         L     R14,PKES
         BR    R14
PKEND    ST    R14,PKES
         BAL   R14,PKPEND
         BAL   R14,PKFLIT
         LA    R0,X'80'
         BAL   R14,PUTB
PKE1     L     R1,OPOS
         LTR   R1,R1
         BZ    PKE9
         SR    R0,R0
         BAL   R14,PUTB
         B     PKE1
PKE9     L     R14,PKES
         BR    R14
*=====================================================================
* UNPACK: the input is a packed file (above); its header gives the
* records' format (UPHDR), and its groups are undone (UNPREC) into
* records (UEMIT) that go through RECORD as if read from a file.
*=====================================================================
* UPHDR: IFID's first record read: the header, into UPFM and UPLRECL.
* R15 = 0, or the return code with the message.
UPHDR    ST    R14,UPHS
         CLI   IFST+30,C'F'
         BNE   UPHNOT
         CLC   IFST+32(4),=F'1024'
         BNE   UPHNOT
         DMSFREE DWORDS=128,ERR=UPHMEM
         ST    R1,UPHA
         XC    IFSCB(44),IFSCB
         MVC   IFSCB+8(18),IFID
         ST    R1,IFSCB+28
         MVC   IFSCB+32(4),=F'1024'
         MVC   IFSCB+38(2),=H'1'
         LA    R1,IFSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         LR    R2,R15
         LA    R1,IFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R1,UPHA
         MVC   UPLRECL,2(R1)
         MVC   UPFM,6(R1)
         CLC   0(2,R1),=X'CBFF'
         BE    UPH2
         MVI   UPFM,0                    (not packed)
UPH2     LA    R0,128
         DMSFRET DWORDS=(R0),LOC=(R1)
         LTR   R0,R2
         BNZ   UPHRD
         CLI   UPFM,C'V'
         BE    UPH3
         CLI   UPFM,C'F'
         BNE   UPHNOT
UPH3     L     R0,UPLRECL
         LTR   R0,R0
         BNP   UPHNOT
         C     R0,=F'65535'
         BH    UPHNOT
         SR    R15,R15
         B     UPH9
UPHNOT   LA    R1,M606                   606E FILE 'f' IS NOT PACKED
         LA    R2,IFID
         BAL   R14,UMFID
         LA    R15,32
         B     UPH9
UPHRD    LA    R1,IFID
         BAL   R14,UERD
         B     UPH9
UPHMEM   BAL   R14,UENOMEM
UPH9     L     R14,UPHS
         BR    R14
* UNPREC: the packed record at R4 (R5 bytes) undone; cc 0 go on, not
* 0 the input is done (the end group, or FOR or TOLABEL reached).
UNPREC   ST    R14,UPRS
         ST    R8,UPRS+4
         LR    R8,R4
         LR    R1,R4
         AR    R1,R5
         ST    R1,UPEND                  the end
         A     R8,UPSKIP                  (the header, in the first)
         XC    UPSKIP,UPSKIP
UPR1     C     R8,UPEND
         BNL   UPRGO
         SR    R0,R0
         IC    R0,0(,R8)
         LA    R8,1(,R8)
         CLI   DST,1
         BE    UPRLIT
         CLI   DST,2
         BE    UPRRUN
         CLI   DST,3
         BE    UPREND
         CH    R0,=H'128'                a group begins
         BE    UPRFIN
         BH    UPRC2
         AH    R0,=H'1'
         ST    R0,DCNT
         MVI   DST,1
         B     UPR1
UPRC2    SH    R0,=H'126'
         ST    R0,DCNT
         MVI   DST,2
         B     UPR1
UPRLIT   BAL   R14,UEMIT                 a byte as it is
         BNZ   UPREND
         L     R1,DCNT
         BCTR  R1,0
         ST    R1,DCNT
         LTR   R1,R1
         BP    UPR1
         MVI   DST,0
         B     UPR1
UPRRUN   ST    R0,DRUNC                  a run
         MVI   DST,0
UPRR1    L     R0,DRUNC
         BAL   R14,UEMIT
         BNZ   UPREND
         L     R1,DCNT
         BCTR  R1,0
         ST    R1,DCNT
         LTR   R1,R1
         BP    UPRR1
         B     UPR1
UPRFIN   MVI   DST,3
UPREND   L     R8,UPRS+4
         L     R14,UPRS
         LA    R15,1
         LTR   R15,R15
         BR    R14
UPRGO    L     R8,UPRS+4
         L     R14,UPRS
         SR    R15,R15
         BR    R14
* UEMIT: the byte in R0 (0-255) into the record being rebuilt; a
* whole one goes to RECORD. cc 0 go on, not 0 the input is done.
UEMIT    ST    R14,UEMS
         CLI   UPFM,C'V'
         BNE   UEF
         CLI   RST,0                     V: the length first
         BNE   UEV1
         STC   R0,UVHI
         MVI   RST,1
         B     UEGO
UEV1     CLI   RST,1
         BNE   UEDATA
         SR    R1,R1
         IC    R1,UVHI
         SLL   R1,8
         AR    R1,R0
         C     R1,UPLRECL
         BH    UEBAD                     (longer than LRECL: broken)
         ST    R1,RNEED
         XC    RPOS,RPOS
         MVI   RST,2
         LTR   R1,R1
         BZ    UEDLV
         B     UEGO
UEF      CLI   RST,0                     F: LRECL bytes
         BNE   UEDATA
         MVC   RNEED,UPLRECL
         XC    RPOS,RPOS
         MVI   RST,2
UEDATA   L     R1,RPOS
         A     R1,UABUFA
         STC   R0,0(,R1)
         L     R1,RPOS
         LA    R1,1(,R1)
         ST    R1,RPOS
         L     R1,RNEED
         BCTR  R1,0
         ST    R1,RNEED
         LTR   R1,R1
         BP    UEGO
UEDLV    MVI   RST,0
         L     R4,UABUFA
         L     R5,RPOS
         BAL   R14,RECORD
         BNZ   UESTOP
UEGO     L     R14,UEMS
         SR    R15,R15
         BR    R14
UEBAD    MVI   UPBAD,1
UESTOP   L     R14,UEMS
         LA    R15,1
         LTR   R15,R15
         BR    R14
*=====================================================================
* OVLY: the output file's records, read one at a time (OLDSCB), are
* rebuilt with the input's: a character of the input record that is
* not blank takes the place of the old one; the input record's end
* beyond the old one's is added. Old records past the input's are
* copied as they are (OVEND).
*=====================================================================
* OVOPEN: the storage for an old record; the old file to be read.
OVOPEN   ST    R14,OVRS
         L     R0,=F'8193'
         DMSFREE DWORDS=(R0),ERR=OVMEM
         ST    R1,OVBUFA
         MVI   OVOPENF,1
         XC    OLDSCB(44),OLDSCB
         MVC   OLDSCB+8(18),OFID
         MVI   OVOLD,1
         SR    R15,R15
         B     OVOP9
OVMEM    BAL   R14,UENOMEM
OVOP9    L     R14,OVRS
         BR    R14
* OVREAD: the next old record into OVBUFA (OLDSCB+40 its length).
* R15 = 0, 12 at the end, else the file system's.
OVREAD   ST    R14,OVRS
         L     R1,OVBUFA
         ST    R1,OLDSCB+28
         MVC   OLDSCB+32(4),=F'65536'
         XC    OLDSCB+26(2),OLDSCB+26
         MVC   OLDSCB+38(2),=H'1'
         LA    R1,OLDSCB
         LA    R0,URDBUF
         BAL   R14,UFS
         L     R14,OVRS
         BR    R14
* OVERLAY: the input record at R4 (R5 bytes) laid over the next old
* one: R4, R5 the result (the input's, when the old file is done).
OVERLAY  ST    R14,OVS
         STM   R6,R8,OVS+4
         CLI   OVOLD,1
         BNE   OV9
         BAL   R14,OVREAD
         C     R15,=F'12'
         BE    OVEOF
         LTR   R15,R15
         BNZ   OVERR
         L     R6,OVBUFA                 the old record
         L     R7,OLDSCB+40              its length
         LR    R8,R5                     the longer
         CR    R8,R7
         BH    *+6
         LR    R8,R7
         LR    R0,R6                     the input's end beyond it
         AR    R0,R7
         LR    R1,R5
         SR    R1,R7
         BNP   OV2
         LR    R14,R4
         AR    R14,R7
         LR    R15,R1
         MVCL  R0,R14
OV2      LR    R15,R5                    over the rest: not blanks
         CR    R15,R7
         BNH   *+6
         LR    R15,R7
         ST    R15,OVMIN
         SR    R1,R1
OV3      C     R1,OVMIN
         BNL   OV4
         LA    R15,0(R1,R4)
         CLI   0(R15),C' '
         BE    OV3A
         LA    R14,0(R1,R6)
         MVC   0(1,R14),0(R15)
OV3A     LA    R1,1(,R1)
         B     OV3
OV4      LR    R4,R6
         LR    R5,R8
         B     OV9
OVEOF    MVI   OVOLD,0
OV9      LM    R6,R8,OVS+4
         L     R14,OVS
         BR    R14
OVERR    LR    R0,R15
         LA    R1,OFID
         BAL   R14,UERD
         B     ERRX
* OVEND: the old records left copied; the old file closed.
OVEND    ST    R14,OVES
OVE1     CLI   OVOLD,1
         BNE   OVE8
         BAL   R14,OVREAD
         C     R15,=F'12'
         BE    OVE8
         LTR   R15,R15
         BNZ   OVERR
         L     R4,OVBUFA
         L     R5,OLDSCB+40
         BAL   R14,WREC
         B     OVE1
OVE8     MVI   OVOLD,0
         BAL   R14,OVCLOSE
         L     R14,OVES
         BR    R14
* OVCLOSE: the old file closed, its storage given back.
OVCLOSE  CLI   OVOPENF,1
         BNER  R14
         ST    R14,OVCS
         MVI   OVOPENF,0
         LA    R1,OLDSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         L     R1,OVBUFA
         L     R0,=F'8193'
         DMSFRET DWORDS=(R0),LOC=(R1)
         L     R14,OVCS
         BR    R14
*=====================================================================
* GETTRANS: DMSCPY602R ENTER TRANSLATION LIST:, then pairs 'a b' (a
* becomes b), each a character or two hexadecimal digits, into TRTAB.
* R15 = 0, or 24 with the message.
*=====================================================================
GETTRANS ST    R14,GTS
         CLI   SEEN+9,0                  NOPROMPT: no prompt
         BNE   GT0
         LA    R1,M602
         BAL   R14,UMTEXT
GT0      RDTERM SPECLINE,EDIT=NO
         LR    R3,R0
         LA    R2,SPECLINE
         AR    R3,R2                     the end
         LA    R1,TRTAB                  the table: each to itself
         SR    R0,R0
GT1      STC   R0,0(,R1)
         LA    R1,1(,R1)
         A     R0,=F'1'
         C     R0,=F'256'
         BL    GT1
         SR    R7,R7                     pairs
GT2      BAL   R14,SKIPB
         BNL   GTEND
         BAL   R14,GTCHAR
         BNZ   GTBAD
         LR    R6,R0                     from
         BAL   R14,SKIPB
         BNL   GTBAD
         BAL   R14,GTCHAR
         BNZ   GTBAD
         LA    R1,TRTAB(R6)              to
         STC   R0,0(,R1)
         LA    R7,1(,R7)
         B     GT2
GTEND    LTR   R7,R7
         BZ    GTBAD
         SR    R15,R15
         B     GT9
GTBAD    LA    R1,M605
         BAL   R14,UMTEXT
         LA    R15,24
GT9      L     R14,GTS
         BR    R14
* GTCHAR: the word at R2 (to a blank or R3) as R0: one character, or
* two hexadecimal digits; R2 past it. cc 0, else not one of them.
GTCHAR   ST    R14,GTCS
         LR    R1,R2
GTC1     CR    R1,R3
         BNL   GTC2
         CLI   0(R1),C' '
         BE    GTC2
         LA    R1,1(,R1)
         B     GTC1
GTC2     LR    R15,R1
         SR    R15,R2                    its length
         CH    R15,=H'1'
         BNE   GTC3
         SR    R0,R0
         IC    R0,0(,R2)
         LR    R2,R1
         B     GTCOK
GTC3     CH    R15,=H'2'
         BNE   GTCBAD
         MVC   HEX2,0(R2)
         OC    HEX2,=C'  '               (upper case)
         LR    R2,R1
         BAL   R14,HEXBYTE
         BNZ   GTCBAD
GTCOK    L     R14,GTCS
         SR    R15,R15
         BR    R14
GTCBAD   L     R14,GTCS
         LA    R15,1
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------
* HEXBYTE: HEX2 (two hexadecimal digits) as R0; cc 0, else not hex.
*---------------------------------------------------------------------
HEXBYTE  ST    R14,HBS
         SR    R0,R0
         LA    R1,HEX2
         LA    R15,2
HB1      SLL   R0,4
         CLI   0(R1),C'0'
         BNL   HB2
         CLI   0(R1),C'A'
         BL    HBBAD
         CLI   0(R1),C'F'
         BH    HBBAD
         IC    R14,0(,R1)
         N     R14,=F'15'
         LA    R14,9(,R14)
         B     HB3
HB2      CLI   0(R1),C'9'
         BH    HBBAD
         IC    R14,0(,R1)
         N     R14,=F'15'
HB3      AR    R0,R14
         LA    R1,1(,R1)
         BCT   R15,HB1
         L     R14,HBS
         SR    R15,R15
         BR    R14
HBBAD    L     R14,HBS
         LA    R15,1
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------
* TOKLEN: R0 = the length of the token at R1 (trailing blanks off).
*---------------------------------------------------------------------
TOKLEN   LA    R0,8
TOKL1    LR    R15,R1
         AR    R15,R0
         BCTR  R15,0
         CLI   0(R15),C' '
         BNER  R14
         BCT   R0,TOKL1
         BR    R14
*=====================================================================
* The messages.
*=====================================================================
ENOFID   LA    R1,M042
         BAL   R14,UMTEXT
         LA    R15,24
         B     ERRX
EINCOMP  BAL   R14,UEINCMP
         B     ERRX
EOUTMODE L     R1,OUTP
         LA    R1,16(,R1)
         BAL   R14,UEMODE
         B     ERRX
EOUTSTAR LA    R1,OSPEC
         LA    R15,20
         BAL   R14,UESTATE
         B     ERRX
EOPT     LR    R1,R2
         BAL   R14,UEOPT
         B     ERRX
ETWICE   LA    R1,M065
         BAL   R14,UMTOK
         LA    R15,24
         B     ERRX
ENOVAL   L     R2,OPTNAME
         LA    R1,M005
         BAL   R14,UMTOK
         LA    R15,24
         B     ERRX
EBADVAL  LA    R1,M029
         BAL   R14,UMBEG
         BAL   R14,UMTXT
         LR    R1,R2
         BAL   R14,UPTOK
         LA    R1,M029B
         BAL   R14,UMTXT
         L     R1,OPTNAME
         BAL   R14,UPTOK
         LA    R1,M029C
         BAL   R14,UMTXT
         BAL   R14,UMSG
         LA    R15,24
         B     ERRX
ECONF    BAL   R14,UMBEG                 066E 'a' AND 'b' ARE ...
         LA    R1,M066
         BAL   R14,UMTXT
         LR    R1,R2
         BAL   R14,UPTOK
         LA    R1,M066B
         BAL   R14,UMTXT
         LA    R1,8(,R2)
         BAL   R14,UPTOK
         LA    R1,M066C
         BAL   R14,UMTXT
         BAL   R14,UMSG
         LA    R15,24
         B     ERRX
EISTATE  LA    R1,ISPEC
         C     R15,=F'28'
         BE    EFNF
         BAL   R14,UESTATE
         B     ERRX
EFNF     LR    R2,R1
         LA    R1,M002
         BAL   R14,UMFID
         LA    R15,28
         B     ERRX
EREPLACE LA    R1,M024
         LA    R2,OFID
         BAL   R14,UMFID
         LA    R15,28
ERRX     ST    R15,RC
         BAL   R14,CLEANUP
EXIT     L     R15,RC
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
* CLEANUP: after an error, the open files closed: a new output (or
* the work file) erased, what was appended to an old one kept.
CLEANUP  ST    R14,CLS
         CLI   IOPEN,1
         BNE   CL1
         MVI   IOPEN,0
         LA    R1,IFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
CL1      BAL   R14,OVCLOSE               (OVLY's old file)
         CLI   OOPEN,1
         BNE   CL9
         MVI   OOPEN,0
         LA    R1,OFSCB
         LA    R0,UFINIS                 closed first: a file being
         BAL   R14,UFS                   written is not yet ERASE's
         CLI   OKIND,2                   what was appended stays;
         BE    CL9
         LA    R1,OFSCB
         LA    R0,UERASE                 a new file (or the work file)
         BAL   R14,UFS                   goes
CL9      L     R14,CLS
         BR    R14
M002     DC    AL1(17),C'002E INPUT FILE ''',AL1(11),C''' NOT FOUND'
M042     DC    AL1(27),C'042E NO FILEID(S) SPECIFIED'
M065     DC    AL1(6),C'065E ''',AL1(24),C''' OPTION SPECIFIED TWICE'
M005     DC    AL1(9),C'005E NO ''',AL1(11),C''' SPECIFIED'
M029     DC    AL1(24),C'029E INVALID PARAMETER '''
M029B    DC    AL1(17),C''' IN THE OPTION '''
M029C    DC    AL1(7),C''' FIELD'
M024     DC    AL1(11),C'024E FILE '''
         DC    AL1(37),C''' ALREADY EXISTS -- SPECIFY ''REPLACE'''
M173     DC    AL1(44),C'173E NO RECORDS WERE COPIED TO OUTPUT FILE '''
         DC    AL1(1),C''''
M721     DC    AL1(11),C'721I COPY '''
M721B    DC    AL1(6),C''' TO '''
M721C    DC    AL1(12),C''' (NEW FILE)'
         DC    AL1(12),C''' (OLD FILE)'
         DC    AL1(12),C''' (APPEND)  '
M601     DC    AL1(30),C'601R ENTER SPECIFICATION LIST:'
M601E    DC    AL1(31),C'604E INVALID SPECIFICATION LIST'
M602     DC    AL1(28),C'602R ENTER TRANSLATION LIST:'
M605     DC    AL1(29),C'605E INVALID TRANSLATION LIST'
M606     DC    AL1(11),C'606E FILE ''',AL1(15),C''' IS NOT PACKED'
M066     DC    AL1(6),C'066E '''
M066B    DC    AL1(7),C''' AND '''
M066C    DC    AL1(25),C''' ARE CONFLICTING OPTIONS'
UMID     DC    C'CPY'
WORKNAME DC    CL8'COPYFILE',CL8'CMSUT1'
CMSEXEC  DC    CL8'CMS',CL8'EXEC',CL2'A1'
CMSSAVE  DC    CL8'CMS',CL8'CPYSAVE',CL2'A1'
         LTORG
*---------------------------------------------------------------------
* Tables.
*---------------------------------------------------------------------
OPTTAB   DC    CL8'NEWFILE',AL1(3),AL1(4)
         DC    CL8'REPLACE',AL1(3),AL1(8)
         DC    CL8'APPEND',AL1(1),AL1(12)
         DC    CL8'TYPE',AL1(2),AL1(16)
         DC    CL8'NOTYPE',AL1(3),AL1(20)
         DC    CL8'NEWDATE',AL1(4),AL1(24)
         DC    CL8'OLDDATE',AL1(3),AL1(28)
         DC    CL8'PROMPT',AL1(1),AL1(32)
         DC    CL8'NOPROMPT',AL1(3),AL1(36)
         DC    CL8'RECFM',AL1(3),AL1(40)
         DC    CL8'LRECL',AL1(1),AL1(44)
         DC    CL8'TRUNC',AL1(3),AL1(48)
         DC    CL8'FILL',AL1(3),AL1(52)
         DC    CL8'FROM',AL1(3),AL1(56)
         DC    CL8'FRLABEL',AL1(3),AL1(60)
         DC    CL8'FOR',AL1(3),AL1(64)
         DC    CL8'TOLABEL',AL1(3),AL1(68)
         DC    CL8'UPCASE',AL1(2),AL1(72)
         DC    CL8'LOWCASE',AL1(3),AL1(76)
         DC    CL8'SPECS',AL1(2),AL1(80)
         DC    CL8'TRANS',AL1(3),AL1(84)
         DC    CL8'OVLY',AL1(2),AL1(92)
         DC    CL8'SINGLE',AL1(2),AL1(96)
         DC    CL8'PACK',AL1(4),AL1(100)
         DC    CL8'UNPACK',AL1(3),AL1(104)
         DC    X'FF'
* CONFTAB: options that conflict (their SEEN indexes), and the names.
CONFTAB  DC    AL1(1,2),CL16'NEWFILE REPLACE'
         DC    AL1(1,3),CL16'NEWFILE APPEND'
         DC    AL1(2,3),CL16'REPLACE APPEND'
         DC    AL1(4,5),CL16'TYPE    NOTYPE'
         DC    AL1(18,19),CL16'UPCASE  LOWCASE'
         DC    AL1(14,15),CL16'FROM    FRLABEL'
         DC    AL1(16,17),CL16'FOR     TOLABEL'
         DC    AL1(8,9),CL16'PROMPT  NOPROMPT'
         DC    AL1(1,23),CL16'NEWFILE OVLY'
         DC    AL1(2,23),CL16'REPLACE OVLY'
         DC    AL1(3,23),CL16'APPEND  OVLY'
         DC    AL1(25,26),CL16'PACK    UNPACK'
         DC    AL1(3,25),CL16'APPEND  PACK'
         DC    AL1(23,25),CL16'OVLY    PACK'
         DC    X'FF'
UPTAB    DC    256AL1(*-UPTAB)
         ORG   UPTAB+X'81'
         DC    X'C1C2C3C4C5C6C7C8C9'
         ORG   UPTAB+X'91'
         DC    X'D1D2D3D4D5D6D7D8D9'
         ORG   UPTAB+X'A2'
         DC    X'E2E3E4E5E6E7E8E9'
         ORG   UPTAB+256
LOWTAB   DC    256AL1(*-LOWTAB)
         ORG   LOWTAB+X'C1'
         DC    X'818283848586878889'
         ORG   LOWTAB+X'D1'
         DC    X'919293949596979899'
         ORG   LOWTAB+X'E2'
         DC    X'A2A3A4A5A6A7A8A9'
         ORG   LOWTAB+256
         COPY  CMSUTIL
*---------------------------------------------------------------------
* Storage.
*---------------------------------------------------------------------
         DS    0D
LSPL     DC    CL8'LISTFILE',3CL8' ',CL8'(',CL8'EXEC',8X'FF'
RNPL     DC    CL8'RENAME',6CL8' ',8X'FF'
IFSCB    DS    11F
OFSCB    DS    11F
WFSCB    DS    11F
IFST     DS    CL40
OFST     DS    CL40
ISPEC    DS    CL18
OSPEC    DS    CL18
IFID     DS    CL18
OFID     DS    CL18
NFID     DS    CL18
WFID     DS    CL18
TOK      DS    CL8
HEX2     DS    CL2
SDELIM   DS    C
         DS    0F
RC       DS    F
IORC     DS    F
NFIDS    DS    F
OPTP     DS    A
OUTP     DS    A
INP      DS    A
OPTNAME  DS    A
* Cleared at the start.
ZERO     DS    0F
SEEN     DS    XL32
FLAGS    DS    X
FTRUNC   EQU   X'80'
FSPECS   EQU   X'40'
FFOR     EQU   X'20'
MODE     DS    X                 0 NEWFILE, 1 REPLACE, 2 APPEND
TYPEOPT  DS    X                 0 default, 1 TYPE, 2 NOTYPE
CASE     DS    X                 1 UPCASE, 2 LOWCASE
ORECFM   DS    C
OUTFM    DS    C
OOPEN    DS    X
OWORK    DS    X
OKIND    DS    X
ANYIN    DS    X
STARTED  DS    X
SAVED    DS    X
IOPEN    DS    X
FILLC    DS    C
OVOLD    DS    X                 OVLY: old records are left
OVOPENF  DS    X                 OVLY: the old file is open
         DS    0F
FRLAB    DS    CL8
TOLAB    DS    CL8
FRLABL   DS    F
TOLABL   DS    F
OLRECL   DS    F
FROMN    DS    F
FORN     DS    F
SPECLEN  DS    F
ZEROLEN  EQU   *-ZERO
OUTLRECL DS    F
OBLK     DS    F
ONBUF    DS    F
OBUFA    DS    A
OBUFDW   DS    F
OWRITTEN DS    F
IBLK     DS    F
IBSIZE   DS    F
IBUFA    DS    A
IBUFDW   DS    F
IRECNO   DS    F
ICOPIED  DS    F
LISTA    DS    A
LISTN    DS    F
LISTDW   DS    F
NSPECS   DS    F
SPBUFA   DS    A
SPBUFDW  DS    F
PROCS    DS    F
ONS      DS    F
OES      DS    F
COPYS    DS    F
RECS     DS    F
OFS      DS    F
WILDS    DS    F
WILDR    DS    2F
LISTS    DS    F
LBS      DS    F
LFS      DS    F
GSS      DS    F
HBS      DS    F
CLS      DS    F
DSS      DS    12F
WRS      DS    F
PKBS     DS    8F
PKPS     DS    6F
PKFS     DS    6F
PUTS     DS    6F
PKES     DS    F
PKBYS    DS    F
PKLRECL  DS    F
OPOS     DS    F
PKN      DS    F
PKC      DS    F
PKNEW    DS    F
PKLN     DS    F
UPLRECL  DS    F
PLISTA   DS    A
DSCNT    DS    F
UPEND    DS    A
OVMIN    DS    F
UPHA     DS    A
UABUFA   DS    A
UABDW    DS    F
UPSKIP    DS    F
DCNT     DS    F
DRUNC    DS    F
RPOS     DS    F
RNEED    DS    F
OVBUFA   DS    A
OVS      DS    5F
OVRS     DS    F
OVES     DS    F
OVCS     DS    F
UPHS     DS    F
UPRS     DS    3F
UEMS     DS    F
GTS      DS    F
GTCS     DS    F
OLDSCB   DS    11F
PKFM     DS    C
UPFM     DS    C
DST      DS    X
RST      DS    X
UVHI     DS    X
UPBAD    DS    X
PKLIT    DS    CL128
TRTAB    DS    CL256
SPECTAB  DS    21XL16
SPECLINE DS    CL132
SPECLIT  DS    CL256
LREC     DS    CL80
CMSMODE  DS    0D
         END
