# g_long_spec.s -- MVCL and CLCL with an odd R1 or R2: specification
# exception, nothing changed; MVCL moving into a store-protected block
# stops there (protection, the registers show the progress).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    2,0x800
        la    3,8
        la    4,0x900
        la    5,8
        .insn rr,0x0E00,3,4             # MVCL 3,4 -> 0006
        .insn rr,0x0E00,2,5             # MVCL 2,5 -> 0006
        .insn rr,0x0F00,1,4             # CLCL 1,4 -> 0006
        .insn rr,0x0F00,2,7             # CLCL 2,7 -> 0006
        stm   2,5,0x800
        EXIT
