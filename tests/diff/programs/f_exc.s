# f_exc.s -- floating-point exceptions: exponent overflow (X'000C', always
# enabled), exponent underflow (X'000D' with mask bit 38, else true zero),
# significance (X'000E' with mask bit 39), floating-point divide by zero
# (X'000F'), results stored for each as the Principles say.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        le    0,HUGE
        me    0,HUGE                    # 000C
        std   0,0x800
        le    2,TINY
        me    2,TINY                    # underflow, mask off: true zero
        std   2,0x808
        le    4,ONE
        se    4,ONE                     # significance off: true zero
        std   4,0x810
        la    1,0x03
        sll   1,24
        spm   1                         # underflow + significance masks on
        le    2,TINY
        me    2,TINY                    # 000D, result with wrapped exponent
        std   2,0x818
        le    4,ONE
        se    4,ONE                     # 000E, zero fraction kept with exponent
        std   4,0x820
        le    6,ONE
        de    6,ZERO                    # 000F
        std   6,0x828
        ld    6,ONED
        dd    6,ZEROD                   # 000F
        std   6,0x830
        ld    0,HUGED
        ad    0,HUGED                   # overflow 000C
        std   0,0x838
        ld    0,TINYD
        hdr   2,0                       # underflow 000D
        std   2,0x840
        ld    0,TINYD
        sd    0,TINYD                   # significance 000E
        std   0,0x848
        lrdr  4,0
        EXIT
        .balign 8
HUGE:   .long 0x7F100000
TINY:   .long 0x00100000
ONE:    .long 0x41100000
ZERO:   .long 0
        .balign 8
ONED:   .long 0x41100000,0
ZEROD:  .long 0,0
HUGED:  .long 0x7FFFFFFF,0xFFFFFFFF
TINYD:  .long 0x00100000,0
