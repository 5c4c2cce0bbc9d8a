/* The shaders under WebGL 2 (glsl_es.c): the same files as on the desktop,
 * their version line set at load time to GLSL ES 3.00 with the precision
 * it needs. */
#ifndef OV_RENDER_GLSL_ES_H
#define OV_RENDER_GLSL_ES_H

/* The n parts joined into one malloc'd string after a first line
 * "#version 300 es", with the first "#version 330 core" line replaced by
 * the default precisions (highp float and int). NULL when out of memory. */
char *ov_glsl_es_source(const char *const *parts, int n);

#endif
