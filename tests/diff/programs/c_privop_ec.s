# c_privop_ec.s -- privileged operations in the EC-mode problem state:
# code X'0002' and the ILC at X'8C'-X'8F', old PSW in EC format; also the
# semiprivileged SPKA/IPK without CR3/CR0 authority, and MVCK with a key
# not allowed by the PSW-key mask.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lpsw  PROB
1:      ssm   0x800
        lpsw  0x800
        .insn rs,0xB6000000,0,0,0x800(0)  # STCTL
        .insn s,0xB20D0000,0            # PTLB
        SIO   0x00E
        ISK   1,2
        spka  0x30                      # CR3 = 0: 0002
        ipk                             # CR0 bit 4 = 0: 0002
        la    1,4
        la    3,0x50
        mvck  0x800(1),0x900,3          # key 5 not in CR3: 0002
        PEXIT
        .balign 8
PROB:   .long 0x00090000,1b
