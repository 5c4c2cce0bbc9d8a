/* Reading a small text file whole (io/text_file.h): the contents, and the
 * messages for a missing file, one too large and one with a NUL byte. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/text_file.h"
#include "ov_test.h"

/* Writes len bytes of s to path; false on failure. */
static bool write_file(const char *path, const char *s, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(s, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

int main(void)
{
    const char *tmp = getenv("OV_TMP");
    char path[1024], err[1200];
    snprintf(path, sizeof path, "%s/data.csv", tmp && *tmp ? tmp : "/tmp");
    const char text[] = "t,y\n0,1\n1,2.1\n";
    CHECK(write_file(path, text, sizeof text - 1));
    char *s = ov_io_read_text(path, 64, err, sizeof err);
    CHECK_MSG(s && strcmp(s, text) == 0, "%s", s ? s : err);
    free(s);
    /* Exactly max_bytes is fine; one byte less is too small. */
    s = ov_io_read_text(path, sizeof text - 1, err, sizeof err);
    CHECK(s != NULL);
    free(s);
    s = ov_io_read_text(path, sizeof text - 2, err, sizeof err);
    CHECK(s == NULL && strstr(err, "cannot read '") && strstr(err, "larger than 13 bytes"));
    CHECK(write_file(path, "t,y\n\0", 5));
    s = ov_io_read_text(path, 64, err, sizeof err);
    CHECK(s == NULL && strstr(err, "NUL byte") != NULL);
    snprintf(path, sizeof path, "%s/no-such-file.csv", tmp && *tmp ? tmp : "/tmp");
    s = ov_io_read_text(path, 64, err, sizeof err);
    CHECK_MSG(s == NULL && strstr(err, "no-such-file.csv': No such file or directory"), "%s",
              err);
    s = ov_io_read_text("", 64, err, sizeof err);
    CHECK(s == NULL && strstr(err, "no file name") != NULL);
    return ov_test_finish("test_io_text_file");
}
