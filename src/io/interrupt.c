/* SIGINT / SIGTERM as a flag the long-running work polls (see interrupt.h).
 * The flag and the replaced handlers are the program's only mutable
 * globals: a signal handler can reach nothing else. The flag is a C11
 * atomic, lock-free (so safe to write from a handler), because the handler
 * may run on any thread that does not block the signal and the flag is
 * read from others. */
#include "interrupt.h"

#include <stdatomic.h>
#include <stddef.h>

_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "a signal handler needs a lock-free atomic int");

static atomic_int ov_caught;
static struct sigaction ov_prev[2];   /* SIGINT's, SIGTERM's */
static bool ov_installed;

static void on_signal(int sig)
{
    atomic_store(&ov_caught, sig);
    const struct sigaction *p = &ov_prev[sig == SIGTERM];
    if (!(p->sa_flags & SA_SIGINFO) && p->sa_handler != SIG_DFL && p->sa_handler != SIG_IGN)
        p->sa_handler(sig);
}

bool ov_interrupt_install(void)
{
    if (ov_installed)
        return true;
    /* Cleared before the handler is in place, never after: a signal that
     * arrives while the handlers are being installed is kept. */
    atomic_store(&ov_caught, 0);
    struct sigaction sa;
    sa.sa_handler = on_signal;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    if (sigaction(SIGINT, &sa, &ov_prev[0]) != 0)
        return false;
    if (sigaction(SIGTERM, &sa, &ov_prev[1]) != 0) {
        sigaction(SIGINT, &ov_prev[0], NULL);
        return false;
    }
    /* A signal ignored when the program started (SIGINT for a job started
     * in the background by a shell, nohup) stays ignored. */
    for (int i = 0; i < 2; i++)
        if (ov_prev[i].sa_handler == SIG_IGN && !(ov_prev[i].sa_flags & SA_SIGINFO))
            sigaction(i ? SIGTERM : SIGINT, &ov_prev[i], NULL);
    ov_installed = true;
    return true;
}

void ov_interrupt_uninstall(void)
{
    if (!ov_installed)
        return;
    sigaction(SIGINT, &ov_prev[0], NULL);
    sigaction(SIGTERM, &ov_prev[1], NULL);
    ov_installed = false;
}

int ov_interrupt_signal(void)
{
    return atomic_load(&ov_caught);
}

const char *ov_interrupt_name(int sig)
{
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal";
}

/* SIGINT and SIGTERM. */
static void both(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
}

bool ov_interrupt_block(ov_interrupt_mask *old)
{
    sigset_t set;
    both(&set);
    return pthread_sigmask(SIG_BLOCK, &set, &old->set) == 0;
}

void ov_interrupt_restore(const ov_interrupt_mask *old)
{
    pthread_sigmask(SIG_SETMASK, &old->set, NULL);
}

bool ov_interrupt_block_in_thread(void)
{
    sigset_t set;
    both(&set);
    return pthread_sigmask(SIG_BLOCK, &set, NULL) == 0;
}
