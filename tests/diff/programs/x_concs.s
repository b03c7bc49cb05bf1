# x_concs.s -- X'B200' and X'B201' (CONNECT CHANNEL SET, DISCONNECT CHANNEL
# SET) belong to the optional channel-set-switching facility of
# multiprocessing System/370 models (GA22-7000-10, ch. 13).  The emulator's
# opcode table has no such rows, so they are operation exceptions (X'0001',
# "the instruction with that operation code may not be available on the
# CPU"); Hercules 3.13 executes them.  A facility difference: expected here
# are the emulator's operation exceptions (log entries at X'E00').
# Hercules 3.13 also executes, in S/370 mode, these opcodes that are not in
# the emulator's table (found by executing every unassigned opcode):
# DA MVCP, DB MVCS, B218 PC, B219 SAC, B222 IAC, B223 IVSK, B224-B228
# (dual-address space), B221 IPTE, B229-B22C ISKE/RRBE/SSKE/TB, E5xx
# (assists), B2F0 (IUCV).
#@ expect ME00=000000018000020E ME20=0000000180000212 M000028=0000000180000212 R15=00000E40
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    15,0xE00
        mvc   0x68(8,0),PGMNEW
        .long 0xB2000000                # CONCS 0
        .long 0xB2010000                # DISCS 0
        EXIT
PGMH:   mvc   0(8,15),0x28
        la    15,32(15)
        lpsw  0x28
        .balign 8
PGMNEW: .long 0,PGMH
