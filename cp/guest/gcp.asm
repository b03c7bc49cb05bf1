*=====================================================================
* GCP: the guest control program (docs/VM-UNDER-VM.md).
*
* A control program in S/370 code that runs under a CP (ours, or
* itself) and gives one virtual machine to one guest by trap and
* emulate (Popek and Goldberg): the guest runs in the real problem
* state under GCP's own DAT; every privileged instruction it issues
* comes here as a privileged-operation exception and is emulated on
* the guest's virtual state; every interruption of the guest comes
* here and is reflected through the guest's own PSWs.
*
* Storage of GCP (its real storage is the storage of the machine it
* runs in):
*   0-FFF     page 0: GCP's PSA, the parameter block (X'800', written
*             by whoever starts GCP: s370run --levels), the VMBLOK
*             (X'C00', read by whoever reports on the guest)
*   1000-7FFF the code
*   8000      the segment table (16 entries, 1M segments)
*   9000-AFFF the page tables (4096 entries of 2 bytes, 4K pages),
*             mapping guest real storage to GCP's frames
*   B000-EFFF the frame table: for each 4K page of the guest's
*             absolute storage, the frame that holds it, or 0
*   F000-FFFF buffers for DIAGNOSE of the CP below, and a console
*             line
*   10000     the shadow segment table (256 entries), then from
*   10400-2DFFF the shadow page tables, while the guest's DAT is on
*   2E000-2FFFF the guest's channel programs, translated: 8 slots of
*             64 CCWs (512 bytes), each with its map (512 bytes):
*             for each CCW the guest's CCW and the count after it
*   30000-3DFFF the data of DIAGNOSE X'18' and X'20' channel
*             programs, contiguous (CP's DIAGNOSE wants them whole)
*   3E000-3FFFF the storage keys of the guest's 2K blocks whose page
*             has no frame yet (SSK of every block, as CMS does at
*             IPL, must not cost a frame each)
*   40000-    frames, given out as the guest first touches a page,
*             up to the load area (the guest's initial storage), or
*             the end of GCP's storage.
*
* The guest's storage is thus allocated as it is touched: a guest of
* 16M fits in a GCP of 16M as long as it touches less than what is
* left for frames. A page never touched reads as zeros.
*
* When the guest turns DAT on, it runs on shadow tables: its own
* tables' format, mapping its virtual addresses straight to GCP's
* frames. They are filled at each translation exception from the
* guest's tables, and purged (all of them) when the Principles let
* a translation change: PTLB, IPTE, a new CR0 format or CR1, SPX.
* Between those, as a TLB may, they keep what they had.
*
* I/O: the guest has GCP's devices, at the same addresses. GCP copies
* its channel programs, with the data addresses turned into its own
* (split at its frames' ends by data chaining), and runs them; the CSW
* it gets back is turned into the guest's (its CCW's address, the
* count left).
*
* What is not built yet (docs/VM-UNDER-VM.md): PER events of emulated
* instructions, DIAGNOSE but X'00', indirect data addressing. What
* GCP cannot do stops it with a code in the VMBLOK, never a wrong
* result.
*=====================================================================
R0       EQU   0
R1       EQU   1
R2       EQU   2
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R7       EQU   7
R8       EQU   8
R9       EQU   9
R10      EQU   10
R11      EQU   11
R12      EQU   12
R13      EQU   13
R14      EQU   14
R15      EQU   15
SEGTAB   EQU   X'8000'
PAGETAB  EQU   X'9000'
FRAMETAB EQU   X'B000'
SHSEG    EQU   X'10000'                  the shadow segment table
SHPT     EQU   X'10400'                  the shadow page tables
SHEND    EQU   X'2E000'
IOSLOTS  EQU   X'2E000'                  8 channel programs of 1K
NSLOTS   EQU   8
SLOTCCWS EQU   64                        CCWs in one
BOUNCE   EQU   X'30000'                  DIAGNOSE X'18', X'20' data
BOUNCEND EQU   X'3E000'
KEYTAB   EQU   X'3E000'                  keys of pages not yet given
FRAMES   EQU   X'40000'
DIAGBUF  EQU   X'F000'                   DIAGNOSE X'00' from below
CMDBUF   EQU   X'F100'                   DIAGNOSE X'08': the command
RSPBUF   EQU   X'F200'                   and its response
RSPMAX   EQU   X'E00'
LINEBUF  EQU   X'F080'                   GCP's console: a line read
IPLARGS  EQU   X'F0E0'                   an IPL's SEEK, SEARCH
* Stop codes (VMSTAT).
STPFRAME EQU   1                         no frame left for the guest
STPINSN  EQU   2                         an instruction not emulated
STPIO    EQU   3                         an I/O interruption came
STPDAT   EQU   4                         the guest turned on DAT
STPPARM  EQU   5                         no parameter block
STPBUG   EQU   6                         a program check in GCP
STPCHAIN EQU   7                         a channel program GCP can't
*
*---------------------------------------------------------------------
* Page 0 (a DSECT on register 0): the PSA, then GCP's blocks.
*---------------------------------------------------------------------
PSA      DSECT
         ORG   PSA+X'18'
EXTOPSW  DS    D
SVCOPSW  DS    D
PGMOPSW  DS    D
MCKOPSW  DS    D
IOOPSW   DS    D
         ORG   PSA+X'50'
RTIMER   DS    F                         the interval timer
         ORG   PSA+X'58'
EXTNPSW  DS    D
SVCNPSW  DS    D
PGMNPSW  DS    D
MCKNPSW  DS    D
IONPSW   DS    D
         ORG   PSA+X'84'
EXTCPU   DS    H                         X'84' CPU address (1201/1202)
EXTCODE  DS    H                         X'86'
SVCILC   DS    H                         X'88' ILC in bits 13-14
SVCCODE  DS    H                         X'8A'
PGMILC   DS    H                         X'8C'
PGMCODE  DS    H                         X'8E'
TEA      DS    F                         X'90' translation exception
MONCLS   DS    H                         X'94' monitor class
PERCODE  DS    H                         X'96'
PERADDR  DS    F                         X'98'
MONCODE  DS    F                         X'9C'
*---------------------------------------------------------------------
* The parameter block, written before GCP starts (s370run --levels):
* the guest's storage size, PSW, registers, and where its initial
* storage is: records of (address, length, bytes padded to a word).
*---------------------------------------------------------------------
         ORG   PSA+X'800'
PARMID   DS    CL8                       'GCPPARM1'
PLEVEL   DS    F                         this GCP's level (2, 3, ...)
PSIZE    DS    F                         the guest's storage in bytes
PPSW     DS    D                         the guest's first PSW
PGPR     DS    16F
PCR      DS    16F
PFPR     DS    4D
PLOAD    DS    F                         the load area's address
PLOADLEN DS    F                         and length
*---------------------------------------------------------------------
* The VMBLOK: the guest's virtual state. The registers are the
* guest's while GCP has control; while the guest runs they are in
* the machine's. The floating-point registers are always the
* machine's: GCP never uses them.
*---------------------------------------------------------------------
         ORG   PSA+X'C00'
VMID     DS    CL8
VMVER    DS    F
VMLEVEL  DS    F
VPSW     DS    D                         the guest's PSW, BC or EC
VGPR     DS    16F
VCR      DS    16F
VPREFIX  DS    F
GSIZE    DS    F
VFRAMES  DS    F
VMSTAT   DS    F                         0, or why GCP stopped
VMSTOPOP DS    F                         the instruction it could not
VTRAPS   DS    F                         entries into GCP
VEMUL    DS    F                         privileged instructions done
VRPGM    DS    F                         program interruptions given
VRSVC    DS    F                         SVC interruptions given
VREXT    DS    F                         external interruptions given
VFAULTS  DS    F                         frames given to the guest
*---------------------------------------------------------------------
* GCP's own work fields.
*---------------------------------------------------------------------
         ORG   PSA+X'D00'
RPSW     DS    D                         the real PSW that runs guest
STOPPSW  DS    D
EXINSTR  DS    XL8                       an instruction built for EX
INSTR    DS    XL8                       the guest's instruction
OPW      DS    D                         a small operand
CTLBUF   DS    16F                       LCTL, STCTL operands
NREGS    DS    F
EXBYTE   DS    F                         EXECUTE's R1 field
FIRET    DS    F
TMPB     DS    F                         a byte for OC
GFSAVE   DS    12F                       GFETCH, GSTORE
GTSAVE   DS    4F                        GTRANS, MAPPAGE
OLDPSW   DS    D
BASES    DS    3F                        R10, R11, R12
TRAPILC  DS    F                         ILC in bytes of the trap
TRAPIA   DS    F                         the trapping instruction
CURCR0   DS    F                         what real CR0, CR3 hold
CURCR3   DS    F
NEWCR    DS    F
FREENEXT DS    F
FREEEND  DS    F
GKEY     DS    F                         guest PSW key << 4
OPADDR   DS    F                         operand address
OPLEN    DS    F
OPBUF    DS    F
SUPSAVE  DS    16F                       GCP's registers at a check
CURCR1   DS    F                         what real CR1 holds
GTEA     DS    F                         the guest's translation exc.
SEGPROT  DS    F                         its segment protected?
SHPSAVE  DS    3F                        SHPURGE
GLRET    DS    F                         GLREAL
DISP50   DS    F                         the guest's X'50' at dispatch
G50ADR   DS    F                         where it is (0: not known)
G50RET   DS    F
S50RET   DS    F
CURCR2   DS    F                         what real CR2 holds
SLOTDEV  DS    8F                        a slot's device, X'FFFF' free
IODEV    DS    F                         the device of an I/O operation
CSWBUF   DS    D
XLRET    DS    F
XLSAVE   DS    3F
ABSRET   DS    F
ABSSAVE  DS    2F
SLOTNEXT DS    F
NPEND    DS    F                         TICs waiting (up to 8)
PENDING  DS    16F                       their copies and targets
SPEC     DS    F                         copying past a TIC
PREVF    DS    F                         the flags of the CCW before
XLCNT    DS    F
XLNCOPY  DS    F                         copies in the slot
RSPLEN   DS    F
DGCC     DS    F
DGFLAG   DS    F
GCSAVE   DS    12F
IPLMODE  DS    F                         XLCHAIN for an IPL
STOPTIC  DS    F                         where the IPL goes on
BOUNCEM  DS    F                         XLCHAIN for DIAGNOSE
BNEXT    DS    F
OWNDEV   DS    F                         GCP's own I/O: the device
OWNCCW   DS    D                         its CCW
OWNCSW   DS    D                         and the CSW at its end
OWNRES   DS    D                         the PSW it goes on with
OWNWAIT  DS    D                         the PSW it waits with
OWNRET   DS    F
CONSDEV  DS    F                         GCP's console
CONRET   DS    F
OPRET    DS    F
DGRX     DS    F                         DIAGNOSE: Rx * 4, Ry * 4
DGRY     DS    F
IPLDEVN  DS    F
XLSTART  DS    F
VMMODE   DS    F                         1: under vm370, an operator
FRSAVE   DS    2F
CNTRET   DS    F
FRRET    DS    F
DECW     DS    D
SHNEXT   DS    F                         the next shadow page table
WKSAVE   DS    6F                        GWALK
WKRET    DS    F
WKENTRY  DS    F                         the entry's address (LRA)
WKSTE    DS    F                         the segment-table entry
GSEGSH   DS    F                         segment and page shift of the
GPGSH    DS    F                         guest's CR0 format
GCP      CSECT
         DC    X'00080000',A(INIT)       IPL PSW: EC, key 0, disabled
* A self-loading card deck (samples/bare/mkdeck.py) loads an image from
* X'200' and starts it there in the BC mode: GCP's PSW, from X'208'.
         ORG   GCP+X'200'
         LPSW  X'208'
         DS    0D
         DC    X'00080000',A(INIT)
         ORG   GCP+X'1000'
*=====================================================================
* The code.
*=====================================================================
CODE     DS    0H
         USING PSA,0
         USING CODE,R12,R11,R10
*---------------------------------------------------------------------
* INIT: read the parameter block, build the tables, copy the guest's
* initial storage into its frames, and run it.
*---------------------------------------------------------------------
INIT     BALR  R12,0                     R12 = CODE
         BCTR  R12,0
         BCTR  R12,0
         LM    R10,R12,INITBASE
         STM   R10,R12,BASES
         MVC   EXTNPSW(40),INITPSWS      the new PSWs
         MVC   STOPPSW,INITSTOP
         MVC   VMID,=CL8'GCPVMBLK'
         MVC   VMVER,=F'1'
         L     R2,=A(FRAMETAB)
         ST    R2,VFRAMES
         L     R2,=F'-1'
         ST    R2,CURCR0
         ST    R2,CURCR2
         ST    R2,CURCR3
         MVC   SLOTDEV(32),=8F'-1'
* The frame table: empty.
         L     R2,=A(FRAMETAB)
         L     R3,=A(4096*4)
         SR    R5,R5
         MVCL  R2,R4
* The page tables: every entry invalid (the page is given a frame at
* its first touch).
         L     R2,=A(PAGETAB)
         L     R3,=F'4096'
         LH    R4,=X'0008'
INIT2    STH   R4,0(,R2)
         LA    R2,2(,R2)
         BCT   R3,INIT2
* The segment table: 16 segments of 1M, each with its 256 entries.
         L     R2,=A(SEGTAB)
         L     R3,=A(PAGETAB)
         LA    R5,16
INIT3    L     R4,=X'F0000000'           length 15: 256 entries
         OR    R4,R3
         ST    R4,0(,R2)
         LA    R2,4(,R2)
         LA    R3,512(,R3)
         BCT   R5,INIT3
         LCTL  R1,R1,=A(SEGTAB)          STL 0: 16 entries
         L     R2,=A(SEGTAB)
         ST    R2,CURCR1
         BAL   R14,SHPURGE
         L     R2,=A(FRAMES)
         ST    R2,FREENEXT
* Started by s370run --levels (a parameter block), or IPLed in a
* virtual machine of vm370 (none: the operator says what to run).
         CLC   PARMID,=C'GCPPARM1'
         BNE   VMINIT
         MVC   VMLEVEL,PLEVEL
         MVC   GSIZE,PSIZE
         MVC   VPSW,PPSW
         MVC   VGPR(64),PGPR
         MVC   VCR(64),PCR
         LD    0,PFPR
         LD    2,PFPR+8
         LD    4,PFPR+16
         LD    6,PFPR+24
         LCTL  R8,R11,VCR+32             monitor, PER: the guest's
         MVC   FREEEND,PLOAD
* The load records into the guest's storage.
         L     R6,PLOAD
         L     R7,PLOADLEN
         AR    R7,R6                     the area's end
INIT4    LA    R2,8(,R6)
         CR    R2,R7
         BH    DISPATCH
         L     R8,0(,R6)                 guest address
         L     R9,4(,R6)                 length
         LTR   R9,R9
         BZ    DISPATCH
         LA    R6,8(,R6)                 the bytes
INIT5    LR    R1,R8
         BAL   R14,GTRANS                R1 = its frame address
         LR    R3,R8                     bytes left in this page
         N     R3,=X'00000FFF'
         L     R0,=F'4096'
         SR    R0,R3
         CR    R0,R9
         BNH   *+6
         LR    R0,R9
         LR    R2,R1                     frame <- record
         LR    R3,R0
         LR    R4,R6
         LR    R5,R0
         MVCL  R2,R4
         AR    R8,R0
         AR    R6,R0
         SR    R9,R0
         BP    INIT5
         LA    R6,3(,R6)                 to a word
         N     R6,=X'FFFFFFFC'
         B     INIT4
* INIT's constants: within the first 4K, where R12 alone reaches.
INITBASE DC    A(CODE+8192,CODE+4096,CODE)  R10, R11, R12
INITPSWS DC    X'00080000',A(EXTINT)     external
         DC    X'00080000',A(SVCINT)     SVC
         DC    X'00080000',A(PGMINT)     program
         DC    X'000A0000',A(X'0BAD')    machine check: stop
         DC    X'00080000',A(IOINT)      I/O
INITSTOP DC    X'000A0000',A(X'DEAD')
*---------------------------------------------------------------------
* DISPATCH: run the guest on its virtual PSW. An EC PSW with bits
* that must be zero is a specification exception before any
* instruction (GA22-7000 chapter 4, "Exceptions Associated with the
* PSW": ILC 0, the old PSW as loaded). A disabled wait stays in the
* real machine, which stops there.
*---------------------------------------------------------------------
DISPATCH TM    VPSW+1,X'08'              EC mode?
         BZ    DISP2
         TM    VPSW,X'B8'
         BNZ   DISPBAD
         TM    VPSW+2,X'C0'
         BNZ   DISPBAD
         CLI   VPSW+3,0
         BNE   DISPBAD
         CLI   VPSW+4,0
         BNE   DISPBAD
         B     DISP2
DISPBAD  LA    R2,6
         SR    R3,R3
         LA    R5,3
         B     REFLECT
* The real PSW: EC, DAT on, problem state, the guest's key, wait bit,
* external mask, PER mask, condition code and program mask.
DISP2    CLI   VMMODE,0                  under vm370: a disabled wait
         BE    DISP2A                    of the guest is its end, and
         TM    VPSW+1,X'02'              GCP's operator is asked what
         BZ    DISP2A                    next
         TM    VPSW+1,X'08'
         BZ    DISP2W
         TM    VPSW,X'03'                EC: I/O, external masks off
         BZ    GUESTEND
         B     DISP2A
DISP2W   CLI   VPSW,0                    BC: every mask off
         BE    GUESTEND
DISP2A   XC    RPSW,RPSW
         MVI   RPSW,X'04'
         IC    R2,VPSW
         N     R2,=F'1'                  external mask (both modes)
         TM    VPSW+1,X'08'
         BZ    DISP3
         IC    R3,VPSW
         N     R3,=X'00000040'           PER (EC)
         OR    R2,R3
DISP3    STC   R2,TMPB
         OC    RPSW(1),TMPB
* I/O: in the EC mode the guest's I/O mask and CR2; in the BC mode its
* channel masks 0-5, and bit 6 with CR2's bits 6-31 for the rest
* (GA22-7000, "I/O Interruptions"), as CR2 under an EC I/O mask.
         L     R3,VCR+8
         TM    VPSW+1,X'08'
         BZ    DISP3B
         TM    VPSW,X'02'
         BZ    DISP3C
         OI    RPSW,X'02'
         B     DISP3C
DISP3B   SR    R3,R3
         TM    VPSW,X'02'
         BZ    DISP3A
         L     R3,VCR+8
         N     R3,=X'03FFFFFF'
DISP3A   IC    R2,VPSW
         N     R2,=X'000000FC'
         SLL   R2,24
         OR    R3,R2
         LTR   R3,R3
         BZ    DISP3C
         OI    RPSW,X'02'
DISP3C   C     R3,CURCR2
         BE    DISP3D
         ST    R3,CURCR2
         LCTL  R2,R2,CURCR2
DISP3D   DS    0H
         IC    R2,VPSW+1
         N     R2,=X'000000F2'           key, wait
         O     R2,=X'00000009'           EC, problem
         STC   R2,RPSW+1
         IC    R2,VPSW+2                 EC: CC and program mask
         TM    VPSW+1,X'08'
         BO    DISP4
         IC    R2,VPSW+4                 BC: in byte 4
DISP4    N     R2,=X'0000003F'
         STC   R2,RPSW+2
         MVC   RPSW+5(3),VPSW+5
* The guest's interval timer runs as the machine's while it runs:
* its X'50' goes into GCP's, which the machine decrements (and whose
* interruption, X'0080', comes when the guest's would). GCP's store
* there must not meet the guest's low-address protection.
         TM    CURCR0,X'10'
         BZ    DISP4T
         NI    CURCR0,X'EF'
         LCTL  R0,R0,CURCR0
DISP4T   BAL   R14,G50
         MVC   RTIMER,0(R1)
         MVC   DISP50,0(R1)
* Real CR0: GCP's DAT format, the guest's low-address protection and
* external subclass masks (the interval timer is GCP's, at its
* X'50', not the guest's), extraction authority in the virtual
* supervisor state. Real CR3: every key in the virtual supervisor
* state, else the guest's PSW-key mask.
* With the guest's DAT on: its CR0 format and the shadow tables (of
* the length its CR1 gives); else GCP's format and its own tables.
         L     R2,VCR
         N     R2,=X'1800FFE0'
         L     R4,=A(SEGTAB)
         L     R3,=X'00900000'
         TM    VPSW+1,X'08'
         BZ    DISP4A
         TM    VPSW,X'04'
         BZ    DISP4A
         L     R3,VCR
         N     R3,=X'00F80000'
         L     R4,VCR+4
         N     R4,=X'FF000000'
         O     R4,=A(SHSEG)
DISP4A   OR    R2,R3
         C     R4,CURCR1
         BE    DISP4B
         ST    R4,CURCR1
         LCTL  R1,R1,CURCR1
DISP4B   TM    VPSW+1,X'01'
         BO    DISP5
         O     R2,=X'08000000'
DISP5    C     R2,CURCR0
         BE    DISP6
         ST    R2,CURCR0
         LCTL  R0,R0,CURCR0
DISP6    L     R2,VCR+12
         N     R2,=X'FFFF0000'
         TM    VPSW+1,X'01'
         BO    DISP7
         L     R2,=X'FFFF0000'
DISP7    C     R2,CURCR3
         BE    DISP8
         ST    R2,CURCR3
         LCTL  R3,R3,CURCR3
DISP8    LM    R0,R15,VGPR
         LPSW  RPSW
*---------------------------------------------------------------------
* The interruptions. Each merges what the guest changed of its PSW
* while it ran (condition code, program mask, key, address) into the
* virtual PSW and reflects, or (a program check) emulates.
*---------------------------------------------------------------------
SVCINT   STM   R0,R15,VGPR
         LM    R10,R12,BASES
         LA    R1,SVCOPSW
         BAL   R14,MERGE
         BAL   R14,SYNC50
         LH    R2,SVCCODE
         IC    R3,SVCILC+1
         N     R3,=X'00000006'
         LA    R5,2
         L     R4,VRSVC
         LA    R4,1(,R4)
         ST    R4,VRSVC
         B     REFLECT
EXTINT   STM   R0,R15,VGPR
         LM    R10,R12,BASES
         LA    R1,EXTOPSW
         BAL   R14,MERGE
         BAL   R14,SYNC50
         LH    R2,EXTCODE
         SR    R3,R3
         LA    R5,1
         L     R4,VREXT
         LA    R4,1(,R4)
         ST    R4,VREXT
         B     REFLECT
IOINT    TM    IOOPSW+1,X'01'
         BZ    OWNIOINT                  GCP's own I/O
         STM   R0,R15,VGPR
         LM    R10,R12,BASES
         LA    R1,IOOPSW
         BAL   R14,MERGE
         BAL   R14,SYNC50
         LH    R2,X'BA'                  the device
         N     R2,=X'0000FFFF'
         ST    R2,IODEV
         BAL   R14,XLCSW                 the CSW, the guest's
         L     R2,IODEV
         SR    R3,R3
         LA    R5,5
         B     REFLECT
PGMINT   TM    PGMOPSW+1,X'01'
         BZ    PGMSUP                    in GCP itself
         STM   R0,R15,VGPR
         LM    R10,R12,BASES
         LA    R1,PGMOPSW
         BAL   R14,MERGE
         BAL   R14,SYNC50
         L     R4,VTRAPS
         LA    R4,1(,R4)
         ST    R4,VTRAPS
         IC    R3,PGMILC+1
         N     R3,=X'00000006'
         ST    R3,TRAPILC
         LH    R2,PGMCODE
         LR    R4,R2
         N     R4,=X'0000003F'           without PER and monitor
         C     R4,=F'16'                 segment translation
         BE    PGMXLATE
         C     R4,=F'17'                 page translation
         BE    PGMXLATE
         C     R4,=F'2'                  privileged operation
         BNE   REFLPGM
         TM    VPSW+1,X'01'              virtual problem state
         BO    REFLPGM
         B     EMULATE
* A page of the guest's real storage touched for the first time: a
* frame for it, and the instruction again. Beyond the guest's size it
* is an addressing exception, which (unlike the translation exception
* that nullified) leaves the PSW after the instruction.
PGMXLATE L     R1,TEA
         N     R1,=X'00FFFFFF'
         TM    VPSW+1,X'08'
         BZ    PGMXL2
         TM    VPSW,X'04'
         BO    SHFAULT                   the guest's DAT is on
PGMXL2   C     R1,GSIZE
         BNL   PGMXADR
         BAL   R14,MAPPAGE
         B     DISPATCH
PGMXADR  LH    R2,PGMCODE
         L     R4,VPSW+4
         A     R4,TRAPILC
         N     R4,=X'00FFFFFF'
         STCM  R4,7,VPSW+5
         N     R2,=X'000000C0'           PER, monitor bits kept
         O     R2,=F'5'
         B     REFLPGM
* With the guest's DAT on: its tables say what the address is. An
* exception they give is the guest's (segment and page translation
* nullify, as at the level below; the rest suppress); else the
* shadow entry is made and the instruction runs again.
SHFAULT  ST    R1,GTEA
         BAL   R14,GWALK
         LTR   R15,R15
         BNZ   SHFAULT2
         C     R1,GSIZE
         BNL   PGMXADR
         BAL   R14,SHFILL
         B     DISPATCH
SHFAULT2 LH    R2,PGMCODE
         N     R2,=X'000000C0'           PER, monitor bits kept
         LR    R4,R15
         BAL   R14,XLCODE                R15 the exception's code
         OR    R2,R15
         C     R15,=F'16'
         BE    REFLPGM
         C     R15,=F'17'
         BE    REFLPGM
         L     R4,VPSW+4                 suppressed: after it
         A     R4,TRAPILC
         N     R4,=X'00FFFFFF'
         STCM  R4,7,VPSW+5
         B     REFLPGM
* XLCODE: R4 a GWALK code -> R15 the program-interruption code.
XLCODE   LA    R15,5                     addressing
         C     R4,=F'5'
         BER   R14
         LA    R15,X'12'                 translation specification
         C     R4,=F'18'
         BER   R14
         LA    R15,X'10'                 segment (1 invalid, 3 length)
         LR    R0,R4
         N     R0,=F'1'
         BNZR  R14
         LA    R15,X'11'                 page (2 invalid, 4 length)
         BR    R14
* A program check in GCP's own code: expected only at the instruction
* that touches the guest's storage for it (under the guest's key) or
* executes an instruction for it; then it is the guest's exception.
PGMSUP   STM   R0,R15,SUPSAVE
         LM    R10,R12,BASES
         L     R4,PGMOPSW+4
         N     R4,=X'00FFFFFF'
         LA    R5,GFMVCK+6
         CR    R4,R5
         BE    PGMSUP2
         LA    R5,GSMVCK+6
         CR    R4,R5
         BE    PGMSUP2
         LA    R5,PTEX+4
         CR    R4,R5
         BE    PGMSUP2
         LA    R2,STPBUG
         B     STOP
PGMSUP2  LH    R2,PGMCODE
         B     REFLPGM
*---------------------------------------------------------------------
* SYNC50: back from the guest, its X'50' gets the time that passed
* (the machine's X'50'), unless the guest stored a value of its own
* there since (then that stands).
* G50: R1 -> the guest's X'50' in GCP's storage (through its prefix).
*---------------------------------------------------------------------
SYNC50   ST    R14,S50RET
         BAL   R14,G50
         CLC   0(4,R1),DISP50
         BNE   SYNC50B
         MVC   0(4,R1),RTIMER
SYNC50B  L     R14,S50RET
         BR    R14
G50      L     R1,G50ADR
         LTR   R1,R1
         BNZR  R14
         ST    R14,G50RET
         LA    R1,X'50'
         BAL   R14,GTRANS
         ST    R1,G50ADR
         L     R14,G50RET
         BR    R14
*---------------------------------------------------------------------
* MERGE: R1 -> the real old PSW of an interruption of the guest.
*---------------------------------------------------------------------
MERGE    IC    R2,2(,R1)                 CC, program mask
         N     R2,=X'0000003F'
         LA    R3,VPSW+2
         TM    VPSW+1,X'08'
         BO    MERGE2
         LA    R3,VPSW+4
MERGE2   NI    0(R3),X'C0'
         STC   R2,TMPB
         OC    0(1,R3),TMPB
         NI    VPSW+1,X'0F'              the key (SPKA)
         IC    R2,1(,R1)
         N     R2,=X'000000F0'
         STC   R2,TMPB
         OC    VPSW+1(1),TMPB
         MVC   VPSW+5(3),5(R1)
         BR    R14
*---------------------------------------------------------------------
* REFLPGM: a program interruption for the guest, code R2, the ILC of
* the trapping instruction.
* REFLECT: an interruption for the guest: R5 the class (1 external,
* 2 SVC, 3 program), R2 the code, R3 the ILC in bytes. The old PSW
* goes to the guest's PSA (through its prefix), its new PSW becomes
* the virtual PSW; in the EC mode the codes go to their own places.
*---------------------------------------------------------------------
REFLPGM  L     R3,TRAPILC
         LA    R5,3
         L     R4,VRPGM
         LA    R4,1(,R4)
         ST    R4,VRPGM
REFLECT  SR    R1,R1
         BAL   R14,GTRANS
         LR    R6,R1                     R6 = the guest's PSA
         MVC   OLDPSW,VPSW
         TM    VPSW+1,X'08'
         BO    REFEC
         STH   R2,OLDPSW+2               BC: the code in the PSW
         C     R5,=F'1'
         BE    REFPSW
         NI    OLDPSW+4,X'3F'
         LR    R4,R3                     ILC bytes -> bits 32-33
         SLL   R4,5
         STC   R4,TMPB
         OC    OLDPSW+4(1),TMPB
         B     REFPSW
REFEC    C     R5,=F'1'
         BNE   REFEC1
         STH   R2,X'86'(,R6)
         B     REFPSW
REFEC1   C     R5,=F'5'
         BNE   REFEC2
         STH   R2,X'BA'(,R6)             I/O: the device
         B     REFPSW
REFEC2   LR    R4,R3                     ILC in bits 13-14
         SLL   R4,16
         OR    R4,R2
         N     R4,=X'0006FFFF'
         LA    R7,X'88'(,R6)             SVC
         C     R5,=F'2'
         BE    *+8
         LA    R7,X'8C'(,R6)             program
         ST    R4,0(,R7)
         C     R5,=F'3'
         BNE   REFPSW
         LR    R4,R2
         N     R4,=X'00000080'           PER event
         BZ    REFPSW
         MVC   X'96'(6,R6),PERCODE
REFPSW   C     R5,=F'3'
         BNE   REFPSW2
         TM    VPSW+1,X'08'              a translation exception: the
         BZ    REFPSW1                   address, in the EC mode
         LR    R4,R2
         N     R4,=X'0000003E'
         C     R4,=F'16'                 X'10' or X'11'
         BNE   REFPSW1
         MVC   X'90'(4,R6),GTEA
REFPSW1  DS    0H
         LR    R4,R2
         N     R4,=X'00000040'           monitor event: both modes
         BZ    REFPSW2
         MVC   X'94'(2,R6),MONCLS
         MVC   X'9C'(4,R6),MONCODE
REFPSW2  C     R5,=F'1'
         BNE   REFPSW3
         MVC   X'84'(2,R6),EXTCPU
REFPSW3  LR    R4,R5
         SLL   R4,3
         AR    R4,R6
         MVC   X'10'(8,R4),OLDPSW        old PSW
         MVC   VPSW,X'50'(R4)            new PSW
         B     DISPATCH
*---------------------------------------------------------------------
* GTRANS: R1 a guest real address -> R1 the address in GCP's storage
* (real -> absolute through the guest's prefix, then its frame, given
* at the first touch). The caller knows R1 is within the guest.
* MAPPAGE: R1 a guest real address: its page-table entry made valid.
*---------------------------------------------------------------------
GTRANS   STM   R2,R5,GTSAVE
         LR    R5,R14
         LR    R3,R1
         N     R3,=X'00000FFF'           offset
         SRL   R1,12
         BAL   R14,ABSPAGE               R1 = absolute page number
         BAL   R14,FRAME                 R1 = its frame
         AR    R1,R3
         LR    R14,R5
         LM    R2,R5,GTSAVE
         BR    R14
MAPPAGE  STM   R2,R5,GTSAVE
         LR    R5,R14
         SRL   R1,12
         LR    R4,R1                     real page number
         BAL   R14,ABSPAGE
         BAL   R14,FRAME
         SRL   R1,8                      the entry: frame bits 8-19
         SLL   R4,1
         A     R4,=A(PAGETAB)
         STH   R1,0(,R4)
         LR    R14,R5
         LM    R2,R5,GTSAVE
         BR    R14
* ABSPAGE: R1 a real page number -> the absolute one (prefixing swaps
* page 0 and the prefix page, 4K in S/370).
ABSPAGE  L     R2,VPREFIX
         SRL   R2,12
         LTR   R1,R1
         BNZ   ABSP2
         LR    R1,R2
         BR    R14
ABSP2    CR    R1,R2
         BNER  R14
         SR    R1,R1
         BR    R14
* FRAME: R1 an absolute page number -> R1 its frame (a new one, zero,
* at the first touch).
FRAME    SLL   R1,2
         LR    R2,R1
         A     R2,=A(FRAMETAB)
         L     R1,0(,R2)
         LTR   R1,R1
         BNZR  R14
         L     R1,FREENEXT
         C     R1,FREEEND
         BNL   FRAMEOUT
         ST    R1,0(,R2)
         S     R2,=A(FRAMETAB)           its keys, if SSK gave some
         SRL   R2,1                      before the page had a frame
         A     R2,=A(KEYTAB)
         CLC   0(2,R2),=H'0'
         BE    FRAME2
         STM   R3,R4,FRSAVE
         IC    R3,0(,R2)
         SSK   R3,R1
         IC    R3,1(,R2)
         LA    R4,2048(,R1)
         SSK   R3,R4
         LM    R3,R4,FRSAVE
FRAME2   LA    R2,4095(,R1)
         LA    R2,1(,R2)
         ST    R2,FREENEXT
         L     R2,VFAULTS
         LA    R2,1(,R2)
         ST    R2,VFAULTS
         BR    R14
FRAMEOUT LA    R2,STPFRAME
         B     STOP
*---------------------------------------------------------------------
* GFETCH: OPLEN bytes (1-256) of the guest's storage at OPADDR into
* OPBUF -> GCP's storage, under the guest's key (so its protection
* and fetch protection apply as on the bare machine).
* GSTORE: OPLEN bytes from OPBUF to the guest's OPADDR, under its
* key and its low-address protection.
* Beyond the guest's storage: an addressing exception for it.
* An operand that crosses a page goes in two parts.
*---------------------------------------------------------------------
GFETCH   STM   R14,R9,GFSAVE
GFET1    BAL   R14,GPART                 R1 frame addr, R0 length
         L     R3,GKEY
         L     R2,OPBUF
         LR    R4,R0
GFMVCK   MVCK  0(R4,R2),0(R1),R3
         BAL   R14,GNEXT
         BP    GFET1
         LM    R14,R9,GFSAVE
         BR    R14
GSTORE   STM   R14,R9,GFSAVE
         TM    VCR,X'10'                 low-address protection
         BZ    GSTO1
         CLC   OPADDR,=F'512'
         BNL   GSTO1
         LA    R2,4
         B     REFLPGM
GSTO1    BAL   R14,GPART
         TM    SEGPROT+3,X'04'           segment protection
         BZ    GSTO2
         LA    R2,4
         B     REFLPGM
GSTO2    L     R3,GKEY
         L     R2,OPBUF
         LR    R4,R0
         SPKA  0(R3)
         SR    R3,R3
GSMVCK   MVCK  0(R4,R1),0(R2),R3
         SPKA  0
         BAL   R14,GNEXT
         BP    GSTO1
         LM    R14,R9,GFSAVE
         BR    R14
* GPART: the part of the operand in OPADDR's page: R1 its address in
* GCP's storage, R0 its length. GNEXT: on past it; cc 2 if more.
GPART    LR    R9,R14
         L     R1,OPADDR
         BAL   R14,GLREAL
         C     R1,GSIZE
         BNL   GADDRX
         BAL   R14,GTRANS
         L     R0,OPADDR                 to the end of its 2K block
         N     R0,=X'000007FF'
         L     R2,=F'2048'
         SR    R2,R0
         L     R0,OPLEN
         CR    R0,R2
         BNH   *+6
         LR    R0,R2
         LR    R14,R9
         BR    R14
GNEXT    L     R2,OPADDR
         AR    R2,R0
         N     R2,=X'00FFFFFF'
         ST    R2,OPADDR
         L     R2,OPBUF
         AR    R2,R0
         ST    R2,OPBUF
         L     R2,OPLEN
         SR    R2,R0
         ST    R2,OPLEN
         LTR   R2,R2
         BR    R14
GADDRX   LA    R2,5
         B     REFLPGM
* GLREAL: R1 a logical address of the guest's operand -> R1 the real
* one (with its DAT on, through its tables), SEGPROT its segment's
* protection bit. An exception the tables give is the guest's:
* translation exceptions nullify (the PSW goes back to the
* instruction), the rest suppress.
GLREAL   XC    SEGPROT,SEGPROT
         TM    VPSW+1,X'08'
         BZR   R14
         TM    VPSW,X'04'
         BZR   R14
         ST    R14,GLRET
         ST    R1,GTEA
         BAL   R14,GWALK
         ST    R2,SEGPROT
         L     R14,GLRET
         LTR   R15,R15
         BZR   R14
         LR    R4,R15
         BAL   R14,XLCODE
         LR    R2,R15
         C     R2,=F'16'
         BE    GLREAL2
         C     R2,=F'17'
         BNE   REFLPGM
GLREAL2  L     R4,VPSW+4
         S     R4,TRAPILC
         N     R4,=X'00FFFFFF'
         STCM  R4,7,VPSW+5
         B     REFLPGM
*---------------------------------------------------------------------
* EMULATE: a privileged instruction of the guest in its virtual
* supervisor state. Its address is the PSW's less the ILC; an
* EXECUTE's target is the instruction, with the byte of R1 in it.
*---------------------------------------------------------------------
EMULATE  L     R4,VEMUL
         LA    R4,1(,R4)
         ST    R4,VEMUL
         IC    R2,VPSW+1
         N     R2,=X'000000F0'
         ST    R2,GKEY
         L     R2,VPSW+4
         S     R2,TRAPILC
         N     R2,=X'00FFFFFF'
         ST    R2,TRAPIA
         BAL   R14,FETCHI
         CLI   INSTR,X'44'               EXECUTE
         BNE   EMUL2
         BAL   R14,GETEAX
         ST    R7,TRAPIA
         BAL   R14,FETCHI
         IC    R2,EXBYTE                 EX's R1 field
         SRL   R2,4
         N     R2,=F'15'
         BZ    EMUL2
         SLL   R2,2
         L     R2,VGPR(R2)
         STC   R2,TMPB
         OC    INSTR+1(1),TMPB
* The routine: EMULIDX1 by the first byte (9C-9F cover bit 15's two
* instructions), EMULIDX2 by the second for B2xx; E5xx is TPROT only.
EMUL2    SR    R2,R2
         IC    R2,INSTR
         IC    R2,EMULIDX1(R2)
EMUL3    SLL   R2,1
         LH    R4,EMULRTN(R2)
         B     CODE(R4)
EB2      SR    R2,R2
         IC    R2,INSTR+1
         IC    R2,EMULIDX2(R2)
         B     EMUL3
EE5      CLI   INSTR+1,X'01'
         BE    ETPROT
EMULNONE LA    R2,1                      not one GCP knows: operation
         B     REFLPGM
EMULIDX1 DC    256AL1(0)                 X'00'-X'FF': 0 not known
         ORG   EMULIDX1+X'08'
         DC    AL1(1)                    08 ESSK
         ORG   EMULIDX1+X'09'
         DC    AL1(2)                    09 EISK
         ORG   EMULIDX1+X'80'
         DC    AL1(3)                    80 ESSM
         ORG   EMULIDX1+X'82'
         DC    AL1(4)                    82 ELPSW
         ORG   EMULIDX1+X'83'
         DC    AL1(5)                    83 EDIAG
         ORG   EMULIDX1+X'9C'
         DC    AL1(6)                    9C ESIO
         ORG   EMULIDX1+X'9D'
         DC    AL1(7)                    9D EIOPASS
         ORG   EMULIDX1+X'9E'
         DC    AL1(7)                    9E EIOPASS
         ORG   EMULIDX1+X'9F'
         DC    AL1(7)                    9F EIOPASS
         ORG   EMULIDX1+X'AC'
         DC    AL1(8)                    AC ESTNSM
         ORG   EMULIDX1+X'AD'
         DC    AL1(9)                    AD ESTOSM
         ORG   EMULIDX1+X'AE'
         DC    AL1(10)                   AE ESIGP
         ORG   EMULIDX1+X'B1'
         DC    AL1(11)                   B1 ELRA
         ORG   EMULIDX1+X'B6'
         DC    AL1(12)                   B6 ESTCTL
         ORG   EMULIDX1+X'B7'
         DC    AL1(13)                   B7 ELCTL
         ORG   EMULIDX1+X'B2'
         DC    AL1(14)                   B2 EB2
         ORG   EMULIDX1+X'E5'
         DC    AL1(15)                   E5 EE5
         ORG   EMULIDX1+256
EMULIDX2 DC    256AL1(0)                 B2xx: by the second byte
         ORG   EMULIDX2+X'00'
         DC    AL1(7)                    B200 EIOPASS
         ORG   EMULIDX2+X'01'
         DC    AL1(7)                    B201 EIOPASS
         ORG   EMULIDX2+X'02'
         DC    AL1(16)                   B202 EPASS8S
         ORG   EMULIDX2+X'03'
         DC    AL1(7)                    B203 EIOPASS
         ORG   EMULIDX2+X'04'
         DC    AL1(17)                   B204 EPASS8F
         ORG   EMULIDX2+X'06'
         DC    AL1(17)                   B206 EPASS8F
         ORG   EMULIDX2+X'07'
         DC    AL1(16)                   B207 EPASS8S
         ORG   EMULIDX2+X'08'
         DC    AL1(17)                   B208 EPASS8F
         ORG   EMULIDX2+X'09'
         DC    AL1(16)                   B209 EPASS8S
         ORG   EMULIDX2+X'0D'
         DC    AL1(18)                   B20D EPTLB
         ORG   EMULIDX2+X'10'
         DC    AL1(19)                   B210 ESPX
         ORG   EMULIDX2+X'11'
         DC    AL1(20)                   B211 ESTPX
         ORG   EMULIDX2+X'12'
         DC    AL1(21)                   B212 EPASS2S
         ORG   EMULIDX2+X'13'
         DC    AL1(22)                   B213 ERRB
         ORG   EMULIDX2+X'21'
         DC    AL1(23)                   B221 EIPTE
         ORG   EMULIDX2+256
         DS    0H
EMULRTN  DS    0H                        the routines' offsets
         DC    AL2(EMULNONE-CODE)
         DC    AL2(ESSK-CODE)
         DC    AL2(EISK-CODE)
         DC    AL2(ESSM-CODE)
         DC    AL2(ELPSW-CODE)
         DC    AL2(EDIAG-CODE)
         DC    AL2(ESIO-CODE)
         DC    AL2(EIOPASS-CODE)
         DC    AL2(ESTNSM-CODE)
         DC    AL2(ESTOSM-CODE)
         DC    AL2(ESIGP-CODE)
         DC    AL2(ELRA-CODE)
         DC    AL2(ESTCTL-CODE)
         DC    AL2(ELCTL-CODE)
         DC    AL2(EB2-CODE)
         DC    AL2(EE5-CODE)
         DC    AL2(EPASS8S-CODE)
         DC    AL2(EPASS8F-CODE)
         DC    AL2(EPTLB-CODE)
         DC    AL2(ESPX-CODE)
         DC    AL2(ESTPX-CODE)
         DC    AL2(EPASS2S-CODE)
         DC    AL2(ERRB-CODE)
         DC    AL2(EIPTE-CODE)
*---------------------------------------------------------------------
* FETCHI: the instruction at TRAPIA into INSTR (its length from the
* first two bits of its opcode), as the guest fetches it.
* GETEA: the S/RS operand address of INSTR (B2, D2) -> R7.
* GETEAX: the RX one (X2, B2, D2) -> R7; INSTR+1 kept in EXBYTE.
*---------------------------------------------------------------------
FETCHI   ST    R14,FIRET
* The guest has just fetched it: no access can fail. Straight from
* its frame when it does not cross a 2K block.
         L     R1,TRAPIA
         LR    R2,R1
         N     R2,=X'000007FF'
         C     R2,=X'000007FA'
         BH    FETCHI1
         BAL   R14,GLREAL
         C     R1,GSIZE
         BNL   FETCHI1
         BAL   R14,GTRANS
         MVC   INSTR(6),0(R1)
         L     R14,FIRET
         BR    R14
FETCHI1  MVC   OPADDR,TRAPIA
         LA    R2,2
         ST    R2,OPLEN
         LA    R2,INSTR
         ST    R2,OPBUF
         BAL   R14,GFETCH
         SR    R2,R2
         IC    R2,INSTR
         SRL   R2,6
         LTR   R2,R2
         BZ    FETCHI2                   RR: 2 bytes
         LA    R3,2
         C     R2,=F'3'
         BNE   *+8
         LA    R3,4
         ST    R3,OPLEN
         L     R2,TRAPIA
         LA    R2,2(,R2)
         N     R2,=X'00FFFFFF'
         ST    R2,OPADDR
         LA    R2,INSTR+2
         ST    R2,OPBUF
         BAL   R14,GFETCH
FETCHI2  L     R14,FIRET
         BR    R14
GETEA    SR    R7,R7
         IC    R2,INSTR+2
         SRL   R2,4
         N     R2,=F'15'
         BZ    GETEA2
         SLL   R2,2
         L     R7,VGPR(R2)
GETEA2   LH    R2,INSTR+2
         N     R2,=X'00000FFF'
         AR    R7,R2
         N     R7,=X'00FFFFFF'
         BR    R14
GETEAX   MVC   EXBYTE(1),INSTR+1
         LR    R8,R14
         BAL   R14,GETEA
         LR    R14,R8
         IC    R2,INSTR+1                X2
         N     R2,=F'15'
         BZR   R14
         SLL   R2,2
         A     R7,VGPR(R2)
         N     R7,=X'00FFFFFF'
         BR    R14
* RFIELDS: the register fields of INSTR+1 as offsets into VGPR: R2
* the first (R1) * 4, R3 the second (R2, X2 or R3) * 4.
RFIELDS  SR    R2,R2
         IC    R2,INSTR+1
         LR    R3,R2
         SRL   R2,4
         SLL   R2,2
         N     R3,=F'15'
         SLL   R3,2
         BR    R14
* SETCC: R15 (0-3) into the virtual PSW's condition code.
SETCC    SLL   R15,4
         STC   R15,TMPB
         LA    R3,VPSW+2
         TM    VPSW+1,X'08'
         BO    *+8
         LA    R3,VPSW+4
         NI    0(R3),X'CF'
         OC    0(1,R3),TMPB
         BR    R14
* ALIGN: R7 the operand address, R8 the mask of bits that must be
* zero: else a specification exception (it comes before access).
ALIGN    LR    R2,R7
         NR    R2,R8
         BZR   R14
         LA    R2,6
         B     REFLPGM
*---------------------------------------------------------------------
* The emulations. Each ends in DISPATCH (done) or REFLPGM (the
* exception the bare machine would give).
*---------------------------------------------------------------------
* SSM: CR0 bit 1 makes it a special operation; an EC mask with bits
* 0, 2-4 on is set and then a specification exception (as Hercules,
* and the bare machine here).
ESSM     TM    VCR,X'40'
         BZ    ESSM2
         LA    R2,X'13'
         B     REFLPGM
ESSM2    BAL   R14,GETEA
         ST    R7,OPADDR
         LA    R2,1
         ST    R2,OPLEN
         LA    R2,OPW
         ST    R2,OPBUF
         BAL   R14,GFETCH
         IC    R2,OPW
SETMASK  STC   R2,VPSW
         TM    VPSW+1,X'08'
         BZ    DISPATCH
         N     R2,=X'000000B8'
         BZ    DISPATCH
         LA    R2,6
         B     REFLPGM
ESTNSM   LA    R9,X'94'                  NI
         B     ESTXSM
ESTOSM   LA    R9,X'96'                  OI
ESTXSM   BAL   R14,GETEA
         ST    R7,OPADDR
         LA    R2,1
         ST    R2,OPLEN
         LA    R2,VPSW
         ST    R2,OPBUF
         BAL   R14,GSTORE
         MVC   OPW(1),VPSW
         STC   R9,EXINSTR                NI/OI OPW,I2
         MVC   EXINSTR+1(1),INSTR+1
         MVC   EXINSTR+2(2),=Y(OPW-PSA)
         EX    R0,EXINSTR
         IC    R2,OPW
         B     SETMASK
* LPSW: a doubleword; the new PSW is checked when it takes effect.
ELPSW    BAL   R14,GETEA
         LA    R8,7
         BAL   R14,ALIGN
         ST    R7,OPADDR
         LA    R2,8
         ST    R2,OPLEN
         LA    R2,OPW
         ST    R2,OPBUF
         BAL   R14,GFETCH
         MVC   VPSW,OPW
         B     DISPATCH
* LCTL, STCTL: the virtual control registers. CR8-CR11 (monitor masks
* and PER) are also the real ones; CR0 and CR3 are made from the
* virtual ones at each dispatch.
ELCTL    BAL   R14,CTLSETUP
         BAL   R14,GFETCH
         L     R8,VCR                    what translation depends on
         N     R8,=X'00F80000'
         L     R9,VCR+4
ELCTL2   LR    R2,R6
         SLL   R2,2
         LA    R3,VCR(R2)
         MVC   0(4,R3),0(R4)
         LA    R4,4(,R4)
         LA    R6,1(,R6)
         N     R6,=F'15'
         BCT   R5,ELCTL2
         LCTL  R8,R11,VCR+32
         L     R2,VCR
         N     R2,=X'00F80000'
         CR    R2,R8
         BNE   ELCTL3
         C     R9,VCR+4
         BE    DISPATCH
ELCTL3   BAL   R14,SHPURGE               a new format or CR1
         B     DISPATCH
ESTCTL   BAL   R14,CTLSETUP
ESTCTL2  LR    R2,R6
         SLL   R2,2
         LA    R3,VCR(R2)
         MVC   0(4,R4),0(R3)
         LA    R4,4(,R4)
         LA    R6,1(,R6)
         N     R6,=F'15'
         BCT   R5,ESTCTL2
         BAL   R14,GSTORE
         B     DISPATCH
* CTLSETUP: the operand (word aligned), its length 4n, CTLBUF; for
* the loop over the registers R4 CTLBUF, R5 n, R6 the first (R1).
CTLSETUP LR    R9,R14
         BAL   R14,GETEA
         LA    R8,3
         BAL   R14,ALIGN
         ST    R7,OPADDR
         IC    R2,INSTR+1                n = (R3 - R1) mod 16 + 1
         LR    R3,R2
         SRL   R2,4
         N     R2,=F'15'
         LR    R6,R2
         N     R3,=F'15'
         SR    R3,R2
         N     R3,=F'15'
         LA    R3,1(,R3)
         ST    R3,NREGS
         LR    R5,R3
         SLL   R3,2
         ST    R3,OPLEN
         LA    R4,CTLBUF
         ST    R4,OPBUF
         LR    R14,R9
         BR    R14
* ISK, SSK, RRB: the key of the frame that holds the guest's block
* (a 2K block: bit 20 of the address is kept).
EISK     BAL   R14,KEYADDR
         SR    R5,R5
         IC    R5,0(,R6)                 no frame: the key kept
         LTR   R4,R4
         BZ    *+6
         ISK   R5,R4
         TM    VPSW+1,X'08'
         BO    *+8
         N     R5,=X'000000F8'           BC: no R, C bits
         BAL   R14,RFIELDS
         STC   R5,VGPR+3(R2)
         B     DISPATCH
ESSK     BAL   R14,KEYADDR
         BAL   R14,RFIELDS
         L     R5,VGPR(R2)
         LTR   R4,R4
         BZ    ESSK2
         SSK   R5,R4
         B     DISPATCH
ESSK2    N     R5,=X'000000FE'           no frame yet: kept for it
         STC   R5,0(,R6)
         B     DISPATCH
* KEYADDR: R2 field of an RR ISK/SSK -> R4 the frame's block, or 0
* if its page has no frame yet; R6 the block's byte in KEYTAB.
KEYADDR  LR    R9,R14
         BAL   R14,RFIELDS
         L     R7,VGPR(R3)
         LA    R8,15
         BAL   R14,ALIGN
         LR    R14,R9
KEYADDR2 N     R7,=X'00FFF800'
         C     R7,GSIZE
         BNL   GADDRX
         LR    R1,R7
         SRL   R1,12
         LR    R9,R14
         BAL   R14,ABSPAGE               R1 the absolute page
         LR    R14,R9
         LR    R6,R1
         SLL   R6,1
         LR    R2,R7
         N     R2,=X'00000800'
         BZ    *+8
         LA    R6,1(,R6)
         A     R6,=A(KEYTAB)
         SLL   R1,2
         A     R1,=A(FRAMETAB)
         L     R4,0(,R1)
         LTR   R4,R4
         BZR   R14
         OR    R4,R2
         BR    R14
ERRB     BAL   R14,GETEA
         BAL   R14,KEYADDR2
         LTR   R4,R4
         BZ    ERRB2
         RRB   0(R4)
         BALR  R15,0
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         B     DISPATCH
ERRB2    SR    R15,R15                   no frame: its kept bits
         TM    0(R6),X'04'
         BZ    *+8
         LA    R15,2(,R15)
         TM    0(R6),X'02'
         BZ    *+8
         LA    R15,1(,R15)
         NI    0(R6),X'FB'
         BAL   R14,SETCC
         B     DISPATCH
* The timers, clocks and identification: GCP keeps none of its own,
* so the guest has the machine's: the instruction is executed for it
* on its operand's frame, under its key.
EPASS8S  LA    R8,7                      8 bytes, stored
         B     EPASS
EPASS2S  LA    R8,1                      2 bytes, stored
         B     EPASS
EPASS8F  LA    R8,7                      8 bytes, fetched
         SR    R9,R9
         B     EPASS2
EPASS    LA    R9,1                      a store
EPASS2   BAL   R14,GETEA
         BAL   R14,ALIGN
         LR    R1,R7
         BAL   R14,GLREAL
         LR    R6,R1                     real
         AR    R1,R8
         C     R1,GSIZE
         BNL   GADDRX
         LTR   R9,R9
         BZ    EPASS3
         TM    SEGPROT+3,X'04'           segment protection
         BZ    EPASS2A
         LA    R2,4
         B     REFLPGM
EPASS2A  TM    VCR,X'10'                 low-address protection
         BZ    EPASS3
         C     R7,=F'512'
         BNL   EPASS3
         LA    R2,4
         B     REFLPGM
EPASS3   LR    R1,R6
         BAL   R14,GTRANS
         LR    R4,R1
         MVC   EXINSTR(2),INSTR
         MVC   EXINSTR+2(2),=X'4000'     D2(B2) = 0(R4)
         L     R3,GKEY
         SPKA  0(R3)
PTEX     EX    R0,EXINSTR
         SPKA  0
         BALR  R15,0
         CLC   INSTR(2),=X'B204'         SCK sets the CC, the rest not
         BNE   DISPATCH
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         B     DISPATCH
* The I/O instructions other than SIO: executed for the guest on its
* device address (GCP passes its devices on as they are; it has no
* channel programs to translate for these). SIO, SIOF: cc 3, not
* operational, until GCP translates channel programs.
EIOPASS  BAL   R14,GETEA
         LR    R4,R7
         ST    R7,IODEV
         MVC   EXINSTR(2),INSTR
         MVC   EXINSTR+2(2),=X'4000'
         EX    R0,EXINSTR
         BALR  R15,0
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         C     R15,=F'1'                 a CSW stored?
         BNE   DISPATCH
         CLI   INSTR,X'9D'               TIO, CLRIO
         BE    EIOPASS2
         CLI   INSTR,X'9E'               HIO, HDV
         BNE   DISPATCH
EIOPASS2 BAL   R14,XLCSW
         B     DISPATCH
*---------------------------------------------------------------------
* SIO, SIOF: the guest's channel program (its CAW at its X'48') is
* copied into the device's slot with GCP's addresses, and started
* with GCP's CAW (the guest's key).
*---------------------------------------------------------------------
ESIO     BAL   R14,GETEA
         N     R7,=X'0000FFFF'
         ST    R7,IODEV
         BAL   R14,SLOTFOR               R7 the slot's CCWs
         LA    R1,X'48'                  the guest's CAW
         BAL   R14,GTRANS
         MVC   CSWBUF(4),0(R1)
         L     R8,CSWBUF
         N     R8,=X'00FFFFFF'
         BAL   R14,XLCHAIN
         BAL   R14,NOLAP                 GCP stores into its X'48'
         L     R2,CSWBUF
         N     R2,=X'F0000000'           the guest's key
         OR    R2,R7
         ST    R2,X'48'
         L     R4,IODEV
         MVC   EXINSTR(2),INSTR
         MVC   EXINSTR+2(2),=X'4000'
         EX    R0,EXINSTR
         BALR  R15,0
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         C     R15,=F'1'
         BNE   DISPATCH
         BAL   R14,XLCSW
         B     DISPATCH
* NOLAP: GCP's own store below 512 must not meet the guest's low-
* address protection in real CR0.
NOLAP    TM    CURCR0,X'10'
         BZR   R14
         NI    CURCR0,X'EF'
         LCTL  R0,R0,CURCR0
         BR    R14
* SLOTFOR: IODEV's slot (its own, or a free one, or the oldest: a
* device's channel program is kept until its next SIO) -> R7 its
* CCWs, R6 its number * 4.
SLOTFOR  LR    R5,R14
         BAL   R14,SLOTOF                its own?
         LR    R14,R5
         LTR   R7,R7
         BNZR  R14
         SR    R6,R6
         LA    R3,NSLOTS
SLOTF3   LA    R7,SLOTDEV(R6)
         CLC   0(4,R7),=F'-1'
         BE    SLOTF4
         LA    R6,4(,R6)
         BCT   R3,SLOTF3
         L     R6,SLOTNEXT               none free: round robin
         LA    R3,4(,R6)
         N     R3,=X'0000001C'
         ST    R3,SLOTNEXT
SLOTF4   LA    R3,SLOTDEV(R6)
         MVC   0(4,R3),IODEV
SLOTF5   LR    R7,R6
         SLL   R7,8                      * 1024 / 4
         A     R7,=A(IOSLOTS)
         BR    R14
* SLOTOF: IODEV's slot -> R7 its CCWs, or R7 0 if it has none.
SLOTOF   SR    R6,R6
         LA    R3,NSLOTS
SLOTO2   LA    R7,SLOTDEV(R6)
         CLC   0(4,R7),IODEV
         BE    SLOTF5
         LA    R6,4(,R6)
         BCT   R3,SLOTO2
         SR    R7,R7
         BR    R14
*---------------------------------------------------------------------
* XLCHAIN: the guest's channel program at absolute R8 into the slot
* at R7: each CCW with its data address in GCP's storage, split where
* the data crosses one of GCP's frames (data chaining). A TIC goes to
* the copy of its target (copied later if it is not yet: the TICs
* wait in PENDING). After a TIC whose CCW before it chained, the CCWs
* that follow are copied too (a search's status modifier skips the
* TIC); what cannot be copied there ends the copy with an invalid
* CCW, which the channel refuses if it gets that far. The map keeps,
* for each copy, the guest's CCW and the count of the pieces after
* it. What GCP cannot copy on the channel's sure path (indirect data
* addresses, a program longer than the slot, addresses beyond the
* guest's storage) stops GCP.
*---------------------------------------------------------------------
XLCHAIN  ST    R14,XLRET
         STM   R6,R8,XLSAVE
         L     R6,XLSTART                copies made (some by the
         NI    XLSTART+3,0               caller, for an IPL)
         XC    NPEND,NPEND
         XC    SPEC,SPEC
         XC    PREVF,PREVF
         XC    STOPTIC,STOPTIC
         L     R1,=A(BOUNCE)
         ST    R1,BNEXT
XLC1     C     R6,=A(SLOTCCWS-1)         room for an invalid CCW
         BNL   XLCBAD
         LA    R1,7(,R8)
         C     R1,GSIZE
         BNL   XLCBAD
         LR    R1,R8
         BAL   R14,ABSADR
         MVC   OPW,0(R1)                 the guest's CCW
         LR    R2,R6                     R2 the copy, R3 its map entry
         SLL   R2,3
         AR    R2,R7
         LA    R3,512(,R2)
         ST    R8,0(,R3)
         XC    4(4,R3),4(R3)
         IC    R0,OPW
         N     R0,=F'15'
         C     R0,=F'8'                  TIC
         BNE   XLC4
         L     R5,OPW
         N     R5,=X'00FFFFFF'           its target
         MVC   0(8,R2),=X'0800000000000000'
         BAL   R14,XLFIND                copied already? R1 the copy
         LTR   R1,R1
         BZ    XLC2
         STCM  R1,7,1(R2)
         B     XLC3
XLC2     CLI   IPLMODE,0                 an IPL: this program stops
         BE    XLC2A                     before the TIC, and the next
         ST    R5,STOPTIC                starts at its target, once
         LR    R1,R6                     the data is read
         BCTR  R1,0
         SLL   R1,3
         AR    R1,R7
         NI    4(R1),X'BF'               no command chaining
         B     XLCEND
XLC2A    L     R1,NPEND                  later: into PENDING
         C     R1,=F'8'
         BNL   XLCBAD
         SLL   R1,3
         LA    R1,PENDING(R1)
         ST    R2,0(,R1)
         ST    R5,4(,R1)
         L     R1,NPEND
         LA    R1,1(,R1)
         ST    R1,NPEND
XLC3     LA    R6,1(,R6)
         TM    PREVF,X'40'               the CCW before chained: on,
         BZ    XLCNEXT                   as far as it goes
         MVI   SPEC,1
         XC    PREVF,PREVF
         LA    R8,8(,R8)
         B     XLC1
XLC4     TM    OPW+4,X'04'               indirect data addressing
         BO    XLCBAD
         MVC   PREVF(1),OPW+4
         L     R4,OPW                    R4 data address, R5 count
         N     R4,=X'00FFFFFF'
         LH    R5,OPW+6
         N     R5,=X'0000FFFF'
         LTR   R5,R5
         BZ    XLC5
         LA    R1,0(R5,R4)
         C     R1,GSIZE
         BH    XLCBAD
XLC5     LR    R0,R4                     this piece: to the frame's end
         N     R0,=X'00000FFF'
         L     R1,=F'4096'
         SR    R1,R0
         CR    R1,R5
         BNH   *+6
         LR    R1,R5                     R1 its count
         CLI   BOUNCEM,0                 or whole, for DIAGNOSE
         BE    *+6
         LR    R1,R5
         C     R6,=A(SLOTCCWS-1)
         BNL   XLCBAD
         LR    R2,R6
         SLL   R2,3
         AR    R2,R7
         LA    R3,512(,R2)
         ST    R8,0(,R3)
         LR    R0,R5
         SR    R0,R1
         ST    R0,4(,R3)                 the count after this piece
         MVC   0(8,R2),OPW
         STH   R1,6(,R2)
         LTR   R0,R0
         BZ    XLC6
         NI    4(R2),X'34'               not the last: data chained
         OI    4(R2),X'80'               (SLI, skip kept)
XLC6     LTR   R5,R5                     a count of 0: no data
         BZ    XLC7
         ST    R1,XLCNT
         CLI   BOUNCEM,0
         BE    XLC6A
         L     R1,BNEXT                  DIAGNOSE: the bounce area
         STCM  R1,7,1(R2)
         A     R1,XLCNT
         LA    R1,7(,R1)
         N     R1,=X'00FFFFF8'
         ST    R1,BNEXT
         C     R1,=A(BOUNCEND)
         BH    XLCBAD
         B     XLC6B
XLC6A    LR    R1,R4
         BAL   R14,ABSADR
         STCM  R1,7,1(R2)
XLC6B    DS    0H
         A     R4,XLCNT
         S     R5,XLCNT
XLC7     LA    R6,1(,R6)
         LTR   R5,R5
         BP    XLC5
         TM    OPW+4,X'C0'               chained on?
         BZ    XLCNEXT
         LA    R8,8(,R8)
         B     XLC1
* What cannot be copied: on the sure path GCP stops; after a TIC the
* copy ends with an invalid CCW.
XLCBAD   CLI   SPEC,0
         BE    XLCFAIL
         LR    R2,R6
         SLL   R2,3
         AR    R2,R7
         XC    0(8,R2),0(R2)
         LA    R6,1(,R6)
* The next TIC waiting: to its target's copy, or its target copied now.
XLCNEXT  L     R1,NPEND
         LTR   R1,R1
         BZ    XLCEND
         BCTR  R1,0
         ST    R1,NPEND
         SLL   R1,3
         LA    R1,PENDING(R1)
         L     R2,0(,R1)                 the TIC's copy
         L     R5,4(,R1)                 its target
         BAL   R14,XLFIND
         LTR   R1,R1
         BZ    XLCN2
         STCM  R1,7,1(R2)
         B     XLCNEXT
XLCN2    LR    R1,R6                     a new sequence from here
         SLL   R1,3
         AR    R1,R7
         STCM  R1,7,1(R2)
         LR    R8,R5
         XC    SPEC,SPEC
         XC    PREVF,PREVF
         B     XLC1
XLCEND   ST    R6,XLNCOPY
         LM    R6,R8,XLSAVE
         L     R14,XLRET
         BR    R14
XLCFAIL  L     R2,OPW
         ST    R2,VMSTOPOP
         LA    R2,STPCHAIN
         B     STOP
* XLFIND: the copy of guest CCW R5 -> R1 (0 if none): the first of the
* copies so far whose map names it.
XLFIND   SR    R1,R1
XLF2     CR    R1,R6
         BNL   XLF4
         LR    R3,R1
         SLL   R3,3
         AR    R3,R7                     the copy
         C     R5,512(,R3)               whose guest CCW is R5?
         BE    XLF3
         LA    R1,1(,R1)
         B     XLF2
XLF3     LR    R1,R3
         BR    R14
XLF4     SR    R1,R1
         BR    R14
* ABSADR: R1 a guest absolute address -> R1 in GCP's storage.
ABSADR   ST    R14,ABSRET
         STM   R2,R3,ABSSAVE
         LR    R3,R1
         N     R3,=X'00000FFF'
         SRL   R1,12
         BAL   R14,FRAME
         AR    R1,R3
         LM    R2,R3,ABSSAVE
         L     R14,ABSRET
         BR    R14
*---------------------------------------------------------------------
* XLCSW: the CSW at GCP's X'40' (of IODEV) into the guest's X'40':
* the CCW address back to the guest's (its CCW + 8), the count left
* with the pieces after the last one used.
*---------------------------------------------------------------------
XLCSW    ST    R14,XLRET
         MVC   CSWBUF,X'40'
         BAL   R14,SLOTOF
         LTR   R7,R7
         BZ    XLCSW3
         L     R1,CSWBUF
         N     R1,=X'00FFFFFF'
         SR    R1,R7                     past the copy used
         S     R1,=F'8'
         BM    XLCSW3
         C     R1,=A(8*SLOTCCWS)
         BNL   XLCSW3
         AR    R1,R7
         L     R2,512(,R1)               the guest's CCW
         LA    R2,8(,R2)
         STCM  R2,7,CSWBUF+1
         LH    R2,CSWBUF+6               the count left
         N     R2,=X'0000FFFF'
         A     R2,516(,R1)
         STH   R2,CSWBUF+6
XLCSW3   LA    R1,X'40'
         BAL   R14,GTRANS
         MVC   0(8,R1),CSWBUF
         L     R14,XLRET
         BR    R14
* SIGP: executed for the guest with its registers (one CPU: the
* machine below answers for it).
ESIGP    BAL   R14,GETEA
         LR    R4,R7
         BAL   R14,RFIELDS
         L     R5,VGPR(R2)
         L     R6,VGPR(R3)
         ST    R2,OPW
         SIGP  R5,R6,0(R4)
         BALR  R15,0
         L     R2,OPW
         ST    R5,VGPR(R2)
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         B     DISPATCH
* SPX, STPX: the guest's prefix. Pages 0, the old and the new prefix
* page change their frames.
ESPX     BAL   R14,GETEA
         LA    R8,3
         BAL   R14,ALIGN
         ST    R7,OPADDR
         LA    R2,4
         ST    R2,OPLEN
         LA    R2,OPW
         ST    R2,OPBUF
         BAL   R14,GFETCH
         L     R2,OPW
         N     R2,=X'00FFF000'
         LA    R3,4095(,R2)
         C     R3,GSIZE
         BNL   GADDRX
         L     R3,VPREFIX
         ST    R2,VPREFIX
         XC    G50ADR,G50ADR             its X'50' moves
         LH    R4,=X'0008'
         L     R5,=A(PAGETAB)
         STH   R4,0(,R5)                 page 0
         SRL   R3,11                     the old prefix page's entry
         STH   R4,0(R3,R5)
         SRL   R2,11
         STH   R4,0(R2,R5)
         BAL   R14,SHPURGE
         B     DISPATCH
ESTPX    BAL   R14,GETEA
         LA    R8,3
         BAL   R14,ALIGN
         ST    R7,OPADDR
         LA    R2,4
         ST    R2,OPLEN
         LA    R2,VPREFIX
         ST    R2,OPBUF
         BAL   R14,GSTORE
         B     DISPATCH
* PTLB: the shadow tables go.
EPTLB    BAL   R14,SHPURGE
         B     DISPATCH
*---------------------------------------------------------------------
* DIAGNOSE X'00' (store extended identification, Rx the buffer, Ry
* its length): GCP's own block of 32 bytes first ('GCP/370', its
* level, X'FF' as STIDP's version code under a CP, 'LEVEL n'), then
* what the CP below stores for the rest, as each level of VM/370
* under VM/370 appended its own. Any other code: the bare machine's
* answer, a specification exception, until GCP has more of them.
*---------------------------------------------------------------------
EDIAG    BAL   R14,GETEA
         N     R7,=X'0000FFFF'           the code
         BAL   R14,RFIELDS               Rx, Ry as offsets into VGPR
         ST    R2,DGRX
         ST    R3,DGRY
         C     R7,=X'00000008'
         BE    EDIAG08
         C     R7,=X'0000000C'
         BE    EDIAG0C
         C     R7,=X'00000010'
         BE    EDIAG10
         C     R7,=X'00000018'
         BE    EDIAG18
         C     R7,=X'00000020'
         BE    EDIAG18
         C     R7,=X'00000024'
         BE    EDIAG24
         C     R7,=X'0000005C'
         BE    EDIAG5C
         C     R7,=X'00000060'
         BE    EDIAG60
         C     R7,=X'00000058'
         BE    EDIAG58
         C     R7,=X'00000064'
         BE    EDIAG64
         LTR   R7,R7
         BNZ   EDIAGX
         L     R2,DGRX
         L     R8,VGPR(R2)               Rx
         N     R8,=X'00FFFFFF'
         L     R3,DGRY
         L     R9,VGPR(R3)               Ry
         LR    R2,R8
         N     R2,=F'7'
         BNZ   EDIAGX                    not a doubleword
         MVC   CTLBUF(32),DIAGID
         L     R2,VMLEVEL
         STC   R2,CTLBUF+9               the version: the level
         O     R2,=X'000000F0'
         STC   R2,CTLBUF+22              'LEVEL n'
         LA    R2,32
         CR    R9,R2
         BNL   *+6
         LR    R2,R9
         LTR   R2,R2
         BZ    DISPATCH
         ST    R8,OPADDR
         ST    R2,OPLEN
         LA    R2,CTLBUF
         ST    R2,OPBUF
         BAL   R14,GSTORE
         S     R9,=F'32'                 the rest: the levels below
         BNP   DISPATCH
         C     R9,=F'224'
         BNH   *+8
         L     R9,=F'224'
         L     R2,=A(DIAGBUF)
         LR    R3,R9
         DIAG  R2,R3,X'0000'
         LA    R2,32(,R8)
         ST    R2,OPADDR
         ST    R9,OPLEN
         L     R2,=A(DIAGBUF)
         ST    R2,OPBUF
         BAL   R14,GSTORE
         B     DISPATCH
EDIAGX   LA    R2,6
         B     REFLPGM
DIAGID   DC    CL8'GCP/370'                  the system
         DC    X'01',X'00',X'00'         version 1, the level, PLC 0
         DC    X'FF',XL4'00'             STIDP's version; MCEL, CPU
         DC    CL8'LEVEL',XL8'00'        'LEVEL n'; no products
*---------------------------------------------------------------------
* LRA: the guest's tables, whatever its DAT bit: cc 0 and the real
* address, cc 1 or 2 (an invalid entry) or 3 (beyond a table's
* length) and the entry's address.
*---------------------------------------------------------------------
ELRA     BAL   R14,GETEAX
         LR    R1,R7
         BAL   R14,GWALK
         LTR   R15,R15
         BZ    ELRA3
         C     R15,=F'5'
         BE    GADDRX
         C     R15,=F'18'
         BNE   ELRA2
         LA    R2,X'12'
         B     REFLPGM
ELRA2    LR    R1,R2                     the entry
         C     R15,=F'3'
         BL    ELRA3
         LA    R15,3
ELRA3    BAL   R14,RFIELDS
         ST    R1,VGPR(R2)
         BAL   R14,SETCC
         B     DISPATCH
*---------------------------------------------------------------------
* IPTE: the entry (R1 a segment-table entry's origin, R2's page index
* in CR0's format) marked invalid in the guest's page table; the
* shadow tables go. No key protection applies.
*---------------------------------------------------------------------
EIPTE    BAL   R14,GFMT
         LTR   R15,R15
         BZ    EIPTE2
         LA    R2,X'12'
         B     REFLPGM
EIPTE2   IC    R2,INSTR+3
         LR    R3,R2
         SRL   R2,4
         N     R2,=F'15'
         SLL   R2,2
         L     R6,VGPR(R2)               origin
         N     R6,=X'00FFFFF8'
         N     R3,=F'15'
         SLL   R3,2
         L     R7,VGPR(R3)               page index
         LA    R1,1
         L     R4,GSEGSH
         SLL   R1,0(R4)
         BCTR  R1,0
         NR    R7,R1
         L     R5,GPGSH
         SRL   R7,0(R5)
         SLL   R7,1
         AR    R7,R6
         N     R7,=X'00FFFFFF'
         LR    R1,R7
         N     R1,=X'00FFFFFC'           fetched as a word
         LA    R1,3(,R1)
         C     R1,GSIZE
         BNL   GADDRX
         LR    R1,R7
         BAL   R14,GTRANS
         C     R5,=F'12'
         BNE   EIPTE3
         OI    1(R1),X'08'               4K: bit 12
         B     EIPTE4
EIPTE3   OI    1(R1),X'04'               2K: bit 13
EIPTE4   BAL   R14,SHPURGE
         B     DISPATCH
*---------------------------------------------------------------------
* TPROT: may the first operand be fetched and stored with the key in
* bits 24-27 of the second operand's address? cc 0 both, 1 fetch
* only, 2 neither, 3 no translation. Nothing is fetched or stored.
*---------------------------------------------------------------------
ETPROT   BAL   R14,GETEA                 R7 the first operand
         LR    R8,R7
         MVC   OPW(2),INSTR+4            the second: B2, D2
         SR    R7,R7
         IC    R2,OPW
         SRL   R2,4
         N     R2,=F'15'
         BZ    ETPROT2
         SLL   R2,2
         L     R7,VGPR(R2)
ETPROT2  LH    R2,OPW
         N     R2,=X'00000FFF'
         AR    R7,R2
         SRL   R7,4
         N     R7,=F'15'                 the access key
         XC    SEGPROT,SEGPROT
         LR    R1,R8
         TM    VPSW+1,X'08'
         BZ    ETPROT3
         TM    VPSW,X'04'
         BZ    ETPROT3
         BAL   R14,GWALK
         ST    R2,SEGPROT
         LTR   R15,R15
         BZ    ETPROT3
         LR    R4,R15
         C     R4,=F'5'
         BE    GADDRX
         C     R4,=F'18'
         BNE   ETPROT9                   no translation: cc 3
         LA    R2,X'12'
         B     REFLPGM
ETPROT3  C     R1,GSIZE
         BNL   GADDRX
         N     R1,=X'00FFF800'           its 2K block
         BAL   R14,GTRANS
         ISK   R5,R1                     the storage key
         LR    R6,R5
         SRL   R6,4
         N     R6,=F'15'
         LA    R3,1                      R3: the key matches
         LTR   R7,R7
         BZ    ETPROT4
         CR    R6,R7
         BE    ETPROT4
         SR    R3,R3
ETPROT4  LTR   R3,R3                     fetch: a match or no fetch
         BNZ   ETPROT5                   protection
         N     R5,=X'00000008'
         BZ    ETPROT5
         LA    R15,2
         B     ETPROT10
ETPROT5  LA    R15,1                     store: a match, and neither
         LTR   R3,R3                     low-address nor segment
         BZ    ETPROT10                  protection
         TM    SEGPROT+3,X'04'
         BO    ETPROT10
         TM    VCR,X'10'
         BZ    ETPROT6
         C     R8,=F'512'
         BL    ETPROT10
ETPROT6  SR    R15,R15
         B     ETPROT10
ETPROT9  LA    R15,3
ETPROT10 BAL   R14,SETCC
         B     DISPATCH
*---------------------------------------------------------------------
* GFMT: the guest's CR0 format -> GSEGSH, GPGSH (segment and page
* shifts); R15 0, or 18 (a translation specification) if invalid.
*---------------------------------------------------------------------
GFMT     L     R15,VCR
         SRL   R15,19
         N     R15,=F'31'
         LA    R0,16
         ST    R0,GSEGSH
         LA    R0,11
         ST    R0,GPGSH
         C     R15,=F'8'                 01000: 2K, 64K
         BE    GFMTOK
         LA    R0,20
         ST    R0,GSEGSH
         C     R15,=F'10'                01010: 2K, 1M
         BE    GFMTOK
         LA    R0,12
         ST    R0,GPGSH
         C     R15,=F'18'                10010: 4K, 1M
         BE    GFMTOK
         LA    R0,16
         ST    R0,GSEGSH
         C     R15,=F'16'                10000: 4K, 64K
         BE    GFMTOK
         LA    R15,18
         BR    R14
GFMTOK   SR    R15,R15
         BR    R14
*---------------------------------------------------------------------
* GWALK: R1 a guest virtual address through the guest's tables (CR0,
* CR1), as the machine translates (GA22-7000, "Dynamic Address
* Translation"). R15 0: R1 the real address, R2 the segment-table
* entry's protection bit (X'04'). Else R15 1 segment invalid, 2 page
* invalid, 3 beyond the segment table, 4 beyond the page table (R2
* the entry's address, for LRA), 5 a table entry beyond the guest's
* storage, 18 translation specification.
*---------------------------------------------------------------------
GWALK    STM   R3,R8,WKSAVE
         ST    R14,WKRET
         LR    R8,R1
         BAL   R14,GFMT
         LTR   R15,R15
         BNZ   GWRET
         L     R4,GSEGSH
         L     R5,GPGSH
         LR    R6,R8
         SRL   R6,0(R4)                  sx
         L     R7,VCR+4
         SRL   R7,24                     the segment table's length
         LR    R1,R6
         SRL   R1,4
         L     R3,VCR+4
         N     R3,=X'00FFFFC0'           its origin
         SLL   R6,2
         AR    R6,R3
         N     R6,=X'00FFFFFF'
         ST    R6,WKENTRY                the entry's address
         CR    R1,R7
         BH    GWSLEN
         LA    R1,3(,R6)
         C     R1,GSIZE
         BNL   GWADDR
         LR    R1,R6
         BAL   R14,GTRANS
         MVC   WKSTE,0(R1)
         TM    WKSTE+3,X'01'
         BO    GWSINV
         TM    WKSTE,X'0F'
         BNZ   GWSPEC
         LA    R1,1                      px
         SLL   R1,0(R4)
         BCTR  R1,0
         NR    R1,R8
         SRL   R1,0(R5)
         LR    R6,R1
         LR    R2,R4                     px >> (entries, log 2, - 4)
         SR    R2,R5
         S     R2,=F'4'
         SRL   R1,0(R2)
         L     R2,WKSTE
         SRL   R2,28                     the page table's length
         L     R3,WKSTE
         N     R3,=X'00FFFFF8'           its origin
         SLL   R6,1
         AR    R6,R3
         N     R6,=X'00FFFFFF'
         ST    R6,WKENTRY
         CR    R1,R2
         BH    GWPLEN
         LA    R1,1(,R6)
         C     R1,GSIZE
         BNL   GWADDR
         LR    R1,R6
         BAL   R14,GTRANS
         SR    R2,R2
         ICM   R2,3,0(R1)                the page-table entry
         C     R5,=F'12'
         BNE   GWPTE2K
         TM    1(R1),X'08'               4K: bit 12 invalid
         BO    GWPINV
         TM    1(R1),X'06'               bits 13-14 zero
         BNZ   GWSPEC
         N     R2,=X'0000FFF0'
         B     GWREAL
GWPTE2K  TM    1(R1),X'04'               2K: bit 13 invalid
         BO    GWPINV
         TM    1(R1),X'02'               bit 14 zero
         BNZ   GWSPEC
         N     R2,=X'0000FFF8'
GWREAL   SLL   R2,8                      the frame
         LA    R1,1
         SLL   R1,0(R5)
         BCTR  R1,0
         NR    R1,R8
         OR    R1,R2                     the real address
         L     R2,WKSTE
         N     R2,=X'00000004'           segment protection
         SR    R15,R15
         B     GWRET
GWSINV   LA    R15,1
         B     GWERR
GWPINV   LA    R15,2
         B     GWERR
GWSLEN   LA    R15,3
         B     GWERR
GWPLEN   LA    R15,4
         B     GWERR
GWADDR   LA    R15,5
         B     GWERR
GWSPEC   LA    R15,18
GWERR    L     R2,WKENTRY
GWRET    L     R14,WKRET
         LM    R3,R8,WKSAVE
         BR    R14
*---------------------------------------------------------------------
* SHFILL: the shadow entry for virtual address GTEA, which GWALK has
* just translated (WKSTE, R1 the real address, R2 the protection).
* A segment's shadow page table is made at its first fault, all of
* it invalid, of the guest's table's length.
*---------------------------------------------------------------------
SHFILL   STM   R3,R8,WKSAVE
         ST    R14,WKRET
         LR    R7,R1
         L     R8,GTEA
         L     R4,GSEGSH
         L     R5,GPGSH
         LR    R6,R8
         SRL   R6,0(R4)
         SLL   R6,2
         A     R6,=A(SHSEG)              the shadow segment entry
         TM    3(R6),X'01'
         BZ    SHF3
         LA    R3,1                      entries: 1 << (seg - page)
         LR    R2,R4
         SR    R2,R5
         SLL   R3,0(R2)
         SLL   R3,1                      bytes
         LA    R3,63(,R3)
         N     R3,=X'FFFFFFC0'
         L     R1,SHNEXT
         AR    R1,R3
         C     R1,=A(SHEND)
         BNH   SHF2
         BAL   R14,SHPURGE               full: all go, and again
SHF2     L     R1,SHNEXT
         LR    R2,R1
         AR    R2,R3
         ST    R2,SHNEXT
         LH    R0,=X'0008'               invalid entries
         C     R5,=F'12'
         BE    *+8
         LH    R0,=X'0004'
         LR    R2,R1
         SRL   R3,1
SHF2A    STH   R0,0(,R2)
         LA    R2,2(,R2)
         BCT   R3,SHF2A
         L     R2,WKSTE                  the guest's length, protection
         N     R2,=X'F0000004'
         OR    R2,R1
         ST    R2,0(,R6)
SHF3     L     R6,0(,R6)                 the shadow page table
         N     R6,=X'00FFFFF8'
         LA    R1,1                      px
         SLL   R1,0(R4)
         BCTR  R1,0
         NR    R1,R8
         SRL   R1,0(R5)
         SLL   R1,1
         AR    R6,R1
         LR    R1,R7                     the real address's frame
         BAL   R14,GTRANS
         SRL   R1,0(R5)
         SLL   R1,0(R5)
         SRL   R1,8
         STH   R1,0(,R6)
         L     R14,WKRET
         LM    R3,R8,WKSAVE
         BR    R14
* SHPURGE: every shadow segment invalid, the shadow page tables free;
* the TLB below purged.
SHPURGE  STM   R2,R4,SHPSAVE
         L     R2,=A(SHSEG)
         LA    R3,256
         LA    R4,1
SHP2     ST    R4,0(,R2)
         LA    R2,4(,R2)
         BCT   R3,SHP2
         L     R2,=A(SHPT)
         ST    R2,SHNEXT
         PTLB
         LM    R2,R4,SHPSAVE
         BR    R14
*---------------------------------------------------------------------
* DIAGNOSE codes CMS uses, passed to the CP below with the guest's
* addresses turned into GCP's (its storage is GCP's frames, not
* contiguous): the text, buffers and channel programs are copied.
*---------------------------------------------------------------------
* X'60': the guest's storage size in Rx.
EDIAG60  L     R2,DGRX
         L     R3,GSIZE
         ST    R3,VGPR(R2)
         B     DISPATCH
* X'58': no 3270 display for the guest under GCP: cc 3, as on a line-
* mode terminal (CMS's EDIT then works in line mode).
EDIAG58  LA    R15,3
         BAL   R14,SETCC
         B     DISPATCH
* X'64': no named segments under GCP: cc 2, Ry 44 (not found).
EDIAG64  L     R2,DGRY
         LA    R3,44
         ST    R3,VGPR(R2)
         LA    R15,2
         BAL   R14,SETCC
         B     DISPATCH
* X'24': device type: registers only (Rx, Ry, Ry+1), and the cc.
EDIAG24  L     R2,DGRX
         L     R4,VGPR(R2)
         DIAG  R4,R6,X'0024'
         BALR  R15,0
* A console's real device (Ry+1) is GCP's own console, a typewriter:
* the guest gets no 3270 display from GCP (DIAGNOSE X'58' is cc 3), so
* CMS's EDIT must not think it has one.
         LR    R3,R6
         SRL   R3,24
         C     R3,=F'128'                class X'80': a terminal
         BNE   ED24A
         LR    R7,R6
ED24A    L     R2,DGRX
         ST    R4,VGPR(R2)
         L     R2,DGRY
         ST    R6,VGPR(R2)
         LA    R2,4(,R2)
         N     R2,=F'63'
         ST    R7,VGPR(R2)
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         B     DISPATCH
* X'0C': the date, time and CPU times, 32 bytes at Rx.
EDIAG0C  L     R2,DGRX
         L     R8,VGPR(R2)
         N     R8,=X'00FFFFFF'
         LR    R2,R8
         N     R2,=F'7'
         BNZ   EDIAGX
         L     R2,=A(DIAGBUF)
         DIAG  R2,R3,X'000C'
         LR    R1,R8
         L     R2,=A(DIAGBUF)
         LA    R3,32
         BAL   R14,GRPUT
         B     DISPATCH
* X'08': a CP command, Rx its text, Ry its length (with X'40' in the
* first byte: the response into Rx+1's buffer of Ry+1's length). The
* CP below runs it.
EDIAG08  L     R2,DGRY
         L     R9,VGPR(R2)               flags and length
         LR    R3,R9
         N     R3,=X'00FFFFFF'
         C     R3,=F'132'
         BH    EDIAGX
         L     R2,DGRX
         L     R1,VGPR(R2)
         L     R2,=A(CMDBUF)
         BAL   R14,GRGET                 the text
         XC    RSPLEN,RSPLEN
         LR    R0,R9
         N     R0,=X'40000000'
         BZ    EDIAG08B
         L     R2,DGRY                   the response's length
         LA    R2,4(,R2)
         N     R2,=F'63'
         L     R3,VGPR(R2)
         C     R3,=A(RSPMAX)
         BNH   *+8
         L     R3,=A(RSPMAX)
         ST    R3,RSPLEN
EDIAG08B L     R2,=A(CMDBUF)
         L     R3,=A(RSPBUF)
         LR    R4,R9
         L     R5,RSPLEN
         DIAG  R2,R4,X'0008'
         BALR  R15,0
         ST    R15,DGCC
         L     R2,DGRY
         ST    R4,VGPR(R2)               the return code
         LR    R0,R9
         N     R0,=X'40000000'
         BZ    EDIAG08C
         L     R2,DGRY
         LA    R2,4(,R2)
         N     R2,=F'63'
         ST    R5,VGPR(R2)               the response's length
         LR    R3,R5
         C     R3,RSPLEN
         BNH   *+8
         L     R3,RSPLEN
         L     R2,DGRX
         LA    R2,4(,R2)
         N     R2,=F'63'
         L     R1,VGPR(R2)
         L     R2,=A(RSPBUF)
         BAL   R14,GRPUT
EDIAG08C L     R15,DGCC
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         B     DISPATCH
* X'10': release pages Rx to Ry: they read as zeros afterwards.
EDIAG10  L     R2,DGRX
         L     R6,VGPR(R2)
         L     R2,DGRY
         L     R7,VGPR(R2)
         LR    R2,R6
         OR    R2,R7
         N     R2,=X'00000FFF'
         BNZ   EDIAGX
         N     R6,=X'00FFFFFF'
         N     R7,=X'00FFFFFF'
         CR    R6,R7
         BH    EDIAGX
EDIAG10B C     R6,GSIZE
         BNL   GADDRX
         LR    R1,R6
         SRL   R1,12
         BAL   R14,ABSPAGE
         SLL   R1,2
         A     R1,=A(FRAMETAB)
         L     R2,0(,R1)
         LTR   R2,R2
         BZ    EDIAG10C                  never touched: zeros already
         L     R3,=F'4096'
         SR    R5,R5
         MVCL  R2,R4
EDIAG10C LA    R6,4095(,R6)
         LA    R6,1(,R6)
         CR    R6,R7
         BNH   EDIAG10B
         B     DISPATCH
* X'18' (CMS's disk I/O) and X'20' (general I/O): Rx the device, Ry
* a channel program run to its end. GCP copies it into the device's
* slot with the data in its bounce area, contiguous; the data goes in
* before and back after. R15 (X'18''s count of data CCWs, and the
* code CP gives back) is the guest's.
EDIAG18  L     R2,DGRX
         L     R9,VGPR(R2)
         N     R9,=X'0000FFFF'
         ST    R9,IODEV
         BAL   R14,SLOTFOR               R7 the slot
         L     R2,DGRY
         L     R8,VGPR(R2)
         N     R8,=X'00FFFFFF'
         MVI   BOUNCEM,1
         BAL   R14,XLCHAIN
         MVI   BOUNCEM,0
         SR    R0,R0                     in
         BAL   R14,BCOPY
         L     R15,VGPR+60
         LR    R2,R9
         LR    R4,R7
         CLI   INSTR+3,X'20'
         BE    EDIAG18B
         DIAG  R2,R4,X'0018'
         B     EDIAG18C
EDIAG18B DIAG  R2,R4,X'0020'
EDIAG18C BALR  R14,0
         ST    R14,DGCC
         ST    R15,VGPR+60
         LA    R0,1                      out
         BAL   R14,BCOPY
         L     R15,DGCC
         SRL   R15,28
         N     R15,=F'3'
         BAL   R14,SETCC
         B     DISPATCH
* X'5C': error-message editing: Rx the message, Ry its length; CP
* gives back the part to show.
EDIAG5C  L     R2,DGRY
         L     R3,VGPR(R2)
         C     R3,=F'256'
         BH    EDIAGX
         L     R2,DGRX
         L     R1,VGPR(R2)
         L     R2,=A(DIAGBUF)
         BAL   R14,GRGET
         L     R2,DGRY
         L     R4,VGPR(R2)
         L     R2,=A(DIAGBUF)
         DIAG  R2,R4,X'005C'
         S     R2,=A(DIAGBUF)            how far on
         L     R3,DGRX
         A     R2,VGPR(R3)
         ST    R2,VGPR(R3)
         L     R3,DGRY
         ST    R4,VGPR(R3)
         B     DISPATCH
* BCOPY: the data of the DIAGNOSE channel program in the slot at R7
* (XLNCOPY copies): R0 0 from the guest into the bounce area, 1 back.
BCOPY    STM   R14,R9,GFSAVE
         LR    R9,R0
         SR    R6,R6
BCOPY2   C     R6,XLNCOPY
         BNL   BCOPY9
         LR    R5,R6
         SLL   R5,3
         AR    R5,R7                     the copy
         CLI   0(R5),X'08'               a TIC: none
         BE    BCOPY8
         L     R1,512(,R5)               the guest's CCW
         BAL   R14,ABSADR
         MVC   OPW,0(R1)
         LH    R3,OPW+6
         N     R3,=X'0000FFFF'
         BZ    BCOPY8
         L     R1,OPW                    the guest's data
         N     R1,=X'00FFFFFF'
         L     R2,0(,R5)                 the bounce area's
         N     R2,=X'00FFFFFF'
         LTR   R9,R9
         BNZ   BCOPY3
         BAL   R14,GAGET
         B     BCOPY8
BCOPY3   BAL   R14,GAPUT
BCOPY8   LA    R6,1(,R6)
         B     BCOPY2
BCOPY9   LM    R14,R9,GFSAVE
         BR    R14
*---------------------------------------------------------------------
* Copies between the guest's storage and GCP's, by page (no key):
* GRGET/GRPUT R1 a guest real address, GAGET/GAPUT an absolute one,
* R2 GCP's address, R3 the length. GET into GCP, PUT into the guest.
*---------------------------------------------------------------------
GRGET    LA    R0,0
         B     GCOPY
GRPUT    LA    R0,1
         B     GCOPY
GAGET    LA    R0,2
         B     GCOPY
GAPUT    LA    R0,3
GCOPY    STM   R14,R9,GCSAVE
         LR    R6,R1
         LR    R7,R2
         LR    R8,R3
         LR    R9,R0
GCOPY2   LTR   R8,R8
         BNP   GCOPY9
         C     R6,GSIZE
         BNL   GADDRX
         LR    R1,R6
         C     R9,=F'2'
         BNL   GCOPY3
         BAL   R14,GTRANS                real
         B     GCOPY4
GCOPY3   BAL   R14,ABSADR                absolute
GCOPY4   LR    R2,R6                     to the page's end
         N     R2,=X'00000FFF'
         L     R3,=F'4096'
         SR    R3,R2
         CR    R3,R8
         BNH   *+6
         LR    R3,R8
         LR    R2,R9
         N     R2,=F'1'
         BZ    GCOPY5
         LR    R2,R1                     into the guest
         LR    R4,R7
         B     GCOPY6
GCOPY5   LR    R2,R7                     into GCP
         LR    R4,R1
GCOPY6   LR    R5,R3
         ST    R3,XLCNT
         MVCL  R2,R4
         A     R6,XLCNT
         N     R6,=X'00FFFFFF'
         A     R7,XLCNT
         S     R8,XLCNT
         B     GCOPY2
GCOPY9   LM    R14,R9,GCSAVE
         BR    R14
*=====================================================================
* GCP in a virtual machine of vm370: no parameter block. Its level is
* one more than the blocks DIAGNOSE X'00' gives back; its guest is a
* machine of its own size (DIAGNOSE X'60'); its console is its own
* (DIAGNOSE X'24'), where it asks what to IPL: a device of its
* machine (the guest has them all), or GCP itself, one level deeper.
*=====================================================================
VMINIT   L     R2,=A(DIAGBUF)
         XC    0(256,R2),0(R2)
         LA    R3,224
         DIAG  R2,R3,X'0000'
         LA    R3,1                      the level: one per block, + 1
         L     R2,=A(DIAGBUF)
         LA    R4,7
VMINIT2  CLI   0(R2),0
         BE    VMINIT3
         LA    R3,1(,R3)
         LA    R2,32(,R2)
         BCT   R4,VMINIT2
VMINIT3  ST    R3,VMLEVEL
         MVI   VMMODE,1
         DIAG  R2,R0,X'0060'             the size: the guest's too
         N     R2,=X'00FFF000'
         ST    R2,GSIZE
         ST    R2,FREEEND
         L     R2,=F'-1'
         DIAG  R2,R4,X'0024'             the console
         N     R2,=X'0000FFFF'
         ST    R2,CONSDEV
         MVC   VCR(64),RESETCR           the guest: as after a reset
         XC    VGPR(64),VGPR
*---------------------------------------------------------------------
* OPER: GCP's operator. IPL cuu, IPL GCP, or nothing more for now.
*---------------------------------------------------------------------
OPER     L     R2,VMLEVEL
         O     R2,=X'000000F0'
         STC   R2,MSGRDY+14
         LA    R2,MSGRDY
         LA    R3,L'MSGRDY
         BAL   R14,WRLINE
OPER2    LA    R2,MSGIPL
         LA    R3,L'MSGIPL
         BAL   R14,WRLINE
         BAL   R14,RDLINE                R3 the length read
         L     R2,=A(LINEBUF)
         OC    0(80,R2),=80C' '          upper case
         CLC   0(4,R2),=C'IPL '
         BNE   OPER5
         CLC   4(4,R2),=C'GCP '
         BE    IPLSELF
         CLC   0(6,R2),=C'QUERY '
         BE    OPQUERY
         CLC   0(5,R2),=C'STOP '
         BE    OPSTOP
         LA    R4,4(,R2)                 a device number in hex
         SR    R5,R5
         LA    R6,4
OPER3    CLI   0(R4),C' '
         BE    OPER4
         IC    R7,0(,R4)
         N     R7,=X'000000FF'
         S     R7,=X'000000F0'           0-9
         BNM   OPER3B
         A     R7,=X'00000039'           A-F: C1-C6 -> 10-15
         C     R7,=F'10'
         BL    OPER2
         C     R7,=F'15'
         BH    OPER2
         B     OPER3C
OPER3B   C     R7,=F'9'
         BH    OPER2
OPER3C   SLL   R5,4
         OR    R5,R7
         LA    R4,1(,R4)
         BCT   R6,OPER3
OPER4    C     R6,=F'4'
         BE    OPER2                     no digits
         ST    R5,IPLDEVN
         BAL   R14,FRESH
         B     IPLDEV
OPER5    CLC   0(6,R2),=C'QUERY '
         BE    OPQUERY
         CLC   0(5,R2),=C'STOP '
         BE    OPSTOP
         B     OPER2
* QUERY: the counters of this GCP (what its guest cost it so far).
OPQUERY  BAL   R14,COUNTS
         B     OPER2
* STOP: GCP ends (a disabled wait; CP says so).
OPSTOP   LA    R2,MSGSTOP
         LA    R3,L'MSGSTOP
         BAL   R14,WRLINE
         SR    R2,R2
         B     STOP
* GUESTEND: the guest loaded a disabled wait: its PSW and GCP's
* counters on the console, and the operator asked what next.
GUESTEND DS    0H
         LA    R3,VPSW
         LA    R4,MSGENDL+21
         BAL   R14,HEX4
         LA    R3,VPSW+4
         LA    R4,MSGENDL+30
         BAL   R14,HEX4
         MVI   MSGENDL+29,C' '           (UNPK's ninth bytes)
         MVI   MSGENDL+38,C','
         L     R2,VMLEVEL
         O     R2,=X'000000F0'
         STC   R2,MSGENDL+14
         LA    R2,MSGENDL
         LA    R3,L'MSGENDL
         BAL   R14,WRLINE
         BAL   R14,COUNTS
         B     OPER2
* COUNTS: 'TRAPS n EMULATED n REFLECTED n FRAMES n' on the console.
COUNTS   ST    R14,CNTRET
         MVC   MSGCNT,MSGCNT0
         L     R2,VTRAPS
         LA    R4,MSGCNT+5
         BAL   R14,DEC10
         L     R2,VEMUL
         LA    R4,MSGCNT+25
         BAL   R14,DEC10
         L     R2,VRPGM
         A     R2,VRSVC
         A     R2,VREXT
         LA    R4,MSGCNT+46
         BAL   R14,DEC10
         L     R2,VFAULTS
         LA    R4,MSGCNT+64
         BAL   R14,DEC10
         LA    R2,MSGCNT
         LA    R3,L'MSGCNT
         BAL   R14,WRLINE
         L     R14,CNTRET
         BR    R14
* DEC10: R2 in decimal, 10 digits (leading zeros blank) at R4.
DEC10    CVD   R2,DECW
         MVC   0(11,R4),=X'4020202020202020202120'
         ED    0(11,R4),DECW+2
         BR    R14
* HEX4: the 4 bytes at R3 as 8 hex digits at R4.
HEX4     UNPK  0(9,R4),0(5,R3)
         TR    0(8,R4),HEXTAB-240
         BR    R14
* FRESH: the guest's machine reset for a new IPL: its prefix 0, its
* control registers as after a reset, no shadow tables.
FRESH    ST    R14,FRRET
         XC    VPREFIX,VPREFIX
         XC    G50ADR,G50ADR
         L     R2,=A(PAGETAB)            every page again through page
         L     R3,=F'4096'               0's frame
         LH    R4,=X'0008'
FRESH2   STH   R4,0(,R2)
         LA    R2,2(,R2)
         BCT   R3,FRESH2
         PTLB
         MVC   VCR(64),RESETCR
         XC    VGPR(64),VGPR
         BAL   R14,SHPURGE
         L     R14,FRRET
         BR    R14
* WRLINE: R2 the text (EBCDIC), R3 its length, to GCP's console.
WRLINE   ST    R14,CONRET
         LA    R4,OWNCCW
         MVI   0(R4),X'09'               write, carrier return
         STCM  R2,7,1(R4)
         MVI   4(R4),X'20'
         MVI   5(R4),0
         STH   R3,6(,R4)
         L     R2,CONSDEV
         LA    R3,OWNCCW
         BAL   R14,OWNIO
         L     R14,CONRET
         BR    R14
* RDLINE: a line from GCP's console into LINEBUF (80 bytes, blanks
* after it) -> R3 its length.
RDLINE   ST    R14,CONRET
         L     R2,=A(LINEBUF)
         MVI   0(R2),C' '
         MVC   1(79,R2),0(R2)
         LA    R4,OWNCCW
         MVI   0(R4),X'0A'               read inquiry
         STCM  R2,7,1(R4)
         MVI   4(R4),X'20'
         MVI   5(R4),0
         LA    R3,80
         STH   R3,6(,R4)
         L     R2,CONSDEV
         LA    R3,OWNCCW
         BAL   R14,OWNIO
         LH    R3,OWNCSW+6
         N     R3,=X'0000FFFF'
         LA    R2,80
         SR    R2,R3
         LR    R3,R2
         L     R14,CONRET
         BR    R14
*---------------------------------------------------------------------
* OWNIO: GCP's own I/O, to its end: R2 the device, R3 the CCW's
* address; GCP waits for the interruption (device end). -> OWNCSW,
* R15 the SIO's cc (0 when it ran).
*---------------------------------------------------------------------
OWNIO    ST    R14,OWNRET
         ST    R2,OWNDEV
         BAL   R14,NOLAP
         ST    R3,X'48'                  the CAW, key 0
         L     R4,OWNDEV
         SIO   0(R4)
         BALR  R15,0
         SRL   R15,28
         N     R15,=F'3'
         BNZ   OWNIO9
         L     R2,=F'-1'                 every channel, for the wait
         C     R2,CURCR2
         BE    OWNIO2
         ST    R2,CURCR2
         LCTL  R2,R2,CURCR2
OWNIO2   MVC   OWNRES,=X'00080000'       the PSW to go on with
         LA    R2,OWNIO3
         ST    R2,OWNRES+4
         MVC   OWNWAIT,=X'020A000000000000'
         LPSW  OWNWAIT                   until the device ends
OWNIO3   SR    R15,R15
OWNIO9   L     R14,OWNRET
         BR    R14
* OWNIOINT: an interruption while GCP waited for its own I/O. Device
* end of its device: on; anything else: wait again. (No register is
* touched: GCP's are as they were at the wait.)
OWNIOINT CLC   X'BA'(2),OWNDEV+2
         BNE   OWNIOI2
         MVC   OWNCSW,X'40'
         TM    OWNCSW+4,X'04'            device end
         BZ    OWNIOI2
         LPSW  OWNRES
OWNIOI2  LPSW  OWNWAIT
*---------------------------------------------------------------------
* IPLDEV: the guest IPLed from a device of GCP's machine, as the
* machine would: READ IPL of 24 bytes into location 0, then the
* channel program at 8, copied (IPL mode: a TIC to CCWs the program
* reads itself starts a new copy there, once they are read); then the
* PSW at 0. The CCWs at 8 are known only once READ IPL has read them,
* so GCP runs READ IPL alone (a NO-OP closes its domain) and the rest
* after it; on a disk, whose CCWs at 8 read on from record 1, the
* rest is started where READ IPL left it: a SEEK to cylinder 0 head
* 0 and a SEARCH ID EQUAL of record 2 go before it.
*---------------------------------------------------------------------
IPLDEV   L     R9,IPLDEVN
         ST    R9,IODEV
         BAL   R14,SLOTFOR               R7 the slot
         SR    R1,R1
         BAL   R14,ABSADR
         MVC   0(16,R7),=X'02000000600000180300000020000001'
         STCM  R1,7,1(R7)
         LR    R2,R9
         LR    R3,R7
         BAL   R14,OWNIO
         LTR   R15,R15
         BNZ   IPLFAIL
         TM    OWNCSW+4,X'F3'            no more than CE, DE
         BNZ   IPLFAIL
         XC    XLSTART,XLSTART
         LR    R2,R9
         DIAG  R2,R4,X'0024'             a disk?
         SRL   R4,24
         C     R4,=F'4'
         BNE   IPLDEV1
         L     R2,=A(IPLARGS)
         MVC   0(8,R2),=X'0000000000000200'
         MVC   0(8,R7),=X'0700000040000006'   SEEK 0, 0
         STCM  R2,7,1(R7)
         LA    R2,2(,R2)
         MVC   8(8,R7),=X'3100000040000005'   SEARCH ID EQUAL R2
         STCM  R2,7,9(R7)
         MVC   16(8,R7),=X'0800000000000000'  TIC to the search
         LA    R2,8(,R7)
         STCM  R2,7,17(R7)
         MVC   XLSTART,=F'3'
IPLDEV1  LA    R8,8
IPLDEV2  MVI   IPLMODE,1
         BAL   R14,XLCHAIN
         MVI   IPLMODE,0
         LR    R2,R9
         LR    R3,R7
         BAL   R14,OWNIO
         LTR   R15,R15
         BNZ   IPLFAIL
         TM    OWNCSW+4,X'F3'
         BNZ   IPLFAIL
         XC    XLSTART,XLSTART
         L     R8,STOPTIC
         LTR   R8,R8
         BNZ   IPLDEV2
         SR    R1,R1                     the PSW at 0
         BAL   R14,ABSADR
         MVC   VPSW,0(R1)
         STH   R9,2(,R1)                 the device, at 2 (as an IPL)
         B     DISPATCH
IPLFAIL  LA    R2,MSGIPLF
         LA    R3,L'MSGIPLF
         BAL   R14,WRLINE
         B     OPER2
*---------------------------------------------------------------------
* IPLSELF: GCP's own code into the guest (page 0 with the IPL PSW only,
* the rest as it is), started: it comes up one level deeper.
*---------------------------------------------------------------------
IPLSELF  BAL   R14,FRESH
         SR    R1,R1
         BAL   R14,ABSADR
         LR    R2,R1
         L     R3,=F'4096'
         SR    R5,R5
         MVCL  R2,R4
         SR    R1,R1
         BAL   R14,ABSADR
         MVC   0(8,R1),=X'0008000000001000'
         L     R1,=A(CODE)
         L     R2,=A(CODE)
         L     R3,=A(GCPEND-CODE)
         BAL   R14,GAPUT
         MVC   VPSW,=X'0008000000001000'
         B     DISPATCH
MSGRDY   DC    C'GCP/370 LEVEL n: a control program in S/370 code'
MSGIPL   DC    C'IPL cuu (a device of this machine) or IPL GCP:'
MSGIPLF  DC    C'IPL FAILED'
MSGSTOP  DC    C'GCP/370 STOPS'
MSGENDL  DC    C'GCP/370 LEVEL n: PSW XXXXXXXX XXXXXXXX, GUEST ENDED'
MSGCNT0  DC    C'TRAPS            EMULATED            REFLECTED'
         DC    C'            FRAMES           '
HEXTAB   DC    C'0123456789ABCDEF'
MSGCNT   DS    CL75
         DS    0F
RESETCR  DC    X'000000E0',X'00000000',X'FFFFFFFF',X'00000000'
         DC    4F'0'
         DC    4F'0'
         DC    X'00000000',X'00000000',X'C2000000',X'00000200'
* What GCP does not emulate yet: it stops, saying which.
ENOTYET  MVC   VMSTOPOP,INSTR
         LA    R2,STPINSN
*---------------------------------------------------------------------
* STOP: GCP cannot go on; VMSTAT says why, and it waits disabled.
*---------------------------------------------------------------------
STOP     ST    R2,VMSTAT
         LPSW  STOPPSW
         LTORG
GCPEND   DS    0D
         END   GCP
