#include "demostore.h"
