/* fixture: x.h and y.h include each other */
#ifndef X_H
#define X_H
#include "y.h"
#endif
