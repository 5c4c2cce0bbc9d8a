/* The help overlay shows every row of the key tables: at 1280x720, in
 * normal and projector mode (and at 1920x1080), each row of ov_bindings,
 * ov_edit_bindings and ov_export_bindings with a key column is placed on
 * exactly one of the pages, inside the overlay and the frame, at no less
 * than the text floor, without overlapping another; H steps through the
 * pages and closes after the last. Each page is also drawn to a PNG in
 * OV_TMP for a person to look at. */
#include <stdlib.h>
#include <string.h>

#include "app/hud.h"
#include "app/hud_help.h"
#include "app/hud_layout.h"
#include "io/png_write.h"
#include "ov_app_test.h"
#include "ov_test.h"

static const ov_binding *table(int t, int *n)
{
    return t == OV_HELP_EDIT ? ov_edit_bindings(n) : t == OV_HELP_EXPORT ? ov_export_bindings(n)
                                                                         : ov_bindings(n);
}

static void check_size(ov_renderer *r, ov_app_state *st, int W, int H, bool projector)
{
    char err[256];
    CHECK(ov_renderer_resize(r, W, H, err, sizeof err));
    ov_test_projector(st, projector);
    ov_hud_layout lay;
    ov_app_cache cache;
    ov_app_cache_init(&cache);
    ov_hud_layout_compute(r, st, &cache, W, H, &lay);
    static int seen[3][128];
    memset(seen, 0, sizeof seen);
    ov_help_page *p = malloc(sizeof *p);
    const char *mode = projector ? "projector" : "normal";
    for (int page = 0; page < OV_HELP_PAGES; page++) {
        ov_hud_help_layout_in(r, W, H, lay.small, lay.floor_px, lay.pad, page, st->ui.in_page, p);
        /* In a web page the first page says what differs there; never on
         * the desktop. */
        CHECK_MSG((p->note[0] != 0) == (st->ui.in_page && page == 0), "%dx%d %s: page %d note '%s'",
                  W, H, mode, page + 1, p->note);
        CHECK_MSG(!p->overflow, "%dx%d %s: page %d does not fit", W, H, mode, page + 1);
        CHECK_MSG(p->px >= lay.floor_px, "%dx%d %s: text %.1f under the floor %.1f", W, H, mode,
                  p->px, lay.floor_px);
        ov_box b = p->panel;
        CHECK_MSG(b.x >= 0 && b.y >= 0 && b.x + b.w <= W && b.y + b.h <= H,
                  "%dx%d %s: page %d's panel leaves the frame", W, H, mode, page + 1);
        for (int i = 0; i < p->n; i++) {
            const ov_help_item *it = &p->items[i];
            float top = it->y, bottom = it->y + p->line * (float)it->nlines;
            CHECK_MSG(top >= b.y && bottom <= b.y + b.h + 0.5f && it->text_x >= b.x &&
                          it->key_x <= b.x + b.w,
                      "%dx%d %s: item %d of page %d outside the overlay", W, H, mode, i,
                      page + 1);
            for (int j = 0; j < i; j++) {
                const ov_help_item *o = &p->items[j];
                bool same_col = (o->text_x < b.x + b.w / 2) == (it->text_x < b.x + b.w / 2);
                float ot = o->y, ob = o->y + p->line * (float)o->nlines;
                CHECK_MSG(!same_col || bottom <= ot + 0.5f || top >= ob - 0.5f,
                          "%dx%d %s: page %d items %d and %d overlap", W, H, mode, page + 1, j, i);
            }
            if (it->section)
                continue;
            CHECK(it->nlines >= 1 && it->row >= 0 && it->row < 128);
            seen[it->table][it->row]++;
            /* The whole text, wrapped, not cut: its lines joined again. */
            int n;
            const ov_binding *rows = table(it->table, &n);
            char joined[1024] = "", want[1024];
            size_t len = 0;
            for (int k = 0; k < it->nlines; k++)
                len += (size_t)snprintf(joined + len, sizeof joined - len, "%s%s", k ? " " : "",
                                        it->lines[k]);
            char page_text[512];
            snprintf(want, sizeof want, "%s",
                     ov_hud_help_row_text(&rows[it->row], st->ui.in_page, page_text,
                                          sizeof page_text));
            /* In a page, Q's row says it does nothing; the desktop's is the table's. */
            if (it->table == OV_HELP_KEYS && strcmp(rows[it->row].keys, "Q") == 0)
                CHECK_MSG((strstr(joined, "does nothing in a page") != NULL) == st->ui.in_page,
                          "%dx%d %s: Q's row shows '%s'", W, H, mode, joined);
            if (it->table == OV_HELP_KEYS && strstr(rows[it->row].keys, "Shift+G"))
                CHECK_MSG((strstr(joined, "MP4 is desktop-only") != NULL) == st->ui.in_page,
                          "%dx%d %s: the exports' row shows '%s'", W, H, mode, joined);
            CHECK_MSG(strcmp(joined, want) == 0, "%dx%d %s: row '%s' shows '%s'", W, H, mode,
                      rows[it->row].keys, joined);
        }
    }
    for (int t = 0; t < 3; t++) {
        int n;
        const ov_binding *b = table(t, &n);
        for (int i = 0; i < n; i++)
            if (b[i].keys)
                CHECK_MSG(seen[t][i] == 1, "%dx%d %s: table %d row '%s' shown %d times", W, H,
                          mode, t, b[i].keys, seen[t][i]);
            else
                CHECK(seen[t][i] == 0);
    }
    free(p);
    /* The pages as drawn, for a person to look at. */
    const char *dir = getenv("OV_TMP");
    uint8_t *px = malloc((size_t)W * H * 4);
    for (int page = 0; page < OV_HELP_PAGES && dir; page++) {
        ov_test_help_page(st, page, OV_HELP_PAGES);
        ov_hud_draw_frame(r, st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, px));
        char path[1024];
        snprintf(path, sizeof path, "%s/help-%dx%d-%s%s-%d.png", dir, W, H, mode,
                 st->ui.in_page ? "-page" : "", page + 1);
        CHECK_MSG(ov_png_write(path, px, W, H, err, sizeof err), "%s", err);
    }
    ov_test_help_page(st, -1, OV_HELP_PAGES);
    free(px);
}

/* H: closed -> page 1 -> page 2 -> ... -> closed; Esc closes at any page. */
static void check_keys(ov_app_state *st)
{
    ov_input in;
    memset(&in, 0, sizeof in);
    CHECK(!st->ui.show_help);
    for (int page = 0; page < OV_HELP_PAGES; page++) {
        ov_test_push_key(SDLK_h, KMOD_NONE, false, true);
        ov_test_pump(&in, st, 640, 360);
        CHECK(st->ui.show_help && st->ui.help_page == page);
    }
    ov_test_push_key(SDLK_h, KMOD_NONE, false, true);
    ov_test_pump(&in, st, 640, 360);
    CHECK(!st->ui.show_help);
    ov_test_push_key(SDLK_F1, KMOD_NONE, false, true);
    ov_test_push_key(SDLK_h, KMOD_NONE, false, true);
    ov_test_pump(&in, st, 640, 360);
    CHECK(st->ui.show_help && st->ui.help_page == 1);
    ov_test_push_key(SDLK_ESCAPE, KMOD_NONE, false, true);
    ov_test_pump(&in, st, 640, 360);
    CHECK(!st->ui.show_help);
    ov_test_push_key(SDLK_h, KMOD_NONE, false, true);
    ov_test_pump(&in, st, 640, 360);
    CHECK(st->ui.show_help && st->ui.help_page == 0);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[256];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, 1280, 720);
    check_size(r, &st, 1280, 720, false);
    check_size(r, &st, 1280, 720, true);
    check_size(r, &st, 1920, 1080, true);
    /* The same help in a web page (main_web.c sets it). */
    ov_controls_set_in_page(&st, true);
    check_size(r, &st, 1280, 720, false);
    check_size(r, &st, 1280, 720, true);
    ov_controls_set_in_page(&st, false);
    ov_test_projector(&st, false);
    check_keys(&st);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_help");
}
