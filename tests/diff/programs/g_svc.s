# g_svc.s -- SUPERVISOR CALL in the BC mode: old PSW at X'20' with the
# interruption code (the SVC number) in bits 16-31 and ILC 1; SVC under EX
# (ILC 2), then in the EC mode, where the code and ILC go to X'88'-X'8B'
# and the old PSW is in EC format; SVC in the problem state.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    1,0x20
        sll   1,24
        spm   1                         # CC 2 in the old PSW
        svc   0
        svc   254
        ex    0,XSVC
        lpsw  ECPSW                     # EC mode, supervisor
1:      svc   0x12
        ex    0,XSVC
        lpsw  ECPROB                    # EC mode, problem state, key 5
2:      svc   0x34
        lpsw  BCPROB                    # privileged: 0002
        ex    0,XSVC                    # problem state, EC
        PEXIT
XSVC:   svc   0x77
        .balign 8
ECPSW:  .long 0x00080000,1b
ECPROB: .long 0x00590000,2b
BCPROB: .long 0x00000000,0x0000C0DE
