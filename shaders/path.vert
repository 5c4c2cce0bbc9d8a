/* Paths and markers: one instance per capsule (a segment p0-p1 in pixels,
 * rows top-down, with a core radius and an outline ring), expanded here to a
 * quad that covers it plus one pixel for anti-aliasing; in 3-D at the
 * depths of its ends, for the depth test against the surface. */
#version 330 core

layout(location = 0) in vec4 a_seg;     /* p0.xy, p1.xy in pixels */
layout(location = 1) in vec2 a_size;    /* core radius, ring width (px) */
layout(location = 2) in vec4 a_fill;    /* premultiplied */
layout(location = 3) in vec4 a_edge;    /* premultiplied */
layout(location = 4) in vec2 a_depth;   /* window depth of p0, p1 (3-D) */

uniform vec2 u_size;                    /* framebuffer size in pixels */

out vec2 v_pos;
flat out vec4 v_seg;
flat out vec2 v_radius;
flat out vec4 v_fill;
flat out vec4 v_edge;

void main()
{
    vec2 d = a_seg.zw - a_seg.xy;
    float len = length(d);
    vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    float e = a_size.x + a_size.y + 1.0;
    vec2 p = (gl_VertexID < 2 ? a_seg.xy - dir * e : a_seg.zw + dir * e)
             + nrm * ((gl_VertexID & 1) == 0 ? -e : e);
    v_pos = p;
    v_seg = a_seg;
    v_radius = vec2(a_size.x, a_size.x + a_size.y);
    v_fill = a_fill;
    v_edge = a_edge;
    float depth = gl_VertexID < 2 ? a_depth.x : a_depth.y;
    gl_Position = vec4(p.x / u_size.x * 2.0 - 1.0, 1.0 - p.y / u_size.y * 2.0,
                       depth * 2.0 - 1.0, 1.0);
}
