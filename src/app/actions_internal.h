/* The action functions the key tables (actions.c) point at, shared by the
 * files of the actions module: actions_scene.c, actions_view.c,
 * actions_session.c and actions_field.c. Each is an ov_action_fn
 * (actions.h). Nothing outside the module includes it. */
#ifndef OV_ACTIONS_INTERNAL_H
#define OV_ACTIONS_INTERNAL_H

#include "actions.h"

/* What an action returns when it asks nothing of the window. */
#define OV_NO_REQUEST ((ov_request){.kind = OV_REQ_NONE})

/* actions_scene.c: parameters, runs, playing, the surface. */
ov_request ov_act_alpha(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_beta(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_kappa(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_theta(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_reset_params(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_target(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_add_run(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_remove_run(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_hide_run(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_method(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_loop(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_pause(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_step(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_step_back(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_explain(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_restart(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_speed(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_surface(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_ghosts(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_sweep(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_optimal(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_noise(ov_app_state *st, const ov_binding *b, double dt);

/* actions_view.c: the view, panels, help, the window, quitting. */
ov_request ov_act_request(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_projector(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_panel(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_panel_fit(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_help(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_home(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_3d(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_heights(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_escape(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_quit(ov_app_state *st, const ov_binding *b, double dt);

/* actions_session.c: presets, the lecture, exports, sharing, saving, undo. */
ov_request ov_act_preset(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_lecture(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_blank(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_save(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_undo(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_redo(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_export(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_share(ov_app_state *st, const ov_binding *b, double dt);

/* actions_field.c: the formula field, opened and while open. */
ov_request ov_act_edit(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_edit_rule(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_field_apply(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_field_cancel(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_field_delete(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_field_move(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_field_select_all(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_field_clear(ov_app_state *st, const ov_binding *b, double dt);
ov_request ov_act_field_delete_word(ov_app_state *st, const ov_binding *b, double dt);

#endif
