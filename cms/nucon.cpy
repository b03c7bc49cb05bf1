*---------------------------------------------------------------------
* NUCON: CMS's low storage (docs/CMS.md, "Storage"). Page 0 holds the
* architecture's fixed locations and the nucleus's variables, all
* addressable with base register 0 from any routine (USING NUCON,0).
* The nucleus code (X'10000'-X'1FFFF') is shared by every user of the
* saved system and is never stored into: every variable is here, in a
* stack frame, or in free storage.
*---------------------------------------------------------------------
NUCON    DSECT
         ORG   NUCON+X'00'
IPLPSW   DS    D                 IPL PSW (the image's own)
         ORG   NUCON+X'18'
EXTOPSW  DS    D                 external old PSW
SVCOPSW  DS    D                 SVC old PSW (X'20'; code at X'22')
PGMOPSW  DS    D                 program old PSW (X'28'; code at X'2A')
MCKOPSW  DS    D
IOOPSW   DS    D                 I/O old PSW (X'38'; device at X'3A')
CSW      DS    D                 X'40'
CAW      DS    F                 X'48'
         DS    F
TIMER    DS    F                 X'50' interval timer
         DS    F
EXTNPSW  DS    D                 X'58'
SVCNPSW  DS    D                 X'60'
PGMNPSW  DS    D                 X'68'
MCKNPSW  DS    D                 X'70'
IONPSW   DS    D                 X'78'
*
         ORG   NUCON+X'200'
* The stack of frames (CMSENT/CMSRET) and the SVC frames.
STKTOP   DS    A                 next free byte of the stack
STKLIM   DS    A                 the last byte a frame may take
STKBASE  DS    A                 the stack's bottom (reset by DMSABN)
CURSVC   DS    A                 the innermost SVC frame
* The machine.
VMSIZE   DS    F                 virtual storage size (DIAGNOSE X'60')
CONADDR  DS    H                 the console's address (DIAGNOSE X'24')
CONFLAG  DS    X                 X'80' attention seen, X'40' HT,
*                                X'20' HI (EXECs to end)
         DS    X
* The interruption handlers' own save areas (interruptions disabled).
SVCTMP   DS    4F                R14, R15, R12, R13 at SVC entry
IOREGS   DS    16F               the registers of the I/O waiter
IODEV    DS    H                 the device it waits for
IOFLAG   DS    X                 X'80' done
         DS    X
IOCSW    DS    D                 that device's CSW (status accumulated)
IOPSW    DS    D                 the PSW that resumes the waiter
PSWTMP   DS    D                 a PSW on its way to LPSW
PGMREGS  DS    16F               registers at a program check
IOASYNC  DS    16F               registers at an I/O interruption
ATTREGS  DS    16F               a program's at a console attention
ATTPSW   DS    D                 and its PSW
POLLSM   DS    X                 CMSPOLL's and RUNPGM's old system mask
* Command level.
LASTRC   DS    F                 the last command's return code
CPUV     DS    D                 virtual CPU at the last ready message
CPUT     DS    D                 total CPU at the last ready message
FLAGS1   DS    X
F1IMPEX  EQU   X'80'             SET IMPEX ON: a command may be an EXEC
F1IMPCP  EQU   X'40'             SET IMPCP ON: an unknown command to CP
F1RDYL   EQU   X'20'             SET RDYMSG LMSG (R; T=...), else SMSG
F1PROF   EQU   X'10'             PROFILE EXEC not run yet
F1ABEND  EQU   X'08'             in DMSABN (a program check now stops)
FLAGS2   DS    X
F2NOABBR EQU   X'80'             SET ABBREV OFF
F2NORELP EQU   X'40'             SET RELPAGE OFF
F2NOPROT EQU   X'20'             SET PROTECT OFF
F2BLIP   EQU   X'10'             SET BLIP ON (accepted, not shown)
F2SUBSET EQU   X'08'             the CMS subset: no program loads into
*                                the user area (EDIT's CMS)
         DS    H
ABNCODE  DS    F                 the last abend's code
ABNADDR  DS    F                 and where it was
TODBUF   DS    4D                DIAGNOSE X'0C': date, time, vcpu, tcpu
WORK     DS    4D                scratch (not kept across calls)
* Free storage (DMSFREE): a first-fit list of free blocks, each
* beginning with A(next) and F(size in bytes), doubleword multiples.
FREELIST DS    A
FREELOW  DS    A                 the low area's bounds
FREELOWE DS    A
FREEHI   DS    A                 the high area's bounds
FREEHIE  DS    A
MAINSTRT DS    A                 user programs start here (X'20000')
MAINHIGH DS    A                 and may reach up to here
* The console stack (&STACK, the program stack): lines in free storage,
* chained first to last; each is A(next), H(length), text.
STKFIRST DS    A
STKLAST  DS    A
STKCOUNT DS    F
* X'400'-X'7FF': the file system's variables (dmsfs.cpy).
* X'800'-X'9FF': EXEC's (dmsexec.cpy).
* X'A00'-X'BFF': the loader's and the other commands'.
* X'C00'-X'FFF': command level's buffers.
         ORG   NUCON+X'C00'
CMDLINE  DS    CL136             the line read at command level
CMDPLIST DS    33CL8             its tokens and the fence
CMDEPL   DS    4A                its extended parameter list
*        (NUCON+X'1000'-X'2FFF': reserved; X'3000'-X'7FFF' the stack;
*         X'8000'-X'DFFF' low free storage; X'E000'-X'FFFF' the
*         transient area; X'10000'-X'1FFFF' the nucleus code.)
         COPY  LDRNUC
         COPY  DBGNUC
         COPY  EXECNUC
         COPY  FSNUCON
