/* Lecture scripts: finding one by file or shipped name, and the
 * --list-lectures text (see lecture.h). */
#include "lecture.h"
#include "data_dir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define OV_LECTURE_ERR_MAX 4096

/* The shipped lectures, compiled in (assets/lectures/, generated at build
 * time): the fallback when the installed copy is not there. */
extern const char ov_asset_optimisation_txt[];

static const struct {
    const char *name;
    const char *text;
} SHIPPED[] = {
    {"optimisation", ov_asset_optimisation_txt},
};
#define NSHIPPED ((int)(sizeof SHIPPED / sizeof SHIPPED[0]))

const char *ov_lecture_shipped(int i)
{
    return i >= 0 && i < NSHIPPED ? SHIPPED[i].name : NULL;
}

ov_preset_set *ov_lecture_load(const char *text, char *err, size_t cap)
{
    struct stat sb;
    if (strchr(text, '/') || stat(text, &sb) == 0)
        return ov_presets_load(text, err, cap);
    for (int i = 0; i < NSHIPPED; i++) {
        if (strcmp(text, SHIPPED[i].name) != 0)
            continue;
        char rel[128], path[PATH_MAX];
        snprintf(rel, sizeof rel, "lectures/%s.txt", SHIPPED[i].name);
        if (ov_data_file(rel, path, sizeof path))
            return ov_presets_load(path, err, cap);
        snprintf(rel, sizeof rel, "built-in %s.txt", SHIPPED[i].name);
        return ov_presets_parse(SHIPPED[i].text, rel, err, cap);
    }
    size_t o = (size_t)snprintf(err, cap, "no lecture file '%.200s' and no shipped lecture of "
                                "that name; shipped:", text);
    for (int i = 0; i < NSHIPPED && o < cap; i++)
        o += (size_t)snprintf(err + o, cap - o, " %s", SHIPPED[i].name);
    return NULL;
}

bool ov_cli_print_lectures(FILE *f)
{
    char *err = malloc(OV_LECTURE_ERR_MAX);
    if (!err)
        return false;
    bool ok = fprintf(f, "Lectures that ship with optiviz (--lecture NAME; in the window "
                      "PageDown / PageUp step through the scenes, or --export-slides DIR):\n") >= 0;
    for (int i = 0; i < NSHIPPED; i++) {
        ov_preset_set *set = ov_lecture_load(SHIPPED[i].name, err, OV_LECTURE_ERR_MAX);
        if (err[0])
            fprintf(stderr, "optiviz: %s\n", err);
        int n = ov_presets_count(set);
        if (fprintf(f, "\n%s  (%d scene%s, %s)\n", SHIPPED[i].name, n, n == 1 ? "" : "s",
                    ov_presets_file_name(set)) < 0)
            ok = false;
        for (int k = 0; k < n; k++) {
            const ov_preset *p = ov_presets_in_file_order(set, k);
            if (fprintf(f, "  %d. %s\n", k + 1, p->caption) < 0)
                ok = false;
        }
        ov_presets_destroy(set);
    }
    free(err);
    if (fflush(f) != 0 || ferror(f))
        ok = false;
    return ok;
}
