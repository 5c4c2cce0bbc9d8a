/* Lecture presets: the parser of the preset file (assets/presets.txt, format
 * documented at its top), lookup by number and name, and applying a preset
 * to an ov_config. Every value in a preset goes through the command line's
 * option handlers, so a preset accepts exactly what the CLI accepts. Pure:
 * no SDL, no GL; only the loaders touch the file system. */
#ifndef OV_PRESET_H
#define OV_PRESET_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"

#define OV_PRESET_MAX 32           /* presets a file may hold */
#define OV_PRESET_NUMBER_MAX 99    /* numbered 1 .. 99; 1 .. 9 are the number keys */
#define OV_PRESET_NAME_MAX 32      /* slug, NUL included */
#define OV_PRESET_CAPTION_MAX 192  /* = sizeof ov_config.caption, NUL included */
#define OV_PRESET_MAX_ENTRIES 48   /* key = value lines per preset: a saved scene's
                                    * 16 runs and every other option fit */
#define OV_PRESET_REPORT_MAX 5     /* problems listed before "and N more" */

/* One "key = value" line of a preset: key is a CLI option name without the
 * dashes ("kappa", "optimizer"); both point into the set's own text. */
typedef struct ov_preset_entry {
    const char *key;
    const char *value;
    int line;
} ov_preset_entry;

typedef struct ov_preset {
    int number;                          /* 1 .. OV_PRESET_NUMBER_MAX */
    char name[OV_PRESET_NAME_MAX];       /* "step-too-small" */
    char caption[OV_PRESET_CAPTION_MAX]; /* one line: what to notice */
    int line;                            /* line of its [N name] header */
    int seq;                             /* place in the file among the kept: 0, 1, ... */
    int nentries;
    ov_preset_entry entries[OV_PRESET_MAX_ENTRIES];   /* in file order */
} ov_preset;

typedef struct ov_preset_set ov_preset_set;

/* Parses a preset file held in memory (NUL-terminated text). file_name is
 * used only in messages ("presets.txt:14: ..."). Every problem is checked:
 * a bad preset is skipped and the others are kept. err receives the report
 * of the problems, one "FILE:LINE: reason" per line (no trailing newline),
 * at most OV_PRESET_REPORT_MAX of them, then "and N more problems"; it is
 * the empty string when the file is clean. Returns NULL only when memory
 * runs out. Caller frees with ov_presets_destroy. */
ov_preset_set *ov_presets_parse(const char *text, const char *file_name, char *err,
                                size_t cap);

/* The same from the file at path. Returns NULL when the file cannot be read
 * (err then says why, naming path). */
ov_preset_set *ov_presets_load(const char *path, char *err, size_t cap);

/* The program's presets: the file named by the environment variable
 * OPTIVIZ_PRESETS when set (NULL when it cannot be read), else the
 * installed share/optiviz/presets.txt beside the executable's bin
 * directory when it exists (ov_data_file), else the copy of
 * assets/presets.txt compiled into the binary (a build tree run
 * uninstalled; rebuilt whenever assets/presets.txt changes). err as for ov_presets_parse;
 * print it when it is not empty, even when a set is returned. */
ov_preset_set *ov_presets_load_default(char *err, size_t cap);

void ov_presets_destroy(ov_preset_set *set);

/* Presets in number order; ov_presets_at returns NULL out of range. */
int ov_presets_count(const ov_preset_set *set);
const ov_preset *ov_presets_at(const ov_preset_set *set, int i);
/* Total problems found while parsing (also those not in the report). */
int ov_presets_problem_count(const ov_preset_set *set);
/* The file name the set was parsed under. */
const char *ov_presets_file_name(const ov_preset_set *set);

/* The i-th kept preset in the order of the file (a lecture's order), or
 * NULL out of range. */
const ov_preset *ov_presets_in_file_order(const ov_preset_set *set, int i);
/* The preset numbered n (1 .. 99), or NULL (also for a skipped one). */
const ov_preset *ov_presets_by_number(const ov_preset_set *set, int n);
/* By exact name, or by number when text is a number 1 .. 99 (no leading
 * zero); NULL if none. */
const ov_preset *ov_presets_find(const ov_preset_set *set, const char *text);
/* The first problem reported for a preset that was skipped and had this name
 * or number (text as for ov_presets_find), or NULL. For messages such as
 * "preset 'divergence' is invalid: presets.txt:30: ...". */
const char *ov_presets_skipped_reason(const ov_preset_set *set, const char *text);

/* Applies p to cfg: first resets every field to ov_config_defaults' value
 * but how and where to output (action, size, output paths and directory,
 * ui scale, projector, the GIF settings, pace, loop, explain, orbit, the
 * lecture options); then applies p's entries through the CLI's handlers and
 * sets cfg->preset and cfg->caption. Returns false with a one-line message
 * only if an entry fails (cfg then holds the entries before it), which
 * cannot happen to a preset of a parsed set: each entry was checked on a
 * fresh config when the file was read. */
bool ov_preset_apply(const ov_preset *p, ov_config *cfg, char *err, size_t cap);

/* Writes p as the equivalent command line ("optiviz --surface gaussian
 * --start 0.2,2.2 ..."), values quoted for a POSIX shell where needed, into
 * buf. Returns false when buf is too small (the text is then cut). */
bool ov_preset_command_line(const ov_preset *p, char *buf, size_t cap);

#endif
