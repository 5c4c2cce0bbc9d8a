#ifndef Y_H
#define Y_H
#include "core/x.h"
#endif
