/* fixture: cli may use core (downwards), and a table may name a function */
#include "core/x.h"

extern const int x_limit;

int c_four(void);
static int (*const c_table[])(int) = {y_twice};

int c_four(void)
{
    return c_table[0](x_limit);
}
