/* The test harness itself (ov_test.h): ov_test_finish fails a program that
 * made no check, fails one with a failed check, and passes one whose checks
 * all held. Its counters are this file's own statics, so it can look at
 * each case in turn and reset them between. */
#include "ov_test.h"

int main(void)
{
    int none = ov_test_finish("harness: nothing checked yet");

    CHECK(1 + 1 == 2);
    int passed = ov_test_finish("harness: one check that held");

    int failures_before = ov_test_failures;
    CHECK(1 + 1 == 3);   /* fails on purpose; its line on stderr is expected */
    int failed = ov_test_finish("harness: one check that failed (expected)");
    int counted = ov_test_failures - failures_before;
    ov_test_failures = failures_before;

    CHECK_MSG(none == 1, "zero checks gave %d, expected 1", none);
    CHECK_MSG(passed == 0, "one passed check gave %d, expected 0", passed);
    CHECK_MSG(failed == 1, "one failed check gave %d, expected 1", failed);
    CHECK_MSG(counted == 1, "a failed CHECK counted %d failures, expected 1", counted);
    return ov_test_finish("test_harness");
}
