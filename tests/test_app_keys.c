/* The action table against README, the man page and itself: README's three
 * key tables and the man page's KEYS section list exactly the table's rows
 * (key column and text, in order), no key and
 * modifier set is bound twice, every binding acts, and keys dispatch
 * through SDL's event queue to the row the table names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/actions.h"
#include "app/input.h"
#include "ov_app_test.h"
#include "ov_test.h"
#include "app/controls.h"
#include "app/controls_params.h"

/* Trims blanks at both ends in place. */
static char *trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Compares the Markdown table under the header line `header` in text with
 * the rows of table (n bindings). */
static void check_readme_table(const char *text, const char *header, const ov_binding *table,
                               int n)
{
    const char *at = strstr(text, header);
    CHECK_MSG(at != NULL, "README has no table headed '%s'", header);
    if (!at)
        return;
    at = strchr(at, '\n');          /* the header line */
    at = at ? strchr(at + 1, '\n') : NULL;   /* the |---|---| line */
    int row = 0;
    for (int i = 0; i < n; i++) {
        if (!table[i].keys)
            continue;
        CHECK_MSG(at && at[1] == '|', "README's '%s' table ends before row '%s'", header,
                  table[i].keys);
        if (!at || at[1] != '|')
            return;
        const char *end = strchr(at + 1, '\n');
        size_t len = end ? (size_t)(end - at - 1) : strlen(at + 1);
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)len, at + 1);
        /* "| keys | text |" */
        char *bar1 = strchr(line + 1, '|');
        char *last = strrchr(line, '|');
        CHECK_MSG(bar1 && last && bar1 < last, "README row '%s' is not two columns", line);
        if (!bar1 || !last || bar1 >= last)
            return;
        *bar1 = '\0';
        *last = '\0';
        const char *keys = trim(line + 1), *help = trim(bar1 + 1);
        CHECK_MSG(strcmp(keys, table[i].keys) == 0, "README row %d: key '%s', the table has '%s'",
                  row, keys, table[i].keys);
        CHECK_MSG(strcmp(help, table[i].help) == 0,
                  "README row %d (%s): '%s', the table says '%s'", row, keys, help, table[i].help);
        row++;
        at = end;
    }
    CHECK_MSG(!at || at[1] != '|', "README's '%s' table has more rows than the action table",
              header);
}

/* No key + modifier set twice; every key binding acts; each table starts
 * with a row (a binding without a key column belongs to the row above). */
static void check_table(const ov_binding *t, int n)
{
    CHECK(n > 0 && t[0].keys != NULL);
    for (int i = 0; i < n; i++) {
        CHECK_MSG(t[i].key == SDLK_UNKNOWN || t[i].act != NULL, "binding %d acts on nothing", i);
        CHECK_MSG(!t[i].keys || (t[i].help && t[i].help[0]), "row %s has no help text",
                  t[i].keys);
        CHECK_MSG(t[i].repeat != OV_REPEAT_RATE || t[i].rate != 0.0, "RATE binding %d has no rate",
                  i);
        for (int j = 0; j < i; j++)
            CHECK_MSG(t[i].key == SDLK_UNKNOWN || t[i].key != t[j].key || t[i].mods != t[j].mods,
                      "key %s bound twice (rows %d and %d)", SDL_GetKeyName(t[i].key), j, i);
    }
}

/* roff-safe text, as scripts/manpage.awk writes the options: backslashes
 * as \e, the dashes of a word that starts with "-" or holds "--" as \-,
 * a leading . or ' protected by \&. */
static void roff(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    if (in[0] == '.' || in[0] == '\'')
        o += (size_t)snprintf(out + o, cap - o, "\\&");
    const char *word = in;
    bool dashes = false;
    for (const char *p = in; *p && o + 4 < cap; p++) {
        if (p == in || p[-1] == ' ') {
            word = p;
            size_t wl = strcspn(word, " ");
            const char *dd = strstr(word, "--");
            const char *w = word;
            while (*w == '(' || *w == '"' || *w == '\'' || *w == '[')
                w++;
            dashes = *w == '-' || (dd && (size_t)(dd - word) < wl);
        }
        if (*p == '\\')
            o += (size_t)snprintf(out + o, cap - o, "\\e");
        else if (*p == '-' && dashes)
            o += (size_t)snprintf(out + o, cap - o, "\\-");
        else
            out[o++] = *p;
    }
    out[o] = '\0';
}

/* The man page's KEYS section as the tables give it. */
static void man_keys(char *buf, size_t cap)
{
    static const char *const titles[3] = {"In the window", "In the formula field (Enter)",
                                          "While a GIF or MP4 export runs (G, Shift+G)"};
    size_t len = (size_t)snprintf(buf, cap,
                                  ".SH KEYS\n"
                                  "The keys of the window, as its help overlay\n"
                                  "(\\fBH\\fR) lists them.\n");
    for (int t = 0; t < 3; t++) {
        int n;
        const ov_binding *b = t == 0 ? ov_bindings(&n) : t == 1 ? ov_edit_bindings(&n)
                                                                 : ov_export_bindings(&n);
        len += (size_t)snprintf(buf + len, cap - len, ".SS \"%s\"\n", titles[t]);
        for (int i = 0; i < n && len < cap; i++) {
            if (!b[i].keys)
                continue;
            char k[256], h[1024];
            roff(b[i].keys, k, sizeof k);
            roff(b[i].help, h, sizeof h);
            len += (size_t)snprintf(buf + len, cap - len, ".TP\n.B %s\n%s\n", k, h);
        }
    }
}

/* The template's KEYS section (up to the next .SH) against the tables; with
 * OV_PRINT_MAN set, prints the section the tables give. */
static void check_man(const char *dir)
{
    static char want[1 << 16];
    man_keys(want, sizeof want);
    if (getenv("OV_PRINT_MAN"))
        fputs(want, stdout);
    char path[1024];
    snprintf(path, sizeof path, "%s/assets/optiviz.1.in", dir);
    FILE *f = fopen(path, "rb");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f)
        return;
    static char text[1 << 17];
    size_t len = fread(text, 1, sizeof text - 1, f);
    text[len] = '\0';
    fclose(f);
    char *at = strstr(text, "\n.SH KEYS\n");
    CHECK_MSG(at != NULL, "the man page has no KEYS section");
    if (!at)
        return;
    at++;
    char *end = strstr(at + 1, "\n.SH ");
    if (end)
        end[1] = '\0';
    if (strcmp(at, want) != 0) {
        /* The first line that differs. */
        const char *a = at, *b = want;
        int line = 1;
        while (*a && *a == *b) {
            line += *a == '\n';
            a++;
            b++;
        }
        CHECK_MSG(false, "the man page's KEYS section differs from the key tables at its line "
                  "%d: '%.60s' where the tables give '%.60s' (OV_PRINT_MAN=1 prints it)",
                  line, a, b);
    }
}

static void push_key(SDL_Keycode sym, Uint16 mod, bool repeat)
{
    ov_test_push_key(sym, mod, repeat, false);
}

static void push_key_up(SDL_Keycode sym)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYUP;
    e.key.keysym.sym = sym;
    CHECK(SDL_PushEvent(&e) == 1);
}

/* Held keys: a press is one step, auto-repeat events add nothing, holding
 * changes α at its rate after the delay; β stays on its grid. */
static void check_dispatch(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[256];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_input in;
    memset(&in, 0, sizeof in);
    double a0 = st.sc.scene.runs[0].params.alpha;
    push_key(SDLK_UP, KMOD_NONE, false);
    for (int i = 0; i < 20; i++)
        push_key(SDLK_UP, KMOD_NONE, true);
    ov_test_pump(&in, &st, 640, 360);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0 * 1.25, 1e-12 * a0);
    CHECK(ov_input_holding(&in));
    /* Held 1.5 s in frames of 0.1 s: the first OV_HOLD_DELAY s add nothing,
     * then x2 per second for the remaining 1.1 s. */
    for (int i = 0; i < 15; i++)
        ov_input_tick(&in, &st, 0.1);
    push_key_up(SDLK_UP);
    ov_test_pump(&in, &st, 640, 360);
    CHECK(!ov_input_holding(&in));
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0 * 1.25 * pow(2.0, 1.5 - OV_HOLD_DELAY),
               1e-9 * a0);
    ov_input_tick(&in, &st, 1.0);   /* released: nothing more */
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0 * 1.25 * pow(2.0, 1.5 - OV_HOLD_DELAY),
               1e-9 * a0);
    /* Shift+Down held 1.4 s: ÷1.05, then ÷1.2 per second for 1 s. */
    double a1 = st.sc.scene.runs[0].params.alpha;
    push_key(SDLK_DOWN, KMOD_LSHIFT, false);
    ov_test_pump(&in, &st, 640, 360);
    for (int i = 0; i < 14; i++)
        ov_input_tick(&in, &st, 0.1);
    push_key_up(SDLK_DOWN);
    ov_test_pump(&in, &st, 640, 360);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a1 / 1.05 / 1.2, 1e-9 * a1);

    /* β: Right to the cap and one Left: 0.95, on the grid; Shift steps 0.01. */
    int mom = 1;   /* the default runs: gd, momentum, adam */
    CHECK(st.sc.scene.runs[mom].params.kind == OV_OPT_MOMENTUM);
    for (int i = 0; i < 5; i++)
        push_key(SDLK_RIGHT, KMOD_NONE, i > 0);
    ov_test_pump(&in, &st, 640, 360);
    CHECK_NEAR(st.sc.scene.runs[mom].params.beta, OV_BETA_MAX, 1e-12);
    push_key(SDLK_LEFT, KMOD_NONE, false);
    ov_test_pump(&in, &st, 640, 360);
    CHECK_NEAR(st.sc.scene.runs[mom].params.beta, 0.95, 1e-12);
    push_key(SDLK_LEFT, KMOD_LSHIFT, false);
    push_key(SDLK_LEFT, KMOD_NONE, false);
    ov_test_pump(&in, &st, 640, 360);
    CHECK_NEAR(st.sc.scene.runs[mom].params.beta, 0.90, 1e-12);

    /* Backspace: α and β back to the surface's defaults. */
    push_key(SDLK_BACKSPACE, KMOD_NONE, false);
    ov_test_pump(&in, &st, 640, 360);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0, 1e-15);
    CHECK_NEAR(st.sc.scene.runs[mom].params.beta, ov_optim_info_of(OV_OPT_MOMENTUM)->beta, 1e-15);

    /* Space ignores auto-repeat: pressed and held, it pauses once. */
    push_key(SDLK_SPACE, KMOD_NONE, false);
    push_key(SDLK_SPACE, KMOD_NONE, true);
    push_key(SDLK_SPACE, KMOD_NONE, true);
    ov_test_pump(&in, &st, 640, 360);
    CHECK(st.anim.paused);
    ov_controls_deinit(&st);
}

int main(void)
{
    int n, ne;
    const ov_binding *t = ov_bindings(&n);
    const ov_binding *te = ov_edit_bindings(&ne);
    int nx;
    const ov_binding *tx = ov_export_bindings(&nx);
    check_table(t, n);
    check_table(te, ne);
    check_table(tx, nx);

    const char *dir = getenv("OV_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/README.md", dir ? dir : ".");
    FILE *f = fopen(path, "rb");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (f) {
        static char text[1 << 18];
        size_t len = fread(text, 1, sizeof text - 1, f);
        text[len] = '\0';
        fclose(f);
        check_readme_table(text, "| key | what it does |", t, n);
        check_readme_table(text, "| key in the formula field | what it does |", te, ne);
        check_readme_table(text, "| key while an export runs | what it does |", tx, nx);
    }

    check_man(dir ? dir : ".");

    CHECK(SDL_Init(SDL_INIT_EVENTS) == 0);
    check_dispatch();
    SDL_Quit();
    return ov_test_finish("test_app_keys");
}
