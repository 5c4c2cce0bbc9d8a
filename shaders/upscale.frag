#version 330 core
/* Shows the half-resolution contour preview (drawn while parameters change)
 * at full size with bilinear filtering: a scaled glBlitFramebuffer costs
 * several times more on llvmpipe than this one textured triangle. */

uniform sampler2D u_tex;
uniform vec2 u_scale;   /* destination pixel -> normalised texture coordinate */

out vec4 o_color;

void main()
{
    o_color = texture(u_tex, gl_FragCoord.xy * u_scale);
}
