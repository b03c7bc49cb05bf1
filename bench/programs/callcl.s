# Call and return as the independent check measured it: BAL to a
# subroutine of LA, AR and BR, then CL and BC on the result and BCT --
# seven instructions an iteration (the BC is not taken).
        .include "lowcore.inc"
start:  l     3,PARM0
        la    2,0
        la    4,0
loop:   bal   14,sub
        cl    2,LIMIT
        bc    2,over
        bct   3,loop
        EXIT
over:   .long 0                          # never reached
sub:    la    2,1(2)
        ar    4,2
        br    14
        .balign 4
LIMIT:  .long 0x7FFFFFFF
