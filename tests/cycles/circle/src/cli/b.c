/* fixture: b_run calls a_run (defined in a.c) */
#include "a.h"
#include "b.h"

void b_run(int n)
{
    a_run(n);
}
