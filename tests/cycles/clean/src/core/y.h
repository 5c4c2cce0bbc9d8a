#ifndef Y_H
#define Y_H
static inline int y_twice(int v)
{
    return 2 * v;
}
#endif
