*=====================================================================
* DMSFSIO: open files (AFTD, the active file tables, chained from
* FSAFTS) and the functions RDBUF, WRBUF and FINIS on R6's FSCB:
*   +0 CL8 function, +8 CL8 fn, +16 CL8 ft, +24 CL2 fm, +26 H item
*   number (0: the next), +28 A(buffer), +32 F buffer size, +36 CL2
*   record format (F or V; RDBUF returns it), +38 H number of items,
*   +40 F bytes read (RDBUF returns it, and R0).
* A file opens at its first RDBUF or WRBUF and stays open until
* FINIS or the end of the command (FSENDCMD). Its data is one stream
* of bytes over its data blocks (F records back to back, V records
* each after a halfword length); the buffer holds one data block.
*=====================================================================
AFTD     DSECT
AFTNEXT  DS    A                 the next open file
AFTADT   DS    A                 its disk
AFTFSTP  DS    A                 its FST in storage, 0: a new file
AFTFLG   DS    X
AFTFWR   EQU   X'80'             open for writing (else reading)
AFTFDIRT EQU   X'40'             the buffer holds changes
AFTFCHG  EQU   X'20'             written to
         DS    XL3
AFTFST   DS    0CL40             the file's FST as it is now
AFTFN    DS    CL8
AFTFT    DS    CL8
AFTDATEW DS    H
AFTTIMEW DS    H
AFTWRPT  DS    H
AFTRDPT  DS    H
AFTFM    DS    CL2
AFTRECCT DS    H
AFTFCLPT DS    H
AFTRECFM DS    C
AFTFLAGS DS    X
AFTLRECL DS    F
AFTBLKCT DS    H
AFTYEAR  DS    CL2
AFTBIX   DS    F                 the data block in the buffer, or -1
AFTMAXB  DS    F                 data blocks in the chain
AFTRNUM  DS    F                 V: a record's number
AFTROFF  DS    F                 V: and where it begins
AFTBYTES DS    F                 the stream's length (read: blocks)
AFTWPNT  DS    F                 the next item to write
AFTRPNT  DS    F                 the next item to read
AFTLINK  DS    40A               chain links 2-41 in storage, or 0
AFTFCL   DS    CL800             the first chain link
AFTBUF   DS    CL800             a data block
AFTLEN   EQU   *-AFTD
NUCLEUS  CSECT
*---------------------------------------------------------------------
* CALLTYP (no base, no literals): R15 = the call type of the innermost
* SVC 202 (the first byte of its R1: X'0B' typed, X'01' from an EXEC,
* X'00' from a program), 0 when there is none.
*---------------------------------------------------------------------
CALLTYP  L     R15,CURSVC
         LTR   R15,R15
         BZR   R14
         L     R15,SFREGS+4-SVCFRM(,R15)
         SRL   R15,24
         BR    R14
*---------------------------------------------------------------------
* SVCSET (a leaf): when the innermost SVC 202 passed the PLIST at R1
* (a program's call), its caller gets R3 in R0 (R2 = 0) or R1 (4).
*---------------------------------------------------------------------
SVCSET   STM   R14,R12,12(R13)
         BALR  R12,0
         USING *,R12
         L     R4,CURSVC
         LTR   R4,R4
         BZ    SVSOUT
         L     R5,SFREGS+4-SVCFRM(,R4)
         LA    R5,0(,R5)
         LA    R6,0(,R1)
         CR    R5,R6
         BNE   SVSOUT
         LA    R4,SFREGS-SVCFRM(R2,R4)
         ST    R3,0(,R4)
SVSOUT    LM    R14,R12,12(R13)
         BR    R14
         DROP  R12
*---------------------------------------------------------------------
* AFTFIND: R1 = the open file named by the 18-byte fn ft fm at R1 (fm
* letter * or blank: any disk), or 0.
*---------------------------------------------------------------------
AFTFIND  CMSENT
         L     R2,FSAFTS
         USING AFTD,R2
AFF1     LTR   R2,R2
         BZ    AFFOUT
         CLC   AFTFN(16),0(R1)
         BNE   AFFNEXT
         CLI   16(R1),C'*'
         BE    AFFOUT
         CLI   16(R1),C' '
         BE    AFFOUT
         L     R3,AFTADT
         CLC   0(1,R3),16(R1)            its disk's letter
         BE    AFFOUT
AFFNEXT  L     R2,AFTNEXT
         B     AFF1
AFFOUT   L     R3,4(,R13)
         ST    R2,24(,R3)
         CMSRET RC=0
         DROP  R2
         LTORG
*---------------------------------------------------------------------
* AFTNEW: an AFT for the file whose FST is at R3 (0: a new file) on
* the disk at R2, flags R4; its first chain link read. R1 = the AFT,
* R15 = 0; 3 an I/O error; 25 no storage.
*---------------------------------------------------------------------
AFTNEW   CMSENT
         LR    R9,R2
         LR    R8,R3
         LR    R7,R4
         LA    R0,AFTLEN
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ANNOSTG
         LR    R10,R1
         USING AFTD,R10
         ST    R9,AFTADT
         ST    R8,AFTFSTP
         STC   R7,AFTFLG
         L     R1,=F'-1'
         ST    R1,AFTBIX
         LA    R1,1
         ST    R1,AFTRNUM
         ST    R1,AFTRPNT
         ST    R1,AFTWPNT
         LTR   R8,R8
         BZ    AN1
         MVC   AFTFST,0(R8)
         SR    R1,R1
         ICM   R1,3,AFTBLKCT
         ST    R1,AFTMAXB
         MH    R1,=H'800'
         ST    R1,AFTBYTES
         SR    R3,R3
         ICM   R3,3,AFTFCLPT
         LR    R2,R9
         LA    R4,AFTFCL
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   ANIO
AN1      MVC   AFTNEXT,FSAFTS
         ST    R10,FSAFTS
         L     R1,4(,R13)
         ST    R10,24(,R1)
         CMSRET RC=0
ANIO     LR    R1,R10
         LA    R0,AFTLEN
         NUCALL FRETFREE
         CMSRET RC=3
ANNOSTG  CMSRET RC=25
         DROP  R10
         LTORG
*---------------------------------------------------------------------
* OPENR: opens the file named by the 18-byte fn ft fm at R1 (fm
* letter *: the search order) for reading. R1 = its AFT; R15 = 0, 1
* not found, 3 an I/O error, 25 no storage.
*---------------------------------------------------------------------
OPENR    CMSENT WORK=40
         USING ORWK,R13
         MVC   ORFF(18),0(R1)
         XC    ORFF+18(FFLEN-18),ORFF+18
         LA    R1,ORFF
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   ORNF
         LR    R2,R0
         LR    R3,R1
         SR    R4,R4
         NUCALL AFTNEW
         LTR   R15,R15
         BNZ   OROUT
         L     R2,4(,R13)
         ST    R1,24(,R2)
OROUT    CMSRET
ORNF     CMSRET RC=1
         DROP  R13
         LTORG
ORWK     DSECT
         DS    18F
ORFF     DS    XL(FFLEN)
NUCLEUS  CSECT
*---------------------------------------------------------------------
* OPENW: opens for writing the file named by the 18-byte fn ft fm at
* R1 (fm complete) on the R/W disk at R2: the file there, or a new
* one of record format R3 (low byte) and LRECL R4. R1 = its AFT; R15
* = 0, 3 an I/O error or a bad file, 25 no storage.
*---------------------------------------------------------------------
OPENW    CMSENT WORK=40
         USING ORWK,R13
         LR    R9,R2
         LR    R7,R3
         LR    R6,R4
         LR    R11,R1
         MVC   ORFF(16),0(R1)
         MVC   ORFF+16(1),0(R9)          the disk's letter (ADTMODE)
         MVI   ORFF+17,C'*'
         XC    ORFF+18(FFLEN-18),ORFF+18
         MVI   ORFF+18,FFFRW+FFFONE
         LA    R1,ORFF
         NUCALL FSFIND
         LTR   R15,R15
         BNZ   OW1
* The file there: written from its end (WRPNT = records + 1).
         LR    R2,R0
         LR    R3,R1
         LA    R4,AFTFWR
         NUCALL AFTNEW
         LTR   R15,R15
         BNZ   OWOUT
         LR    R10,R1
         USING AFTD,R10
         SR    R3,R3
         ICM   R3,3,AFTRECCT
         LA    R1,1(,R3)
         ST    R1,AFTWPNT
         CLI   AFTRECFM,C'V'
         BE    OWV
         LR    R1,R3
         M     R0,AFTLRECL
         ST    R1,AFTBYTES
         B     OWOK
OWV      LR    R2,R10                    V: its length, by records
         LA    R3,1(,R3)
         NUCALL VSEEK
         LTR   R15,R15
         BNZ   OWBAD
         MVC   AFTBYTES,AFTROFF
         B     OWOK
* A new file.
OW1      LR    R2,R9
         SR    R3,R3
         LA    R4,AFTFWR
         NUCALL AFTNEW
         LTR   R15,R15
         BNZ   OWOUT
         LR    R10,R1
         MVC   AFTFN(16),0(R11)
         MVC   AFTFM,16(R11)
         STC   R7,AFTRECFM
         CLI   AFTRECFM,C'V'
         BE    OWOK
         ST    R6,AFTLRECL
OWOK     L     R1,4(,R13)
         ST    R10,24(,R1)
         SR    R15,R15
OWOUT    CMSRET
OWBAD    LR    R2,R10
         NUCALL AFTDROP
         CMSRET RC=3
         DROP  R10,R13
         LTORG
*---------------------------------------------------------------------
* AFTENT: R1 = the address of the halfword that holds the block number
* of data block R3 (from 0) of the file whose AFT is at R2: in its
* first chain link, or in chain link 2-41 (read into storage when
* first needed; a new, empty one when the file has none there). R15
* = 0; 19 past the 16,060 blocks of a file; 3 a bad chain link; 25
* no storage.
*---------------------------------------------------------------------
AFTENT   CMSENT
         LR    R10,R2
         USING AFTD,R10
         L     R9,AFTADT
         USING ADTD,R9
         C     R3,=F'60'
         BNL   AE1
         LR    R1,R3
         AR    R1,R1
         LA    R1,AFTFCL+80(R1)
         B     AEOK
AE1      C     R3,=F'16060'
         BNL   AEMAX
         LR    R7,R3
         S     R7,=F'60'
         SR    R6,R6
         D     R6,=F'400'                R7 the link, R6 its entry
         LR    R8,R7
         SLL   R8,2
         LA    R8,AFTLINK(R8)
         L     R1,0(,R8)
         LTR   R1,R1
         BNZ   AE3
         LA    R0,800
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   AENOSTG
         ST    R1,0(,R8)
         LR    R4,R1
         AR    R7,R7
         LA    R7,AFTFCL(R7)
         SR    R3,R3
         ICM   R3,3,0(R7)                the link's block, if any
         BZ    AE2
         C     R3,=F'5'
         BL    AEBAD
         C     R3,ADTNUM
         BH    AEBAD
         LR    R2,R9
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   AEBAD
AE2      L     R1,0(,R8)
AE3      AR    R6,R6
         AR    R1,R6
AEOK     L     R2,4(,R13)
         ST    R1,24(,R2)
         CMSRET RC=0
AEMAX    CMSRET RC=19
AENOSTG  CMSRET RC=25
AEBAD    L     R1,0(,R8)
         LA    R0,800
         NUCALL FRETFREE
         XC    0(4,R8),0(R8)
         CMSRET RC=3
         DROP  R9,R10
         LTORG
*---------------------------------------------------------------------
* AFTFLUSH: the buffer of the AFT at R2, when changed, to its block.
* R15 = 0, or 3 an I/O error.
*---------------------------------------------------------------------
AFTFLUSH CMSENT
         LR    R10,R2
         USING AFTD,R10
         TM    AFTFLG,AFTFDIRT
         BZ    AFLOK
         L     R3,AFTBIX
         NUCALL AFTENT
         LTR   R15,R15
         BNZ   AFLOUT
         SR    R3,R3
         ICM   R3,3,0(R1)
         L     R2,AFTADT
         LA    R4,AFTBUF
         LA    R5,1
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   AFLERR
         NI    AFTFLG,255-AFTFDIRT
AFLOK    SR    R15,R15
AFLOUT   CMSRET
AFLERR   CMSRET RC=3
         DROP  R10
         LTORG
*---------------------------------------------------------------------
* AFTGETB: data block R3 (from 0) of the file whose AFT is at R2 in
* its buffer: read, or zeros where a file being written has no block
* yet. R4 = 1: to be changed; the block is then the file's own: one
* that the disk's directory holds (or none yet) is replaced by a new
* block now, so that the file on the disk stays as it was until the
* close. R15 = 0; 13 disk full; 19 too many blocks; 3 an I/O error
* or a bad chain; 25 no storage.
*---------------------------------------------------------------------
AFTGETB  CMSENT
         LR    R10,R2
         USING AFTD,R10
         L     R9,AFTADT
         USING ADTD,R9
         LR    R8,R4
         LR    R7,R3
         C     R7,AFTBIX
         BE    AG5
         LR    R2,R10
         NUCALL AFTFLUSH
         LTR   R15,R15
         BNZ   AGOUT
         L     R1,=F'-1'
         ST    R1,AFTBIX
         LR    R2,R10
         LR    R3,R7
         NUCALL AFTENT
         LTR   R15,R15
         BNZ   AGOUT
         SR    R3,R3
         ICM   R3,3,0(R1)
         BZ    AGZERO
         C     R3,=F'5'
         BL    AGBAD
         C     R3,ADTNUM
         BH    AGBAD
         LR    R2,R9
         LA    R4,AFTBUF
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   AGBAD
         B     AG4
AGZERO   TM    AFTFLG,AFTFWR
         BZ    AGBAD                     a file read has every block
         LA    R2,AFTBUF
         LA    R3,800
         SR    R5,R5
         MVCL  R2,R4
AG4      ST    R7,AFTBIX
AG5      LTR   R8,R8
         BZ    AGOK
         TM    AFTFLG,AFTFDIRT
         BO    AGOK
         LR    R2,R10
         LR    R3,R7
         NUCALL AFTENT
         LTR   R15,R15
         BNZ   AGOUT
         LR    R6,R1
         SR    R2,R2
         ICM   R2,3,0(R6)
         BZ    AGNEW
         L     R1,ADTQMSK
         A     R1,ADTQLEN                DISK
         SR    R3,R3
         NUCALL QBIT
         LTR   R15,R15
         BZ    AGMINE                    a block of this change
* A new block (enough left for the chain links of the file's size).
AGNEW    LA    R1,1(,R7)
         C     R1,AFTMAXB
         BNL   AGN0
         L     R1,AFTMAXB
AGN0     SR    R4,R4
         S     R1,=F'60'
         BNP   AGN1
         A     R1,=F'399'
         SR    R0,R0
         D     R0,=F'400'
         LR    R4,R1
AGN1     LR    R2,R9
         SR    R3,R3
         NUCALL ALLOC
         LTR   R15,R15
         BNZ   AGOUT
         STH   R1,0(,R6)
AGMINE   LA    R1,1(,R7)
         C     R1,AFTMAXB
         BNH   AGM1
         ST    R1,AFTMAXB
AGM1     OI    AFTFLG,AFTFDIRT
AGOK     SR    R15,R15
AGOUT    CMSRET
AGBAD    CMSRET RC=3
         DROP  R9,R10
         LTORG
*---------------------------------------------------------------------
* STRGET: R5 bytes from offset R3 of the stream of the file whose AFT
* is at R2, to R4. STRPUT: R5 bytes from R4 to offset R3. R15 as
* AFTGETB's.
*---------------------------------------------------------------------
STRGET   CMSENT
         SR    R11,R11
         B     SG0
STRPUT   CMSENT
         LA    R11,1
SG0      BALR  R12,0
         USING *,R12
         LR    R10,R2
         USING AFTD,R10
         LR    R6,R3
         LR    R7,R4
         LR    R8,R5
SG1      LTR   R8,R8
         BNP   SGOK
         SR    R2,R2
         LR    R3,R6
         D     R2,=F'800'                R3 the block, R2 the offset
         LR    R9,R2
         LR    R2,R10
         LR    R4,R11
         NUCALL AFTGETB
         LTR   R15,R15
         BNZ   SGOUT
         LA    R1,800
         SR    R1,R9
         CR    R1,R8
         BNH   SG2
         LR    R1,R8
SG2      LTR   R11,R11
         BNZ   SG3
         LR    R2,R7
         LR    R3,R1
         LA    R4,AFTBUF(R9)
         LR    R5,R1
         MVCL  R2,R4
         LR    R7,R2
         B     SG4
SG3      LA    R2,AFTBUF(R9)
         LR    R3,R1
         LR    R4,R7
         LR    R5,R1
         MVCL  R2,R4
         LR    R7,R4
SG4      AR    R6,R1
         SR    R8,R1
         B     SG1
SGOK     SR    R15,R15
SGOUT    CMSRET
         DROP  R10
         LTORG
*---------------------------------------------------------------------
* VSEEK: AFTRNUM/AFTROFF of the V file whose AFT is at R2 moved to
* record R3 (the lengths read from its start, or from where it was).
* R15 = 0; 13 a length past the file's end; else STRGET's.
*---------------------------------------------------------------------
VSEEK    CMSENT WORK=8
         USING VSWK,R13
         LR    R10,R2
         USING AFTD,R10
         LR    R9,R3
         C     R9,AFTRNUM
         BNL   VS1
         LA    R1,1
         ST    R1,AFTRNUM
         XC    AFTROFF,AFTROFF
VS1      C     R9,AFTRNUM
         BNH   VSOK
         L     R1,AFTROFF
         LA    R1,2(,R1)
         C     R1,AFTBYTES
         BH    VSBAD
         LR    R2,R10
         L     R3,AFTROFF
         LA    R4,VSLEN
         LA    R5,2
         NUCALL STRGET
         LTR   R15,R15
         BNZ   VSOUT
         SR    R1,R1
         ICM   R1,3,VSLEN
         A     R1,AFTROFF
         LA    R1,2(,R1)
         C     R1,AFTBYTES
         BH    VSBAD
         ST    R1,AFTROFF
         L     R1,AFTRNUM
         LA    R1,1(,R1)
         ST    R1,AFTRNUM
         B     VS1
VSOK     SR    R15,R15
VSOUT    CMSRET
VSBAD    CMSRET RC=13
         DROP  R10,R13
         LTORG
VSWK     DSECT
         DS    18F
VSLEN    DS    H
         DS    H
NUCLEUS  CSECT
*---------------------------------------------------------------------
* RELNOW: block R3 of the disk at R2 is free now, unless the disk's
* directory holds it (then it goes at the next commit, as marked).
*---------------------------------------------------------------------
RELNOW   CMSENT
         LR    R9,R2
         USING ADTD,R9
         C     R3,=F'5'
         BL    RLNOUT
         C     R3,ADTNUM
         BH    RLNOUT
         LR    R2,R3
         L     R1,ADTQMSK
         A     R1,ADTQLEN                DISK
         SR    R3,R3
         NUCALL QBIT
         LTR   R15,R15
         BNZ   RLNOUT
         L     R1,ADTQMSK                TAKEN
         LA    R3,2
         NUCALL QBIT
         LTR   R15,R15
         BZ    RLNOUT
         L     R1,ADTFREE
         LA    R1,1(,R1)
         ST    R1,ADTFREE
RLNOUT    CMSRET RC=0
         DROP  R9
         LTORG
*---------------------------------------------------------------------
* AFTFREEB: the blocks the file whose AFT is at R2 took for its
* changes (in its first chain link and the chain links in storage)
* are free again: the changes are dropped.
*---------------------------------------------------------------------
AFTFREEB CMSENT
         LR    R10,R2
         USING AFTD,R10
         LA    R6,AFTFCL+80
         LA    R7,60
         BAL   R14,FBRUN
         LA    R8,AFTLINK
         LA    R11,40
FB1      L     R6,0(,R8)
         LTR   R6,R6
         BZ    FB2
         LA    R7,400
         BAL   R14,FBRUN
FB2      LA    R8,4(,R8)
         BCT   R11,FB1
         CMSRET RC=0
FBRUN    LR    R5,R14
FBR1     SR    R3,R3
         ICM   R3,3,0(R6)
         BZ    FBR2
         L     R2,AFTADT
         NUCALL RELNOW
FBR2     LA    R6,2(,R6)
         BCT   R7,FBR1
         BR    R5
         DROP  R10
         LTORG
*---------------------------------------------------------------------
* AFTUNCH: the AFT at R2 out of the chain; AFTFREE: its storage (and
* its chain links') back.
*---------------------------------------------------------------------
AFTUNCH  CMSENT
         LA    R3,FSAFTS
AU1      L     R4,0(,R3)
         LTR   R4,R4
         BZ    AUOUT
         CR    R4,R2
         BE    AU2
         LR    R3,R4
         B     AU1
AU2      MVC   0(4,R3),0(R2)
AUOUT    CMSRET RC=0
         LTORG
AFTFREE  CMSENT
         LR    R10,R2
         USING AFTD,R10
         LA    R8,AFTLINK
         LA    R7,40
AFR1     L     R1,0(,R8)
         LTR   R1,R1
         BZ    AFR2
         LA    R0,800
         NUCALL FRETFREE
AFR2     LA    R8,4(,R8)
         BCT   R7,AFR1
         LR    R1,R10
         LA    R0,AFTLEN
         NUCALL FRETFREE
         CMSRET RC=0
         DROP  R10
         LTORG
*---------------------------------------------------------------------
* AFTCLOSE: the file whose AFT is at R2 is closed: written, it is
* committed (COMMITF); read, with mode number 3 on a R/W disk, it is
* erased ("files with a filemode of 3 are erased after they are
* read", R6's CMS User's Guide). AFTDROP: closed, its changes
* dropped. R15 = 0 or the commit's error.
*---------------------------------------------------------------------
AFTCLOSE CMSENT
         LR    R10,R2
         USING AFTD,R10
         NUCALL AFTUNCH
         SR    R9,R9
         TM    AFTFLG,AFTFCHG
         BZ    ACL0
         NUCALL COMMITF
         LR    R9,R15
         B     ACL1
ACL0     TM    AFTFLG,AFTFWR
         BO    ACL1
         CLI   AFTFM+1,C'3'
         BNE   ACL1
         ICM   R3,15,AFTFSTP
         BZ    ACL1
         L     R2,AFTADT
         TM    ADTFLG-ADTD(R2),ADTFRW
         BZ    ACL1
         NUCALL FILEOUT
         L     R2,AFTADT
         NUCALL FSCOMMIT
         LR    R9,R15
ACL1     LR    R2,R10
         NUCALL AFTFREE
         CMSRET RC=(R9)
         DROP  R10
         LTORG
AFTDROP  CMSENT
         LR    R10,R2
         USING AFTD,R10
         NUCALL AFTUNCH
         TM    AFTFLG,AFTFWR
         BZ    ADR1
         NUCALL AFTFREEB
ADR1     LR    R2,R10
         NUCALL AFTFREE
         CMSRET RC=0
         DROP  R10
         LTORG
*---------------------------------------------------------------------
* COMMITF: the file written through the AFT at R2 into the directory
* of its disk: its last block written, new chain links (the first and
* those after it), the old file's blocks that the new one does not
* use going, the FST stamped, the directory committed (FSCOMMIT).
* A file of no records is not kept (CMS has no empty files).
*---------------------------------------------------------------------
COMMITF  CMSENT WORK=16
         USING CFWK,R13
         LR    R10,R2
         USING AFTD,R10
         L     R9,AFTADT
         USING ADTD,R9
         NUCALL AFTFLUSH
         LTR   R15,R15
         BNZ   CFOUT
         SR    R1,R1
         ICM   R1,3,AFTRECCT
         BNZ   CF1
         LR    R2,R10
         NUCALL AFTFREEB
         B     CFOK
CF1      L     R1,AFTBYTES
         A     R1,=F'799'
         SR    R0,R0
         D     R0,=F'800'
         ST    R1,CFNBLK                 its data blocks
* Blocks past the end (a V file made shorter) go; holes (F records
* never written) get blocks of zeros.
         L     R7,CFNBLK
CF2      C     R7,AFTMAXB
         BNL   CF3
         LR    R2,R10
         LR    R3,R7
         NUCALL AFTENT
         LTR   R15,R15
         BNZ   CFOUT
         LR    R6,R1
         SR    R3,R3
         ICM   R3,3,0(R6)
         BZ    CF2A
         LR    R2,R9
         NUCALL RELNOW
         XC    0(2,R6),0(R6)
CF2A     LA    R7,1(,R7)
         B     CF2
CF3      SR    R7,R7
CF3A     C     R7,CFNBLK
         BNL   CF3C
         LR    R2,R10
         LR    R3,R7
         NUCALL AFTENT
         LTR   R15,R15
         BNZ   CFOUT
         CLC   0(2,R1),=H'0'
         BNE   CF3B
         LR    R2,R10
         LR    R3,R7
         LA    R4,1
         NUCALL AFTGETB
         LTR   R15,R15
         BNZ   CFOUT
CF3B     LA    R7,1(,R7)
         B     CF3A
CF3C     LR    R2,R10
         NUCALL AFTFLUSH
         LTR   R15,R15
         BNZ   CFOUT
         MVC   AFTMAXB,CFNBLK
* New chain links: 2 to n+1, each read into storage first.
         SR    R11,R11
         L     R1,CFNBLK
         S     R1,=F'60'
         BNP   CF4
         A     R1,=F'399'
         SR    R0,R0
         D     R0,=F'400'
         LR    R11,R1
CF4      ST    R11,CFNL
         SR    R7,R7
CF5      C     R7,CFNL
         BNL   CF6
         LR    R3,R7
         MH    R3,=H'400'
         A     R3,=F'60'
         LR    R2,R10
         NUCALL AFTENT
         LTR   R15,R15
         BNZ   CFOUT
         LR    R2,R9
         LA    R3,1
         NUCALL ALLOC
         LTR   R15,R15
         BNZ   CFOUT
         LR    R2,R7
         AR    R2,R2
         LA    R2,AFTFCL(R2)
         STH   R1,0(,R2)
         LA    R7,1(,R7)
         B     CF5
CF6      C     R7,=F'40'
         BNL   CF7
         LR    R2,R7
         AR    R2,R2
         LA    R2,AFTFCL(R2)
         XC    0(2,R2),0(R2)
         LA    R7,1(,R7)
         B     CF6
* The first chain link's new block; the links written, then it.
CF7      LR    R2,R9
         LA    R3,1
         NUCALL ALLOC
         LTR   R15,R15
         BNZ   CFOUT
         ST    R1,CFFCL
         SR    R7,R7
CF8      C     R7,CFNL
         BNL   CF9
         LR    R1,R7
         AR    R1,R1
         LA    R1,AFTFCL(R1)
         SR    R3,R3
         ICM   R3,3,0(R1)
         LR    R1,R7
         SLL   R1,2
         L     R4,AFTLINK(R1)
         LR    R2,R9
         LA    R5,1
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   CFIO
         LA    R7,1(,R7)
         B     CF8
CF9      L     R3,CFFCL
         LA    R4,AFTFCL
         LR    R2,R9
         LA    R5,1
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   CFIO
* The old file's blocks go, the new file's stay (a block of both
* stays).
         L     R3,AFTFSTP
         LTR   R3,R3
         BZ    CF10
         LR    R2,R9
         NUCALL CHAINOUT
CF10     L     R2,CFFCL
         BAL   R14,CFKEEP
         SR    R7,R7
CF11     C     R7,CFNL
         BNL   CF12
         LR    R1,R7
         AR    R1,R1
         LA    R1,AFTFCL(R1)
         SR    R2,R2
         ICM   R2,3,0(R1)
         BAL   R14,CFKEEP
         LA    R7,1(,R7)
         B     CF11
CF12     SR    R7,R7
CF12A    C     R7,CFNBLK
         BNL   CF13
         LR    R2,R10
         LR    R3,R7
         NUCALL AFTENT
         LTR   R15,R15
         BNZ   CFOUT
         SR    R2,R2
         ICM   R2,3,0(R1)
         BAL   R14,CFKEEP
         LA    R7,1(,R7)
         B     CF12A
* The FST, stamped now; into its place, or a free one.
CF13     NUCALL STAMP
         MVC   AFTDATEW(4),FSTODAY
         MVC   AFTYEAR,FSTODAY+4
         SR    R1,R1
         ICM   R1,3,AFTRECCT
         LA    R1,1(,R1)
         STH   R1,AFTWRPT
         MVC   AFTRDPT,=H'1'
         L     R1,CFFCL
         STH   R1,AFTFCLPT
         L     R1,CFNBLK
         STH   R1,AFTBLKCT
         MVI   AFTFLAGS,0
         MVC   AFTFM(1),ADTMODE
         L     R1,AFTFSTP
         LTR   R1,R1
         BNZ   CF14
         LR    R2,R9
         NUCALL FSTSLOT
         LTR   R15,R15
         BNZ   CFOUT
         ST    R1,AFTFSTP
         L     R2,ADTFILES
         LA    R2,1(,R2)
         ST    R2,ADTFILES
CF14     MVC   0(40,R1),AFTFST
         LR    R2,R9
         NUCALL FSCOMMIT
         B     CFOUT
CFOK     SR    R15,R15
CFOUT    CMSRET
CFIO     CMSRET RC=3
* CFKEEP: block R2 stays at the commit.
CFKEEP   LR    R5,R14
         LR    R1,R9
         LA    R3,1
         NUCALL MARK
         BR    R5
         DROP  R9,R10,R13
         LTORG
CFWK     DSECT
         DS    18F
CFNBLK   DS    F
CFNL     DS    F
CFFCL    DS    F
         DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* RDBUF (FSREAD): the record FSCBITNO (0: the next) of the file the
* FSCB at R1 names, into its buffer; with F records FSCBNOIT of them.
* R15 = 0; 1 no such file; 2 a bad buffer; 3 an I/O error; 5 no
* items; 8 the buffer was too small (the record cut); 9 the file is
* open for writing; 11 several items of a V file; 12 end of file;
* 13 a bad V record length; 25 no storage.
*---------------------------------------------------------------------
RDBUF    CMSENT WORK=40
         USING RBWK,R13
         LR    R11,R1
         L     R1,FSDEPTH
         LA    R1,1(,R1)
         ST    R1,FSDEPTH
         XC    RBREAD,RBREAD
         SR    R6,R6
         ICM   R6,3,38(R11)              items
         BZ    RB5
         L     R7,28(,R11)
         LA    R7,0(,R7)                 the buffer
         L     R8,32(,R11)               its size
         LR    R1,R7
         LR    R2,R8
         NUCALL BUFOK
         LTR   R15,R15
         BNZ   RB2
         MVC   RBFID,8(R11)
         CLI   RBFID+16,C' '
         BNE   RB0
         MVI   RBFID+16,C'*'
RB0      LA    R1,RBFID
         NUCALL AFTFIND
         LTR   R10,R1
         BNZ   RB1
         LA    R1,RBFID
         NUCALL OPENR
         LR    R9,R15
         LTR   R15,R15
         BNZ   RBOUT
         LR    R10,R1
         USING AFTD,R10
RB1      TM    AFTFLG,AFTFWR
         BO    RB9
         SR    R5,R5
         ICM   R5,3,26(R11)
         BNZ   RB1A
         L     R5,AFTRPNT
RB1A     ST    R5,RBITEM
         SR    R4,R4
         ICM   R4,3,AFTRECCT
         CR    R5,R4
         BH    RB12
         SR    R9,R9
         CLI   AFTRECFM,C'V'
         BE    RBV
* F: R6 records from R5 (no more than there are).
         LR    R1,R4
         SR    R1,R5
         LA    R1,1(,R1)
         CR    R6,R1
         BNH   RBF0
         LR    R6,R1
RBF0     LR    R1,R6
         A     R1,RBITEM
         ST    R1,AFTRPNT
         LR    R1,R5
         BCTR  R1,0
         M     R0,AFTLRECL
         LR    R3,R1                     the first's offset
         LR    R1,R6
         M     R0,AFTLRECL               their bytes
         CR    R1,R8
         BNH   RBF1
         LR    R1,R8
         LA    R9,8
RBF1     ST    R1,RBREAD
         LR    R2,R10
         LR    R4,R7
         LR    R5,R1
         NUCALL STRGET
         LTR   R15,R15
         BNZ   RB3
         B     RBDONE
* V: one record.
RBV      C     R6,=F'1'
         BH    RB11
         LR    R2,R10
         LR    R3,R5
         NUCALL VSEEK
         LTR   R15,R15
         BNZ   RB13
         L     R1,AFTROFF
         LA    R1,2(,R1)
         C     R1,AFTBYTES
         BH    RB13
         LR    R2,R10
         L     R3,AFTROFF
         LA    R4,RBLEN
         LA    R5,2
         NUCALL STRGET
         LTR   R15,R15
         BNZ   RB3
         SR    R1,R1
         ICM   R1,3,RBLEN
         L     R3,AFTROFF
         LA    R3,2(,R3)                 its data
         LR    R0,R3
         AR    R0,R1
         C     R0,AFTBYTES
         BH    RB13
         ST    R0,RBNEXT
         CR    R1,R8
         BNH   RBV1
         LR    R1,R8
         LA    R9,8
RBV1     ST    R1,RBREAD
         LR    R2,R10
         LR    R4,R7
         LR    R5,R1
         NUCALL STRGET
         LTR   R15,R15
         BNZ   RB3
         L     R1,RBITEM
         LA    R1,1(,R1)
         ST    R1,AFTRNUM
         ST    R1,AFTRPNT
         MVC   AFTROFF,RBNEXT
RBDONE   MVC   36(1,R11),AFTRECFM
         MVC   40(4,R11),RBREAD
         LR    R1,R11
         SR    R2,R2
         L     R3,RBREAD
         NUCALL SVCSET                   R0 = the bytes read
         B     RBOUT
RB2      LA    R9,2
         B     RBOUT
RB3      LA    R9,3
         B     RBOUT
RB5      LA    R9,5
         B     RBOUT
RB9      LA    R9,9
         B     RBOUT
RB11     LA    R9,11
         B     RBOUT
RB12     LA    R9,12
         B     RBOUT
RB13     LA    R9,13
RBOUT    L     R1,FSDEPTH
         BCTR  R1,0
         ST    R1,FSDEPTH
         CMSRET RC=(R9)
         DROP  R10,R13
         LTORG
RBWK     DSECT
         DS    18F
RBFID    DS    CL18
RBLEN    DS    H
RBITEM   DS    F
RBREAD   DS    F
RBNEXT   DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* BUFOK: R15 = 0 when the R2 bytes at R1 are in the machine's storage
* and outside the nucleus's code (X'10000'-X'1FFFF'), else 2.
*---------------------------------------------------------------------
BUFOK    CMSENT
         LA    R1,0(,R1)
         LTR   R1,R1
         BZ    BOBAD
         LTR   R2,R2
         BM    BOBAD
         LR    R3,R1
         AR    R3,R2
         C     R3,VMSIZE
         BH    BOBAD
         C     R3,=A(X'10000')
         BNH   BOOK
         C     R1,=A(X'20000')
         BL    BOBAD
BOOK     CMSRET RC=0
BOBAD    CMSRET RC=2
         LTORG
*---------------------------------------------------------------------
* WRBUF (FSWRITE): the record of FSCBSIZE bytes (F: FSCBNOIT records
* of FSCBSIZE / FSCBNOIT) at item FSCBITNO (0: the next, after the
* last) of the file the FSCB at R1 names (fm A1 when blank; a new
* file is made). R15 = 0; 2 a bad buffer; 4 the mode letter, 5 its
* number, bad; 6 past record 65,533; 7 past the end of a V file; 8
* no size; 9 the file is open for reading; 11 record format not F
* or V; 12 the disk is not accessed read/write; 13 disk full; 14
* size not a multiple of the items; 15 an F record of another
* length; 16 another record format than the file's; 17 a V record
* over 65,535 bytes; 18 several items of a V record; 19 past the
* 16,060 blocks of a file; 20 fn, 21 ft, bad; 25 no storage.
*---------------------------------------------------------------------
WRBUF    CMSENT WORK=48
         USING WBWK,R13
         LR    R11,R1
         L     R1,FSDEPTH
         LA    R1,1(,R1)
         ST    R1,FSDEPTH
         MVC   WBFID,8(R11)
         CLI   WBFID+16,C' '
         BNE   WB0A
         MVI   WBFID+16,C'A'
WB0A     CLI   WBFID+17,C' '
         BNE   WB0B
         MVI   WBFID+17,C'1'
WB0B     LA    R9,20
         LA    R1,WBFID
         NUCALL FSNAMEOK
         LTR   R15,R15
         BNZ   WBOUT
         LA    R9,21
         LA    R1,WBFID+8
         NUCALL FSNAMEOK
         LTR   R15,R15
         BNZ   WBOUT
         LA    R9,4
         IC    R1,WBFID+16
         NUCALL ADTOF
         LTR   R8,R1                     the disk
         BZ    WBOUT
         LA    R9,5
         CLI   WBFID+17,C'0'
         BL    WBOUT
         CLI   WBFID+17,C'9'
         BH    WBOUT
         SR    R6,R6
         ICM   R6,3,38(R11)              items
         BNZ   WB0C
         LA    R6,1
WB0C     LA    R9,8
         L     R7,32(,R11)               the size
         LTR   R7,R7
         BNP   WBOUT
         L     R1,28(,R11)
         LR    R2,R7
         NUCALL BUFOK
         LR    R9,R15
         LTR   R15,R15
         BNZ   WBOUT
         LA    R9,11
         CLI   36(R11),C'F'
         BE    WB1
         CLI   36(R11),C'V'
         BNE   WBOUT
         LA    R9,18
         C     R6,=F'1'
         BH    WBOUT
         LA    R9,17
         C     R7,=F'65535'
         BH    WBOUT
         LR    R5,R7                     (V: LRECL, as given)
         B     WB2
WB1      LA    R9,14
         SR    R4,R4
         LR    R5,R7
         DR    R4,R6
         LTR   R4,R4
         BNZ   WBOUT
* The file: open for writing, or opened now.
WB2      ST    R5,WBLRECL
         LA    R1,WBFID
         NUCALL AFTFIND
         LTR   R10,R1
         USING AFTD,R10
         BZ    WB3
         LA    R9,9
         TM    AFTFLG,AFTFWR
         BZ    WBOUT
         B     WB4
WB3      LA    R9,12
         USING ADTD,R8
         CLI   ADTMODE,0
         BE    WBOUT
         TM    ADTFLG,ADTFRW
         BZ    WBOUT
         DROP  R8
         LA    R1,WBFID
         LR    R2,R8
         SR    R3,R3
         IC    R3,36(,R11)
         L     R4,WBLRECL
         NUCALL OPENW
         LR    R9,R15
         LTR   R15,R15
         BNZ   WBOUT
         LR    R10,R1
WB4      LA    R9,16
         CLC   AFTRECFM,36(R11)
         BNE   WBOUT
         SR    R5,R5
         ICM   R5,3,26(R11)              the item
         BNZ   WB4A
         L     R5,AFTWPNT
WB4A     ST    R5,WBITEM
         CLI   AFTRECFM,C'V'
         BE    WBV
* F: R6 records at item R5.
         LA    R9,15
         CLC   AFTLRECL,WBLRECL
         BNE   WBOUT
         LA    R9,6
         LR    R1,R5
         AR    R1,R6
         BCTR  R1,0                      the last
         C     R1,=F'65533'
         BH    WBOUT
         ST    R1,WBLAST
         LR    R1,R5
         BCTR  R1,0
         M     R0,AFTLRECL
         LR    R3,R1                     offset
         AR    R1,R7
         BAL   R14,WBBLKS
         LR    R2,R10
         L     R4,28(,R11)
         LA    R4,0(,R4)
         LR    R5,R7
         NUCALL STRPUT
         LR    R9,R15
         LTR   R15,R15
         BNZ   WBOUT
         SR    R1,R1
         ICM   R1,3,AFTRECCT
         C     R1,WBLAST
         BNL   WBF1
         L     R1,WBLAST
         STH   R1,AFTRECCT
WBF1     M     R0,AFTLRECL
         ST    R1,AFTBYTES
         L     R1,WBLAST
         LA    R1,1(,R1)
         ST    R1,AFTWPNT
         B     WBDONE
* V: the record replaces item R5 (a record of another length ends
* the file there), or follows the last.
WBV      SR    R1,R1
         ICM   R1,3,AFTRECCT
         LA    R1,1(,R1)
         LA    R9,7
         CR    R5,R1
         BH    WBOUT
         LA    R9,6
         C     R5,=F'65533'
         BH    WBOUT
         XC    WBOLD,WBOLD
         L     R3,AFTBYTES
         CR    R5,R1
         BE    WBV1                      after the last
         LR    R2,R10
         LR    R3,R5
         NUCALL VSEEK
         LR    R9,R15
         LTR   R15,R15
         BNZ   WBOUT
         LR    R2,R10
         L     R3,AFTROFF
         LA    R4,WBLEN
         LA    R5,2
         NUCALL STRGET
         LR    R9,R15
         LTR   R15,R15
         BNZ   WBOUT
         MVC   WBOLD+2(2),WBLEN
         L     R3,AFTROFF
WBV1     ST    R3,WBOFF
         LA    R1,2(R3,R7)
         BAL   R14,WBBLKS
         STH   R7,WBLEN
         C     R7,WBOLD
         BE    WBV2                      the same length: data only
         LR    R2,R10
         L     R3,WBOFF
         LA    R4,WBLEN
         LA    R5,2
         NUCALL STRPUT
         LR    R9,R15
         LTR   R15,R15
         BNZ   WBOUT
WBV2     LR    R2,R10
         L     R3,WBOFF
         LA    R3,2(,R3)
         L     R4,28(,R11)
         LA    R4,0(,R4)
         LR    R5,R7
         NUCALL STRPUT
         LR    R9,R15
         LTR   R15,R15
         BNZ   WBOUT
         L     R1,WBOFF
         LA    R1,2(R1,R7)
         ST    R1,AFTROFF
         L     R2,WBITEM
         LA    R2,1(,R2)
         ST    R2,AFTRNUM
         ST    R2,AFTWPNT
         C     R7,WBOLD
         BE    WBV3
         ST    R1,AFTBYTES               (the file ends after it)
         BCTR  R2,0
         STH   R2,AFTRECCT
WBV3     C     R7,AFTLRECL
         BNH   WBDONE
         ST    R7,AFTLRECL
WBDONE   OI    AFTFLG,AFTFCHG
         SR    R9,R9
WBOUT    L     R1,FSDEPTH
         BCTR  R1,0
         ST    R1,FSDEPTH
         CMSRET RC=(R9)
* WBBLKS: a stream of R1 bytes must fit 16,060 blocks.
WBBLKS   C     R1,=F'12848000'
         BNHR  R14
         LA    R9,19
         B     WBOUT
         DROP  R10,R13
         LTORG
WBWK     DSECT
         DS    18F
WBFID    DS    CL18
WBLEN    DS    H
WBLRECL  DS    F
WBITEM   DS    F
WBLAST   DS    F
WBOFF    DS    F
WBOLD    DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* FINIS (FSCLOSE): closes the files the FSCB (or the tokens) at R1
* names: fn, ft and fm each * for any (FINIS alone: all). R15 = 0;
* 6 none was open; else the first commit's error.
*---------------------------------------------------------------------
FINIS    CMSENT WORK=24
         USING FNWK,R13
         LR    R11,R1
         SR    R9,R9
         SR    R8,R8                     closed
         MVC   FNFID,=CL18'*       *       *'
         CLI   8(R11),X'FF'
         BE    FN2
         MVC   FNFID(8),8(R11)
         CLI   16(R11),X'FF'
         BE    FN2
         MVC   FNFID+8(8),16(R11)
         CLI   24(R11),X'FF'
         BE    FN2
         MVC   FNFID+16(2),24(R11)
FN2      L     R2,FSAFTS
         USING AFTD,R2
FN3      LTR   R2,R2
         BZ    FN9
         CLI   FNFID,C'*'
         BE    FN4
         CLC   FNFID(8),AFTFN
         BNE   FN8
FN4      CLI   FNFID+8,C'*'
         BE    FN5
         CLC   FNFID+8(8),AFTFT
         BNE   FN8
FN5      CLI   FNFID+16,C'*'
         BE    FN6
         CLI   FNFID+16,C' '
         BE    FN6
         L     R3,AFTADT
         CLC   0(1,R3),FNFID+16
         BNE   FN8
FN6      NUCALL AFTCLOSE
         LA    R8,1(,R8)
         LTR   R9,R9
         BNZ   FN2
         LR    R9,R15
         B     FN2
FN8      L     R2,AFTNEXT
         B     FN3
FN9      LTR   R8,R8
         BNZ   FNOUT
         CLI   8(R11),X'FF'
         BE    FNOUT
         LA    R9,6
FNOUT    CMSRET RC=(R9)
         DROP  R2,R13
         LTORG
FNWK     DSECT
         DS    18F
FNFID    DS    CL18
NUCLEUS  CSECT
