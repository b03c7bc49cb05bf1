# x_mc_bc.s -- MONITOR CALL in the BC mode.  Principles (GA22-7000-10,
# ch. 6, "Monitor Event"): "The monitor event can occur in both the EC and
# BC modes ... Additional information is stored at real locations 148-149
# and 156-159.  The format ... is the same in the EC and BC modes": class
# number at X'95', monitor code at X'9D'-X'9F'.  Hercules 3.13 stores them
# only in the EC mode.  The log entries (X'E00' + 32n, +X'0C' = X'94')
# show what was stored.
#@ expect ME15=05 ME1C=00000579 ME35=00 ME3C=00000020 ME55=0F ME5C=00001122
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    3,0x123
        lctl  8,8,CR8                   # classes 0, 5, 15
        mc    0x456(3),5                # event: class 5, code 000579
        mc    0x20,0                    # class 0, code 000020
        mc    0xFFF(3),15               # class 15, code 001122
        mc    0x10,4                    # class 4 off: nothing
        EXIT
        .balign 4
CR8:    .long 0x00008401
