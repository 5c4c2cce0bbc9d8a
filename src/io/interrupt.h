/* Interruption by SIGINT or SIGTERM. While installed, the handler only
 * records the signal (and passes it on to the handler it replaced, such as
 * SDL's, which turns it into a quit event); the writers and the export
 * loops ask ov_interrupt_signal and give up their work: a file being
 * written is never committed (atomic.h removes its temporary file). The
 * caller then exits with 128 + the signal number (130, 143).
 *
 * Threads: a signal sent to the process goes to any one thread that does
 * not block it. The program's own work polls the flag from the main
 * thread, so every other thread (a GL driver's, an encoder's, SDL's) should
 * block SIGINT and SIGTERM: a thread inherits its creator's mask, so wrap
 * whatever starts threads in ov_interrupt_block / ov_interrupt_restore, and
 * call ov_interrupt_block_in_thread first thing in a thread of our own. */
#ifndef OV_INTERRUPT_H
#define OV_INTERRUPT_H

#include <signal.h>
#include <stdbool.h>

/* Installs the handler for SIGINT and SIGTERM, remembering the handlers it
 * replaces. False when sigaction fails. */
bool ov_interrupt_install(void);

/* Puts back the handlers ov_interrupt_install replaced. */
void ov_interrupt_uninstall(void);

/* The signal caught since the last installation began (SIGINT or SIGTERM),
 * 0 for none. Safe to call from any thread. */
int ov_interrupt_signal(void);

/* "SIGINT" or "SIGTERM" for the message that says why work stopped. */
const char *ov_interrupt_name(int sig);

/* The calling thread's signal mask, as saved by ov_interrupt_block. */
typedef struct ov_interrupt_mask {
    sigset_t set;
} ov_interrupt_mask;

/* Blocks SIGINT and SIGTERM in the calling thread and saves its previous
 * mask in *old, so that the threads it starts until ov_interrupt_restore
 * (by a library: llvmpipe's when a GL context is made, libx264's when the
 * encoder opens) are born with both blocked. False when pthread_sigmask
 * fails (*old is then not to be restored). */
bool ov_interrupt_block(ov_interrupt_mask *old);

/* Puts back the mask ov_interrupt_block saved. */
void ov_interrupt_restore(const ov_interrupt_mask *old);

/* Blocks SIGINT and SIGTERM in the calling thread for good: the first call
 * of a thread the program starts itself. False when pthread_sigmask fails. */
bool ov_interrupt_block_in_thread(void);

#endif
