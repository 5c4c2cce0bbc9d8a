/* Paths and markers: exact distance to the segment gives an anti-aliased
 * capsule with an outline ring; output is premultiplied alpha. In 3-D the
 * parts hidden by the surface are drawn through it in a second pass
 * (u_hidden > 0): faded to u_hidden and broken into short dashes across the
 * screen, so they read as seen through the surface. */
#version 330 core

in vec2 v_pos;
flat in vec4 v_seg;
flat in vec2 v_radius;      /* core radius, outer radius */
flat in vec4 v_fill;
flat in vec4 v_edge;

uniform float u_hidden;     /* 0: visible pass; else the hidden parts' opacity */

out vec4 o_color;

void main()
{
    vec2 pa = v_pos - v_seg.xy;
    vec2 ba = v_seg.zw - v_seg.xy;
    float h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-8), 0.0, 1.0);
    float dist = length(pa - ba * h);
    float outer = clamp(v_radius.y + 0.5 - dist, 0.0, 1.0);
    float inner = clamp(v_radius.x + 0.5 - dist, 0.0, 1.0);
    o_color = mix(v_edge, v_fill, inner) * outer;
    if (u_hidden > 0.0) {
        float dash = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) / 9.0));
        o_color *= u_hidden * (0.35 + 0.65 * dash);
    }
}
