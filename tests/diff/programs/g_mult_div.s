# g_mult_div.s -- M, MR, MH (low 32 bits kept, no overflow indication),
# D, DR with negative operands, remainder sign = dividend sign.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    13,0x800
        l     3,V1                      # 12345678
        m     2,V2                      # * -3
        stm   2,3,0(13)
        l     5,WMIN
        mr    4,5                       # 80000000^2 = 40000000 00000000
        stm   4,5,8(13)
        l     7,MONE
        l     8,MONE
        mr    6,8                       # (-1)*(-1) = 1
        stm   6,7,16(13)
        l     9,V1
        mh    9,H7                      # * 7
        st    9,24(13)
        l     9,WMIN
        mh    9,HM1                     # overflow: low 32 bits 80000000, CC unchanged
        st    9,28(13)
        la    9,3
        mh    9,HMAX                    # 3*-32768
        st    9,32(13)
        lm    2,3,DIVD                  # 00000000 00000064 = 100
        d     2,SEVEN                   # q=14 r=2
        stm   2,3,40(13)
        lm    2,3,NDIVD                 # -100
        d     2,SEVEN                   # q=-14 r=-2
        stm   2,3,48(13)
        lm    4,5,NDIVD
        l     6,MSEVEN
        dr    4,6                       # -100/-7: q=14 r=-2
        stm   4,5,56(13)
        lm    4,5,BIG                   # 00000000 7FFFFFFF
        l     6,SIXTEEN
        dr    4,6                       # q=07FFFFFF r=F
        stm   4,5,64(13)
        lm    4,5,NDIVD
        l     6,MONE
        dr    4,6                       # -100/-1 = 100 r 0
        stm   4,5,72(13)
        EXIT
        .balign 8
DIVD:   .long 0,100
NDIVD:  .long -1,-100
BIG:    .long 0,0x7FFFFFFF
V1:     .long 0x12345678
V2:     .long -3
WMIN:   .long 0x80000000
MONE:   .long -1
SEVEN:  .long 7
MSEVEN: .long -7
SIXTEEN: .long 16
H7:     .short 7
HM1:    .short -1
HMAX:   .short -32768
