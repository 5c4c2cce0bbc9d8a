/* Creating an SDL window with an OpenGL 3.3 core context, shown or hidden,
 * on a display or, when there is none, on SDL's offscreen driver (EGL). */
#ifndef OV_GLWIN_H
#define OV_GLWIN_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct ov_glwin {
    SDL_Window *window;
    SDL_GLContext context;
} ov_glwin;

/* Initialises SDL video (choosing the offscreen driver when no display is
 * set and SDL_VIDEODRIVER is not given), then creates the window and the
 * context and makes it current. false + message on failure (SDL is then
 * shut down again). */
bool ov_glwin_create(ov_glwin *w, const char *title, int width, int height, bool visible,
                     char *err, size_t cap);
void ov_glwin_destroy(ov_glwin *w);

/* Asks SDL (video initialised) for the context the renderer needs: OpenGL
 * 3.3 core, forward compatible, double-buffered, no depth buffer (the
 * renderer's framebuffer has its own). false with a message naming the
 * attribute SDL refused and SDL's reason. ov_glwin_create calls it. */
bool ov_glwin_gl_attributes(char *err, size_t cap);

/* True when a window can be shown: on an X11 or Wayland display (DISPLAY,
 * WAYLAND_DISPLAY), or on the video driver the user chose (SDL_VIDEODRIVER,
 * e.g. offscreen). Otherwise false, with a message in err naming those
 * variables and the options that need no display. */
bool ov_glwin_can_show(char *err, size_t cap);

#endif
