# g_mvc.s -- MVC (including the one-byte-right overlap that propagates a
# byte, and 256 bytes), MVN, MVZ, MVCIN (reversed move).
        .include "lowcore.inc"
        .include "diff.inc"
start:  mvc   0x800(16),SRC
        mvi   0x810,0x40
        mvc   0x811(15),0x810           # propagate blank
        mvc   0x820(8),SRC
        mvc   0x821(7),0x820            # propagate X'01'
        mvc   0x830(8),SRC
        mvc   0x830(7),0x831            # shift left by one
        mvc   0x840(8),SRC
        mvn   0x840(8),SRC2
        mvc   0x848(8),SRC
        mvz   0x848(8),SRC2
        mvc   0x850(8),SRC
        mvn   0x851(7),0x850            # overlapping MVN
        mvc   0x860(16),SRC
        mvcin 0x860(16),SRC+15          # reversed
        mvc   0x870(8),SRC
        mvcin 0x870(1),SRC2             # one byte
        mvc   0xA00(256),0x300          # 256 bytes of code
        EXIT
SRC:    .byte 0x01,0x23,0x45,0x67,0x89,0xAB,0xCD,0xEF,0xF0,0xE1,0xD2,0xC3,0xB4,0xA5,0x96,0x87
SRC2:   .byte 0xFA,0xEB,0xDC,0xCD,0xBE,0xAF,0x90,0x81
