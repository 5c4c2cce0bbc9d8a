/* Keyboard and mouse bindings. Held keys repeat through SDL's key repeat;
 * Shift gives finer steps. See input.h and the help table in hud.c. */
#include "input.h"

#include <math.h>
#include <stdlib.h>

#define CLICK_SLOP 4   /* points a press may move and still be a click */

/* Keys while the formula field is open: editing, Enter applies, Esc closes. */
static void handle_edit_key(ov_app_state *st, const SDL_KeyboardEvent *k)
{
    switch (k->keysym.sym) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (!k->repeat && ov_controls_edit_commit(st))
            SDL_StopTextInput();
        break;
    case SDLK_ESCAPE:
        ov_controls_edit_cancel(st);
        SDL_StopTextInput();
        break;
    case SDLK_BACKSPACE:
        ov_controls_edit_delete(st, -1);
        break;
    case SDLK_DELETE:
        ov_controls_edit_delete(st, 1);
        break;
    case SDLK_LEFT:
        ov_controls_edit_move(st, -1);
        break;
    case SDLK_RIGHT:
        ov_controls_edit_move(st, 1);
        break;
    case SDLK_HOME:
        ov_controls_edit_move(st, -2);
        break;
    case SDLK_END:
        ov_controls_edit_move(st, 2);
        break;
    default:
        break;
    }
}

static void handle_key(ov_input *in, ov_app_state *st, const SDL_KeyboardEvent *k)
{
    if (st->editing) {
        handle_edit_key(st, k);
        return;
    }
    bool fine = (k->keysym.mod & KMOD_SHIFT) != 0;
    switch (k->keysym.sym) {
    case SDLK_UP:
        ov_controls_scale_alpha(st, fine ? 1.05 : 1.25);
        break;
    case SDLK_DOWN:
        ov_controls_scale_alpha(st, fine ? 1 / 1.05 : 1 / 1.25);
        break;
    case SDLK_RIGHT:
        ov_controls_add_beta(st, fine ? 0.01 : 0.05);
        break;
    case SDLK_LEFT:
        ov_controls_add_beta(st, fine ? -0.01 : -0.05);
        break;
    case SDLK_k:
        ov_controls_scale_kappa(st, pow(10.0, fine ? 0.1 : 0.5));
        break;
    case SDLK_j:
        ov_controls_scale_kappa(st, pow(10.0, fine ? -0.1 : -0.5));
        break;
    case SDLK_PERIOD:
        ov_controls_add_theta(st, fine ? 1.0 : 15.0);
        break;
    case SDLK_COMMA:
        ov_controls_add_theta(st, fine ? -1.0 : -15.0);
        break;
    case SDLK_TAB:
        ov_controls_cycle_target(st, fine ? -1 : 1);
        break;
    case SDLK_SPACE:
        if (!k->repeat)
            ov_controls_toggle_pause(st);
        break;
    case SDLK_n:
        if (fine)
            ov_controls_step_back(st);
        else
            ov_controls_step_once(st);
        break;
    case SDLK_e:
        if (!k->repeat)
            ov_controls_toggle_explain(st);
        break;
    case SDLK_r:
        ov_controls_restart(st);
        break;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
        ov_controls_scale_speed(st, 1.5);
        break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        ov_controls_scale_speed(st, 1 / 1.5);
        break;
    case SDLK_c:
        if (!k->repeat)
            ov_controls_cycle_surface(st, fine ? -1 : 1);
        break;
    case SDLK_HOME:
        ov_controls_home(st);
        break;
    case SDLK_f:
        if (!k->repeat)
            in->toggle_fullscreen = true;
        break;
    case SDLK_h:
    case SDLK_F1:
        if (!k->repeat)
            st->show_help = !st->show_help;
        break;
    case SDLK_ESCAPE:
        /* Esc first closes the help overlay, then quits. */
        if (st->show_help)
            st->show_help = false;
        else
            st->quit = true;
        break;
    case SDLK_q:
        st->quit = true;
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (!k->repeat) {
            ov_controls_edit_begin(st);
            SDL_StartTextInput();
        }
        break;
    case SDLK_p:
        in->want_png = !k->repeat;
        break;
    case SDLK_g:
        in->want_gif = !k->repeat;
        break;
    case SDLK_x:
        in->want_csv = !k->repeat;
        break;
    case SDLK_t:
        if (!k->repeat)
            ov_controls_toggle_ghosts(st);
        break;
    case SDLK_w:
        if (!k->repeat)
            ov_controls_toggle_sweep(st);
        break;
    case SDLK_m:
        if (!k->repeat)
            ov_controls_toggle_projector(st);
        break;
    case SDLK_l:
        if (!k->repeat)
            st->show_loss = !st->show_loss;
        break;
    case SDLK_i:
        if (!k->repeat)
            st->show_theory = !st->show_theory;
        break;
    case SDLK_v:
        if (!k->repeat)
            st->show_curvature = !st->show_curvature;
        break;
    case SDLK_o:
        if (!k->repeat)
            ov_controls_snap_optimal(st);
        break;
    case SDLK_RIGHTBRACKET:
        ov_controls_step_noise(st, 1);
        break;
    case SDLK_LEFTBRACKET:
        ov_controls_step_noise(st, -1);
        break;
    default:
        /* 1-9: presets 1-9 (Shift: 11-19); 0: preset 10. */
        if (k->keysym.sym >= SDLK_1 && k->keysym.sym <= SDLK_9 && !k->repeat)
            in->want_preset = (int)(k->keysym.sym - SDLK_0) + (fine ? 10 : 0);
        else if (k->keysym.sym >= SDLK_KP_1 && k->keysym.sym <= SDLK_KP_9 && !k->repeat)
            in->want_preset = (int)(k->keysym.sym - SDLK_KP_1) + 1 + (fine ? 10 : 0);
        else if ((k->keysym.sym == SDLK_0 || k->keysym.sym == SDLK_KP_0) && !k->repeat)
            in->want_preset = 10;
        break;
    }
}

static ov_vec2 cursor_world(const ov_app_state *st, int x, int y, int win_w, int win_h)
{
    ov_rect v = ov_rect_fit(st->view, win_w, win_h);
    ov_vec2 q = {x + 0.5, y + 0.5};
    return ov_pixel_to_world(v, win_w, win_h, q);
}

void ov_input_handle(ov_input *in, ov_app_state *st, const SDL_Event *e, int win_w, int win_h)
{
    if (win_w <= 0 || win_h <= 0)
        return;
    switch (e->type) {
    case SDL_QUIT:
        st->quit = true;
        break;
    case SDL_KEYDOWN:
        handle_key(in, st, &e->key);
        break;
    case SDL_TEXTINPUT:
        if (st->editing)
            ov_controls_edit_insert(st, e->text.text);
        break;
    case SDL_MOUSEBUTTONDOWN:
        in->dragging = true;
        in->moved = false;
        in->down_x = in->last_x = e->button.x;
        in->down_y = in->last_y = e->button.y;
        break;
    case SDL_MOUSEMOTION:
        if (!in->dragging)
            break;
        if (abs(e->motion.x - in->down_x) > CLICK_SLOP || abs(e->motion.y - in->down_y) > CLICK_SLOP)
            in->moved = true;
        if (in->moved) {
            ov_vec2 a = cursor_world(st, in->last_x, in->last_y, win_w, win_h);
            ov_vec2 b = cursor_world(st, e->motion.x, e->motion.y, win_w, win_h);
            ov_controls_pan(st, a.x - b.x, a.y - b.y);
        }
        in->last_x = e->motion.x;
        in->last_y = e->motion.y;
        break;
    case SDL_MOUSEBUTTONUP:
        if (in->dragging && !in->moved && e->button.button == SDL_BUTTON_LEFT)
            ov_controls_set_start(st, cursor_world(st, e->button.x, e->button.y, win_w, win_h));
        in->dragging = false;
        break;
    case SDL_MOUSEWHEEL: {
        /* mouseX/Y carry the cursor with the event (SDL >= 2.26), so
         * synthetic events in tests zoom about a known point. */
        int mx = e->wheel.mouseX, my = e->wheel.mouseY;
        int dy = e->wheel.y;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED)
            dy = -dy;
        if (dy != 0)
            ov_controls_zoom(st, cursor_world(st, mx, my, win_w, win_h), pow(0.85, dy));
        break;
    }
    default:
        break;
    }
}
