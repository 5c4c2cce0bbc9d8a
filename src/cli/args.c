/* argv -> ov_config: walks the command line through the option table
 * (args_options.c), applies --preset before every other option, and checks
 * what no single option can (two exports into one file, flags that do not
 * combine) to decide the action; usage errors are one line that names the
 * option, the value and what is accepted (see args.h). */
#include "args.h"
#include "args_internal.h"

#include <string.h>

/* --preset is applied by a first pass over argv (apply_preset_first), not by
 * its handler. */
static bool is_preset(const ov_option *o)
{
    return strcmp(o->name, "--preset") == 0;
}

static int unknown_option(ov_parse *p, const char *arg, size_t len)
{
    char echo[96];
    const char *names[OV_ARGS_OPTIONS_MAX];
    for (int i = 0; i < ov_args_noptions; i++)
        names[i] = ov_args_options[i].name + 2;
    /* Compare without dashes, so "-kappa" and "--kapa" both find "--kappa". */
    size_t dashes = 0;
    while (dashes < len && dashes < 2 && arg[dashes] == '-')
        dashes++;
    const char *near = ov_args_closest(arg + dashes, len - dashes, names, ov_args_noptions);
    ov_args_echo(arg, len, echo, sizeof echo);
    if (near)
        return ov_args_fail(p->err, p->cap, "unknown option '%s'; did you mean '--%s'? "
                            "(see --help)", echo, near);
    return ov_args_fail(p->err, p->cap, "unknown option '%s'; see --help for the options",
                        echo);
}

/* Two export options naming the same file. */
static int same_path(ov_parse *p, const char *a_opt, const char *a, const char *b_opt,
                     const char *b)
{
    char echo[96];
    if (!a || !b || strcmp(a, b) != 0)
        return 0;
    return ov_args_fail(p->err, p->cap, "%s: '%s' is also the %s file; expected two "
                        "different file names", b_opt,
                        ov_args_echo(b, strlen(b), echo, sizeof echo), a_opt);
}

static int finish_lecture(ov_parse *p, const char *export_opt);

/* The action the flags ask for; 2 on a conflicting combination. */
static int finish(ov_parse *p)
{
    ov_config *cfg = p->cfg;
    if (same_path(p, "--screenshot", cfg->screenshot, "--export-csv", cfg->export_csv) ||
        same_path(p, "--screenshot", cfg->screenshot, "--gif", cfg->gif) ||
        same_path(p, "--export-csv", cfg->export_csv, "--gif", cfg->gif) ||
        same_path(p, "--screenshot", cfg->screenshot, "--video", cfg->video) ||
        same_path(p, "--export-csv", cfg->export_csv, "--video", cfg->video) ||
        same_path(p, "--gif", cfg->gif, "--video", cfg->video))
        return 2;
    if (!p->help && !p->version && ov_args_check_model(p))
        return 2;
    const char *export_opt = cfg->screenshot   ? "--screenshot"
                             : cfg->export_csv ? "--export-csv"
                             : cfg->gif        ? "--gif"
                             : cfg->video      ? "--video"
                                               : NULL;
    if (p->help)
        cfg->action = OV_ACTION_HELP;
    else if (p->version)
        cfg->action = OV_ACTION_VERSION;
    else if (p->list_surfaces)
        cfg->action = OV_ACTION_LIST_SURFACES;
    else if (p->list_optimizers)
        cfg->action = OV_ACTION_LIST_OPTIMIZERS;
    else if (p->list_presets)
        cfg->action = OV_ACTION_LIST_PRESETS;
    else if (p->list_models)
        cfg->action = OV_ACTION_LIST_MODELS;
    else if (p->list_lectures)
        cfg->action = OV_ACTION_LIST_LECTURES;
    else if (cfg->lecture || cfg->export_slides || cfg->slides_video)
        return finish_lecture(p, export_opt);
    else if (cfg->export_rate_map && (export_opt || p->bench))
        return ov_args_fail(p->err, p->cap, "--export-rate-map: cannot be combined with %s; "
                            "expected it alone or with scene options",
                            export_opt ? export_opt : "--bench");
    else if (cfg->export_rate_map)
        cfg->action = OV_ACTION_RATE_MAP;
    else if (p->bench && export_opt && (cfg->export_csv || cfg->gif || cfg->video))
        return ov_args_fail(p->err, p->cap, "--bench: cannot be combined with %s; expected "
                            "--bench alone, with scene options, or with --screenshot FILE "
                            "(where that process's time goes)",
                            cfg->export_csv ? "--export-csv" : cfg->gif ? "--gif" : "--video");
    else if (p->bench && export_opt && cfg->orbit)
        return ov_args_fail(p->err, p->cap, "--orbit: turns the camera over an animation; "
                            "expected it with --gif FILE or --video FILE.mp4");
    else if (p->bench && export_opt) {
        cfg->bench_startup = true;
        cfg->action = OV_ACTION_EXPORT;
    } else if (p->bench)
        cfg->action = OV_ACTION_BENCH;
    else if (cfg->orbit && !cfg->gif && !cfg->video)
        return ov_args_fail(p->err, p->cap, "--orbit: turns the camera over an animation; "
                            "expected it with --gif FILE or --video FILE.mp4");
    else if (export_opt)
        cfg->action = OV_ACTION_EXPORT;
    else
        cfg->action = OV_ACTION_WINDOW;
    return 0;
}

/* --lecture with --export-slides (and --slides-video): the slides, else
 * the window playing the lecture. */
static int finish_lecture(ov_parse *p, const char *export_opt)
{
    ov_config *cfg = p->cfg;
    if (!cfg->export_slides && cfg->slides_video)
        return ov_args_fail(p->err, p->cap, "--slides-video: adds an MP4 per slide; expected "
                            "it with --lecture FILE|NAME --export-slides DIR");
    if (!cfg->lecture)
        return ov_args_fail(p->err, p->cap, "--export-slides: writes a lecture's slides; "
                            "expected it with --lecture FILE|NAME");
    const char *other = export_opt          ? export_opt
                        : cfg->export_rate_map ? "--export-rate-map"
                        : p->bench             ? "--bench"
                        : cfg->orbit           ? "--orbit"
                                               : NULL;
    if (other)
        return ov_args_fail(p->err, p->cap, "--lecture: cannot be combined with %s; expected "
                            "the lecture in the window, or --export-slides DIR", other);
    if (ov_args_check_lecture(cfg, p->err, p->cap))
        return 2;
    cfg->action = cfg->export_slides ? OV_ACTION_SLIDES : OV_ACTION_WINDOW;
    return 0;
}

/* Reads the option at argv[*i] (and its value, advancing *i past it) into *o
 * and *value; *o is NULL for "-h". Returns 0, or 2 with the message. */
static int read_option(ov_parse *p, int argc, char **argv, int *i, const ov_option **o,
                       const char **value)
{
    const char *arg = argv[*i];
    char echo[96];
    *o = NULL;
    *value = NULL;
    if (strcmp(arg, "-h") == 0)
        return 0;
    if (arg[0] != '-' || arg[1] == 0)
        return ov_args_fail(p->err, p->cap, "unexpected argument '%s'; optiviz takes only "
                            "options (see --help)",
                            ov_args_echo(arg, strlen(arg), echo, sizeof echo));
    const char *eq = strchr(arg, '=');
    size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
    for (int k = 0; k < ov_args_noptions && !*o; k++)
        if (strlen(ov_args_options[k].name) == name_len &&
            strncmp(ov_args_options[k].name, arg, name_len) == 0)
            *o = &ov_args_options[k];
    if (!*o)
        return unknown_option(p, arg, name_len);
    if ((*o)->takes_value) {
        if (eq)
            *value = eq + 1;
        else if (*i + 1 < argc && argv[*i + 1])
            *value = argv[++*i];
        else
            return ov_args_fail(p->err, p->cap, "%s: missing value; expected %s",
                                (*o)->name, (*o)->accepts);
    } else if (eq) {
        return ov_args_fail(p->err, p->cap, "%s: takes no value, got '%s'", (*o)->name,
                            ov_args_echo(eq + 1, strlen(eq + 1), echo, sizeof echo));
    }
    return 0;
}

/* Applies the first --preset of argv to cfg before any other option, so that
 * every other option overrides it whatever the order. Scanning stops at the
 * first malformed argument, which the main pass then reports. Returns false
 * when the preset could not be applied, with the message in perr; the main
 * pass reports it at the --preset's place, after any earlier error. */
static bool apply_preset_first(ov_parse *p, int argc, char **argv, char *perr, size_t pcap)
{
    char scratch[8];
    ov_parse scan = {.cfg = p->cfg, .err = scratch, .cap = sizeof scratch};
    for (int i = 1; i < argc && argv[i]; i++) {
        const ov_option *o;
        const char *value;
        if (read_option(&scan, argc, argv, &i, &o, &value))
            return true;
        if (o && is_preset(o)) {
            if (ov_args_use_preset(p->cfg, value, perr, pcap))
                return false;
            p->preset_runs = p->cfg->nruns > 0;
            return true;
        }
    }
    return true;
}

int ov_args_parse(int argc, char **argv, ov_config *cfg, char *err, size_t cap)
{
    ov_config_defaults(cfg);
    if (err && cap)
        err[0] = 0;
    ov_parse p = {.cfg = cfg, .err = err, .cap = cap};
    char preset_err[1024] = "";
    bool preset_ok = apply_preset_first(&p, argc, argv, preset_err, sizeof preset_err);
    int presets_seen = 0;
    for (int i = 1; i < argc && argv[i]; i++) {
        const ov_option *o;
        const char *value;
        if (read_option(&p, argc, argv, &i, &o, &value))
            return 2;
        if (!o) {
            p.help = true;
            continue;
        }
        if (is_preset(o)) {
            if (!preset_ok)
                return ov_args_fail(err, cap, "%s", preset_err);
            char echo[96];
            if (++presets_seen > 1)
                return ov_args_fail(err, cap, "--preset: given more than once (second: "
                                    "'%s'); expected one preset",
                                    ov_args_echo(value, strlen(value), echo, sizeof echo));
        }
        if (o->handle(&p, o->name, value))
            return 2;
    }
    /* A command-line --alpha or --beta overrides the preset runs' own values. */
    for (int r = 0; p.preset_runs && !p.cmd_runs && r < cfg->nruns; r++) {
        if (p.cmd_alpha)
            cfg->runs[r].has_alpha = false;
        if (p.cmd_beta)
            cfg->runs[r].has_beta = false;
    }
    return finish(&p);
}
