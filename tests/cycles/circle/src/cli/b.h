/* fixture: b's interface */
#ifndef B_H
#define B_H
void b_run(int n);
#endif
