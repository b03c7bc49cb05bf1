# c_ident.s -- STORE CPU ID (version, serial, model of the configuration
# herc-oracle uses: CPUSERIAL 000611, CPUMODEL 3158), STORE CPU ADDRESS,
# STORE PREFIX, and their alignment checks (STIDP doubleword, STAP
# halfword, STPX word: specification).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        stidp 0x800
        stap  0x808
        stpx  0x80C
        stidp 0x814                     # not a doubleword: 0006
        stap  0x811                     # odd: 0006
        stpx  0x822                     # 0006
        EXIT
