/* fixture: x.h includes y.h, not back */
#ifndef X_H
#define X_H
#include "y.h"
#endif
