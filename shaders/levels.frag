/* The picture of a loss value, shared by the contour pass and the 3-D
 * surface; appended after the colour map's coefficients ov_cmap0..7 (in
 * x = 2t - 1). A colour from the sequential map on a log scale of L - Lref,
 * anti-aliased iso-lines where u = levels_per_decade * log10(L - Lref +
 * delta) is an integer (decades a little bolder), faded where they crowd;
 * non-finite loss is shown as neutral grey hatching. ov_levels takes the
 * loss; ov_levels_lg takes lg = log10(max(L - Lref, 0) + delta) (the 3-D
 * surface interpolates it between its vertices). */

uniform vec4 u_level;       /* Lref, delta, levels per decade, line opacity */
uniform vec2 u_cmap_range;  /* log10 value at t = 0, 1 / decades shown */
uniform vec2 u_line;        /* iso-line width in px, hatch period in px */

vec3 ov_levels_lg(float lg, bool bad)
{
    float u = lg * u_level.z;
    float fw = fwidth(u);

    float t = clamp((lg - u_cmap_range.x) * u_cmap_range.y, 0.0, 1.0);
    float x = 2.0 * t - 1.0;
    vec3 c = ((((((ov_cmap7 * x + ov_cmap6) * x + ov_cmap5) * x + ov_cmap4) * x
                 + ov_cmap3) * x + ov_cmap2) * x + ov_cmap1) * x + ov_cmap0;
    c = clamp(c, 0.0, 1.0);

    float k = floor(u + 0.5);
    float width = u_line.x * (mod(k, u_level.z) < 0.5 ? 1.6 : 1.0);
    float d = abs(u - k) / max(fw, 1e-7);
    float a = clamp(0.5 * width + 0.5 - d, 0.0, 1.0);
    a *= 1.0 - smoothstep(0.10, 0.28, fw);
    if (isnan(a) || isinf(a))
        a = 0.0;
    vec3 lc = t > 0.55 ? c * 0.22 : mix(c, vec3(1.0), 0.72);
    c = mix(c, lc, a * u_level.w);

    if (bad) {
        float h = abs(fract((gl_FragCoord.x + gl_FragCoord.y) / u_line.y) - 0.5);
        c = mix(vec3(0.30, 0.31, 0.33), vec3(0.38, 0.39, 0.41), smoothstep(0.22, 0.28, h));
    }
    return c;
}

vec3 ov_levels(float L)
{
    return ov_levels_lg(log2(max(L - u_level.x, 0.0) + u_level.y) * 0.30102999566,
                        isnan(L) || isinf(L));
}
