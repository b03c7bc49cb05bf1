# f_muldiv.s -- ME, MD, MER, MDR, DE, DD, DER, DDR, HER, HDR (halving,
# with normalization), MXD, MXR, MXDR (extended results in FPR pairs 0/2
# and 4/6), unnormalized operands of multiply and divide (prenormalized).
        .include "lowcore.inc"
        .include "diff.inc"
start:  le    0,TEN
        me    0,THREE                   # ME: long result
        std   0,0x800
        ld    2,THIRD
        md    2,THREED
        std   2,0x808
        le    4,TEN
        de    4,THREE
        std   4,0x810
        ld    6,TEND
        dd    6,THREED
        std   6,0x818
        ler   0,4
        mer   0,4
        std   0,0x820
        ldr   2,6
        mdr   2,6
        std   2,0x828
        ldr   2,6
        ddr   2,6                       # 1.0
        std   2,0x830
        ler   0,4
        der   0,0
        std   0,0x838
        ld    0,TEND
        hdr   2,0
        std   2,0x840
        her   4,2
        std   4,0x848
        ld    0,UNN                     # unnormalized: prenormalized
        md    0,THREED
        std   0,0x850
        ld    0,THIRD
        mxd   0,THIRD
        std   0,0x858
        std   2,0x860
        ld    4,TEND
        ld    6,SMALLD
        mxr   0,4                       # (0,2) * (4,6)
        std   0,0x868
        std   2,0x870
        ld    2,THIRD
        mxdr  4,2
        std   4,0x878
        std   6,0x880
        ld    0,HMIN                    # halving the smallest: underflow? mask off -> 0
        hdr   2,0
        std   2,0x888
        EXIT
        .balign 8
TEN:    .long 0x41A00000
THREE:  .long 0x41300000
THIRD:  .long 0x40555555,0x55555555
THREED: .long 0x41300000,0
TEND:   .long 0x41A00000,0
UNN:    .long 0x44000A00,0
SMALLD: .long 0x3A123456,0x789ABCDE
HMIN:   .long 0x00100000,0
