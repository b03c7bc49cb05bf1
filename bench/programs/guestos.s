# A guest operating system's privileged work in a loop: SSM, an SVC and
# its return (LPSW), a page fault that the handler resolves (the page's
# entry made valid, LPSW to retry), and IPTE to take the page away again
# -- per iteration five entries into CP with the assist off. For the cost
# of a trap at each level (bench/levels-bench.py): under a guest CP the
# page faults go through its shadow tables, which its IPTE purges.
        .include "lowcore.inc"
start:  l     3,PARM0
        l     12,PTO                    # R12: the page table (real)
        la    11,0x800                  # R11: X'8000', page 8
        sll   11,4
        mvc   0x60(8,0),SVCNEW
        mvc   0x68(8,0),PGMNEW
        # A segment table at X'10000' (64K segments, 4K pages): segment 0
        # has a page table at X'11000' mapping pages 0-7 to themselves,
        # page 8 invalid; segments 1-15 invalid.
        l     4,STO
        mvc   0(4,4),STE0
        la    5,15
        la    6,4(4)
1:      mvc   0(4,6),INVSTE
        la    6,4(6)
        bct   5,1b
        sr    5,5                       # PTEs: page i -> i * 16
        la    6,16
        lr    7,12
2:      lr    8,5
        sll   8,4
        sth   8,0(7)
        la    5,1(5)
        la    7,2(7)
        bct   6,2b
        oi    17(12),0x08               # page 8 invalid
        lctl  0,1,CRS
        lpsw  DATON
loop:   ssm   MASK                      # (DAT stays on)
        svc   1                         # reflected; LPSW back
        l     1,0(11)                   # a page fault; resolved, retried
        .insn rre,0xb2210000,12,11      # IPTE: page 8 invalid again
        bct   3,loop
        stnsm MASK,0xFB                 # DAT off, then the end
        lctl  0,1,CRRESET
        EXIT
SVCH:   lpsw  0x20
PGMH:   ni    17(12),0xF7               # page 8 valid
        lpsw  0x28
        .balign 8
DATON:  .long 0x04080000,loop
SVCNEW: .long 0x00080000,SVCH
PGMNEW: .long 0x00080000,PGMH
CRS:    .long 0x008000E0,0x00010000     # 4K pages, 64K segments; STO
CRRESET: .long 0x000000E0,0
STO:    .long 0x00010000
PTO:    .long 0x00011000
STE0:   .long 0xF0011000                # length 15: all 16 entries; valid
INVSTE: .long 0x00000001
MASK:   .byte 0x04
