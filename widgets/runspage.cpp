#include "runspage.h"
