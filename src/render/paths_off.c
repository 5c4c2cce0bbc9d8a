/* Honest projection: the fading of a model's paths where they lie off the
 * drawn plane and the distance bar under each head (see paths_off.h). */
#include "render/paths_off.h"

#include <math.h>

double ov_paths_off_span(const ov_scene *sc, const ov_view *v)
{
    if (!sc->model || v->is3d || sc->model->n <= 2)
        return 0.0;
    const ov_slice *s = &sc->slice;
    double n1 = 0, n2 = 0;
    for (int i = 0; i < s->n; i++) {
        n1 += s->d1[i] * s->d1[i];
        n2 += s->d2[i] * s->d2[i];
    }
    double span = fmin(fabs(v->rect.x1 - v->rect.x0) * sqrt(n1),
                       fabs(v->rect.y1 - v->rect.y0) * sqrt(n2));
    return isfinite(span) && span > 0 ? span : 0.0;
}

static double q_of(double off, double span)
{
    return span > 0 && isfinite(off) ? fabs(off) / (OV_OFF_HALF * span) : 0.0;
}

float ov_paths_off_alpha(double off, double span)
{
    double q = q_of(off, span);
    return fmaxf(OV_OFF_FLOOR, (float)(1.0 / (1.0 + q * q)));
}

double ov_paths_off_fill(double off, double span)
{
    double q = q_of(off, span);
    return q / (1.0 + q);
}

double ov_paths_off_at(const ov_run *run, int k, double frac)
{
    if (!run->off || k < 1 || k > run->n)
        return 0.0;
    double a = run->off[k - 1];
    return k < run->n && frac > 0 ? a + (run->off[k] - a) * frac : a;
}

void ov_paths_off_bar(ov_seg_list *l, ov_pt q, float head, float s, double off, double span,
                      ov_paint col, ov_paint dark)
{
    if (!(span > 0))
        return;
    float len = 26.0f * s, y = (float)q.y + head + 6.0f * s;
    ov_pt a = {q.x - len / 2, y, 0}, b = {q.x + len / 2, y, 0};
    ov_caps_push(l, a, b, 2.8f * s, 0, dark, dark);
    double f = ov_paths_off_fill(off, span);
    if (f > 0.01)
        ov_caps_push(l, a, (ov_pt){a.x + len * f, y, 0}, 1.6f * s, 0, col, col);
}
