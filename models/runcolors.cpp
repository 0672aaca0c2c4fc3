#include "runcolors.h"
