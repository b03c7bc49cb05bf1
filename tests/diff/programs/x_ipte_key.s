# x_ipte_key.s -- INVALIDATE PAGE TABLE ENTRY with a PSW key that does not
# match the page table's storage key.  GA22-7000-10 lists the program
# exceptions of IPTE as addressing, operation, privileged operation and
# translation specification: the entry is not subject to key-controlled
# protection (no translation-table access is).  Hercules 3.13 fetches and
# stores the entry subject to protection and takes a protection exception.
# Expected: the entry at X'3804' gets its invalid bit (X'0064'); nothing
# is logged.
#@ expect M003804=0064 R15=00000E00 M000028=0000000000000000 ME00=0000000000000000
#@ dump 3800.10
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        l     1,PTO
        la    2,0x10                    # key 1 for the page table's block
        SSK   2,1
        lctl  0,0,CR0
        l     1,PTO
        l     2,V1
        spka  0x80                      # PSW key 8
        .insn rre,0xb2210000,1,2        # IPTE 1,2
        spka  0
        lctl  0,0,INIT
        EXIT
        .balign 4
CR0:    .long 0x004000E0
INIT:   .long 0x000000E0
PTO:    .long 0x00003800
V1:     .long 0x011000
        .org  0x3800
        .short 0x0100,0x0108,0x0060,0x0004
