# t_timers.s -- a guest that uses every timer (compared bare and under CP on
# the deterministic clock, where one instruction is one microsecond; not
# against Hercules, whose clocks are the host's):
#  - the CPU timer: SPT of 300 us, a loop, STPT, then an enabled wait until
#    its external interruption (X'1005');
#  - the clock comparator: STCK, SCKC of now + 500 us, an enabled wait until
#    X'1004';
#  - the interval timer at X'50': set to 2 units (bit 31 is 1/76800 s... so
#    bit 23 a 300th of a second), an enabled wait until X'0080';
#  - STCK twice, and the times each interruption arrived at.
#@ dump 800.80
        .include "lowcore.inc"
start:  mvc   0x58(8,0),EXTNEW
        la    13,0x800
        sckc  NEVERC                    # no comparator condition yet
        mvc   0x50(4,0),ITBIG           # nor an interval-timer one
        lctl  0,0,CR0
        spt   TIMER300
        la    5,50
1:      bct   5,1b
        stpt  0(13)                     # 300 - 101 or so
        lpsw  WAITEXT                   # until the CPU timer
2:      mvc   8(2,13),0x86              # the external code
        stpt  16(13)
        spt   NEVER
        stck  24(13)
        lm    2,3,24(13)
        al    3,US500
        stm   2,3,32(13)
        sckc  32(13)
        lpsw  WAITEXT2                  # until the clock comparator
3:      mvc   10(2,13),0x86
        stck  40(13)
        sckc  NEVERC
        mvc   0x50(4,0),ITIMER
        lpsw  WAITEXT3                  # until the interval timer
4:      mvc   12(2,13),0x86
        stck  48(13)
        xc    24(8,13),24(13)           # keep the differences, not the times
        lm    2,3,40(13)
        sl    3,36(13)
        st    3,56(13)                  # comparator: how late, in TOD units
        lm    2,3,48(13)
        sl    3,44(13)
        st    3,60(13)                  # interval timer: how long it took
        xc    32(24,13),32(13)
        lctl  0,0,CR0OFF
        EXIT
EXTH:   ni    0x19,0xFD                 # resume after the wait: not waiting,
        ni    0x18,0xFE                 # and not enabled for the condition again
        lpsw  0x18
        .balign 8
EXTNEW: .long 0x00080000,EXTH           # EC, disabled
WAITEXT: .long 0x010A0000,2b            # EC, external mask, wait
WAITEXT2: .long 0x010A0000,3b
WAITEXT3: .long 0x010A0000,4b
CR0:    .long 0x00000CE0                # clock comparator, CPU timer, interval timer
CR0OFF: .long 0x000000E0
TIMER300: .long 0,300<<12
NEVER:  .long 0x7FFFFFFF,0xFFFFF000
NEVERC: .long 0xFFFFFFFF,0xFFFFF000
US500:  .long 500<<12
ITIMER: .long 0x00000200
ITBIG:  .long 0x7FFFFF00
