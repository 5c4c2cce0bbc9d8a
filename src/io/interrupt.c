/* SIGINT / SIGTERM as a flag the long-running work polls (see interrupt.h).
 * The flag and the replaced handlers are the program's only mutable
 * globals: a signal handler can reach nothing else. */
#include "interrupt.h"

#include <signal.h>
#include <stddef.h>

static volatile sig_atomic_t ov_caught;
static struct sigaction ov_prev[2];   /* SIGINT's, SIGTERM's */
static bool ov_installed;

static void on_signal(int sig)
{
    ov_caught = sig;
    const struct sigaction *p = &ov_prev[sig == SIGTERM];
    if (!(p->sa_flags & SA_SIGINFO) && p->sa_handler != SIG_DFL && p->sa_handler != SIG_IGN)
        p->sa_handler(sig);
}

bool ov_interrupt_install(void)
{
    if (ov_installed)
        return true;
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
    ov_caught = 0;
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
    return ov_caught;
}

const char *ov_interrupt_name(int sig)
{
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal";
}
