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
    case OV_REQ_EXPORT:
        for (int i = 0; i < set->nexports; i++)
            if (set->exports[i].key == r.export_key && set->exports[i].shift == r.export_shift)
                return;
        if (set->nexports < OV_REQ_MAX_EXPORTS) {
            set->exports[set->nexports].key = r.export_key;
            set->exports[set->nexports].shift = r.export_shift;
            set->nexports++;
        }
        break;
    case OV_REQ_CANCEL_EXPORT:
        set->cancel_export = true;
        break;
    case OV_REQ_PRESET:
        set->preset = r.preset;
        break;
    case OV_REQ_LECTURE:
        set->scene = r.scene + 1;
        break;
    case OV_REQ_NONE:
        break;
    }
}

bool ov_requests_any(const ov_requests *set)
{
    return set->quit || set->fullscreen || set->nexports > 0 || set->cancel_export ||
           set->preset != 0 || set->scene != 0;
}
