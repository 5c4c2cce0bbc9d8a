/* Overlay: the colour times the coverage in the red channel of the bound
 * texture (the frame's atlas, a glyph string, or a 1x1 white texture for
 * rectangles). */
#version 330 core

in vec2 v_uv;
in vec4 v_color;

uniform sampler2D u_tex;

out vec4 o_color;

void main()
{
    /* u < 0: a plain colour (rectangles and lines drawn from the atlas),
     * no texture read (most of the overlay's pixels on a software
     * renderer). */
    float cover = v_uv.x < 0.0 ? 1.0 : texture(u_tex, v_uv).r;
    o_color = v_color * cover;
}
