#include "runtreemodel.h"
