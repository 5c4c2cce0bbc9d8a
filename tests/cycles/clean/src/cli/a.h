/* fixture: a's interface */
#ifndef A_H
#define A_H
void a_run(int n);
#endif
