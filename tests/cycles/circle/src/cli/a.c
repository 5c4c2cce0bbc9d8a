/* fixture: calls b_run, which calls back: a circle a.c -> b.c -> a.c */
#include "a.h"
#include "b.h"

void a_run(int n)
{
    if (n > 0)
        b_run(n - 1);
}
