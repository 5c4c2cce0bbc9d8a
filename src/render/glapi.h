/* The one place the renderer gets OpenGL's declarations from: libepoxy on
 * the desktop (OpenGL 3.3 core), <GLES3/gl3.h> in the browser (WebGL 2,
 * OpenGL ES 3.0, where Emscripten provides the functions themselves). The
 * few names the desktop code uses that ES 3.0 spells differently or lacks
 * are mapped here; the paths that use them do not run in the browser
 * (the X11 copy of a frame, the depth readback of the tests). */
#ifndef OV_RENDER_GLAPI_H
#define OV_RENDER_GLAPI_H

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#ifndef GL_BGRA
#define GL_BGRA 0x80E1
#endif
#define glClearDepth glClearDepthf
#else
#include <epoxy/gl.h>
#endif

#endif
