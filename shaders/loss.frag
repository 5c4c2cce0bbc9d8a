/* Loss readback body, appended after the same header, parameters and
 * ov_loss as the contour pass: writes the raw loss at each pixel centre into a 32-bit
 * float target. */

uniform vec4 u_view;        /* x0, y0, world units per pixel in x and y */

out vec4 o_color;

void main()
{
    o_color = vec4(ov_loss(u_view.xy + gl_FragCoord.xy * u_view.zw), 0.0, 0.0, 1.0);
}
