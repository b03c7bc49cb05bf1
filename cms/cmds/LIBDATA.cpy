*---------------------------------------------------------------------
* LIBDATA: the storage of the library commands (LIBUTIL.cpy).
*---------------------------------------------------------------------
         DS    0D
DW       DS    D
FSCB     DS    11F
MFSCB    DS    11F
HDR      DS    CL80
LINE     DS    CL80
LIBFID   DS    CL18
CURFN    DS    CL8
MNAME    DS    CL8
OPNAME   DS    CL8
DELNM    DS    CL8
FTYPE    DS    CL8
FUNC     DS    X
TOTERM   DS    X
STATE    DS    X
STACKED  DS    X
         DS    0F
RC       DS    F
IORC     DS    F
AREA     DS    A
AREADW   DS    F
NAMES    DS    A
NNAMES   DS    F
LIBRECS  DS    F
MEMB     DS    A
MEMB2    DS    A
MEMBN    DS    F
MEMBMAX  DS    F
DIRA     DS    A
DIRN     DS    F
DIRN0    DS    F
DIRMAX   DS    F
MSTART   DS    F
FREES    DS    F
RLS      DS    F
LIS      DS    F
DLS      DS    F
FIS      DS    2F
ABS      DS    F
MOS      DS    F
MLS      DS    F
WRRS     DS    6F
RDRS     DS    6F
AFS      DS    12F
EMS      DS    6F
GOS      DS    6F
ROS      DS    8F
DNS      DS    8F
WLS      DS    7F
AES      DS    5F
COS      DS    12F
MPS      DS    4F
MPPL     DS    5D                the PRINT command's PLIST
