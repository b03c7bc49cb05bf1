# c_guest_dat.s -- what a guest operating system does: a supervisor in the
# EC mode builds a segment table and a page table (4K pages, 64K segments)
# in which pages X'8000'-X'FFFF' are invalid, and runs a task in the
# problem state (key 2) with DAT on.  The task writes to four invalid
# pages; each first touch is a page-translation exception, nullified; the
# supervisor's program-check handler (DAT off) takes the page from the
# translation-exception address at X'90', gives it a frame from X'18000'
# up, and returns to the task, which runs the instruction again.  The task
# sums what it wrote through the new mappings and ends with SVC 1.
# Under CP (tests/cp/equivalence.py) the same program runs as a guest.
#@ dump 3000.40
#@ dump 3100.20
#@ dump 18000.10
#@ dump 19000.10
#@ dump 1A000.10
#@ dump 1B000.10
        .include "lowcore.inc"
start:  mvc   0x68(8,0),PGMNEW
        mvc   0x60(8,0),SVCNEW
        la    1,0x20                    # key 2 for the task's page X'2000'
        l     2,A2000
        .insn rr,0x0800,1,2             # SSK 1,2
        lctl  0,1,CRS
        sr    10,10                     # page faults taken
        l     11,FRAME                  # next free frame
        lpsw  TASKPSW
# -- the program-check handler: DAT off, supervisor, key 0 --
PGMH:   clc   0x8E(2,0),PGMCODE         # page translation (X'0011')?
        bne   FAIL
        l     1,0x90                    # translation-exception address
        n     1,PAGEMASK                # its page
        srl   1,11                      # page index * 2 (4K pages)
        a     1,PT                      # the page-table entry
        lr    2,11
        srl   2,8                       # PTE: frame address bits 8-19
        sth   2,0(1)
        la    2,0x20                    # the frame gets the task's key
        .insn rr,0x0800,2,11            # SSK 2,11
        a     11,FRAMESZ                # the next frame
        la    10,1(10)
        lpsw  0x28                      # again, the instruction was nullified
# -- the SVC handler: SVC 1 ends the program --
SVCH:   clc   0x8A(2,0),SVC1
        bne   FAIL
        st    10,0x800
        st    3,0x804
        lctl  0,1,INIT
        EXIT
FAIL:   lpsw  FAILPSW
        .balign 8
PGMNEW: .long 0x00080000,PGMH
SVCNEW: .long 0x00080000,SVCH
TASKPSW: .long 0x04290000,TASK         # EC, DAT, key 2, problem state
FAILPSW: .long 0x00020000,0x0000BAD0
CRS:    .long 0x008000E0,0x00003000     # 4K pages, 64K segments; 16 segments
INIT:   .long 0x000000E0,0
FRAME:  .long 0x00018000
PAGEMASK: .long 0x0000F000
A2000:  .long 0x00002000
PT:     .long 0x00003100
FRAMESZ: .long 0x00001000
PGMCODE: .short 0x0011
SVC1:   .short 0x0001
        .org  0x2000
# -- the task, in page X'2000' (key 2), problem state, DAT on --
TASK:   balr  12,0                      # the task's base: TASK+2
        l     4,V8000-TASK-2(12)
        la    5,4                       # four pages
        la    6,1
1:      st    6,0(4)                    # first touch: a page fault
        st    6,4(4)
        a     4,PAGE-TASK-2(12)
        la    6,1(6)
        bct   5,1b-TASK-2(12)
        l     4,V8000-TASK-2(12)
        la    5,4
        sr    3,3
2:      a     3,0(4)                    # 1 + 2 + 3 + 4
        a     4,PAGE-TASK-2(12)
        bct   5,2b-TASK-2(12)
        svc   1
        .balign 4
V8000:  .long 0x00008000
PAGE:   .long 0x00001000
        .org  0x3000
        .long 0xF0003100
        .fill 15,4,1
        .org  0x3100
        .short 0x0000,0x0010,0x0020,0x0030,0x0040,0x0050,0x0060,0x0070
        .short 0x0088,0x0098,0x00A8,0x00B8,0x00C8,0x00D8,0x00E8,0x00F8
