*=====================================================================
* DMSFS: the file system (docs/CMS.md "The file system", the disk
* format in docs/CMS-DISK.md). This member: the tables, the disks
* (ACCDISK, RELDISK), blocks (DSKIO), the allocation masks and the
* directory's commit (FSCOMMIT). DMSFSIO.cpy: open files and the
* functions RDBUF, WRBUF, FINIS; DMSFSCM.cpy: STATE, ERASE, RENAME
* and the messages; DMSACC, DMSFOR, DMSLST: the commands.
*
* In storage, per accessed disk (ADTD, at ADTTAB + letter x ADTLEN):
* the FST blocks as read (HBD "hyperblocks", chained), and for a
* read/write disk its MFD and three allocation masks of ADTQLEN bytes
* each (bit 0 of byte 0 = block 1): TAKEN (what may not be allocated
* now), DISK (what the directory on the disk will hold at the next
* commit) and GOING (what the next commit frees). A change writes
* only blocks free in TAKEN; the old data, chain links and FST
* blocks stay on the disk until the new MFD, written last, stops
* naming them, so that a file closed is kept whatever happens after
* (a kill -9 of the host included) and a crash midway leaves the
* directory as it was.
*=====================================================================
ADTTAB   EQU   X'1000'           the 26 ADTs (fsnucon.cpy)
ADTD     DSECT
ADTMODE  DS    C                 mode letter; X'00': free slot
ADTEXT   DS    C                 parent's letter (an extension), or 0
ADTCUU   DS    H                 the disk's address
ADTFLG   DS    X
ADTFRW   EQU   X'80'             read/write
ADTFSUB  EQU   X'20'             a subset (ACCESS ... fn ft fm)
ADTFDIR  EQU   X'10'             the directory changed: to commit
ADTDTYP  DS    X                 DIAGNOSE X'24' type: X'01', X'08'
ADTUNIT  DS    X                 the MFD's unit type: X'09', X'0B'
         DS    X
ADTPTRK  DS    H                 800-byte blocks a track
ADTHEADS DS    H                 tracks a cylinder
ADTID    DS    CL6               the label
ADTNHB   DS    H                 FST blocks in storage
ADTNUM   DS    F                 blocks (the MFD's bytes 364-383)
ADTUSED  DS    F                 blocks in use
ADTLEFT  DS    F                 blocks left
ADTLAST  DS    F                 the QMSK's last nonzero byte
ADTCYL   DS    F                 cylinders
ADTHB    DS    A                 the first FST block in storage
ADTFILES DS    F                 files
ADTQMSK  DS    A                 R/W: TAKEN, DISK, GOING masks
ADTQLEN  DS    F                 the length of each
ADTFREE  DS    F                 blocks free in TAKEN
ADTMFD   DS    A                 R/W: the MFD as on the disk
ADTLEN   EQU   *-ADTD
HBD      DSECT                   an FST block in storage
HBNEXT   DS    A
         DS    F
HBFST    DS    CL800             20 FSTs
HBLEN    EQU   *-HBD
FSTD     DSECT                   a file status table entry
FSTFNAME DS    CL8
FSTFTYPE DS    CL8
FSTDATEW DS    H                 mmdd, packed
FSTTIMEW DS    H                 hhmm, packed
FSTWRPNT DS    H
FSTRDPNT DS    H
FSTFMODE DS    CL2
FSTRECCT DS    H
FSTFCLPT DS    H                 first chain link
FSTRECFM DS    C
FSTFLAGS DS    X
FSTLRECL DS    F
FSTBLKCT DS    H                 data blocks
FSTYEARW DS    CL2
FFD      DSECT                   FSFIND's place in the search order
FFFN     DS    CL8               fn or *
FFFT     DS    CL8               ft or *
FFFM     DS    CL2               letter or *, number or blank or *
FFFLG    DS    X
FFFRW    EQU   X'80'             read/write disks only
FFFONE   EQU   X'40'             the letter's disk only
         DS    X
FFIDX    DS    F                 the next disk to search (0-51)
FFHB     DS    A                 the FST block being searched
FFENT    DS    F                 its next entry
FFADT    DS    A                 its disk
FFLEN    EQU   *-FFD
NUCLEUS  CSECT
*---------------------------------------------------------------------
* FSINIT (at IPL): no disks, no files; then 190 as S and 191 as A,
* as R6's DMSINI did: quietly when one is not there; a 191 that is
* not a CMS disk: DMSACC112S.
*---------------------------------------------------------------------
FSINIT   CMSENT WORK=16
         L     R2,=A(ADTTAB)
         L     R3,=A(26*ADTLEN)
         SR    R5,R5
         MVCL  R2,R4
         XC    FSAFTS,FSAFTS
         XC    FSDEPTH,FSDEPTH
         L     R2,=A(X'190')
         LA    R3,C'S'
         SR    R4,R4
         SR    R5,R5
         NUCALL ACCDISK
         L     R2,=A(X'191')
         LA    R3,C'A'
         NUCALL ACCDISK
         C     R15,=F'112'
         BNE   FSIOUT
         LA    R0,FSI112
         LA    R2,=C'A'
         LA    R3,1
         L     R6,=A(X'191')
         NUCALL FSMSG
FSIOUT   CMSRET RC=0
FSI112   DC    AL1(FSI112L),C'DMSACC112S ',X'01',C'(',X'04'
         DC    C') DEVICE ERROR'
FSI112L  EQU   *-FSI112-1
         LTORG
*---------------------------------------------------------------------
* FSENDCMD: the end of a command (command level calls it): every open
* file is closed, what was written kept. FSABEND (DMSABN): the same,
* unless the abend came inside the file system (FSDEPTH): then the
* open files are dropped, their unfinished changes never written.
*---------------------------------------------------------------------
FSENDCMD CMSENT
         SR    R2,R2
         NUCALL CLOSEADT
         CMSRET
         LTORG
FSABEND  CMSENT
         L     R1,FSDEPTH
         XC    FSDEPTH,FSDEPTH
         LTR   R1,R1
         BNZ   FSAB1
         SR    R2,R2
         NUCALL CLOSEADT
         CMSRET RC=0
FSAB1    L     R2,FSAFTS
         LTR   R2,R2
         BZ    FSAB2
         NUCALL AFTDROP
         B     FSAB1
FSAB2    CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* DSKIO: block R3 of the disk whose ADT is at R2, to or from the 800
* bytes at R4: R5 = 0 reads, else writes. One DIAGNOSE X'18' (SEEK,
* SEARCH ID EQUAL, TIC, READ or WRITE DATA). R15 = 0; 12 the disk is
* read-only; 4 beyond the minidisk; 3 an I/O error.
*---------------------------------------------------------------------
DSKIO    CMSENT WORK=40
         USING DKWK,R13
         USING ADTD,R2
         LR    R7,R3
         BCTR  R7,0
         SR    R6,R6
         LH    R8,ADTPTRK
         DR    R6,R8                     R6 record - 1, R7 track
         LA    R6,1(,R6)
         SR    R8,R8
         LR    R9,R7
         LH    R1,ADTHEADS
         DR    R8,R1                     R8 head, R9 cylinder
         XC    DKSLOT,DKSLOT             0000 CCCC HHHH R 00
         STH   R9,DKSLOT+2
         STH   R8,DKSLOT+4
         STC   R6,DKSLOT+6
         LA    R1,DKSLOT
         ST    R1,DKCCW
         MVI   DKCCW,X'07'               SEEK
         MVC   DKCCW+4(4),=X'40000006'
         LA    R1,DKSLOT+2
         ST    R1,DKCCW+8
         MVI   DKCCW+8,X'31'             SEARCH ID EQUAL
         MVC   DKCCW+12(4),=X'40000005'
         LA    R1,DKCCW+8
         ST    R1,DKCCW+16
         MVI   DKCCW+16,X'08'            TIC to it
         XC    DKCCW+20(4),DKCCW+20
         ST    R4,DKCCW+24
         MVI   DKCCW+24,X'06'            READ DATA
         LTR   R5,R5
         BZ    DK1
         MVI   DKCCW+24,X'05'            WRITE DATA
DK1      MVC   DKCCW+28(4),=X'00000320'
         LH    R6,ADTCUU
         LA    R8,DKCCW
         LA    R15,1
         DIAG  R6,R8,X'18'
         BC    8,DKOK
         BC    4,DKCC1
         CMSRET RC=3
DKCC1    C     R15,=F'3'
         BE    DKRO
         C     R15,=F'4'
         BE    DKBEY
         CMSRET RC=3
DKRO     CMSRET RC=12
DKBEY    CMSRET RC=4
DKOK     CMSRET RC=0
         DROP  R2,R13
         LTORG
DKWK     DSECT
         DS    18F
DKCCW    DS    4D
DKSLOT   DS    D
NUCLEUS  CSECT
*---------------------------------------------------------------------
* QBIT (a leaf): bit R2 (a block, from 1) of the mask at R1: R3 = 0
* tests it, 1 sets it, 2 clears it. R15 = 1 when it was set, else 0.
*---------------------------------------------------------------------
QBIT     STM   R14,R12,12(R13)
         BALR  R12,0
         USING *,R12
         LR    R4,R2
         BCTR  R4,0
         LA    R5,7
         NR    R5,R4
         SRL   R4,3
         AR    R4,R1                     the byte
         LA    R6,X'80'
         SRL   R6,0(R5)                  its bit
         SR    R7,R7
         IC    R7,0(,R4)
         SR    R15,R15
         LR    R8,R7
         NR    R8,R6
         BZ    QB1
         LA    R15,1
QB1      LTR   R3,R3
         BZ    QBOUT
         OR    R7,R6
         BCT   R3,QBCLR
         B     QBST
QBCLR    XR    R7,R6
QBST     STC   R7,0(,R4)
QBOUT    L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
         DROP  R12
*---------------------------------------------------------------------
* POPCNT (a leaf): R0 = the bits set in the R2 bytes at R1.
*---------------------------------------------------------------------
POPCNT   STM   R14,R12,12(R13)
         BALR  R12,0
         USING *,R12
         SR    R0,R0
         LTR   R2,R2
         BNP   PCOUT
         SR    R3,R3
         SR    R5,R5
PC1      IC    R3,0(,R1)
         LA    R4,15
         NR    R4,R3
         SRL   R3,4
         IC    R5,PCTAB(R3)
         AR    R0,R5
         IC    R5,PCTAB(R4)
         AR    R0,R5
         SR    R3,R3
         LA    R1,1(,R1)
         BCT   R2,PC1
PCOUT    ST    R0,20(,R13)
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
PCTAB    DC    X'00010102010202030102020302030304'
         DROP  R12
*---------------------------------------------------------------------
* ADTOF: R1 = the ADT of the mode letter in R1's low byte (A-Z), or 0
* when it is not a letter.
*---------------------------------------------------------------------
ADTOF    CMSENT
         N     R1,=F'255'
         LA    R2,ADTLETS
         LA    R3,26
AO1      CLM   R1,1,0(R2)
         BE    AO2
         LA    R2,1(,R2)
         BCT   R3,AO1
         SR    R1,R1
         B     AOOUT
AO2      LA    R3,ADTLETS
         SR    R2,R3                     its index
         MH    R2,=Y(ADTLEN)
         L     R1,=A(ADTTAB)
         AR    R1,R2
AOOUT    L     R2,4(,R13)
         ST    R1,24(,R2)
         CMSRET RC=0
ADTLETS  DC    C'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
         LTORG
*---------------------------------------------------------------------
* ALLOC: a free block of the disk at R2 (R/W), taken in its TAKEN
* mask, in R1. R3 = 0: only when enough stays free for the commits
* to come (the FST blocks, one more, the QMSK extensions, a first
* chain link and the R4 chain links of the file being written); R3
* = 1: any free block (the commit's own). R15 = 0, or 13: disk full.
*---------------------------------------------------------------------
ALLOC    CMSENT
         USING ADTD,R2
         L     R5,ADTFREE
         LTR   R3,R3
         BNZ   AL1
         LH    R6,ADTNHB
         LA    R6,2(R4,R6)               FST blocks + 1, first link
         L     R1,ADTNUM
         S     R1,=F'1720'
         BNP   AL0
         A     R1,=F'6399'
         SR    R0,R0
         D     R0,=F'6400'               QMSK extensions
         AR    R6,R1
AL0      CR    R5,R6
         BNH   ALFULL
AL1      LTR   R5,R5
         BNP   ALFULL
         L     R6,ADTQMSK
         L     R7,ADTQLEN
         LR    R8,R6
AL2      CLI   0(R8),X'FF'
         BNE   AL3
         LA    R8,1(,R8)
         BCT   R7,AL2
         B     ALFULL
AL3      SR    R9,R9
         IC    R9,0(,R8)
         LA    R10,X'80'
         SR    R11,R11
AL4      LR    R0,R9
         NR    R0,R10
         BZ    AL5
         SRL   R10,1
         LA    R11,1(,R11)
         B     AL4
AL5      OR    R9,R10
         LR    R3,R8
         SR    R3,R6
         SLL   R3,3
         LA    R3,1(R11,R3)              the block
         C     R3,ADTNUM
         BH    ALFULL
         STC   R9,0(,R8)
         BCTR  R5,0
         ST    R5,ADTFREE
         L     R1,4(,R13)
         ST    R3,24(,R1)
         CMSRET RC=0
ALFULL   CMSRET RC=13
         DROP  R2
         LTORG
*---------------------------------------------------------------------
* MARK: block R2 of the disk at R1 (R/W) in the next commit: R3 = 0
* it goes (out of DISK, into GOING), 1 it stays (into DISK, out of
* GOING). A block outside 5..ADTNUM (a bad chain) is left alone.
*---------------------------------------------------------------------
MARK     CMSENT WORK=8
         USING MKWK,R13
         LR    R9,R1
         USING ADTD,R9
         C     R2,=F'5'
         BL    MKOUT
         C     R2,ADTNUM
         BH    MKOUT
         LR    R4,R2
         BCTR  R4,0
         LA    R5,7
         NR    R5,R4
         SRL   R4,3
         LA    R6,X'80'
         SRL   R6,0(R5)
         STC   R6,MKBIT
         X     R6,=F'255'
         STC   R6,MKNOT
         L     R7,ADTQMSK
         A     R7,ADTQLEN
         AR    R7,R4                     its byte in DISK
         LR    R8,R7
         A     R8,ADTQLEN                and in GOING
         LTR   R3,R3
         BZ    MKGO
         OC    0(1,R7),MKBIT
         NC    0(1,R8),MKNOT
         B     MKOUT
MKGO     NC    0(1,R7),MKNOT
         OC    0(1,R8),MKBIT
MKOUT    CMSRET RC=0
         DROP  R9,R13
         LTORG
MKWK     DSECT
         DS    18F
MKBIT    DS    X
MKNOT    DS    X
NUCLEUS  CSECT
*---------------------------------------------------------------------
* FSFIND: the next file of the search order that matches the FFD at
* R1 (its state advances): R15 = 0 with R0 = its disk's ADT and R1
* = its FST (in an FST block in storage); 4 no more. A letter: that
* disk, then its extensions; * all disks A-Z. In fn and ft a * stands
* for any characters after it (* alone: any name).
*---------------------------------------------------------------------
FSFIND   CMSENT
         LR    R9,R1
         USING FFD,R9
FF1      L     R6,FFHB
         LTR   R6,R6
         BZ    FFDISK
         USING HBD,R6
         L     R7,FFENT
         C     R7,=F'20'
         BNL   FFNEXTHB
         LA    R1,1(,R7)
         ST    R1,FFENT
         MH    R7,=H'40'
         LA    R7,HBFST(R7)
         USING FSTD,R7
         CLI   FSTFNAME,0
         BE    FF1
         LA    R1,FFFN
         LA    R2,FSTFNAME
         BAL   R14,FFPAT
         BNE   FF1
         LA    R1,FFFT
         LA    R2,FSTFTYPE
         BAL   R14,FFPAT
         BNE   FF1
         CLI   FFFM+1,C' '
         BE    FFHIT
         CLI   FFFM+1,C'*'
         BE    FFHIT
         CLC   FFFM+1(1),FSTFMODE+1
         BNE   FF1
FFHIT    L     R1,4(,R13)
         MVC   20(4,R1),FFADT
         ST    R7,24(,R1)
         CMSRET RC=0
FFNEXTHB MVC   FFHB,HBNEXT
         XC    FFENT,FFENT
         B     FF1
         DROP  R6,R7
* The next disk: A-Z for *; else the letter's, then its extensions.
FFDISK   L     R2,FFIDX
         C     R2,=F'52'
         BNL   FFEND
         LA    R1,1(,R2)
         ST    R1,FFIDX
         LR    R3,R2
         C     R3,=F'26'
         BL    FFD0
         S     R3,=F'26'
FFD0     MH    R3,=Y(ADTLEN)
         A     R3,=A(ADTTAB)
         USING ADTD,R3
         CLI   ADTMODE,0
         BE    FFDISK
         TM    FFFLG,FFFRW
         BZ    FFD1
         TM    ADTFLG,ADTFRW
         BZ    FFDISK
FFD1     CLI   FFFM,C'*'
         BNE   FFD2
         C     R2,=F'26'
         BNL   FFEND
         B     FFUSE
FFD2     C     R2,=F'26'
         BNL   FFD3
         CLC   ADTMODE,FFFM              the letter's own disk
         BNE   FFDISK
         B     FFUSE
FFD3     TM    FFFLG,FFFONE
         BO    FFEND
         CLC   ADTEXT,FFFM               its extensions
         BNE   FFDISK
FFUSE    ST    R3,FFADT
         MVC   FFHB,ADTHB
         XC    FFENT,FFENT
         B     FF1
FFEND    CMSRET RC=4
* FFPAT: cc 0 when the name at R2 matches the pattern at R1 (8 bytes;
* a * ends it: any characters after).
FFPAT    LA    R3,8
FFP1     CLI   0(R1),C'*'
         BER   R14
         CLC   0(1,R1),0(R2)
         BNER  R14
         LA    R1,1(,R1)
         LA    R2,1(,R2)
         BCT   R3,FFP1
         CR    R3,R3
         BR    R14
         DROP  R3,R9
         LTORG
*---------------------------------------------------------------------
* ACCDISK: the disk at address R2 becomes mode R3 (a letter in the
* low byte), a read-only extension of mode R4 when R4 is not 0,
* holding only the files that match the fn ft fm at R5 when R5 is
* not 0. R15 = 0; 113 no such device; 112 not a CMS disk (no label,
* a bad directory, an I/O error, not a 3330 or 3350) or no storage.
* The mode's disk goes first (its open files are closed).
*---------------------------------------------------------------------
ACCDISK  CMSENT WORK=80
         USING ACWK,R13
         XC    ACWADT(ADTLEN),ACWADT
         XC    ACWTMP,ACWTMP
         XC    ACWXOFF,ACWXOFF
         ST    R5,ACWFILT
         LA    R9,ACWADT
         USING ADTD,R9
         STH   R2,ADTCUU
         STC   R3,ADTMODE
         STC   R4,ADTEXT
         LR    R1,R3
         NUCALL ADTOF
         LTR   R2,R1
         BZ    ACBAD
         CLI   0(R2),0
         BE    AC0
         NUCALL CLOSEADT                 its files are closed first
* The device: a 3330 or 3350 (DIAGNOSE X'24').
AC0      LH    R6,ADTCUU
         DIAG  R6,R0,X'24'
         BC    3,ACNONE                  cc 2, 3: none
         STCM  R0,12,ACWTYP
         CLI   ACWTYP,X'04'
         BNE   ACBAD
         MVC   ADTDTYP,ACWTYP+1
         CLI   ACWTYP+1,X'01'
         BE    AC3330
         CLI   ACWTYP+1,X'08'
         BNE   ACBAD
         MVC   ADTPTRK,=H'19'            3350
         MVC   ADTHEADS,=H'30'
         MVI   ADTUNIT,X'0B'
         B     AC1
AC3330   MVC   ADTPTRK,=H'14'
         MVC   ADTHEADS,=H'19'
         MVI   ADTUNIT,X'09'
AC1      LA    R0,800
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ACBAD
         ST    R1,ADTMFD
* The label, block 3: CMS= and the volume's name.
         LR    R2,R9
         LA    R3,3
         L     R4,ADTMFD
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   ACBAD
         L     R4,ADTMFD
         CLC   0(4,R4),=C'CMS='
         BNE   ACBAD
         MVC   ADTID,4(R4)
* Read/write? The label written back as it is: CP refuses a write to
* a read-only link before it starts (DIAGNOSE X'18' cc 1, code 3).
* An extension is read-only.
         CLI   ADTEXT,0
         BNE   AC2
         LA    R5,1
         NUCALL DSKIO
         C     R15,=F'12'
         BE    AC2
         LTR   R15,R15
         BNZ   ACBAD
         OI    ADTFLG,ADTFRW
AC2      L     R4,ACWFILT
         LTR   R4,R4
         BZ    AC2A
         OI    ADTFLG,ADTFSUB
* The MFD, block 4.
AC2A     LR    R2,R9
         LA    R3,4
         L     R4,ADTMFD
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   ACBAD
         L     R8,ADTMFD
         CLC   599(1,R8),ADTUNIT         formatted on this device type
         BNE   ACBAD
         MVC   ADTNUM(20),364(R8)
         L     R1,ADTCYL
         LTR   R1,R1
         BNP   ACBAD
         C     R1,=F'65535'
         BH    ACBAD
         LH    R3,ADTHEADS
         MR    R0,R3
         LH    R3,ADTPTRK
         MR    R0,R3
         C     R1,=F'65531'
         BNH   AC2B
         L     R1,=F'65531'
AC2B     C     R1,ADTNUM                 what ADTCYL cylinders hold
         BNE   ACBAD
* The FST blocks' numbers, the sentinel, the QMSK extensions'.
         SR    R7,R7
ACFL     C     R7,=F'362'
         BH    ACBAD
         LA    R1,0(R7,R8)
         SR    R3,R3
         ICM   R3,3,0(R1)
         LA    R7,2(,R7)
         C     R3,=A(X'FFFF')
         BE    ACFLEND
         C     R3,=A(X'FFFD')
         BE    ACFLX
         BAL   R14,ACRANGE
         B     ACFL
ACFLX    ST    R7,ACWXOFF                the first extension's
ACFLX1   C     R7,=F'362'
         BH    ACFLEND
         LA    R1,0(R7,R8)
         SR    R3,R3
         ICM   R3,3,0(R1)
         BZ    ACFLEND
         BAL   R14,ACRANGE
         LA    R7,2(,R7)
         B     ACFLX1
* The FST blocks, read into storage; their entries checked.
ACFLEND  SR    R7,R7
         LA    R10,ADTHB                 where the next one is chained
ACHB     LA    R1,0(R7,R8)
         SR    R3,R3
         ICM   R3,3,0(R1)
         C     R3,=A(X'FFFD')
         BNL   ACHBEND
         LA    R0,HBLEN
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ACBAD
         ST    R1,0(,R10)
         LR    R10,R1
         LH    R0,ADTNHB
         AH    R0,=H'1'
         STH   R0,ADTNHB
         LR    R2,R9
         LA    R4,HBFST-HBD(,R1)
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   ACBAD
         BAL   R14,ACFSTS
         LA    R7,2(,R7)
         B     ACHB
ACHBEND  TM    ADTFLG,ADTFRW
         BZ    ACDONE
* A R/W disk: its QMSK, from the MFD and the extensions.
         L     R1,ADTNUM
         LA    R1,7(,R1)
         SRL   R1,3
         LA    R1,7(,R1)
         N     R1,=X'FFFFFFF8'
         ST    R1,ADTQLEN
         LR    R0,R1
         MH    R0,=H'3'
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ACBAD
         ST    R1,ADTQMSK
         LR    R2,R1
         L     R3,ADTQLEN
         C     R3,=F'215'
         BNH   AC4
         LA    R3,215
AC4      LA    R4,384(,R8)
         LR    R5,R3
         MVCL  R2,R4
         L     R7,ACWXOFF
         LTR   R7,R7
         BZ    ACQEND
         LA    R0,800
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   ACBAD
         ST    R1,ACWTMP
         LA    R6,215                    where the next extension goes
ACQX     C     R7,=F'362'
         BH    ACQEND
         LA    R1,0(R7,R8)
         SR    R3,R3
         ICM   R3,3,0(R1)
         BZ    ACQEND
         LR    R2,R9
         L     R4,ACWTMP
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   ACBAD
         L     R3,ADTQLEN
         SR    R3,R6                     room left in the mask
         BNP   ACQEND
         C     R3,=F'800'
         BNH   AC5
         LA    R3,800
AC5      L     R2,ADTQMSK
         AR    R2,R6
         L     R4,ACWTMP
         LR    R5,R3
         MVCL  R2,R4
         A     R6,=F'800'
         LA    R7,2(,R7)
         B     ACQX
* Bits past the last block mean nothing.
ACQEND   L     R3,ADTNUM
         BCTR  R3,0
         LA    R4,7
         NR    R4,R3
         SRL   R3,3                      the last block's byte
         LA    R5,7
         SR    R5,R4
         LA    R6,255
         SLL   R6,0(R5)
         STC   R6,ACWBYTE
         L     R2,ADTQMSK
         AR    R2,R3
         NC    0(1,R2),ACWBYTE
         LA    R2,1(,R2)
         L     R3,ADTQLEN
         A     R3,ADTQMSK
         SR    R3,R2
         SR    R5,R5
         MVCL  R2,R4
* Blocks 1-4, the FST blocks and the extensions must be marked.
         L     R1,ADTQMSK
         TM    0(R1),X'F0'
         BNO   ACBAD
         SR    R7,R7
ACQC     C     R7,=F'362'
         BH    ACQCEND
         LA    R1,0(R7,R8)
         SR    R2,R2
         ICM   R2,3,0(R1)
         BZ    ACQCEND
         LA    R7,2(,R7)
         C     R2,=A(X'FFFD')
         BNL   ACQC
         L     R1,ADTQMSK
         SR    R3,R3
         NUCALL QBIT
         LTR   R15,R15
         BZ    ACBAD
         B     ACQC
* DISK = TAKEN; GOING empty; the counts.
ACQCEND  L     R2,ADTQMSK
         L     R3,ADTQLEN
         LR    R4,R2
         AR    R2,R3
         LR    R5,R3
         MVCL  R2,R4
         L     R1,ADTQMSK
         L     R2,ADTQLEN
         NUCALL POPCNT
         ST    R0,ADTUSED
         L     R1,ADTNUM
         SR    R1,R0
         ST    R1,ADTLEFT
         ST    R1,ADTFREE
* The ADT takes the mode's place.
ACDONE   L     R1,ACWTMP
         LTR   R1,R1
         BZ    ACD1
         LA    R0,800
         NUCALL FRETFREE
ACD1     TM    ADTFLG,ADTFRW
         BO    ACD2
         L     R1,ADTMFD                 (R/O: no MFD kept)
         LA    R0,800
         NUCALL FRETFREE
         XC    ADTMFD,ADTMFD
ACD2     SR    R1,R1
         IC    R1,ADTMODE
         NUCALL ADTOF
         LR    R2,R1
         CLI   0(R2),0
         BE    ACD3
         NUCALL RELDISK
ACD3     MVC   0(ADTLEN,R2),ACWADT
         CMSRET RC=0
ACNONE   LA    R6,113
         B     ACFAIL
ACBAD    LA    R6,112
ACFAIL   L     R1,ACWTMP
         LTR   R1,R1
         BZ    ACF1
         LA    R0,800
         NUCALL FRETFREE
ACF1     LR    R2,R9
         NUCALL FREEADT
         CMSRET RC=(R6)
* ACRANGE: R3 must be a block of the disk from 5.
ACRANGE  C     R3,=F'5'
         BL    ACBAD
         C     R3,ADTNUM
         BH    ACBAD
         BR    R14
* ACFSTS: the 20 entries of the FST block at R10 checked; empty ones,
* mode 0 files of a R/O disk and those outside a subset cleared;
* the others counted, their mode letter the disk's.
ACFSTS   LA    R2,HBFST-HBD(,R10)
         LA    R11,20
ACFS1    CLI   0(R2),0
         BE    ACFSZ
         USING FSTD,R2
         CLI   FSTRECFM,C'F'
         BE    ACFS2
         CLI   FSTRECFM,C'V'
         BNE   ACBAD
ACFS2    SR    R3,R3
         ICM   R3,3,FSTFCLPT
         C     R3,=F'5'
         BL    ACBAD
         C     R3,ADTNUM
         BH    ACBAD
         SR    R5,R5
         ICM   R5,3,FSTBLKCT
         BZ    ACBAD
         C     R5,=F'16060'
         BH    ACBAD
         MH    R5,=H'800'                bytes its blocks hold
         L     R4,FSTLRECL
         C     R4,=F'65535'
         BH    ACBAD
         CLI   FSTRECFM,C'V'
         BNE   ACFS3
         LA    R4,2                      V: at least the length each
         B     ACFS4
ACFS3    LTR   R4,R4
         BZ    ACBAD
ACFS4    SR    R3,R3
         ICM   R3,3,FSTRECCT
         LR    R1,R4
         MR    R0,R3
         CR    R1,R5
         BH    ACBAD
         TM    ADTFLG,ADTFRW
         BO    ACFS5
         CLI   FSTFMODE+1,C'0'           private on a R/O disk
         BE    ACFSZ
ACFS5    L     R4,ACWFILT
         LTR   R4,R4
         BZ    ACFS6
         CLC   0(8,R4),=CL8'*'
         BE    ACFS5A
         CLC   0(8,R4),FSTFNAME
         BNE   ACFSZ
ACFS5A   CLC   8(8,R4),=CL8'*'
         BE    ACFS5B
         CLC   8(8,R4),FSTFTYPE
         BNE   ACFSZ
ACFS5B   CLI   17(R4),C'*'
         BE    ACFS6
         CLI   17(R4),C' '
         BE    ACFS6
         CLC   17(1,R4),FSTFMODE+1
         BNE   ACFSZ
ACFS6    MVC   FSTFMODE(1),ADTMODE
         MVI   FSTFLAGS,0
         L     R1,ADTFILES
         LA    R1,1(,R1)
         ST    R1,ADTFILES
         B     ACFS7
ACFSZ    XC    0(40,R2),0(R2)
ACFS7    LA    R2,40(,R2)
         BCT   R11,ACFS1
         BR    R14
         DROP  R2,R9,R13
         LTORG
ACWK     DSECT
         DS    18F
ACWADT   DS    XL(ADTLEN)
ACWFILT  DS    A
ACWTMP   DS    A
ACWXOFF  DS    F
ACWTYP   DS    XL2
ACWBYTE  DS    X
         DS    X
ACWLEN   EQU   *-ACWK-72
NUCLEUS  CSECT
*---------------------------------------------------------------------
* FREEADT: the storage of the ADT at R2 (its FST blocks, masks, MFD)
* goes back. RELDISK: its open files closed, then that; the slot is
* free.
*---------------------------------------------------------------------
FREEADT  CMSENT
         LR    R9,R2
         USING ADTD,R9
FA1      L     R1,ADTHB
         LTR   R1,R1
         BZ    FA2
         MVC   ADTHB,0(R1)
         LA    R0,HBLEN
         NUCALL FRETFREE
         B     FA1
FA2      L     R1,ADTQMSK
         LTR   R1,R1
         BZ    FA3
         L     R0,ADTQLEN
         MH    R0,=H'3'
         NUCALL FRETFREE
         XC    ADTQMSK,ADTQMSK
FA3      L     R1,ADTMFD
         LTR   R1,R1
         BZ    FA4
         LA    R0,800
         NUCALL FRETFREE
         XC    ADTMFD,ADTMFD
FA4      XC    ADTNHB,ADTNHB
         CMSRET RC=0
         DROP  R9
         LTORG
RELDISK  CMSENT
         NUCALL CLOSEADT
         NUCALL FREEADT
         XC    0(ADTLEN,R2),0(R2)
         CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* CLOSEADT: the open files of the disk at R2 (all when R2 = 0) are
* closed: what was written is kept. R15 = 0, or the first error.
*---------------------------------------------------------------------
CLOSEADT CMSENT
         LR    R9,R2
         SR    R8,R8
CA1      L     R2,FSAFTS
CA2      LTR   R2,R2
         BZ    CAOUT
         LTR   R9,R9
         BZ    CA3
         C     R9,4(,R2)                 AFTADT
         BE    CA3
         L     R2,0(,R2)
         B     CA2
CA3      NUCALL AFTCLOSE
         LTR   R8,R8
         BNZ   CA1
         LR    R8,R15
         B     CA1
CAOUT    CMSRET RC=(R8)
         LTORG
*---------------------------------------------------------------------
* STAMP: FSTODAY = the date and time now, as an FST holds them.
*---------------------------------------------------------------------
STAMP    CMSENT WORK=16
         USING STWK,R13
         NUCALL GETTIME
         MVC   STWA(2),TODBUF            mm
         MVC   STWA+2(2),TODBUF+3        dd
         MVI   STWA+4,C'0'
         PACK  STWB(3),STWA(5)
         MVC   FSTODAY(2),STWB
         MVC   STWA(2),TODBUF+8          hh
         MVC   STWA+2(2),TODBUF+11       mm
         PACK  STWB(3),STWA(5)
         MVC   FSTODAY+2(2),STWB
         MVC   FSTODAY+4(2),TODBUF+6     yy
         CMSRET RC=0
         DROP  R13
         LTORG
STWK     DSECT
         DS    18F
STWA     DS    CL8
STWB     DS    CL8
NUCLEUS  CSECT
*---------------------------------------------------------------------
* FSTSLOT: R1 = a free FST entry of the disk at R2 (a new FST block
* is added when none is). R15 = 0, or 25 no storage.
*---------------------------------------------------------------------
FSTSLOT  CMSENT
         LR    R9,R2
         USING ADTD,R9
         LA    R6,ADTHB
FS1      L     R7,0(,R6)
         LTR   R7,R7
         BZ    FSNEW
         LA    R1,HBFST-HBD(,R7)
         LA    R3,20
FS2      CLI   0(R1),0
         BE    FSHIT
         LA    R1,40(,R1)
         BCT   R3,FS2
         LR    R6,R7
         B     FS1
FSNEW    LA    R0,HBLEN
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   FSNONE
         ST    R1,0(,R6)
         LH    R0,ADTNHB
         AH    R0,=H'1'
         STH   R0,ADTNHB
         LA    R1,HBFST-HBD(,R1)
FSHIT    L     R2,4(,R13)
         ST    R1,24(,R2)
         CMSRET RC=0
FSNONE   CMSRET RC=25
         DROP  R9
         LTORG
*---------------------------------------------------------------------
* CHAINOUT: the blocks of the file whose FST is at R3, on the disk at
* R2 (its chain links as the disk holds them), go at the next commit.
*---------------------------------------------------------------------
CHAINOUT CMSENT WORK=88
         USING COWK,R13
         LR    R9,R2
         USING ADTD,R9
         LR    R8,R3
         USING FSTD,R8
         LA    R0,800
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   CONOSTG
         ST    R1,COBUF
         SR    R10,R10
         ICM   R10,3,FSTBLKCT            data blocks to go
         SR    R2,R2
         ICM   R2,3,FSTFCLPT
         BAL   R14,COGO
         BAL   R14,CORD
         BNZ   COEND
         L     R1,COBUF
         MVC   COLINKS,0(R1)             chain links 2-41
         LA    R6,80(,R1)                data blocks 1-60
         LA    R7,60
         BAL   R14,CODATA
         LA    R11,COLINKS
CO1      LTR   R10,R10
         BNP   COEND
         LA    R1,COLINKS+80
         CR    R11,R1
         BNL   COEND
         SR    R2,R2
         ICM   R2,3,0(R11)
         LA    R11,2(,R11)
         BAL   R14,COGO
         BAL   R14,CORD
         BNZ   COEND
         L     R6,COBUF
         LA    R7,400
         BAL   R14,CODATA
         B     CO1
COEND    L     R1,COBUF
         LA    R0,800
         NUCALL FRETFREE
CONOSTG  CMSRET RC=0
* COGO: block R2 goes.
COGO     LR    R1,R9
         SR    R3,R3
         LR    R5,R14
         NUCALL MARK
         BR    R5
* CORD: block R2 (checked) into COBUF; cc not 0 on an error.
CORD     LR    R5,R14
         C     R2,=F'5'
         BL    CORDBAD
         C     R2,ADTNUM
         BH    CORDBAD
         LR    R3,R2
         LR    R2,R9
         L     R4,COBUF
         LR    R7,R5
         SR    R5,R5
         NUCALL DSKIO
         LTR   R15,R15
         BR    R7
CORDBAD  LA    R15,3
         LTR   R15,R15
         BR    R5
* CODATA: R7 pointers from R6 go, while R10 (blocks left) lasts.
CODATA   LR    R4,R14
COD1     LTR   R10,R10
         BNPR  R4
         LTR   R7,R7
         BNPR  R4
         SR    R2,R2
         ICM   R2,3,0(R6)
         LR    R1,R9
         SR    R3,R3
         NUCALL MARK
         LA    R6,2(,R6)
         BCTR  R10,0
         BCTR  R7,0
         B     COD1
         DROP  R8,R9,R13
         LTORG
COWK     DSECT
         DS    18F
COBUF    DS    A
COLINKS  DS    CL80
NUCLEUS  CSECT
*---------------------------------------------------------------------
* FSCOMMIT: the directory of the disk at R2 (R/W) as it is in storage
* goes to the disk: its FST blocks and QMSK extensions into blocks
* free now, then the MFD, last, naming them; after it the blocks that
* went (GOING: old chains, the old FST blocks and extensions) are
* free. R15 = 0; 13 the disk is full, 3 an I/O error: the disk is
* then as it was, and the next commit tries again.
*---------------------------------------------------------------------
FSCOMMIT CMSENT WORK=392
         USING CMWK,R13
         LR    R9,R2
         USING ADTD,R9
         L     R8,ADTMFD
         XC    CMBLKS(250),CMBLKS
         XC    CMBLKS+250(114),CMBLKS+250
         XC    CMTBUF,CMTBUF
         XC    CMNEXT,CMNEXT
* The directory's old blocks go.
         SR    R7,R7
CM1      C     R7,=F'362'
         BH    CM2
         LA    R1,0(R7,R8)
         SR    R2,R2
         ICM   R2,3,0(R1)
         BZ    CM2
         LA    R7,2(,R7)
         C     R2,=A(X'FFFF')
         BE    CM2
         C     R2,=A(X'FFFD')
         BE    CM1
         LR    R1,R9
         SR    R3,R3
         NUCALL MARK
         B     CM1
* New FST blocks for those that hold files (one at least).
CM2      LA    R10,CMBLKS
         SR    R11,R11
         L     R6,ADTHB
CM3      LTR   R6,R6
         BZ    CM4
         BAL   R14,CMUSED
         BZ    CM3A
         BAL   R14,CMNEW
CM3A     L     R6,0(,R6)
         B     CM3
CM4      LTR   R11,R11
         BNZ   CM5
         BAL   R14,CMNEW
* QMSK extensions when a block past the MFD's 1,720 is in use.
CM5      ST    R10,CMSNTL
         LA    R10,2(,R10)               (the sentinel's place)
         L     R1,ADTQMSK
         A     R1,ADTQLEN                DISK
         L     R2,ADTQLEN
         BAL   R14,CMLASTB
         ST    R2,CMLAST
         C     R2,=F'215'
         BL    CM6
         L     R1,ADTNUM
         S     R1,=F'1720'
         A     R1,=F'6399'
         SR    R0,R0
         D     R0,=F'6400'
         LR    R7,R1
CM5A     BAL   R14,CMNEW
         BCT   R7,CM5A
CM6      L     R1,CMSNTL
         MVC   0(2,R1),=X'FFFF'
         LA    R2,2(,R1)
         CR    R2,R10
         BE    CM7
         MVC   0(2,R1),=X'FFFD'
* The FST blocks written, each to its new block.
CM7      LA    R0,800
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   CMFULL
         ST    R1,CMTBUF                 zeros
         LA    R10,CMBLKS
         SR    R7,R7
         L     R6,ADTHB
CM8      LTR   R6,R6
         BZ    CM9
         BAL   R14,CMUSED
         BZ    CM8A
         LA    R4,HBFST-HBD(,R6)
         BAL   R14,CMWRITE
         LA    R7,1(,R7)
CM8A     L     R6,0(,R6)
         B     CM8
CM9      LTR   R7,R7
         BNZ   CM10
         L     R4,CMTBUF
         BAL   R14,CMWRITE
* The extensions: DISK from byte 215, 800 bytes each.
CM10     LA    R10,2(,R10)               past the sentinel
         LA    R6,215
CM11     C     R10,CMNEXT
         BNL   CM12
         L     R2,CMTBUF
         LA    R3,800
         SR    R5,R5
         MVCL  R2,R4
         L     R3,ADTQLEN
         SR    R3,R6
         BNP   CM11A
         C     R3,=F'800'
         BNH   *+8
         LA    R3,800
         L     R2,CMTBUF
         L     R4,ADTQMSK
         A     R4,ADTQLEN
         AR    R4,R6
         LR    R5,R3
         MVCL  R2,R4
CM11A    L     R4,CMTBUF
         BAL   R14,CMWRITE
         A     R6,=F'800'
         B     CM11
* The MFD, last.
CM12     MVC   0(250,R8),CMBLKS
         MVC   250(114,R8),CMBLKS+250
         L     R1,ADTQMSK
         A     R1,ADTQLEN
         L     R2,ADTQLEN
         NUCALL POPCNT
         ST    R0,CMUSEDN
         MVC   364(4,R8),ADTNUM
         ST    R0,368(,R8)               ADTUSED
         L     R1,ADTNUM
         SR    R1,R0
         ST    R1,372(,R8)               ADTLEFT
         MVC   376(4,R8),CMLAST          ADTLAST
         MVC   380(4,R8),ADTCYL
         XC    384(215,R8),384(R8)
         L     R3,ADTQLEN
         C     R3,=F'215'
         BNH   *+8
         LA    R3,215
         LA    R2,384(,R8)
         L     R4,ADTQMSK
         A     R4,ADTQLEN
         LR    R5,R3
         MVCL  R2,R4
         MVC   599(1,R8),ADTUNIT
         XC    600(200,R8),600(R8)
         LR    R2,R9
         LA    R3,4
         LR    R4,R8
         LA    R5,1
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   CMIOERR
         MVC   ADTNUM(20),364(R8)
         NI    ADTFLG,255-ADTFDIR
* The blocks that went are free: TAKEN = TAKEN and not GOING.
         L     R2,ADTQMSK                TAKEN
         L     R4,ADTQLEN
         LA    R3,0(R4,R4)
         AR    R3,R2                     GOING
CM13     LTR   R4,R4
         BNP   CM14
         IC    R0,0(,R3)
         X     R0,=F'-1'
         STC   R0,CMBYTE
         NC    0(1,R2),CMBYTE
         MVI   0(R3),0
         LA    R2,1(,R2)
         LA    R3,1(,R3)
         BCT   R4,CM13
CM14     L     R1,ADTQMSK
         L     R2,ADTQLEN
         NUCALL POPCNT
         L     R1,ADTNUM
         SR    R1,R0
         ST    R1,ADTFREE
         SR    R6,R6
         B     CMOUT
* Failed: the new blocks go again at the next commit (the disk is as
* it was; storage stays ahead of it).
CMIOERR  LA    R6,3
         B     CMUNDO
CMFULL   LA    R6,13
CMUNDO   LA    R10,CMBLKS
CMU1     C     R10,CMNEXT
         BNL   CMOUT
         SR    R2,R2
         ICM   R2,3,0(R10)
         LA    R10,2(,R10)
         C     R2,=A(X'FFFD')
         BNL   CMU1
         LR    R1,R9
         SR    R3,R3
         NUCALL MARK
         B     CMU1
CMOUT    L     R1,CMTBUF
         LTR   R1,R1
         BZ    CMOUT1
         LA    R0,800
         NUCALL FRETFREE
CMOUT1   CMSRET RC=(R6)
* CMUSED: cc 0 when the FST block at R6 holds no file.
CMUSED   LA    R1,HBFST-HBD(,R6)
         LA    R0,20
CMUS1    CLI   0(R1),0
         BNER  R14
         LA    R1,40(,R1)
         BCT   R0,CMUS1
         CR    R0,R0
         BR    R14
* CMNEW: a new block (kept at the commit) into the list at R10.
CMNEW    LR    R5,R14
         LA    R1,CMBLKS+362
         CR    R10,R1
         BNL   CMFULL
         LR    R2,R9
         LA    R3,1
         NUCALL ALLOC
         LTR   R15,R15
         BNZ   CMFULL
         STH   R1,0(,R10)
         LA    R10,2(,R10)
         ST    R10,CMNEXT
         LA    R11,1(,R11)
         LR    R2,R1
         LR    R1,R9
         LA    R3,1
         NUCALL MARK
         BR    R5
* CMWRITE: the 800 bytes at R4 to the block whose number is at R10.
CMWRITE  LR    R11,R14
         SR    R3,R3
         ICM   R3,3,0(R10)
         LA    R10,2(,R10)
         LR    R2,R9
         LA    R5,1
         NUCALL DSKIO
         LTR   R15,R15
         BNZ   CMIOERR
         BR    R11
* CMLASTB: R2 = the index of the last nonzero byte of the R2 bytes at
* R1 (0 when none is).
CMLASTB  AR    R1,R2
CML1     BCTR  R1,0
         BCTR  R2,0
         LTR   R2,R2
         BNPR  R14
         CLI   0(R1),0
         BE    CML1
         BR    R14
         DROP  R9,R13
         LTORG
CMWK     DSECT
         DS    18F
CMBLKS   DS    XL364             FST blocks, sentinel, extensions
CMSNTL   DS    A                 where the sentinel goes
CMNEXT   DS    A                 the list's end
CMTBUF   DS    A                 800 bytes of zeros / an extension
CMLAST   DS    F
CMUSEDN  DS    F
CMBYTE   DS    X
         DS    XL3
CMWLEN   EQU   *-CMWK-72
NUCLEUS  CSECT
