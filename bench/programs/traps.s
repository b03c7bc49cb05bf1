# Privileged instructions in a loop: SSM, LPSW, SPT, STPT, ISK and BCT --
# five of the six trap to CP under --vm with the assist off. Bare, it
# measures what the instructions cost; under CP, the difference is the
# cost of the traps (bench/run-cp-bench.py).
        .include "lowcore.inc"
start:  l     3,PARM0
        la    2,0x800
loop:   ssm   MASK
        lpsw  NEXTPSW
next:   spt   TIMER
        stpt  SAVE
        .insn rr,0x0900,1,2             # ISK 1,2
        bct   3,loop
        EXIT
        .balign 8
NEXTPSW: .long 0x00000000,next
TIMER:  .long 0x7FFFFFFF,0xFFFFF000
SAVE:   .quad 0
MASK:   .byte 0
