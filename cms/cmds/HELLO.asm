*---------------------------------------------------------------------
* HELLO MODULE: the smallest command module, a test of the MODULE path
* (RUNMOD's search of the S-disk, its header, key E): types its
* arguments and returns the number of them.
*---------------------------------------------------------------------
         REGEQU
HELLO    CMSMOD ENTRY=BEGIN
BEGIN    STM   R14,R12,12(R13)
         LR    R12,R15
         USING BEGIN,R12
         LR    R2,R1                     the PLIST: HELLO arg ...
         WRTERM 'HELLO FROM A MODULE'
         SR    R3,R3
         LA    R2,8(,R2)
LOOP     CLI   0(R2),X'FF'
         BE    DONE
         LR    R4,R2
         WRTERM (R4),8
         LA    R3,1(,R3)
         LA    R2,8(,R2)
         B     LOOP
DONE     LR    R15,R3
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
         LTORG
CMSMODE  DS    0D
         END
