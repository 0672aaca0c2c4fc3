#include "storebuilder.h"
