/* fixture: b_run mentions a_run only where it is not a use: a_run(n) in
 * this comment, in a string, as a member, in a prototype. No circle. */
#include "b.h"

struct ops {
    void (*a_run)(int);
};

void call_later(void (*a_run)(int));
static const char *name = "a_run(n)";

void b_run(int n)
{
    struct ops o = {0};
    if (o.a_run)
        o.a_run(n);   // a_run(n)
    (void)name;
}
