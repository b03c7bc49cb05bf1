# c_io.s -- I/O instructions in the supervisor state addressed to a
# channel and device that do not exist (channel X'0F'): condition code 3
# for SIO, SIOF, TIO, CLRIO, HIO, HDV, TCH; STIDC to a channel that does
# not exist (CC 3).
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        SIO   0xF80
        CCSAVE 7,0(12)
        SIOF  0xF80
        CCSAVE 7,1(12)
        TIO   0xF80
        CCSAVE 7,2(12)
        CLRIO 0xF80
        CCSAVE 7,3(12)
        HIO   0xF80
        CCSAVE 7,4(12)
        HDV   0xF80
        CCSAVE 7,5(12)
        TCH   0xF00
        CCSAVE 7,6(12)
        STIDC 0xF00
        CCSAVE 7,7(12)
        EXIT
