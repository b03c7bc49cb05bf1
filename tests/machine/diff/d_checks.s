# d_checks.s -- the architected checks: the status each wild channel program
# ends with (program check, protection check), whichever way it is
# reported (START I/O condition code 1 here at initiation, an interruption
# on Hercules). Only the status halfwords are compared. Two checks of the
# Principles that Hercules 3.13 does not make are run but not compared:
# nonzero CAW bits 4-7 and a TIC as the first CCW (program check here,
# Hercules runs the program).
# DEVICE: 00C 2540R deck=cards.txt mode=ascii
# DUMP: 900.20
        .include "lowcore.inc"
        .include "machine.inc"
        # Storage key 3 on the block at X'3000' (SSK 4,5).
        la    4,0x30
        l     5,blk
        .insn rr,0x0800,4,5
        STARTIO 0x00C,0x01000000+good,0x800   # CAW bits 4-7 (not compared)
        mvc   0x920(2),0x802
        STARTIO 0x00C,good+4,0x810            # CCW not on a doubleword
        mvc   0x902(2),0x812
        STARTIO 0x00C,tic,0x820               # first CCW a TIC (not compared)
        mvc   0x924(2),0x822
        STARTIO 0x00C,badcmd,0x830            # command X'00'
        mvc   0x906(2),0x832
        STARTIO 0x00C,zero,0x840              # count 0
        mvc   0x908(2),0x842
        STARTIO 0x00C,tictic,0x850            # TIC to TIC in a chain
        mvc   0x90A(2),0x852
        STARTIO 0x00C,beyond,0x860            # data beyond storage
        mvc   0x90C(2),0x862
        STARTIO 0x00C,0x30000000+prot,0x870   # key 3 reads into key 3: fine
        mvc   0x90E(2),0x872
        STARTIO 0x00C,0x20000000+prot,0x880   # key 2 into key 3: protection
        mvc   0x910(2),0x882
        STARTIO 0x00C,flags,0x890             # flag bits 38-39
        mvc   0x912(2),0x892
        EXIT
        .balign 4
blk:    .long 0x3000
        .balign 8
good:   .long 0x02000A00,0x20000050
tic:    .long 0x08000000+good,0
badcmd: .long 0x00000A00,0x20000050
zero:   .long 0x02000A00,0x20000000
tictic: .long 0x03000000,0x60000001
        .long 0x08000000+tic2,0
tic2:   .long 0x08000000+good,0
beyond: .long 0x021FFFF0,0x20000050
prot:   .long 0x02003000,0x20000050
flags:  .long 0x02000A00,0x21000050
