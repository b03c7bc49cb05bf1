# f_ext.s -- extended precision: AXR, SXR, LRDR (round extended to long),
# LRER (round long to short), DXR (divide extended, 0xB22D), and the
# specification exceptions for extended register numbers (2 and 6).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        ld    0,XA
        ld    2,XA+8
        ld    4,XB
        ld    6,XB+8
        axr   0,4
        std   0,0x800
        std   2,0x808
        ld    0,XA
        ld    2,XA+8
        sxr   0,4
        std   0,0x810
        std   2,0x818
        lrdr  6,0
        std   6,0x820
        ld    0,XA
        lrer  2,0
        std   2,0x828
        ld    0,XA
        ld    2,XA+8
        ld    4,XB
        ld    6,XB+8
        dxr   0,4
        std   0,0x830
        std   2,0x838
        .insn rr,0x3600,2,4             # AXR 2,4: specification
        .insn rr,0x3700,0,6             # SXR 0,6: specification
        .insn rr,0x2600,0,2             # MXR 0,2: specification
        .insn rr,0x2500,2,2             # LRDR 2,2: specification (R2)
        .insn rre,0xB22D0000,0,2        # DXR 0,2: specification
        .insn rr,0x2800,1,0             # LDR 1,0: specification
        .insn rx,0x78000000,3,XA        # LE 3: specification
        EXIT
        .balign 8
XA:     .long 0x41123456,0x789ABCDE,0x33FEDCBA,0x98765432
XB:     .long 0x40876543,0x21FEDCBA,0x32123456,0x789ABCDE
