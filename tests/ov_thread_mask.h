/* For the io tests: reads which signals each thread of this process
 * blocks, from /proc/self/task/<tid>/status (Linux). */
#ifndef OV_THREAD_MASK_H
#define OV_THREAD_MASK_H

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Counts the threads of this process other than the main one (whose id is
 * the process id) into *others, and those of them that do not block both
 * SIGINT and SIGTERM into *unblocked (their ids printed on stderr). False
 * when /proc cannot be read. */
static inline int ov_test_thread_masks(int *others, int *unblocked)
{
    *others = *unblocked = 0;
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return 0;
    const unsigned long long want = (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1));
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' || atol(e->d_name) == (long)getpid())
            continue;
        char path[300], line[256];
        snprintf(path, sizeof path, "/proc/self/task/%s/status", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;   /* the thread ended meanwhile */
        unsigned long long blk = 0;
        int found = 0;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "SigBlk: %llx", &blk) == 1)
                found = 1;
        fclose(f);
        if (!found)
            continue;
        (*others)++;
        if ((blk & want) != want) {
            (*unblocked)++;
            fprintf(stderr, "thread %s blocks %llx: SIGINT or SIGTERM can land there\n",
                    e->d_name, blk);
        }
    }
    closedir(d);
    return 1;
}

#endif
