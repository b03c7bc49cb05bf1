#include "cp/spool.h"
