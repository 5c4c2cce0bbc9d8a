/* Contour pass body, appended after the "#version" header, the u_param
 * uniform and the core's `float ov_loss(vec2 p)`. Per pixel: the loss, a
 * colour from the sequential map on a log scale of L - Lref, anti-aliased
 * iso-lines where u = levels_per_decade * log10(L - Lref + delta) is an
 * integer (decades a little bolder), faded where they crowd; non-finite
 * loss is shown as neutral grey hatching. */

uniform vec4 u_view;        /* x0, y0, world units per pixel in x and y */
uniform vec4 u_level;       /* Lref, delta, levels per decade, line opacity */
uniform vec2 u_cmap_range;  /* log10 value at t = 0, 1 / decades shown */
uniform vec2 u_line;        /* iso-line width in px, hatch period in px */
uniform vec3 u_cmap[8];    /* colour map polynomial in x = 2t - 1 */

out vec4 o_color;

void main(){ vec2 p = u_view.xy + gl_FragCoord.xy * u_view.zw; float L = ov_loss(p); float lg = log2(max(L - u_level.x, 0.0) + u_level.y) * 0.30102999566; float u = lg * u_level.z; o_color=vec4(vec3(u),1.0);}
