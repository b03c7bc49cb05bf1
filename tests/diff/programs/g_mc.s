# g_mc.s -- MONITOR CALL: no event when the class is masked off in CR8
# bits 16-31; monitor event (code X'0040') with the class at X'94'-X'95' and
# the monitor code (the operand address) at X'9C'; I2 bits 0-3 not zero:
# specification.  In the EC mode here; in the BC mode see x_mc_bc.s.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    3,0x123
        lpsw  ECPSW
1:      mc    0x456(3),5                # CR8 = 0: nothing
        lctl  8,8,CR8                   # classes 0, 5, 15
        mc    0x456(3),5                # event: code 0579
        mc    0x10,4                    # class 4 off: nothing
        mc    0x20,0                    # class 0: event
        mc    0xFFF(3),15               # class 15: event, code 1122
        mc    0x30,0x10                 # specification
        mc    0x50,0x80                 # specification
        ex    0,XMC                     # under EX: ILC 2
        lpsw  DONE2
        .balign 8
ECPSW:  .long 0x00080000,1b
DONE2:  .long 0x000A0000,0x0000C0DE
CR8:    .long 0x00008401
XMC:    mc    0x60,15
