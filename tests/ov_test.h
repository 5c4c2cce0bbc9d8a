/* Minimal test harness shared by every tests/test_*.c: CHECK macros that
 * count failures and print file:line, and a summary line ctest can read. */
#ifndef OV_TEST_H
#define OV_TEST_H

#include <math.h>
#include <stdio.h>

static int ov_test_failures;
static int ov_test_checks;

#define CHECK(cond)                                                          \
    do {                                                                     \
        ov_test_checks++;                                                    \
        if (!(cond)) {                                                       \
            ov_test_failures++;                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
        }                                                                    \
    } while (0)

#define CHECK_MSG(cond, ...)                                                 \
    do {                                                                     \
        ov_test_checks++;                                                    \
        if (!(cond)) {                                                       \
            ov_test_failures++;                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, \
                    #cond);                                                  \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
        }                                                                    \
    } while (0)

/* |a - b| <= tol, printing both values when it fails. */
#define CHECK_NEAR(a, b, tol)                                                \
    do {                                                                     \
        double ov_a_ = (a), ov_b_ = (b), ov_t_ = (tol);                      \
        ov_test_checks++;                                                    \
        if (!(fabs(ov_a_ - ov_b_) <= ov_t_)) {                               \
            ov_test_failures++;                                              \
            fprintf(stderr, "%s:%d: %s = %.17g, expected %s = %.17g (tol %g)\n", \
                    __FILE__, __LINE__, #a, ov_a_, #b, ov_b_, ov_t_);        \
        }                                                                    \
    } while (0)

/* Prints the summary and returns main's exit status: 1 when a check
 * failed, and 1 too when the program made no check at all (a test that
 * checks nothing would otherwise pass whatever the code does). */
static inline int ov_test_finish(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, ov_test_checks, ov_test_failures);
    if (ov_test_checks == 0) {
        fprintf(stderr, "%s: no check was made: a test that checks nothing fails\n", name);
        return 1;
    }
    return ov_test_failures ? 1 : 0;
}

#endif
