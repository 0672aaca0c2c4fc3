#include "sqlitereader.h"
