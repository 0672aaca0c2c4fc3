#include "runordering.h"
