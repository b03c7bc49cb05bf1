# g_add_sub.s -- A, AR, AH, S, SR, SH, AL, ALR, SL, SLR: results and every
# condition code (signed: 0/1/2/3; logical: 0..3 carry/zero), overflow with
# the fixed-point-overflow mask off (no interruption, result kept).
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    13,0x800                  # results
        la    12,0x900                  # condition codes
        lm    0,1,P1                    # 7FFFFFFF 00000001
        lr    2,0
        ar    2,1                       # 80000000 CC3
        st    2,0(13)
        CCSAVE 3,0(12)
        lr    2,1
        a     2,MONE                    # 0 CC0
        st    2,4(13)
        CCSAVE 3,1(12)
        l     2,MONE
        ah    2,HNEG                    # -1 + -32768 = FFFF7FFF CC1
        st    2,8(13)
        CCSAVE 3,2(12)
        l     2,WMIN
        s     2,P1+4                    # 80000000-1 overflow -> 7FFFFFFF CC3
        st    2,12(13)
        CCSAVE 3,3(12)
        l     2,WMIN
        sr    2,2                       # 0 CC0
        CCSAVE 3,4(12)
        la    2,5
        sh    2,HNEG                    # 5+32768 CC2
        st    2,16(13)
        CCSAVE 3,5(12)
        l     2,MONE
        al    2,P1+4                    # FFFFFFFF+1 = 0 carry -> CC2
        st    2,20(13)
        CCSAVE 3,6(12)
        l     2,MONE
        alr   2,2                       # FFFFFFFE carry -> CC3
        st    2,24(13)
        CCSAVE 3,7(12)
        la    2,1
        al    2,P1+4                    # 2, no carry -> CC1
        CCSAVE 3,8(12)
        sr    2,2
        alr   2,2                       # 0 no carry -> CC0
        CCSAVE 3,9(12)
        la    2,5
        sl    2,P1+4                    # 4, no borrow -> carry -> CC3
        st    2,28(13)
        CCSAVE 3,10(12)
        la    2,5
        la    4,5
        slr   2,4                       # 0 -> CC2
        CCSAVE 3,11(12)
        la    2,5
        la    4,6
        slr   2,4                       # FFFFFFFF borrow -> CC1
        st    2,32(13)
        CCSAVE 3,12(12)
        sr    2,2
        sl    2,W0                      # 0 - 0: carry, zero -> CC2
        CCSAVE 3,13(12)
        l     2,WMIN
        ah    2,HNEG                    # overflow (negative) CC3
        st    2,36(13)
        CCSAVE 3,14(12)
        l     2,P1
        sh    2,HNEG                    # overflow CC3
        st    2,40(13)
        CCSAVE 3,15(12)
        la    2,7
        a     2,MONE                    # 6 CC2
        CCSAVE 3,16(12)
        EXIT
        .balign 4
P1:     .long 0x7FFFFFFF,1
MONE:   .long -1
WMIN:   .long 0x80000000
W0:     .long 0
HNEG:   .short -32768
