# g_ex.s -- EXECUTE: MVC with the length from R1 bits 24-31, R1 = 0 (no
# modification), EX of TRT and of CLI (immediate byte ORed), EX of BALR
# (link info of EX's address + 4), EX of EX (execute exception, code 3),
# EX at an odd target address (specification), EX of SVC (number ORed).
# EX of an invalid opcode: see x_ex_opcode_ilc.s.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    12,0x900
        la    1,5
        ex    1,XMVC                    # MVC 0x800(6),SRC
        ex    0,XMVC                    # MVC 0x800(1): R0 means no OR
        la    1,0x0F
        ex    1,XMVC2                   # length 0x10|0x0F = 0x1F -> 32 bytes to 0x810
        la    1,0xC1
        ex    1,XCLI                    # CLI SRC,X'C1' -> CC0
        CCSAVE 7,0(12)
        la    1,0x3F
        ex    1,XTRT                    # TRT SRC(64),TAB
        CCSAVE 7,1(12)
        stm   1,2,0x840
        ex    0,XBALR                   # BALR 3,0 executed: R3 = link from EX
        st    3,0x848
        la    1,0
        ex    1,XEX                     # EX of EX: 0003
        ex    0,XODD+1                  # odd target: 0006
        la    1,0x30                    # EX of SVC: SVC number ORed
        ex    1,XSVC
        EXIT
        .balign 4
XMVC:   mvc   0x800(1),SRC
XMVC2:  mvc   0x810(16),SRC
XCLI:   cli   SRC,0
XTRT:   trt   SRC(1),TAB
XBALR:  balr  3,0
XEX:    ex    0,XMVC
XODD:   .short 0x0700,0x0700
XSVC:   svc   0x05
SRC:    .byte 0xC1,0xC2,0xC3,0xC4,0xC5,0xC6,0xC7,0xC8,0xC9,0xD1,0xD2,0xD3,0xD4,0xD5,0xD6,0xD7
        .fill 48,1,0x40
TAB:    .fill 0xD5,1,0
        .byte 0x77
        .fill 0x2A,1,0
