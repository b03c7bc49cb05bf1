# g_bxh.s -- BXH and BXLE: R3 even (increment R3, compare R3+1), R3 odd
# (increment and compare value are the same register), R1 = R3, negative
# increments; loop counts show the branches taken.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x800
        la    1,0                       # BXLE up: 0,3,6,9 -> 4 passes
        la    2,3
        la    3,10
        sr    7,7
1:      la    7,1(7)
        bxle  1,2,1b
        st    7,0(12)
        st    1,4(12)
        la    1,10                      # BXH down with negative increment: stops when <= 0
        l     2,MTWO
        la    3,0
        sr    7,7
2:      la    7,1(7)
        bxh   1,2,2b
        stm   1,7,8(12)
        la    1,1                       # R3 odd: increment = compare = R3
        la    3,4
        sr    7,7
3:      la    7,1(7)
        bxle  1,3,3b                    # 1+4=5 > 4: no branch
        st    7,40(12)
        st    1,44(12)
        la    2,5                       # R1 = R3 (even): R2 incremented by itself
        la    3,100
        sr    7,7
4:      la    7,1(7)
        bxle  2,2,4b                    # 5->10->20->40->80->160
        st    7,48(12)
        st    2,52(12)
        l     4,MAXP                    # overflow wraps without exception
        la    5,1
        sr    7,7
        bxh   4,5,5f                    # 7FFFFFFF+1 = 80000000 (negative) not > 1
        la    7,1
5:      st    7,56(12)
        st    4,60(12)
        la    4,1                       # R1 = R3+1 (odd): compare value taken first?
        la    5,1                       # hmm: R3=4 increment 1, compare R5
        la    4,3
        la    5,3
        sr    7,7
6:      la    7,1(7)
        c     7,F10
        bnl   7f
        bxle  5,4,6b                    # R1=5 is the compare register too
7:      st    7,64(12)
        stm   4,5,68(12)
        EXIT
        .balign 4
MTWO:   .long -2
MAXP:   .long 0x7FFFFFFF
F10:    .long 10
