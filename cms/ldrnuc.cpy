*---------------------------------------------------------------------
* The loader's NUCON fields (DMSLDR.cpy), at X'A00'.
*---------------------------------------------------------------------
         ORG   NUCON+X'A00'
LDRWORK  DS    A                 its work area (card, FSCB), 0: none
LDRESDT  DS    A                 a deck's ESD ids (256 x 16)
LDRSYMT  DS    A                 the names (256 x 16)
LDRRLDT  DS    A                 the constants waiting (2048 x 16)
LDRORG   DS    A                 where the loaded program begins
LDRNEXT  DS    A                 the first byte after it
LDRENTRY DS    A                 its entry point, 0: none yet
LDRNSYM  DS    F                 names in the table
LDRNRLD  DS    F                 address constants still unresolved
LDRFLAGS DS    X
LDRFSYS  EQU   X'40'             a system module: runs in key 0
LDRFAUTO EQU   X'20'             NOAUTO: no search for TEXT files
LDRFEND  EQU   X'10'             an END card gave the entry
LDRFBUSY EQU   X'08'             RUNMOD is looking for a module
LDRFMAP  EQU   X'04'             the LOAD MAP is being written
LDRFNLIB EQU   X'02'             NOLIBE: no search of the TXTLIBs
LDRFTYPE EQU   X'01'             TYPE: the load map typed as well
LDRFDUP  EQU   X'80'             DUP: duplicate sections reported
         DS    XL3
RUNR13   DS    A                 RUNPGM's frame while a program runs
USRSAVE  DS    A                 programs' save area (key E storage)
RUNMASK  DS    X                 (STOSM's old system mask)
         DS    X
LDRTBLS  DS    H                 SET LDRTBLS n (accepted)
SYNTAB   DS    A                 the SYNONYM table: CL8 command, CL8
*                                synonym, H least length, XL6; X'FF'
SYNLEN   DS    F                 its size in bytes (FRETFREE)
GLOBMAC  DS    8CL8              GLOBAL MACLIB names
GLOBTXT  DS    8CL8              GLOBAL TXTLIB names
MODENTRY DS    A                 the module MODLOAD read: its entry
MODEND   DS    A                 its end
MODFLAGS DS    X                 its flags (X'40' a system module)
