*---------------------------------------------------------------------
* The file system's NUCON fields (X'400'-X'7FF'; DMSFS.cpy), and its
* tables at X'1000' (docs/CMS.md, "The file system"): the 26 active
* disk tables (ADTD, one per mode letter A-Z, addressed from ADTTAB).
*---------------------------------------------------------------------
         ORG   NUCON+X'400'
FSDEPTH  DS    F                 file system calls under way (DMSABN)
FSAFTS   DS    A                 the open files (AFTD chain)
FSTCOPY  DS    CL40              STATE's copy of the FST it found
FSTODAY  DS    CL6               FST stamp: mmdd, hhmm (packed), yy
         DS    H
*        X'1000': ADTTAB, 26 x ADTLEN bytes (ADTD in DMSFS.cpy)
