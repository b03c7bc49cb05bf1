# c_privop.s -- every privileged instruction in the problem state (BC
# mode, key 0): privileged-operation exception X'0002', ILC = the
# instruction's length, nothing executed.  The program starts in the
# problem state (herc-oracle/s370run --psw 0001000000000200).
#@ psw 0001000000000200
        .include "lowcore.inc"
        .include "diff.inc"
start:  mvc   0x60(16,0),NEWPSWS        # key 0: allowed in the problem state
        la    15,0xE00

        .insn s,0x80000000,0x800        # SSM
        .insn s,0x82000000,0x800        # LPSW
        .insn rs,0x83000000,1,2,0(0)    # DIAGNOSE
        .insn si,0xAC000000,0x800,0xFF  # STNSM
        .insn si,0xAD000000,0x800,0x00  # STOSM
        .insn rs,0xAE000000,1,2,0(0)    # SIGP
        .insn rx,0xB1000000,1,0x800     # LRA
        .insn s,0xB2020000,0x800        # STIDP
        .insn s,0xB2030000,0x800        # STIDC
        .insn s,0xB2040000,0x800        # SCK
        .insn s,0xB2060000,0x800        # SCKC
        .insn s,0xB2070000,0x800        # STCKC
        .insn s,0xB2080000,0x800        # SPT
        .insn s,0xB2090000,0x800        # STPT
        .insn s,0xB20D0000,0            # PTLB
        .insn s,0xB2100000,0x800        # SPX
        .insn s,0xB2110000,0x800        # STPX
        .insn s,0xB2120000,0x800        # STAP
        .insn s,0xB2130000,0x800        # RRB
        .insn rs,0xB6000000,0,0,0x800(0)  # STCTL
        .insn rs,0xB7000000,0,0,0x800(0)  # LCTL
        SSK   1,2
        ISK   1,2
        SIO   0x00E
        SIOF  0x00E
        TIO   0x00E
        CLRIO 0x00E
        HIO   0x00E
        HDV   0x00E
        TCH   0x000
        svc   255                       # end
PGMH:   mvc   0(8,15),0x28
        la    15,8(15)
        lpsw  0x28
SVCH:   lpsw  DONEPSW
        .balign 8
NEWPSWS: .long 0x00000000,SVCH,0x00000000,PGMH
