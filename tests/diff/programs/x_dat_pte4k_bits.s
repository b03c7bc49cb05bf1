# x_dat_pte4k_bits.s -- a 4K-page PTE with bit 14 set.  Without the
# extended-real-addressing facility, bits 13-14 of a 4K PTE must be zero:
# translation-specification exception (GA22-7000-4, "Page-Table Entries":
# "If bit positions 13-14 for 4K-byte pages ... contains one, a
# translation-specification exception is recognized").  Hercules 3.13
# implements extended real addressing (FEATURE_S370E_EXTENDED_ADDRESSING):
# the bits extend the frame address beyond 16M, so it reports an
# addressing exception instead.  The emulator has no 64M real storage;
# both behaviours are allowed by some edition of the Principles: this case
# documents the difference (code X'12' expected here).
#@ expect ME0E=0012
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,1,CRS
        lpsw  DATON
1:      la    14,2f
        l     3,A10000
        l     4,0(3)                    # PTE 0052: bit 14 set
2:      lpsw  DONEPSW
        .balign 8
DATON:  .long 0x04080000,1b
CRS:    .long 0x008000E0,0x00003000     # 4K pages, 64K segments
A10000: .long 0x10000
        .org  0x3000
        .long 0xF0003400,0x00003800
        .fill 14,4,1
        .org  0x3400
        .set  i,0
        .rept 16
        .short i*16
        .set  i,i+1
        .endr
        .org  0x3800
        .short 0x0052
        .fill 15,2,0x0008
