/* The 3-D surface, appended after the "#version" header, the parameters and
 * the core's `float ov_loss(vec2 p)`: the same loss as the contour pass,
 * evaluated at each vertex of a grid over the view's rectangle, raised to
 * its height, with a normal from the heights half a cell either side and
 * the log of the loss for the colour map and iso-lines (interpolated over
 * each triangle, so colour and lines follow the geometry drawn); then
 * the four side walls from the surface's edge down to the floor, so the
 * surface stands on a solid block. No vertex attributes: vertex ids
 * 0 .. (n+1)^2 - 1 are the grid (row-major from the rectangle's x0, y0
 * corner), then per side 2 (n+1) wall vertices, floor and edge alternating. */

uniform mat4 u_mvp;         /* model -> clip */
uniform vec4 u_rect;        /* world x0, y0, width, height */
uniform vec2 u_extent;      /* model half-extents ax, ay: X in [-ax, ax] */
uniform vec4 u_height;      /* Lref, 1 / (Lmax - Lref), relief, floor height */
uniform vec4 u_logh;        /* 1: log heights; delta; log10 value at t = 0; 1 / decades */
uniform int u_grid;         /* cells per side */

out float v_lg;             /* log10(max(L - Lref, 0) + delta), for the colour */
out float v_bad;            /* 1 where the loss is not finite */
out vec3 v_normal;
flat out float v_wall;

/* Model height of loss L: as ov_view_height in core/view.c. */
float ov_height(float L)
{
    if (isnan(L) || isinf(L))
        return 0.0;
    float t;
    if (u_logh.x > 0.5)
        t = (log2(max(L - u_height.x, 0.0) + u_logh.y) * 0.30102999566 - u_logh.z) * u_logh.w;
    else
        t = (L - u_height.x) * u_height.y;
    return u_height.z * clamp(t, 0.0, 1.0);
}

void main()
{
    int n1 = u_grid + 1;
    int id = gl_VertexID;
    vec2 uv;
    bool top = true;
    vec3 nrm = vec3(0.0, 0.0, 1.0);
    v_wall = 0.0;
    if (id < n1 * n1) {
        uv = vec2(float(id % n1), float(id / n1)) / float(u_grid);
    } else {
        int k = id - n1 * n1;
        int side = k / (2 * n1), r = k % (2 * n1);
        float a = float(r / 2) / float(u_grid);
        top = (r % 2) == 1;
        v_wall = 1.0;
        if (side == 0) {
            uv = vec2(a, 0.0);
            nrm = vec3(0.0, -1.0, 0.0);
        } else if (side == 1) {
            uv = vec2(1.0, a);
            nrm = vec3(1.0, 0.0, 0.0);
        } else if (side == 2) {
            uv = vec2(1.0 - a, 1.0);
            nrm = vec3(0.0, 1.0, 0.0);
        } else {
            uv = vec2(0.0, 1.0 - a);
            nrm = vec3(-1.0, 0.0, 0.0);
        }
    }
    vec2 p = u_rect.xy + uv * u_rect.zw;
    float L = ov_loss(p);
    float h = top ? ov_height(L) : u_height.w;
    v_bad = isnan(L) || isinf(L) ? 1.0 : 0.0;
    v_lg = v_bad > 0.5 ? 0.0 : log2(max(L - u_height.x, 0.0) + u_logh.y) * 0.30102999566;
    if (v_wall == 0.0) {
        vec2 e = 0.5 * u_rect.zw / float(u_grid);
        float dx = ov_height(ov_loss(p + vec2(e.x, 0.0))) - ov_height(ov_loss(p - vec2(e.x, 0.0)));
        float dy = ov_height(ov_loss(p + vec2(0.0, e.y))) - ov_height(ov_loss(p - vec2(0.0, e.y)));
        vec2 m = 2.0 * u_extent / float(u_grid);   /* model length of 2e */
        nrm = normalize(vec3(-dx / m.x, -dy / m.y, 1.0));
    }
    v_normal = nrm;
    gl_Position = u_mvp * vec4((uv * 2.0 - 1.0) * u_extent, h, 1.0);
}
