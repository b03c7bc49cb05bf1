# primes.s -- the demonstration program of scripts/demo.sh (GNU as syntax,
# -m31). A sieve of Eratosthenes over 2..999 in storage at X'3000', then
# every prime is formatted with CVD and ED into six EBCDIC characters at
# X'2000'; the count goes to X'1F00'. Ends in the wait PSW ...C0DE.
        .include "lowcore.inc"
start:  l     13,SIEVE              # R13: the sieve, one byte a number
        lr    2,13                  # clear it with MVCL, pad X'00'
        la    3,1000
        la    4,0
        la    5,0
        mvcl  2,4
        la    11,2                  # p
outer:  lr    7,11                  # R6:R7 = p * p
        mr    6,11
        c     7,LIMIT
        bnl   sieved                # p * p >= 1000: done
        la    8,0(7,13)             # cross out p*p, p*p+p, ...
cross:  mvi   0(8),1
        ar    8,11
        c     8,END
        bl    cross
next:   la    11,1(11)              # next p not crossed out
        la    8,0(11,13)
        cli   0(8),0
        bne   next
        b     outer
sieved: la    6,2                   # format every prime 2..999
        la    9,0                   # count
        l     10,OUTPUT             # output pointer
fmt:    la    8,0(6,13)
        cli   0(8),0
        bne   skip
        cvd   6,DW
        mvc   0(6,10),PAT
        ed    0(6,10),DW+5
        la    10,6(10)
        la    9,1(9)
skip:   la    6,1(6)
        c     6,LIMIT
        bl    fmt
        l     8,COUNT
        st    9,0(8)
        EXIT
        .balign 8
DW:     .quad 0
LIMIT:  .long 1000
END:    .long 0x3000+1000
SIEVE:  .long 0x3000
OUTPUT: .long 0x2000
COUNT:  .long 0x1f00
PAT:    .byte 0x40,0x20,0x20,0x20,0x21,0x20
