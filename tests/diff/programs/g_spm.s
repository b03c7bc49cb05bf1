# g_spm.s -- SET PROGRAM MASK: CC from bits 2-3, mask from bits 4-7 of R1,
# bits 0-1 and 8-31 ignored; the result read back with BALR.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        l     1,V1                      # FF...: CC3 mask F
        spm   1
        CCSAVE 7,0(12)
        l     1,V2                      # 10 -> CC1 mask 0
        spm   1
        CCSAVE 7,1(12)
        l     1,V3                      # 25 -> CC2 mask 5
        spm   1
        CCSAVE 7,2(12)
        sr    1,1
        spm   1
        CCSAVE 7,3(12)
        EXIT
        .balign 4
V1:     .long 0xFFFFFFFF
V2:     .long 0x90FFFFFF
V3:     .long 0x25000000
