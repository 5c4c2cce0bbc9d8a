/* fixture: a constant others read (a variable defined with an initialiser) */
#include "x.h"

const int x_limit = 3;
