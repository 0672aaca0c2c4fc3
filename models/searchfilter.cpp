#include "searchfilter.h"
