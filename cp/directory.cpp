#include "cp/directory.h"
