/* Ctrl+S: the scene as a presets-format block appended to the scenes file
 * (see save.h). */
#include "save.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/preset.h"
#include "controls_ui.h"
#include "io/atomic.h"
#include "share.h"

#define OV_SAVE_FILE_MAX (1L << 20)

typedef struct block {
    char *buf;
    size_t cap, len;
    bool ok;
} block;

static void add(block *b, const char *a, const char *c, const char *d)
{
    int n = b->ok ? snprintf(b->buf + b->len, b->cap - b->len, "%s%s%s", a, c, d) : -1;
    if (n < 0 || (size_t)n >= b->cap - b->len) {
        b->ok = false;
        return;
    }
    b->len += (size_t)n;
}

/* ov_share_fn: one "name = value" line. */
static bool add_line(void *ctx, const char *name, const char *value)
{
    block *b = ctx;
    add(b, name, " = ", value);
    add(b, "\n", "", "");
    return b->ok;
}

bool ov_save_block(const ov_app_state *st, int number, const char *name, const char *caption,
                   char *buf, size_t cap)
{
    block b = {buf, cap, 0, cap > 0};
    char head[96];
    snprintf(head, sizeof head, "[%d %s]\n", number, name);
    add(&b, head, "caption = ", caption);
    add(&b, "\n", "", "");
    return ov_share_options(st, add_line, &b) && b.ok;
}

bool ov_save_block_apply(const char *text, ov_config *cfg, char *err, size_t cap)
{
    ov_preset_set *set = ov_presets_parse(text, "scene", err, cap);
    const ov_preset *p = ov_presets_in_file_order(set, 0);
    bool ok = p && ov_preset_apply(p, cfg, err, cap);
    if (!set)
        snprintf(err, cap, "out of memory");
    ov_presets_destroy(set);
    return ok;
}

/* The file at path as a string (NULL with *missing when it does not
 * exist, NULL with err when it cannot be read). */
static char *read_all(const char *path, bool *missing, char *err, size_t cap)
{
    *missing = false;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *missing = errno == ENOENT;
        ov_io_error(err, cap, path, strerror(errno));
        return NULL;
    }
    char *buf = malloc((size_t)OV_SAVE_FILE_MAX + 1);
    size_t n = buf ? fread(buf, 1, (size_t)OV_SAVE_FILE_MAX + 1, f) : 0;
    bool bad = !buf || ferror(f) || n > (size_t)OV_SAVE_FILE_MAX;
    if (fclose(f) != 0)
        bad = true;
    if (bad) {
        free(buf);
        snprintf(err, cap, "cannot read '%.900s' (unreadable or over 1 MiB)", path);
        return NULL;
    }
    buf[n] = 0;
    return buf;
}

/* Whether a "[N name]" header of text has number n or name "saved-n". */
static bool taken(const char *text, int n)
{
    char name[32];
    snprintf(name, sizeof name, "saved-%d", n);
    for (const char *s = text; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s != '[')
            continue;
        char *end;
        long k = strtol(s + 1, &end, 10);
        while (*end == ' ' || *end == '\t')
            end++;
        size_t len = strlen(name);
        if (k == n || (strncmp(end, name, len) == 0 &&
                       (end[len] == ']' || end[len] == ' ' || end[len] == '\t')))
            return true;
    }
    return false;
}

bool ov_save_scene(const ov_app_state *st, const char *dir, char *path, size_t path_cap,
                   int *number, char *err, size_t cap)
{
    if ((size_t)snprintf(path, path_cap, "%s/%s", dir ? dir : ".", OV_SAVE_FILE) >= path_cap) {
        snprintf(err, cap, "output directory name too long");
        return false;
    }
    bool missing;
    char *old = read_all(path, &missing, err, cap);
    if (!old && !missing)
        return false;
    int n = 1;
    while (n <= OV_PRESET_NUMBER_MAX && old && taken(old, n))
        n++;
    char *blk = malloc(OV_SAVE_BLOCK_MAX);
    char name[32], caption[48];
    snprintf(name, sizeof name, "saved-%d", n);
    snprintf(caption, sizeof caption, "saved scene %d", n);
    bool ok = blk != NULL;
    if (!ok)
        snprintf(err, cap, "out of memory");
    else if (n > OV_PRESET_NUMBER_MAX)
        ok = false, snprintf(err, cap, "'%.900s' has scenes 1 to %d already", path,
                             OV_PRESET_NUMBER_MAX);
    else if (!(ok = ov_save_block(st, n, name, caption, blk, OV_SAVE_BLOCK_MAX)))
        snprintf(err, cap, "the scene is too long to save");
    ov_atomic_file af;
    ok = ok && ov_atomic_open(&af, path, err, cap);
    if (ok) {
        size_t len = old ? strlen(old) : 0;
        bool w = true;
        if (!old)
            w = fputs("# Scenes kept with Ctrl+S in optiviz, in the presets file format\n"
                      "# (see presets.txt): play them with --lecture FILE, or one with\n"
                      "# OPTIVIZ_PRESETS=FILE optiviz --preset NAME. Edit the captions.\n",
                      af.f) >= 0;
        else if (len > 0)
            w = fwrite(old, 1, len, af.f) == len && (old[len - 1] == '\n' || fputc('\n', af.f) != EOF);
        w = w && fprintf(af.f, "\n%s", blk) >= 0;
        if (!w) {
            ov_atomic_abort(&af);
            ov_io_error(err, cap, path, "write error");
            ok = false;
        } else {
            ok = ov_atomic_commit(&af, err, cap);
        }
    }
    free(blk);
    free(old);
    if (ok)
        *number = n;
    return ok;
}

void ov_save_key(ov_app_state *st)
{
#ifdef __EMSCRIPTEN__
    ov_controls_say(st, "keeping scenes needs the desktop program; U puts this scene's URL "
                    "in the address bar");
#else
    char path[1200], err[1200];
    int n = 0;
    if (!ov_save_scene(st, st->job.output_dir, path, sizeof path, &n, err, sizeof err)) {
        ov_controls_say(st, "scene not saved: %s", err);
        return;
    }
    char *line = malloc(OV_SAVE_BLOCK_MAX), *query = malloc(3 * OV_SAVE_BLOCK_MAX);
    bool printed = line && query && ov_share_command_line(st, line, OV_SAVE_BLOCK_MAX) &&
                   ov_share_query(st, query, 3 * OV_SAVE_BLOCK_MAX) >= 0 &&
                   printf("saved scene %d in %s\n%s\n%s\n", n, path, line, query) > 0 &&
                   fflush(stdout) == 0;
    free(line);
    free(query);
    ov_controls_say(st, "saved scene %d in %s%s", n, path,
                    printed ? " (command line and URL printed)" : "");
#endif
}
