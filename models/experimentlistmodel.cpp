#include "experimentlistmodel.h"
