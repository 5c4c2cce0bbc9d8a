/* The surface of a model's slice. See slice_surface.h. */
#include "slice_surface.h"

#include <stdio.h>
#include <string.h>

int ov_slice_followed(const ov_slice *s, int *coords)
{
    if (s->kind != OV_SLICE_AXES || !s->follow || s->n - 2 > OV_SLICE_MAX_FOLLOW)
        return 0;
    int k = 0;
    for (int i = 0; i < s->n; i++)
        if (i != s->a && i != s->b)
            coords[k++] = i;
    return k;
}

bool ov_slice_follow_baked(const ov_slice *s)
{
    return s->kind == OV_SLICE_AXES && s->follow && s->n - 2 > OV_SLICE_MAX_FOLLOW;
}

const int *ov_slice_model_groups(const ov_model *m)
{
    static const int xor_groups[9] = {0, 0, -1, 1, 1, -1, 2, 2, -1};
    if (m && m->n == 9 && strcmp(m->name, "xor") == 0)
        return xor_groups;
    return NULL;
}

ov_surface *ov_slice_surface_create(const ov_model *m, const ov_slice *s, ov_rect view, char *err,
                                    size_t cap)
{
    if (!m || !s || s->n != m->n) {
        snprintf(err, cap, "the slice has %d coordinates, the model %d parameters", s ? s->n : 0,
                 m ? m->n : 0);
        return NULL;
    }
    ov_model_plane pl;
    memset(&pl, 0, sizeof pl);
    pl.n = s->n;
    memcpy(pl.o, s->o, sizeof pl.o);
    memcpy(pl.d1, s->d1, sizeof pl.d1);
    memcpy(pl.d2, s->d2, sizeof pl.d2);
    pl.nuniform = ov_slice_followed(s, pl.uniform_coord);
    const char *names[OV_SLICE_MAX_FOLLOW];
    for (int k = 0; k < pl.nuniform; k++)
        names[k] = m->param_name_list[pl.uniform_coord[k]];
    char *glsl = ov_model_glsl(m, &pl, err, cap);
    if (!glsl)
        return NULL;
    return ov_surface_create_plane(m->name, m->summary, ov_model_objective(m), s,
                                   pl.uniform_coord, names, pl.nuniform, glsl, view, err, cap);
}
