/* Contour pass body, appended after the "#version" header, the parameters,
 * the core's `float ov_loss(vec2 p)`, the colour map's coefficients and
 * levels.frag: per pixel, the loss at the pixel's world point, pictured by
 * ov_levels. */

uniform vec4 u_view;        /* x0, y0, world units per pixel in x and y */

out vec4 o_color;

void main()
{
    vec2 p = u_view.xy + gl_FragCoord.xy * u_view.zw;
    o_color = vec4(ov_levels(ov_loss(p)), 1.0);
}
