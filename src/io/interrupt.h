/* Interruption by SIGINT or SIGTERM. While installed, the handler only
 * records the signal (and passes it on to the handler it replaced, such as
 * SDL's, which turns it into a quit event); the writers and the export
 * loops ask ov_interrupt_signal and give up their work: a file being
 * written is never committed (atomic.h removes its temporary file). The
 * caller then exits with 128 + the signal number (130, 143). */
#ifndef OV_INTERRUPT_H
#define OV_INTERRUPT_H

#include <stdbool.h>

/* Installs the handler for SIGINT and SIGTERM, remembering the handlers it
 * replaces. False when sigaction fails. */
bool ov_interrupt_install(void);

/* Puts back the handlers ov_interrupt_install replaced. */
void ov_interrupt_uninstall(void);

/* The signal caught since the last installation (SIGINT or SIGTERM), 0
 * for none. */
int ov_interrupt_signal(void);

/* "SIGINT" or "SIGTERM" for the message that says why work stopped. */
const char *ov_interrupt_name(int sig);

#endif
