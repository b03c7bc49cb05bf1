#include "cp/spool_devices.h"
