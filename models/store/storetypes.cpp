#include "storetypes.h"

#include <cmath>
#include <limits>

namespace Store {

bool isInfinitySentinel(double value)
{
    return std::isinf(value) || std::fabs(value) == std::numeric_limits<double>::max();
}

} // namespace Store
