/* The 3-D surface's fragments, appended after the "#version" header, the
 * colour map's coefficients and levels.frag: the loss's log interpolated
 * from the vertices pictured as in 2-D (colour map and iso-lines), lit by
 * one light that moves with the camera; the side walls in a plain slate. */

in float v_lg;
in float v_bad;
in vec3 v_normal;
flat in float v_wall;

uniform vec3 u_light;       /* unit vector towards the light, model space */

out vec4 o_color;

void main()
{
    vec3 n = normalize(v_normal);
    float diffuse = max(dot(n, u_light), 0.0);
    vec3 c = v_wall > 0.5 ? vec3(0.24, 0.26, 0.32) : ov_levels_lg(v_lg, v_bad > 0.5);
    o_color = vec4(c * (0.5 + 0.58 * diffuse), 1.0);
}
