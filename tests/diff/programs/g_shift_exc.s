# g_shift_exc.s -- SLA/SLDA overflow with the fixed-point-overflow mask on:
# interruption code 8, the shifted result (sign kept) is stored; odd R1 of
# the double shifts (SLDL, SRDL, SLDA, SRDA) is a specification exception.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    1,0x0F
        sll   1,24
        spm   1                         # all program-mask bits on
        la    2,1
        sla   2,31                      # 0008, R2 = 00000000
        l     3,NEG
        sla   3,31                      # FFFFFF00<<31: overflow, R3 = 80000000
        lm    4,5,DP
        slda  4,1                       # 0008
        stm   2,5,0x800
        .insn rs,0x8D000000,3,0,1(0)    # SLDL 3,1 -> 0006
        .insn rs,0x8C000000,5,0,1(0)    # SRDL 5,1 -> 0006
        .insn rs,0x8F000000,7,0,1(0)    # SLDA 7,1 -> 0006
        .insn rs,0x8E000000,9,0,1(0)    # SRDA 9,1 -> 0006
        EXIT
        .balign 8
NEG:    .long 0xFFFFFF00
DP:     .long 0x40000000,0
