*=====================================================================
* DMSFREE: free storage (R6's DMSFREE/DMSFRET). Two areas, low
* (X'8000'-X'DFFF') and high (the top of storage), on one list of free
* blocks in address order; each free block begins with A(next) and
* F(its size). Sizes are rounded up to doublewords; first fit; a
* freed block joins its neighbours.
*=====================================================================
*---------------------------------------------------------------------
* GETFREE: R0 = bytes. R1 = a doubleword-aligned block, zeroed, and
* R15 = 0; or R15 = 4 when no block is large enough.
*---------------------------------------------------------------------
GETFREE  CMSENT
         LA    R2,7
         AR    R2,R0
         N     R2,=X'00FFFFF8'           the size, in doublewords
         LTR   R2,R2
         BNZ   *+8
         LA    R2,8
         LA    R3,FREELIST               R3: where the link is
GF1      L     R4,0(,R3)                 R4: the block
         LTR   R4,R4
         BZ    GFNONE
         C     R2,4(,R4)
         BNH   GFFIT
         LR    R3,R4
         B     GF1
GFFIT    L     R5,4(,R4)
         SR    R5,R2                     what is left of it
         BZ    GFWHOLE
         LA    R6,0(R2,R4)               the rest stays free
         MVC   0(4,R6),0(R4)
         ST    R5,4(,R6)
         ST    R6,0(,R3)
         B     GFCLR
GFWHOLE  MVC   0(4,R3),0(R4)
GFCLR    LR    R6,R4                     zero it
         LR    R7,R2
         SR    R9,R9
         MVCL  R6,R8
         L     R1,4(,R13)
         ST    R4,24(,R1)                the caller's R1
         CMSRET RC=0
GFNONE   CMSRET RC=4
         LTORG
*---------------------------------------------------------------------
* FRETFREE: R0 = bytes, R1 = the block GETFREE gave.
*---------------------------------------------------------------------
FRETFREE CMSENT
         LA    R2,7
         AR    R2,R0
         N     R2,=X'00FFFFF8'
         LTR   R2,R2
         BNZ   *+8
         LA    R2,8
         LA    R4,0(,R1)                 the block
         LA    R3,FREELIST
FR1      L     R5,0(,R3)                 the next free block
         LTR   R5,R5
         BZ    FRINS
         CR    R5,R4
         BH    FRINS
         LR    R3,R5
         B     FR1
FRINS    ST    R5,0(,R4)                 R3 -> block -> R5
         ST    R2,4(,R4)
         ST    R4,0(,R3)
* Joins the next block when they touch.
         LTR   R5,R5
         BZ    FRPREV
         LA    R6,0(R2,R4)
         CR    R6,R5
         BNE   FRPREV
         MVC   0(4,R4),0(R5)
         L     R6,4(,R5)
         A     R6,4(,R4)
         ST    R6,4(,R4)
* And the previous one (R3 is a block unless it is FREELIST).
FRPREV   LA    R6,FREELIST
         CR    R3,R6
         BE    FROUT
         L     R6,4(,R3)
         AR    R6,R3
         CR    R6,R4
         BNE   FROUT
         MVC   0(4,R3),0(R4)
         L     R6,4(,R4)
         A     R6,4(,R3)
         ST    R6,4(,R3)
FROUT    CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* NUCSVC: SVC 203, the nucleus's services for programs, R6's form: a
* halfword function code follows the SVC (skipped on return).
*   DMSFREE DWORDS=(R0): code 1, R1 = the block (R15 = 0, or 4: none)
*   DMSFRET DWORDS=(R0),LOC=(R1): code 2
* Called from SVCINT with R13 the SVC frame's save area.
*---------------------------------------------------------------------
NUCSVC   CMSENT
         L     R2,CURSVC
         USING SVCFRM,R2
         L     R3,SFPSW+4
         LA    R3,0(,R3)
         LH    R4,0(,R3)                 the code
         LA    R3,2(,R3)
         STCM  R3,7,SFPSW+5              goes on after it
         L     R0,SFREGS
         SLL   R0,3                      doublewords to bytes
         L     R1,SFREGS+4
         CH    R4,=H'1'
         BE    NSFREE
         CH    R4,=H'2'
         BE    NSFRET
         LA    R15,24                    an unknown code
         B     NSOUT
NSFREE   NUCALL GETFREE
         LTR   R15,R15
         BNZ   NSOUT
         L     R2,CURSVC
         ST    R1,SFREGS+4
         B     NSOUT
NSFRET   NUCALL FRETFREE
NSOUT    DS    0H
         DROP  R2
         CMSRET
         LTORG
