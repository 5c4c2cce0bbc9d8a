/* SIGINT / SIGTERM handling (src/io/interrupt.c):
 * - a signal that arrives once the handler is in place, even before
 *   ov_interrupt_install has returned, is kept (not cleared afterwards):
 *   this program defines sigaction itself, so the library's calls land
 *   here, and right after the real one installs the SIGTERM handler it
 *   raises SIGTERM, as a user's Ctrl+C could at that moment;
 * - a signal handled on another thread is seen by the main thread;
 * - ov_interrupt_block gives threads started meanwhile SIGINT and SIGTERM
 *   blocked and ov_interrupt_restore gives the caller its mask back;
 *   ov_interrupt_block_in_thread blocks them in the calling thread. */
#define _GNU_SOURCE   /* RTLD_NEXT */
#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>

#include "io/interrupt.h"
#include "ov_test.h"
#include "ov_thread_mask.h"

typedef int (*ov_sigaction_fn)(int, const struct sigaction *, struct sigaction *);
static bool g_raise_after_install;   /* raise SIGTERM once its handler is set */
static int g_sigaction_calls;

/* Replaces the C library's sigaction for this program (interrupt.c is
 * linked in statically, so its calls come here): does the real work, then
 * raises SIGTERM the moment a handler for it is in place, when asked to. */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    static ov_sigaction_fn real;
    if (!real)
        real = (ov_sigaction_fn)dlsym(RTLD_NEXT, "sigaction");
    if (!real)
        return -1;
    g_sigaction_calls++;
    int rc = real(sig, act, old);
    if (rc == 0 && g_raise_after_install && sig == SIGTERM && act &&
        act->sa_handler != SIG_DFL && act->sa_handler != SIG_IGN) {
        g_raise_after_install = false;
        raise(SIGTERM);
    }
    return rc;
}

static void test_signal_during_install(void)
{
    g_sigaction_calls = 0;
    g_raise_after_install = true;
    CHECK(ov_interrupt_install());
    CHECK_MSG(g_sigaction_calls >= 2, "sigaction was called %d times; the test could not "
              "reach the handler's installation", g_sigaction_calls);
    CHECK_MSG(!g_raise_after_install, "SIGTERM was never raised");
    CHECK_MSG(ov_interrupt_signal() == SIGTERM,
              "a SIGTERM caught while installing was lost: ov_interrupt_signal() = %d",
              ov_interrupt_signal());
    ov_interrupt_uninstall();

    /* A new installation starts with nothing caught. */
    CHECK(ov_interrupt_install());
    CHECK(ov_interrupt_signal() == 0);
    ov_interrupt_uninstall();
}

static void *raise_here(void *arg)
{
    (void)arg;
    raise(SIGINT);   /* sent to this thread: the handler runs here */
    return NULL;
}

static void test_signal_on_other_thread(void)
{
    CHECK(ov_interrupt_install());
    CHECK(ov_interrupt_signal() == 0);
    pthread_t th;
    CHECK(pthread_create(&th, NULL, raise_here, NULL) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    CHECK(ov_interrupt_signal() == SIGINT);
    ov_interrupt_uninstall();
}

typedef struct thread_seen {
    int blocks_int, blocks_term;   /* 1 when blocked, 0 not, -1 unknown */
    bool self_blocked;
    int hold;   /* read end of a pipe: the thread waits on it before it ends */
} thread_seen;

static void *look_at_mask(void *arg)
{
    thread_seen *s = arg;
    sigset_t cur;
    if (pthread_sigmask(SIG_SETMASK, NULL, &cur) == 0) {
        s->blocks_int = sigismember(&cur, SIGINT);
        s->blocks_term = sigismember(&cur, SIGTERM);
    }
    /* Alive until the main thread has read every thread's mask (or the
     * pipe's write end is closed). */
    char c;
    if (s->hold >= 0)
        (void)!read(s->hold, &c, 1);
    return NULL;
}

static void *block_myself(void *arg)
{
    thread_seen *s = arg;
    s->self_blocked = ov_interrupt_block_in_thread();
    return look_at_mask(arg);
}

static void test_block(void)
{
    sigset_t before, after;
    CHECK(pthread_sigmask(SIG_SETMASK, NULL, &before) == 0);
    CHECK(!sigismember(&before, SIGINT) && !sigismember(&before, SIGTERM));

    ov_interrupt_mask saved;
    CHECK(ov_interrupt_block(&saved));
    int hold[2];
    CHECK(pipe(hold) == 0);
    thread_seen s = {-1, -1, false, hold[0]};
    pthread_t th;
    CHECK(pthread_create(&th, NULL, look_at_mask, &s) == 0);
    int others = 0, unblocked = 0;
    CHECK(ov_test_thread_masks(&others, &unblocked));
    CHECK_MSG(others >= 1 && unblocked == 0, "%d other threads, %d not blocking", others,
              unblocked);
    close(hold[1]);   /* the thread may end now */
    CHECK(pthread_join(th, NULL) == 0);
    close(hold[0]);
    ov_interrupt_restore(&saved);
    CHECK(s.blocks_int == 1 && s.blocks_term == 1);
    CHECK(pthread_sigmask(SIG_SETMASK, NULL, &after) == 0);
    CHECK_MSG(!sigismember(&after, SIGINT) && !sigismember(&after, SIGTERM),
              "the caller's mask was not restored");

    /* Without the wrapper a thread starts unblocked, and blocks itself. */
    thread_seen own = {-1, -1, false, -1};
    CHECK(pthread_create(&th, NULL, block_myself, &own) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    CHECK(own.self_blocked && own.blocks_int == 1 && own.blocks_term == 1);
    thread_seen plain = {-1, -1, false, -1};
    CHECK(pthread_create(&th, NULL, look_at_mask, &plain) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    CHECK(plain.blocks_int == 0 && plain.blocks_term == 0);
}

int main(void)
{
    test_signal_during_install();
    test_signal_on_other_thread();
    test_block();
    return ov_test_finish("test_io_interrupt");
}
