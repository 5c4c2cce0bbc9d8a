/* The preset file parser (format: the comment at the top of
 * assets/presets.txt): text -> an ov_preset_set, and freeing a set. Each
 * "key = value" line is checked when the file is read, by running the value
 * through the CLI's own option handler on a scratch config, so a problem is
 * reported with its file and line and the preset is skipped; the others
 * load. */
#include "preset_internal.h"
#include "args_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A preset's keys are the command line's own value-taking options, without
 * the "--" (so a new scene option is a preset key with no change here),
 * except these, which say how and where to output rather than what the
 * scene is; plus "caption". */
static const char *const ov_preset_not_keys[] = {
    "--size",       "--screenshot", "--export-csv", "--export-rate-map", "--gif",
    "--video",      "--gif-frames", "--gif-delay",  "--output-dir",      "--ui-scale",
    "--preset",     "--lecture",    "--export-slides", "--pace",
};

/* The option named key ("kappa") when it may be a preset's key, else NULL. */
static const char *scene_option(const char *key)
{
    for (int k = 0; k < ov_args_noptions; k++) {
        const ov_option *o = &ov_args_options[k];
        if (!o->takes_value || strcmp(o->name + 2, key) != 0)
            continue;
        for (size_t i = 0; i < sizeof ov_preset_not_keys / sizeof ov_preset_not_keys[0]; i++)
            if (strcmp(o->name, ov_preset_not_keys[i]) == 0)
                return NULL;
        return o->name + 2;
    }
    return NULL;
}

/* Every key a preset accepts, "caption" first; returns their count. */
static int preset_keys(const char **keys, int cap)
{
    int n = 0;
    keys[n++] = "caption";
    for (int k = 0; k < ov_args_noptions && n < cap; k++)
        if (scene_option(ov_args_options[k].name + 2))
            keys[n++] = ov_args_options[k].name + 2;
    return n;
}

/* Keys that may appear more than once in a preset (each adds runs). */
static bool repeatable(const char *key)
{
    return strcmp(key, "optimizer") == 0 || strcmp(key, "optimizers") == 0;
}

/* What the parser is inside of. */
typedef enum ov_section { SEC_NONE, SEC_PRESET, SEC_IGNORED } ov_section;

typedef struct ov_parser {
    ov_preset_set *set;
    ov_section section;
    bool reported_orphan;   /* text before the first header, reported once */
    ov_preset cur;
    bool cur_ok;
    char cur_reason[OV_PRESET_PROBLEM_MAX];
    bool has_caption;
    ov_config scratch;      /* cur's entries applied so far, to validate */
    /* Every header seen (also of skipped presets), for duplicate checks. */
    int nheaders;
    struct {
        int number, line;
        char name[OV_PRESET_NAME_MAX];
    } headers[64];
} ov_parser;

static void problem(ov_parser *ps, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records a problem at line (0: the whole file) and marks the current
 * preset bad. */
static void problem(ov_parser *ps, int line, const char *fmt, ...)
{
    ov_preset_set *set = ps->set;
    char reason[OV_PRESET_PROBLEM_MAX], msg[OV_PRESET_PROBLEM_MAX];
    va_list ap;
    va_start(ap, fmt);
    if (vsnprintf(reason, sizeof reason, fmt, ap) < 0)
        snprintf(reason, sizeof reason, "malformed line");
    va_end(ap);
    if (line > 0)
        ov_args_fail(msg, sizeof msg, "%s:%d: %s", set->file_name, line, reason);
    else
        ov_args_fail(msg, sizeof msg, "%s: %s", set->file_name, reason);
    if (set->nproblems < OV_PRESET_REPORT_MAX)
        memcpy(set->problems[set->nproblems], msg, sizeof msg);
    set->nproblems++;
    if (ps->section == SEC_PRESET && ps->cur_ok) {
        ps->cur_ok = false;
        memcpy(ps->cur_reason, msg, sizeof msg);
    }
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Trims s in place; returns the first non-blank character. */
static char *trim(char *s)
{
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        s[--n] = 0;
    return s;
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
}

/* Ends the preset being read: kept when it is sound, else remembered as
 * skipped. */
static void finish_preset(ov_parser *ps)
{
    if (ps->section != SEC_PRESET) {
        ps->section = SEC_NONE;
        return;
    }
    if (!ps->has_caption)
        problem(ps, ps->cur.line, "preset %d '%s' has no caption", ps->cur.number,
                ps->cur.name);
    /* What no single line can tell: the model against its options (the
     * --init length, the slice's names, kappa or a surface beside a model). */
    if (ps->cur_ok) {
        bool surface_given = false;
        for (int i = 0; i < ps->cur.nentries; i++)
            surface_given = surface_given || strcmp(ps->cur.entries[i].key, "surface") == 0;
        char why[OV_PRESET_PROBLEM_MAX];
        if (ov_args_check_model_config(&ps->scratch, surface_given, why, sizeof why)) {
            /* A formula's error comes with the formula and a caret: its
             * first line says it. */
            why[strcspn(why, "\n")] = 0;
            problem(ps, ps->cur.line, "%s", why);
        }
    }
    ov_preset_set *set = ps->set;
    if (ps->cur_ok && set->count >= OV_PRESET_MAX)
        problem(ps, ps->cur.line, "more than %d presets; preset %d '%s' is left out",
                OV_PRESET_MAX, ps->cur.number, ps->cur.name);
    if (ps->cur_ok) {
        ps->cur.seq = set->count;
        set->presets[set->count++] = ps->cur;
    } else if (set->nskipped < OV_PRESET_SKIPPED_MAX) {
        ov_preset_skipped *sk = &set->skipped[set->nskipped++];
        sk->number = ps->cur.number;
        memcpy(sk->name, ps->cur.name, sizeof sk->name);
        memcpy(sk->reason, ps->cur_reason, sizeof sk->reason);
    }
    ps->section = SEC_NONE;
}

/* "[N name]": starts a preset, or reports the header and ignores the lines
 * up to the next one. */
static void header(ov_parser *ps, char *s, int line)
{
    finish_preset(ps);
    char echo[96];
    ov_args_echo(s, strlen(s), echo, sizeof echo);
    size_t len = strlen(s);
    char *p = s + 1;
    while (is_space(*p))
        p++;
    int number = 0;
    if (*p >= '1' && *p <= '9') {
        number = *p++ - '0';
        if (*p >= '0' && *p <= '9')
            number = number * 10 + (*p++ - '0');
        if ((*p >= '0' && *p <= '9') || number > OV_PRESET_NUMBER_MAX)
            number = 0;
    }
    char *name = p;
    bool spaced = is_space(*p);
    while (is_space(*name))
        name++;
    char *end = name;
    while (is_name_char(*end))
        end++;
    size_t name_len = (size_t)(end - name);
    while (is_space(*end))
        end++;
    if (s[len - 1] != ']' || number == 0 || !spaced || name_len == 0 ||
        end != s + len - 1) {
        ps->section = SEC_IGNORED;
        problem(ps, line, "malformed header '%s'; expected [N name] with N from 1 to %d "
                "and a name of letters, digits and '-'", echo, OV_PRESET_NUMBER_MAX);
        return;
    }
    if (name_len >= OV_PRESET_NAME_MAX) {
        ps->section = SEC_IGNORED;
        problem(ps, line, "preset name in '%s' is longer than %d characters", echo,
                OV_PRESET_NAME_MAX - 1);
        return;
    }
    memset(&ps->cur, 0, sizeof ps->cur);
    ps->cur.number = number;
    memcpy(ps->cur.name, name, name_len);
    ps->cur.line = line;
    ps->cur_ok = true;
    ps->cur_reason[0] = 0;
    ps->has_caption = false;
    ps->section = SEC_PRESET;
    ov_config_defaults(&ps->scratch);
    for (int i = 0; i < ps->nheaders; i++) {
        if (ps->headers[i].number == number)
            problem(ps, line, "preset number %d is already used by '%s' (line %d)", number,
                    ps->headers[i].name, ps->headers[i].line);
        else if (strcmp(ps->headers[i].name, ps->cur.name) == 0)
            problem(ps, line, "preset name '%s' is already used by preset %d (line %d)",
                    ps->cur.name, ps->headers[i].number, ps->headers[i].line);
    }
    if (ps->nheaders < (int)(sizeof ps->headers / sizeof ps->headers[0])) {
        ps->headers[ps->nheaders].number = number;
        ps->headers[ps->nheaders].line = line;
        memcpy(ps->headers[ps->nheaders].name, ps->cur.name, OV_PRESET_NAME_MAX);
        ps->nheaders++;
    }
}

static void caption(ov_parser *ps, const char *value, int line)
{
    if (ps->has_caption) {
        problem(ps, line, "caption is given twice");
        return;
    }
    ps->has_caption = true;
    if (!*value) {
        problem(ps, line, "empty caption; expected one line saying what to notice");
        return;
    }
    size_t len = strlen(value);
    if (len >= OV_PRESET_CAPTION_MAX) {
        problem(ps, line, "caption is %zu bytes long; at most %d are accepted", len,
                OV_PRESET_CAPTION_MAX - 1);
        return;
    }
    for (const char *c = value; *c; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7f) {
            problem(ps, line, "caption contains a control character");
            return;
        }
    }
    memcpy(ps->cur.caption, value, len + 1);
}

/* "key = value" inside a preset. */
static void entry(ov_parser *ps, char *key, char *value, int line)
{
    char echo[96], opt[48];
    const char *keys[OV_ARGS_OPTIONS_MAX + 1];
    int nkeys = preset_keys(keys, OV_ARGS_OPTIONS_MAX + 1);
    const char *name = strcmp(key, "caption") == 0 ? "caption" : scene_option(key);
    if (!name) {
        char known[1024];
        size_t o = 0;
        known[0] = 0;
        for (int i = 0; i < nkeys; i++) {
            int n = snprintf(known + o, sizeof known - o, "%s%s", i ? ", " : "", keys[i]);
            if (n > 0 && (size_t)n < sizeof known - o)
                o += (size_t)n;
        }
        const char *near = ov_args_closest(key, strlen(key), keys, nkeys);
        ov_args_echo(key, strlen(key), echo, sizeof echo);
        if (near)
            problem(ps, line, "unknown key '%s'; did you mean '%s'? (known: %s)", echo, near,
                    known);
        else
            problem(ps, line, "unknown key '%s' (known: %s)", echo, known);
        return;
    }
    if (name[0] == 'c' && strcmp(name, "caption") == 0) {
        caption(ps, value, line);
        return;
    }
    if (!repeatable(key)) {
        for (int i = 0; i < ps->cur.nentries; i++) {
            if (strcmp(ps->cur.entries[i].key, key) == 0) {
                problem(ps, line, "'%s' is given twice (first on line %d)", key,
                        ps->cur.entries[i].line);
                return;
            }
        }
    }
    if (ps->cur.nentries >= OV_PRESET_MAX_ENTRIES) {
        problem(ps, line, "too many lines in preset '%s'; at most %d are accepted",
                ps->cur.name, OV_PRESET_MAX_ENTRIES);
        return;
    }
    char msg[OV_PRESET_PROBLEM_MAX];
    snprintf(opt, sizeof opt, "--%s", name);
    if (ov_args_apply_option(&ps->scratch, opt, value, msg, sizeof msg)) {
        problem(ps, line, "%s", msg);
        return;
    }
    ov_preset_entry *e = &ps->cur.entries[ps->cur.nentries++];
    e->key = name;
    e->value = value;
    e->line = line;
}

/* One line of the file, without its newline. */
static void parse_line(ov_parser *ps, char *raw, int line)
{
    char *s = trim(raw);
    if (!*s || *s == '#')
        return;
    if (*s == '[') {
        header(ps, s, line);
        return;
    }
    if (ps->section == SEC_IGNORED)
        return;
    char echo[96];
    ov_args_echo(s, strlen(s), echo, sizeof echo);
    if (ps->section == SEC_NONE) {
        if (!ps->reported_orphan)
            problem(ps, line, "'%s' comes before the first [N name] header", echo);
        ps->reported_orphan = true;
        return;
    }
    char *eq = strchr(s, '=');
    if (!eq) {
        problem(ps, line, "'%s' is not 'key = value', a [N name] header, a comment (#) "
                "or a blank line", echo);
        return;
    }
    *eq = 0;
    char *key = trim(s);
    char *value = trim(eq + 1);
    if (!*key) {
        problem(ps, line, "missing key before '='");
        return;
    }
    entry(ps, key, value, line);
}

static int by_number(const void *a, const void *b)
{
    return ((const ov_preset *)a)->number - ((const ov_preset *)b)->number;
}

/* The report of set's problems into err (see ov_presets_parse). */
static void report(const ov_preset_set *set, char *err, size_t cap)
{
    if (!err || cap == 0)
        return;
    err[0] = 0;
    size_t o = 0;
    int shown = set->nproblems < OV_PRESET_REPORT_MAX ? set->nproblems : OV_PRESET_REPORT_MAX;
    for (int i = 0; i < shown && o < cap; i++) {
        int n = snprintf(err + o, cap - o, "%s%s", i ? "\n" : "", set->problems[i]);
        if (n < 0)
            break;
        o += (size_t)n;
    }
    if (set->nproblems > shown && o < cap)
        snprintf(err + o, cap - o, "\nand %d more problem%s", set->nproblems - shown,
                 set->nproblems - shown == 1 ? "" : "s");
}

ov_preset_set *ov_presets_parse(const char *text, const char *file_name, char *err,
                                size_t cap)
{
    if (err && cap)
        err[0] = 0;
    ov_preset_set *set = calloc(1, sizeof *set);
    ov_parser *ps = calloc(1, sizeof *ps);
    if (set) {
        set->file_name = strdup(file_name ? file_name : "presets");
        set->text = strdup(text ? text : "");
    }
    if (!set || !ps || !set->file_name || !set->text) {
        if (err && cap)
            snprintf(err, cap, "out of memory reading presets");
        free(ps);
        ov_presets_destroy(set);
        return NULL;
    }
    ps->set = set;
    ps->section = SEC_NONE;
    char *s = set->text;
    for (int line = 1; s; line++) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = 0;
        parse_line(ps, s, line);
        s = nl ? nl + 1 : NULL;
    }
    finish_preset(ps);
    if (set->count == 0 && set->nproblems == 0)
        problem(ps, 0, "no presets found; expected [N name] headers");
    free(ps);
    qsort(set->presets, (size_t)set->count, sizeof set->presets[0], by_number);
    report(set, err, cap);
    return set;
}

void ov_presets_destroy(ov_preset_set *set)
{
    if (!set)
        return;
    free(set->file_name);
    free(set->text);
    free(set);
}
