# c_ctl.s -- LOAD CONTROL and STORE CONTROL: single registers, ranges,
# the wrap-around range 14..1, a misaligned operand (specification),
# values read back; CR0 keeps E0 masks off for safety (PSW masks are off).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        stctl 0,15,0x800                # initial values
        lctl  3,6,VALS                  # CR3..CR6
        lctl  14,1,VALS2                # CR14, CR15, CR0, CR1
        stctl 0,15,0x840
        stctl 5,5,0x880
        stctl 15,2,0x884                # wrap: 15, 0, 1, 2
        lctl  3,3,VALS+2                # misaligned: 0006
        stctl 3,3,0x896                 # misaligned: 0006
        lctl  0,1,INIT                  # back to CR0 E0, CR1 0
        lctl  14,15,INIT+8
        lctl  3,6,ZEROS
        EXIT
        .balign 4
VALS:   .long 0x11111111,0x22222222,0x33333333,0x44444444
VALS2:  .long 0xC2000000,0x00000200,0x000000A0,0x12345640
INIT:   .long 0x000000E0,0x00000000,0xC2000000,0x00000200
ZEROS:  .long 0,0,0,0
