/* The command line's side of the lecture presets: --preset NAME|N (find it
 * in the program's preset file, explain a miss), a preset written as the
 * equivalent command line, and the --list-presets text. */
#include "args.h"
#include "args_internal.h"
#include "lecture.h"
#include "preset.h"

#include <stdlib.h>
#include <string.h>

#define OV_LOAD_ERR_MAX 4096

/* Copies the first line of text into buf. */
static const char *first_line(const char *text, char *buf, size_t cap)
{
    size_t n = strcspn(text, "\n");
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, text, n);
    buf[n] = 0;
    return buf;
}

/* "1 step-too-small, 2 step-too-large, ..." into buf. */
static void preset_list(const ov_preset_set *set, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; i < ov_presets_count(set); i++) {
        const ov_preset *p = ov_presets_at(set, i);
        int n = snprintf(buf + o, cap - o, "%s%d %s", i ? ", " : "", p->number, p->name);
        if (n < 0 || (size_t)n >= cap - o)
            break;
        o += (size_t)n;
    }
}

/* True when v can be given to a POSIX shell without quotes. */
static bool shell_plain(const char *v)
{
    if (!*v)
        return false;
    for (; *v; v++)
        if (!((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
              (*v >= '0' && *v <= '9') || strchr("-_.,:=+/@%^", *v)))
            return false;
    return true;
}

/* Appends len bytes of s to buf (o bytes used); false when it did not fit. */
static bool append(char *buf, size_t cap, size_t *o, const char *s, size_t len)
{
    if (*o + len >= cap)
        return false;
    memcpy(buf + *o, s, len);
    *o += len;
    buf[*o] = 0;
    return true;
}

bool ov_preset_command_line(const ov_preset *p, char *buf, size_t cap)
{
    if (cap == 0)
        return false;
    buf[0] = 0;
    size_t o = 0;
    bool ok = append(buf, cap, &o, "optiviz", 7);
    for (int i = 0; ok && i < p->nentries; i++) {
        const char *v = p->entries[i].value;
        ok = append(buf, cap, &o, " --", 3) &&
             append(buf, cap, &o, p->entries[i].key, strlen(p->entries[i].key)) &&
             append(buf, cap, &o, " ", 1);
        if (ok && shell_plain(v)) {
            ok = append(buf, cap, &o, v, strlen(v));
            continue;
        }
        /* 'text', each ' written as '\'' */
        ok = ok && append(buf, cap, &o, "'", 1);
        for (const char *c = v; ok && *c; c++)
            ok = *c == '\'' ? append(buf, cap, &o, "'\\''", 4) : append(buf, cap, &o, c, 1);
        ok = ok && append(buf, cap, &o, "'", 1);
    }
    return ok;
}

int ov_args_use_preset(ov_config *cfg, const char *value, char *err, size_t cap)
{
    char *load_err = malloc(OV_LOAD_ERR_MAX);
    if (!load_err)
        return ov_args_fail(err, cap, "--preset: out of memory");
    char echo[96], line[600];
    ov_args_echo(value, strlen(value), echo, sizeof echo);
    ov_preset_set *set = ov_presets_load_default(load_err, OV_LOAD_ERR_MAX);
    int rc = 0;
    const ov_preset *p = set ? ov_presets_find(set, value) : NULL;
    const char *reason = set ? ov_presets_skipped_reason(set, value) : NULL;
    if (!set) {
        rc = ov_args_fail(err, cap, "--preset: cannot load the presets: %s",
                          first_line(load_err, line, sizeof line));
    } else if (!p && reason) {
        rc = ov_args_fail(err, cap, "--preset: preset '%s' is invalid and was skipped: %s",
                          echo, reason);
    } else if (!p && ov_presets_count(set) == 0) {
        rc = ov_args_fail(err, cap, "--preset: unknown preset '%s'; %s has no valid presets",
                          echo, ov_presets_file_name(set));
    } else if (!p) {
        const char *names[OV_PRESET_MAX];
        int n = ov_presets_count(set);
        for (int i = 0; i < n; i++)
            names[i] = ov_presets_at(set, i)->name;
        const char *near = ov_args_closest(value, strlen(value), names, n);
        char known[OV_PRESET_MAX * (OV_PRESET_NAME_MAX + 4)];
        preset_list(set, known, sizeof known);
        if (near)
            rc = ov_args_fail(err, cap, "--preset: unknown preset '%s'; did you mean '%s'? "
                              "(known: %s)", echo, near, known);
        else
            rc = ov_args_fail(err, cap, "--preset: unknown preset '%s'; expected a name or "
                              "number of %s", echo, known);
    } else if (!ov_preset_apply(p, cfg, err, cap)) {
        rc = 2;
    }
    ov_presets_destroy(set);
    free(load_err);
    return rc;
}

int ov_args_check_lecture(const ov_config *cfg, char *err, size_t cap)
{
    char *load_err = malloc(OV_LOAD_ERR_MAX);
    if (!load_err)
        return ov_args_fail(err, cap, "--lecture: out of memory");
    ov_preset_set *set = ov_lecture_load(cfg->lecture, load_err, OV_LOAD_ERR_MAX);
    int rc = 0;
    if (!set)
        rc = ov_args_fail(err, cap, "--lecture: %s", load_err);
    else if (ov_presets_count(set) == 0)
        rc = ov_args_fail(err, cap, "--lecture: %s has no good scene:\n%s",
                          ov_presets_file_name(set), load_err);
    ov_presets_destroy(set);
    free(load_err);
    return rc;
}

bool ov_cli_print_presets(FILE *f)
{
    char *load_err = malloc(OV_LOAD_ERR_MAX);
    if (!load_err)
        return false;
    ov_preset_set *set = ov_presets_load_default(load_err, OV_LOAD_ERR_MAX);
    bool ok = true;
    if (load_err[0]) {
        /* The file's problems, each on its own line, then what did load. A
         * failing stderr is not stdout's failure: it only stops the list. */
        char *s = load_err;
        while (s) {
            char *nl = strchr(s, '\n');
            if (nl)
                *nl = 0;
            if (fprintf(stderr, "optiviz: %s\n", s) < 0)
                break;
            s = nl ? nl + 1 : NULL;
        }
    }
    if (set && fprintf(f, "Lecture presets from %s\n(keys 1-9, 0 for 10 and Shift+1-9 for "
                       "11-19 in the window;\n--preset NAME or --preset N):\n",
                       ov_presets_file_name(set)) < 0)
        ok = false;
    char cmd[OV_EXPR_MAX_SOURCE * 2];
    for (int i = 0; i < ov_presets_count(set); i++) {
        const ov_preset *p = ov_presets_at(set, i);
        ov_preset_command_line(p, cmd, sizeof cmd);
        if (fprintf(f, "\n%d  %s\n   %s\n   %s\n", p->number, p->name, p->caption, cmd) < 0)
            ok = false;
    }
    if (ov_presets_count(set) == 0 && fputs("(no presets)\n", f) == EOF)
        ok = false;
    ov_presets_destroy(set);
    free(load_err);
    if (fflush(f) != 0 || ferror(f))
        ok = false;
    return ok;
}
