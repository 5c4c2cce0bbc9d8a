/* Gathering a frame's requests. See request.h. */
#include "request.h"

void ov_requests_add(ov_requests *set, ov_request r)
{
    switch (r.kind) {
    case OV_REQ_QUIT:
        set->quit = true;
        break;
    case OV_REQ_FULLSCREEN:
        set->fullscreen = true;
        break;
    case OV_REQ_PNG:
        set->png = true;
        break;
    case OV_REQ_GIF:
        set->gif = true;
        break;
    case OV_REQ_VIDEO:
        set->video = true;
        break;
    case OV_REQ_CSV:
        set->csv = true;
        break;
    case OV_REQ_CANCEL_EXPORT:
        set->cancel_export = true;
        break;
    case OV_REQ_PRESET:
        set->preset = r.preset;
        break;
    case OV_REQ_NONE:
        break;
    }
}

bool ov_requests_any(const ov_requests *set)
{
    return set->quit || set->fullscreen || set->png || set->gif || set->video || set->csv ||
           set->cancel_export || set->preset != 0;
}
