/* Presets from files and in use: reading a preset file (a path, or the
 * default places) for the parser of preset_parse.c, lookup in a set by
 * number, name and file order, and applying a preset to an ov_config. */
#include "preset.h"
#include "preset_internal.h"
#include "args_internal.h"
#include "data_dir.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OV_PRESET_FILE_MAX (1L << 20)

/* Reads the whole file at path into a new string. Returns NULL with the
 * reason in err; *missing tells a file that does not exist. */
static char *read_file(const char *path, bool *missing, char *err, size_t cap)
{
    *missing = false;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *missing = errno == ENOENT;
        ov_args_fail(err, cap, "cannot open presets file '%s': %s", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc((size_t)OV_PRESET_FILE_MAX + 1);
    size_t n = buf ? fread(buf, 1, (size_t)OV_PRESET_FILE_MAX + 1, f) : 0;
    bool bad = !buf || ferror(f);
    const char *why = !buf ? "out of memory" : "read error";
    if (fclose(f) != 0)
        bad = true;
    if (!bad && n > (size_t)OV_PRESET_FILE_MAX) {
        bad = true;
        why = "larger than 1 MiB";
    }
    if (!bad && memchr(buf, 0, n)) {
        bad = true;
        why = "contains a NUL byte (not a text file)";
    }
    if (bad) {
        free(buf);
        ov_args_fail(err, cap, "cannot read presets file '%s': %s", path, why);
        return NULL;
    }
    buf[n] = 0;
    return buf;
}

ov_preset_set *ov_presets_load(const char *path, char *err, size_t cap)
{
    bool missing;
    char *text = read_file(path, &missing, err, cap);
    if (!text)
        return NULL;
    ov_preset_set *set = ov_presets_parse(text, path, err, cap);
    free(text);
    return set;
}

/* assets/presets.txt, compiled in (generated at build time). */
extern const char ov_asset_presets_txt[];

ov_preset_set *ov_presets_load_default(char *err, size_t cap)
{
    const char *env = getenv("OPTIVIZ_PRESETS");
    if (env && *env)
        return ov_presets_load(env, err, cap);
    char path[PATH_MAX];
    if (ov_data_file("presets.txt", path, sizeof path))
        return ov_presets_load(path, err, cap);
    return ov_presets_parse(ov_asset_presets_txt, "built-in presets.txt", err, cap);
}

int ov_presets_count(const ov_preset_set *set)
{
    return set ? set->count : 0;
}



const ov_preset *ov_presets_at(const ov_preset_set *set, int i)
{
    return set && i >= 0 && i < set->count ? &set->presets[i] : NULL;
}



int ov_presets_problem_count(const ov_preset_set *set)
{
    return set ? set->nproblems : 0;
}



const char *ov_presets_file_name(const ov_preset_set *set)
{
    return set ? set->file_name : "";
}



const ov_preset *ov_presets_by_number(const ov_preset_set *set, int n)
{
    for (int i = 0; set && i < set->count; i++)
        if (set->presets[i].number == n)
            return &set->presets[i];
    return NULL;
}



/* The number text names (1 .. 99, no leading zero), or 0. */
static int number_of(const char *text)
{
    if (text[0] < '1' || text[0] > '9')
        return 0;
    if (text[1] == 0)
        return text[0] - '0';
    if (text[1] >= '0' && text[1] <= '9' && text[2] == 0)
        return (text[0] - '0') * 10 + (text[1] - '0');
    return 0;
}



const ov_preset *ov_presets_find(const ov_preset_set *set, const char *text)
{
    if (!set || !text)
        return NULL;
    int n = number_of(text);
    if (n)
        return ov_presets_by_number(set, n);
    for (int i = 0; i < set->count; i++)
        if (strcmp(set->presets[i].name, text) == 0)
            return &set->presets[i];
    return NULL;
}



const char *ov_presets_skipped_reason(const ov_preset_set *set, const char *text)
{
    if (!set || !text)
        return NULL;
    int n = number_of(text);
    for (int i = 0; i < set->nskipped; i++)
        if (n ? set->skipped[i].number == n : strcmp(set->skipped[i].name, text) == 0)
            return set->skipped[i].reason;
    return NULL;
}



const ov_preset *ov_presets_in_file_order(const ov_preset_set *set, int i)
{
    for (int k = 0; set && k < set->count; k++)
        if (set->presets[k].seq == i)
            return &set->presets[k];
    return NULL;
}



bool ov_preset_apply(const ov_preset *p, ov_config *cfg, char *err, size_t cap)
{
    /* Everything but how and where to output starts from the defaults, so
     * a scene option added to the CLI is reset here with no change. */
    ov_config *keep = malloc(sizeof *keep);
    if (!keep) {
        ov_args_fail(err, cap, "out of memory applying preset '%s'", p->name);
        return false;
    }
    *keep = *cfg;
    ov_config_defaults(cfg);
    cfg->action = keep->action;
    cfg->width = keep->width;
    cfg->height = keep->height;
    cfg->screenshot = keep->screenshot;
    cfg->export_csv = keep->export_csv;
    cfg->export_rate_map = keep->export_rate_map;
    cfg->output_dir = keep->output_dir;
    cfg->ui_scale = keep->ui_scale;
    cfg->projector = keep->projector;
    cfg->gif = keep->gif;
    cfg->video = keep->video;
    cfg->gif_frames = keep->gif_frames;
    cfg->gif_delay_cs = keep->gif_delay_cs;
    cfg->panels = keep->panels;
    cfg->has_panels = false;   /* a preset that names no panels leaves them */
    cfg->no_vsync = keep->no_vsync;
    cfg->pace = keep->pace;
    cfg->loop = keep->loop;
    cfg->explain = keep->explain;
    cfg->orbit = keep->orbit;
    cfg->view3d = keep->orbit;   /* --orbit turns a 3-D camera */
    cfg->lecture = keep->lecture;
    cfg->export_slides = keep->export_slides;
    cfg->slides_video = keep->slides_video;
    free(keep);
    for (int i = 0; i < p->nentries; i++) {
        char opt[48];
        snprintf(opt, sizeof opt, "--%s", p->entries[i].key);
        if (ov_args_apply_option(cfg, opt, p->entries[i].value, err, cap))
            return false;
    }
    snprintf(cfg->preset, sizeof cfg->preset, "%s", p->name);
    snprintf(cfg->caption, sizeof cfg->caption, "%s", p->caption);
    cfg->preset_number = p->number;
    return true;
}
