# g_load_store.s -- L, LR, LH, LA (index+base), IC, ST, STH, STC, LM/STM
# (including the wrap-around register range 14..1), LTR, LCR, LPR, LNR and
# their condition codes (LCR/LPR of X'80000000' overflow: CC 3, no
# interruption with the fixed-point-overflow mask off).
        .include "lowcore.inc"
        .include "diff.inc"
start:  l     1,W1                      # 12345678
        lr    2,1
        lh    3,H1                      # sign-extended FFFF8001
        lh    4,H2                      # 00007FFF
        la    5,0x10
        la    6,0x123(5,0)              # index 5: 00000133
        la    7,0xFFF(5,6)              # 00000133+10+FFF
        l     8,WFF
        ic    8,W1+1                    # only byte 3 replaced: FFFFFF34
        stm   1,8,0x800
        st    1,0x823                   # unaligned store is fine on S/370
        sth   3,0x828
        stc   1,0x82B
        l     14,W1
        l     15,WFF
        l     0,W0
        sr    1,1
        stm   14,1,0x830                # wraps: R14,R15,R0,R1
        lm    9,12,0x830                # R9..R12 = R14,R15,R0,R1
        lm    14,1,W4                   # wrap load
        stm   9,1,0x840                 # R9..R15,R0,R1 (9 words)
        l     2,WNEG
        ltr   3,2
        CCSAVE 4,0x870
        lcr   3,2                       # +5
        CCSAVE 4,0x871
        lpr   5,2                       # +5
        CCSAVE 4,0x872
        lnr   6,2                       # -5
        CCSAVE 4,0x873
        lnr   7,5                       # -5
        lcr   8,0                       # 0 -> CC 0 (R0 = 0 here? see W4)
        CCSAVE 4,0x874
        l     9,WMIN
        lcr   10,9                      # overflow CC 3, result 80000000
        CCSAVE 4,0x875
        lpr   11,9                      # overflow CC 3
        CCSAVE 4,0x876
        lnr   12,9                      # 80000000 CC 1
        CCSAVE 4,0x877
        sr    13,13
        ltr   13,13
        CCSAVE 4,0x878
        lpr   13,13
        CCSAVE 4,0x879
        stm   2,13,0x880
        EXIT
        .balign 4
W1:     .long 0x12345678
WFF:    .long 0xFFFFFFFF
W0:     .long 0
WNEG:   .long -5
WMIN:   .long 0x80000000
W4:     .long 0x11111111,0x22222222,0x33333333,0x44444444
H1:     .short 0x8001
H2:     .short 0x7FFF
