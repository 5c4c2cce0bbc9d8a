/* The formula field's actions (actions_internal.h): opening it for a loss
 * formula or an update rule, and the keys it has while it is open (the
 * formula field's table in actions.c). */
#include "actions_internal.h"

#include "formula_edit.h"

ov_request ov_act_edit(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_begin(st);
    SDL_StartTextInput();
    return OV_NO_REQUEST;
}

ov_request ov_act_edit_rule(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_begin_rule(st);
    SDL_StartTextInput();
    return OV_NO_REQUEST;
}

ov_request ov_act_field_apply(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    if (ov_controls_edit_commit(st))
        SDL_StopTextInput();
    return OV_NO_REQUEST;
}

ov_request ov_act_field_cancel(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_cancel(st);
    SDL_StopTextInput();
    return OV_NO_REQUEST;
}

ov_request ov_act_field_delete(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_edit_delete(st, (int)b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_field_move(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_edit_move(st, (int)b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_field_select_all(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_select_all(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_field_clear(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_clear_before(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_field_delete_word(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_delete_word(st);
    return OV_NO_REQUEST;
}
