/* Overlay: the colour times the coverage in the red channel of the bound
 * texture (a glyph string, or a 1x1 white texture for rectangles). */
#version 330 core

in vec2 v_uv;
in vec4 v_color;

uniform sampler2D u_tex;

out vec4 o_color;

void main()
{
    o_color = v_color * texture(u_tex, v_uv).r;
}
