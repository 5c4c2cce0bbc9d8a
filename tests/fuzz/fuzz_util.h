/* Shared by the libFuzzer targets: a NUL-terminated heap copy of the
 * fuzzer's bytes (the parsers take C strings), so ASan sees reads past the
 * end of the input. */
#ifndef OV_FUZZ_UTIL_H
#define OV_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Returns a malloc'd copy of data[0..size) with a NUL appended, or NULL
 * when memory runs out. */
static inline char *ov_fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return NULL;
    if (size)
        memcpy(s, data, size);
    s[size] = 0;
    return s;
}

#endif
