*---------------------------------------------------------------------
* DEBUG's NUCON fields (DMSDBG.cpy), at X'B00'.
*---------------------------------------------------------------------
         ORG   NUCON+X'B00'
DBGFLAG  DS    X
DBGFPGM  EQU   X'80'             a program was stopped: GO resumes it
         DS    XL3
DBGORG   DS    A                 ORIGIN: added to the addresses typed
DBGPSW   DS    D                 the stopped program's PSW
DBGREGS  DS    16F               and its registers
DBGBRK   DS    16XL8             breakpoints: H id, H the halfword the
*                                breakpoint replaced, A(its address);
*                                an id of 0: a free slot
