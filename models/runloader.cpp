#include "runloader.h"
