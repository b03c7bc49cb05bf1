# c_sigp.s -- SIGNAL PROCESSOR on a uniprocessor: to a CPU address that is
# not installed (CC 3, registers unchanged), and the sense order to CPU 0
# itself.  STAP gives 0.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        l     1,ONES
        la    3,1                       # CPU address 1: not operational
        sigp  1,3,1                     # sense: CC3
        CCSAVE 7,0(12)
        la    3,5
        sigp  1,3,4                     # emergency signal to CPU 5: CC3
        CCSAVE 7,1(12)
        st    1,0x800
        stap  0x804
        EXIT
        .balign 4
ONES:   .long 0xFFFFFFFF
