#include "rundetailsmodel.h"
