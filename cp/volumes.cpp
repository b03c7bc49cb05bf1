#include "cp/volumes.h"
