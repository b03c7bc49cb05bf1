*---------------------------------------------------------------------
* COPYFILE in-fileid [in-fileid ...] out-fileid [(options]: copies
* files, converting their records (R6's DMSCPY; docs/CMS.md "Files,
* cards and printing"). Every fileid is fn ft fm. In the input '*'
* stands for any name, type or disk; in the output '=' takes the
* input's. Several inputs (or several files of one '*' input) that go
* to one output file are combined into it, one after the other.
* Options:
*   NEWFILE (default) | REPLACE | APPEND   what an output that exists
*            does: an error (DMSCPY024E), replaced, added to
*   TYPE | NOTYPE  DMSCPY721I COPY 'in' TO 'out' (NEW FILE|OLD FILE|
*            APPEND) for each file (TYPE is the default with '*')
*   NEWDATE | OLDDATE  accepted (the output is dated now: below)
*   PROMPT | NOPROMPT  accepted
*   RECFM F|V, LRECL n   the output's (an F record padded with the
*            fill character or cut; a V record cut at n)
*   TRUNC    trailing fill characters off V records
*   FILL c   the fill character (c, or two hexadecimal digits; blank)
*   FROM n | FRLABEL xxxx   the first record copied (of each input)
*   FOR n | TOLABEL xxxx    how many, or up to the one that begins so
*   UPCASE | LOWCASE     letters translated
*   SPECS    asks 'DMSCPY601R ENTER SPECIFICATION LIST:' and builds
*            each record from pairs 'source target': source m-n
*            (columns), /string/ (any delimiter) or Xhh... ; target a
*            column (up to 20 pairs)
* The file is streamed: storage holds a block of records, never the
* file. An output that is replaced (or is the input itself) is written
* as COPYFILE CMSUT1 on its disk, then renamed over it.
* Return codes: 0; 24 bad operands; 28 no such file, or the output
* exists (NEWFILE); 40 no records copied; 100 a disk error; 104 not
* enough storage.
*---------------------------------------------------------------------
         REGEQU
COPYFILE CMSMOD ENTRY=BEGIN,SYSTEM=YES
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         LA    R11,2048(,R12)
         LA    R11,2048(,R11)
         LA    R10,2048(,R11)
         LA    R10,2048(,R10)
         USING BEGIN,R12,R11,R10
         LR    R9,R1                     the PLIST
         XC    RC,RC
         XC    ZERO(ZEROLEN),ZERO
         MVI   FILLC,C' '
* The fileids: tokens up to '(' in threes, at least two fileids.
         LA    R2,8(,R9)
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
         LA    R4,8(,R9)
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
ONEWF    MVI   MODE,0
         B     OPT1
OREPL    MVI   MODE,1
         B     OPT1
OAPP     MVI   MODE,2
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
* Conflicting options.
OPTEND   CLI   SEEN+1,0                  more than one of NEWFILE,
         BE    OPTE1                     REPLACE, APPEND?
         CLI   SEEN+2,0
         BNE   ECONF12
         CLI   SEEN+3,0
         BNE   ECONF13
OPTE1    CLI   SEEN+2,0
         BE    OPTE2
         CLI   SEEN+3,0
         BNE   ECONF23
OPTE2    CLI   SEEN+4,0                  TYPE, NOTYPE
         BE    OPTE3
         CLI   SEEN+5,0
         BNE   ECONF45
OPTE3    CLI   SEEN+18,0                 UPCASE, LOWCASE
         BE    OPTE4
         CLI   SEEN+19,0
         BNE   ECONF1819
OPTE4    CLI   SEEN+14,0                 FROM, FRLABEL
         BE    OPTE5
         CLI   SEEN+15,0
         BNE   ECONF1415
OPTE5    CLI   SEEN+16,0                 FOR, TOLABEL
         BE    OPTE6
         CLI   SEEN+17,0
         BNE   ECONF1617
OPTE6    DS    0H
* SPECS: the list, now.
         TM    FLAGS,FSPECS
         BZ    NOSPECS
         BAL   R14,GETSPECS
         LTR   R15,R15
         BNZ   ERRX
NOSPECS  DS    0H
* TYPE is the default when an input has '*'.
         CLI   TYPEOPT,0
         BNE   MAIN
         LA    R4,8(,R9)
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
MAIN     LA    R4,8(,R9)
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
* The same output as the last input's: on into it. Else a new one.
         CLI   OOPEN,1
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
         MH    R1,=H'12'
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
         B     ON5
ON3      MVI   OKIND,2                   APPEND: its format
         MVC   OUTFM,OFST+30
         MVC   OUTLRECL,OFST+32
         B     ON6
* A new file (or the work file): RECFM, LRECL or the input's.
ON5      MVC   OUTFM,IFST+30
         CLI   ORECFM,0
         BE    *+10
         MVC   OUTFM,ORECFM
         MVC   OUTLRECL,IFST+32
         L     R0,OLRECL
         LTR   R0,R0
         BZ    ON5A
         ST    R0,OUTLRECL
         B     ON6
ON5A     TM    FLAGS,FSPECS              SPECS: as long as they make
         BZ    ON6
         MVC   OUTLRECL,SPECLEN
* A buffer for a block of output records (F), or one record (V).
ON6      L     R3,OUTLRECL
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
         SR    R15,R15
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
         MVI   OOPEN,0
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
         BAL   R14,RECORD
         BNZ   CPDONE                    FOR or TOLABEL: the end
         A     R6,IFST+32
         S     R7,IFST+32
         B     CPF
CPV      LR    R4,R6
         LR    R5,R7
         BAL   R14,RECORD
         BNZ   CPDONE
         B     CPREAD
CPEOF    DS    0H
CPDONE   LA    R1,IFSCB
         LA    R0,UFINIS
         BAL   R14,UFS
         MVI   IOPEN,0
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
* The case.
REC5     CLI   CASE,0
         BE    REC6
         LA    R1,UPTAB
         CLI   CASE,1
         BE    *+8
         LA    R1,LOWTAB
         LR    R2,R4
         LR    R3,R5
REC5A    LTR   R3,R3
         BNP   REC6
         LR    R15,R3
         C     R15,=F'256'
         BNH   *+8
         L     R15,=F'256'
         LR    R0,R15
         BCTR  R15,0
         EX    R15,TRCASE
         AR    R2,R0
         SR    R3,R0
         B     REC5A
* The output's format.
REC6     CLI   OUTFM,C'F'
         BNE   REC7
* F: into the block, padded with the fill character or cut.
         L     R3,ONBUF
         M     R2,OUTLRECL               R3 the slot's offset
         A     R3,OBUFA
         LR    R0,R3
         L     R1,OUTLRECL
         LR    R14,R4
         LR    R15,R5
         ICM   R15,8,FILLC               the pad
         MVCL  R0,R14
REC6B    L     R1,ONBUF
         LA    R1,1(,R1)
         ST    R1,ONBUF
         C     R1,OBLK
         BL    RECGO
         BAL   R14,OFLUSH
         LTR   R15,R15
         BNZ   ERRX
         B     RECGO
* V: TRUNC, LRECL (the option's), then written.
REC7     L     R1,OLRECL
         LTR   R1,R1
         BZ    REC7T
         CR    R5,R1
         BNH   REC7T
         LR    R5,R1
REC7T    DS    0H
         TM    FLAGS,FTRUNC
         BZ    REC7B
REC7A    CH    R5,=H'1'                  (one byte at least)
         BNH   REC7B
         LA    R1,0(R4,R5)
         BCTR  R1,0
         CLC   0(1,R1),FILLC
         BNE   REC7B
         BCTR  R5,0
         B     REC7A
REC7B    LTR   R5,R5                     (an empty record: one fill)
         BP    REC7C
         L     R4,OBUFA
         MVC   0(1,R4),FILLC
         LA    R5,1
REC7C    ST    R4,OFSCB+28
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
RECGO    SR    R15,R15
         L     R14,RECS
         BR    R14
RECEND   LA    R15,1
         LTR   R15,R15
         L     R14,RECS
         BR    R14
ERECWR   LR    R0,R15
         LA    R1,OFID
         BAL   R14,UEWR
         B     ERRX
CLCFRL   CLC   0(0,R4),FRLAB
CLCTOL   CLC   0(0,R4),TOLAB
TRCASE   TR    0(0,R2),0(R1)
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
WILD2    LA    R6,18(,R6)
         BCT   R7,WILD1
         BAL   R14,LISTFREE
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
         LA    R1,M601
         BAL   R14,UMTEXT
         RDTERM SPECLINE,EDIT=NO
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
         L     R9,NSPECS
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
         BCT   R9,DS1
         LM    R14,R9,DSS
         L     R4,SPBUFA
         L     R5,SPECLEN
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
ECONF12  LA    R2,=CL16'NEWFILE REPLACE'
         B     ECONF
ECONF13  LA    R2,=CL16'NEWFILE APPEND'
         B     ECONF
ECONF23  LA    R2,=CL16'REPLACE APPEND'
         B     ECONF
ECONF45  LA    R2,=CL16'TYPE    NOTYPE'
         B     ECONF
ECONF1819 LA   R2,=CL16'UPCASE  LOWCASE'
         B     ECONF
ECONF1415 LA   R2,=CL16'FROM    FRLABEL'
         B     ECONF
ECONF1617 LA   R2,=CL16'FOR     TOLABEL'
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
CL1      CLI   OOPEN,1
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
SEEN     DS    XL24
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
SPECTAB  DS    21XL16
SPECLINE DS    CL132
SPECLIT  DS    CL256
LREC     DS    CL80
CMSMODE  DS    0D
         END
