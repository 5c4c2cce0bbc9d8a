/* Keyboard and mouse input: key presses go through the action table
 * (actions.c) with each row's repeat policy; held RATE keys act over time;
 * the mouse clicks, drags and zooms here. See input.h. */
#include "input.h"

#include <math.h>
#include <stdlib.h>

#include "controls_params.h"
#include "controls_ui.h"
#include "controls_view.h"
#include "formula_edit.h"
#include "hud_layout.h"
#include "panels.h"
#include "touch_strip.h"

#define CLICK_SLOP 4   /* points a press may move and still be a click */

static void release(ov_input *in, ov_app_state *st, SDL_Keycode key)
{
    int k = 0;
    for (int i = 0; i < in->nheld; i++)
        if (in->held[i].key != key)
            in->held[k++] = in->held[i];
    in->nheld = k;
    if (in->nheld == 0)
        ov_controls_set_holding(st, false);
}

/* A key press: the binding of the open table (an export's while one runs,
 * the formula field's while it is open), subject to its repeat policy. */
static ov_request handle_key(ov_input *in, ov_app_state *st, const SDL_KeyboardEvent *k)
{
    ov_request none = {.kind = OV_REQ_NONE};
    int n;
    const ov_binding *table = st->job.on ? ov_export_bindings(&n)
                              : st->ui.edit.open ? ov_edit_bindings(&n)
                                            : ov_bindings(&n);
    const ov_binding *b = ov_binding_find(table, n, k->keysym.sym, k->keysym.mod);
    if (!b || (k->repeat && b->repeat != OV_REPEAT_YES))
        return none;
    if (b->repeat == OV_REPEAT_RATE) {
        release(in, st, k->keysym.sym);
        /* The press is one change (ghost trails keep what was before it);
         * what follows while held continues that change. */
        ov_controls_set_holding(st, false);
        ov_request req = b->act(st, b, 0.0);
        if (in->nheld < OV_INPUT_MAX_HELD) {
            in->held[in->nheld].key = k->keysym.sym;
            in->held[in->nheld].b = b;
            in->held[in->nheld].held = 0.0;
            in->nheld++;
        }
        ov_controls_set_holding(st, true);
        return req;
    }
    return b->act(st, b, 0.0);
}

ov_request ov_input_tick(ov_input *in, ov_app_state *st, double dt)
{
    ov_request req = {.kind = OV_REQ_NONE};
    if (st->ui.edit.open || st->job.on) {
        in->nheld = 0;
        ov_controls_set_holding(st, false);
        return req;
    }
    if (!(dt > 0))
        return req;
    for (int i = 0; i < in->nheld; i++) {
        double before = in->held[i].held;
        in->held[i].held += dt;
        double t = in->held[i].held - (before > OV_HOLD_DELAY ? before : OV_HOLD_DELAY);
        if (t > 0) {
            ov_request r = in->held[i].b->act(st, in->held[i].b, t);
            if (r.kind != OV_REQ_NONE)
                req = r;
        }
    }
    return req;
}

bool ov_input_holding(const ov_input *in)
{
    return in->nheld > 0;
}

void ov_input_set_frame(ov_input *in, ov_view_fit fit)
{
    in->fit = fit;
}

void ov_input_set_panels(ov_input *in, const ov_hud_layout *lay)
{
    int i = ov_panel_find("rate-map");
    in->rate_map.on = false;
    if (i < 0 || !lay->on[OV_HUD_PANEL0 + i] || lay->width <= 0 || lay->height <= 0)
        return;
    ov_box a = ov_panel_rate_map_area(lay->box[OV_HUD_PANEL0 + i], lay->panel_px[i]);
    double W = lay->width, H = lay->height;
    in->rate_map = (ov_view_fit){true, a.x / W, a.y / H, (a.x + a.w) / W, (a.y + a.h) / H};
}

/* Whether window point (x, y) is on the rate map. */
static bool on_rate_map(const ov_input *in, int x, int y, int win_w, int win_h)
{
    const ov_view_fit *m = &in->rate_map;
    double fx = (x + 0.5) / win_w, fy = (y + 0.5) / win_h;
    return m->on && fx >= m->x0 && fx <= m->x1 && fy >= m->y0 && fy <= m->y1;
}

/* A click (or a drag that began on the map) at window point (x, y): sets α
 * and β there, clamped to the map's edges. false when the map is not shown. */
static bool click_rate_map(ov_input *in, ov_app_state *st, int x, int y, int win_w, int win_h)
{
    const ov_view_fit *m = &in->rate_map;
    if (!m->on)
        return false;
    double fx = (x + 0.5) / win_w, fy = (y + 0.5) / win_h;
    fx = fmin(fmax(fx, m->x0), m->x1);
    fy = fmin(fmax(fy, m->y0), m->y1);
    ov_optim_kind kind;
    double alpha, beta;
    if (ov_panel_rate_map_pick(st, (fx - m->x0) / (m->x1 - m->x0), (fy - m->y0) / (m->y1 - m->y0),
                               &kind, &alpha, &beta))
        ov_controls_set_alpha_beta(st, kind, alpha, beta);
    return true;
}

/* The world point under the cursor (window points, the pixel's centre),
 * through the view of a frame of the window's size laid out as the last
 * frame shown. */
static bool cursor_world(ov_input *in, const ov_app_state *st, int x, int y, int win_w,
                         int win_h, ov_vec2 *w)
{
    ov_view v;
    ov_controls_view(st, &in->fit, win_w, win_h, &in->range, &v);
    ov_vec2 q = {x + 0.5, y + 0.5};
    return ov_view_pick(&v, q, w, NULL);
}

ov_request ov_input_handle(ov_input *in, ov_app_state *st, const SDL_Event *e, int win_w,
                           int win_h)
{
    ov_request req = {.kind = OV_REQ_NONE};
    if (win_w <= 0 || win_h <= 0)
        return req;
    /* While an export runs the scene stays as it was: the mouse does not
     * move the start or the view. */
    if (st->job.on && (e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_MOUSEMOTION ||
                          e->type == SDL_MOUSEBUTTONUP || e->type == SDL_MOUSEWHEEL)) {
        in->dragging = false;
        return req;
    }
    switch (e->type) {
    case SDL_QUIT:
        req.kind = OV_REQ_QUIT;
        break;
    case SDL_KEYDOWN:
        req = handle_key(in, st, &e->key);
        break;
    case SDL_KEYUP:
        release(in, st, e->key.keysym.sym);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
            in->nheld = 0;
            ov_controls_set_holding(st, false);
        }
        break;
    case SDL_TEXTINPUT:
        if (st->ui.edit.open)
            ov_controls_edit_insert(st, e->text.text);
        break;
    case SDL_MOUSEBUTTONDOWN: {
        /* A tap (or click) on the touch strip presses its button and
         * starts nothing where it lands: no drag, no click follows. */
        int button = st->ui.strip_on && e->button.button == SDL_BUTTON_LEFT
                         ? ov_touch_strip_hit(win_w, win_h, (float)e->button.x + 0.5f,
                                              (float)e->button.y + 0.5f)
                         : -1;
        if (button >= 0) {
            in->dragging = false;
            in->on_map = false;
            req = ov_touch_strip_press(st, (ov_strip_button)button);
            break;
        }
        in->dragging = true;
        in->moved = false;
        in->down_x = in->last_x = e->button.x;
        in->down_y = in->last_y = e->button.y;
        in->on_map = e->button.button == SDL_BUTTON_LEFT &&
                     on_rate_map(in, e->button.x, e->button.y, win_w, win_h);
        break;
    }
    case SDL_MOUSEMOTION:
        if (!in->dragging)
            break;
        if (abs(e->motion.x - in->down_x) > CLICK_SLOP || abs(e->motion.y - in->down_y) > CLICK_SLOP)
            in->moved = true;
        if (in->moved && in->on_map) {
            /* Dragging on the rate map sweeps α and β with the cursor. */
            click_rate_map(in, st, e->motion.x, e->motion.y, win_w, win_h);
        } else if (in->moved && ov_controls_in_3d(st)) {
            /* 3-D: dragging right turns the surface to the right, dragging
             * up tilts it towards the viewer. */
            ov_controls_orbit(st, -(e->motion.x - in->last_x) * OV_ORBIT_DEG_PER_POINT,
                              (e->motion.y - in->last_y) * OV_ORBIT_DEG_PER_POINT);
        } else if (in->moved) {
            ov_vec2 a, b;
            if (cursor_world(in, st, in->last_x, in->last_y, win_w, win_h, &a) &&
                cursor_world(in, st, e->motion.x, e->motion.y, win_w, win_h, &b))
                ov_controls_pan(st, a.x - b.x, a.y - b.y);
        }
        in->last_x = e->motion.x;
        in->last_y = e->motion.y;
        break;
    case SDL_MOUSEBUTTONUP:
        if (in->dragging && !in->moved && e->button.button == SDL_BUTTON_LEFT) {
            ov_vec2 w;
            if (in->on_map)
                click_rate_map(in, st, e->button.x, e->button.y, win_w, win_h);
            else if (cursor_world(in, st, e->button.x, e->button.y, win_w, win_h, &w))
                ov_controls_set_start(st, w);
            else if (ov_controls_in_3d(st))
                ov_controls_say(st, "click on the surface to start the runs there");
        }
        in->dragging = false;
        in->on_map = false;
        break;
    case SDL_MOUSEWHEEL: {
        /* mouseX/Y carry the cursor with the event (SDL >= 2.26), so
         * synthetic events in tests zoom about a known point. */
        int mx = e->wheel.mouseX, my = e->wheel.mouseY;
        int dy = e->wheel.y;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED)
            dy = -dy;
        ov_vec2 w;
        if (dy != 0 && ov_controls_in_3d(st))
            ov_controls_dolly(st, pow(1.0 / 0.85, dy));
        else if (dy != 0 && cursor_world(in, st, mx, my, win_w, win_h, &w))
            ov_controls_zoom(st, w, pow(0.85, dy));
        break;
    }
    default:
        break;
    }
    return req;
}
