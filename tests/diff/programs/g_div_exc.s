# g_div_exc.s -- fixed-point divide exceptions (D and DR: quotient too
# large, divisor zero; the operation is suppressed, registers unchanged),
# specification exceptions for M, MR, D, DR with an odd R1, and a
# fixed-point overflow (code 8) with the mask on (AR, A, SR, LCR, LPR).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lm    2,3,BIG                   # 7FFFFFFF FFFFFFFF
        d     2,ONE                     # too large -> 0009
        stm   2,3,0x800                 # unchanged
        lm    4,5,SMALL
        sr    6,6
        dr    4,6                       # by zero -> 0009
        stm   4,5,0x808
        lm    4,5,MINQ                  # -2**31 * 1 exactly: FFFFFFFF 80000000
        d     4,ONE                     # q = -2**31 fits: no exception
        stm   4,5,0x810
        lm    4,5,MINQ2                 # 00000000 80000000 / 1 = +2**31: too large
        d     4,ONE
        stm   4,5,0x818
        .insn rx,0x5C000000,3,ONE       # M 3,ONE: odd R1 -> 0006
        .insn rr,0x1C00,5,6             # MR 5,6 -> 0006
        .insn rx,0x5D000000,7,ONE       # D 7,ONE -> 0006
        .insn rr,0x1D00,1,2             # DR 1,2 -> 0006
        la    1,8
        sll   1,24
        spm   1                         # fixed-point-overflow mask on
        l     7,BIG
        ar    7,7                       # 0008, result stored
        st    7,0x820
        l     7,MIN
        s     7,ONE                     # 0008
        st    7,0x824
        lcr   8,7                       # 7FFFFFFF... no overflow
        l     7,MIN
        lcr   8,7                       # 0008
        lpr   9,7                       # 0008
        stm   7,9,0x828
        sla   7,1                       # 0008
        st    7,0x834
        EXIT
        .balign 8
BIG:    .long 0x7FFFFFFF,0xFFFFFFFF
SMALL:  .long 0,10
MINQ:   .long 0xFFFFFFFF,0x80000000
MINQ2:  .long 0,0x80000000
ONE:    .long 1
MIN:    .long 0x80000000
