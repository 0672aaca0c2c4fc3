#include "runsortfilterproxy.h"
