# x_ex_opcode_ilc.s -- EXECUTE of an unassigned opcode (X'00'): operation
# exception.  Principles (GA22-7000-10, ch. 6 "Instruction-Length Code"):
# when an exception is recognized for the target of EXECUTE, the ILC is 2,
# the length of EXECUTE.  Hercules 3.13 stores ILC 1 (the target's length):
# its operation-exception routine sets the ILC from the target opcode.
# Old PSW at X'28' and in the log entry at X'E00': ILC 2 -> byte 4 = X'80'
# (CC 0, program mask 0).
#@ expect M00002C=80 ME04=80
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        ex    0,XBAD                    # operation exception 0001
        EXIT
        .balign 4
XBAD:   .short 0x0000,0x0000
