/* SDL window + GL 3.3 core context creation. See glwin.h. */
#include "glwin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/stamp.h"

/* With no X11 or Wayland display, headless rendering goes through SDL's
 * offscreen driver, unless the user chose a driver already. */
static void choose_driver(void)
{
#ifdef __EMSCRIPTEN__
    return;   /* the browser has one driver, and no DISPLAY */
#endif
    const char *drv = getenv("SDL_VIDEODRIVER");
    const char *x11 = getenv("DISPLAY");
    const char *wl = getenv("WAYLAND_DISPLAY");
    /* SDL_SetHint is false only where the environment variable of that
     * name is set, and then it is SDL's choice that stands: not an error. */
    if ((!drv || !*drv) && (!x11 || !*x11) && (!wl || !*wl))
        (void)SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
}

static bool set(const char *name)
{
    const char *v = getenv(name);
    return v && *v;
}

bool ov_glwin_can_show(char *err, size_t cap)
{
    if (set("DISPLAY") || set("WAYLAND_DISPLAY") || set("SDL_VIDEODRIVER"))
        return true;
    snprintf(err, cap,
             "no display to open the window on: neither DISPLAY (X11) nor WAYLAND_DISPLAY "
             "(Wayland) is set. Without a display, write files instead (--screenshot "
             "FILE.png, --gif FILE.gif, --video FILE.mp4, --export-csv FILE.csv), or run the "
             "window off screen with SDL_VIDEODRIVER=offscreen");
    return false;
}

bool ov_glwin_gl_attributes(char *err, size_t cap)
{
    static const struct {
        SDL_GLattr attr;
        const char *name;
        int value;
    } want[] = {
#ifdef __EMSCRIPTEN__
        /* The browser: WebGL 2, which is OpenGL ES 3.0. */
        {SDL_GL_CONTEXT_MAJOR_VERSION, "SDL_GL_CONTEXT_MAJOR_VERSION", 3},
        {SDL_GL_CONTEXT_MINOR_VERSION, "SDL_GL_CONTEXT_MINOR_VERSION", 0},
        {SDL_GL_CONTEXT_PROFILE_MASK, "SDL_GL_CONTEXT_PROFILE_MASK", SDL_GL_CONTEXT_PROFILE_ES},
#else
        {SDL_GL_CONTEXT_MAJOR_VERSION, "SDL_GL_CONTEXT_MAJOR_VERSION", 3},
        {SDL_GL_CONTEXT_MINOR_VERSION, "SDL_GL_CONTEXT_MINOR_VERSION", 3},
        {SDL_GL_CONTEXT_PROFILE_MASK, "SDL_GL_CONTEXT_PROFILE_MASK",
         SDL_GL_CONTEXT_PROFILE_CORE},
        {SDL_GL_CONTEXT_FLAGS, "SDL_GL_CONTEXT_FLAGS", SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG},
#endif
        {SDL_GL_DOUBLEBUFFER, "SDL_GL_DOUBLEBUFFER", 1},
        {SDL_GL_DEPTH_SIZE, "SDL_GL_DEPTH_SIZE", 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (SDL_GL_SetAttribute(want[i].attr, want[i].value) != 0) {
            snprintf(err, cap,
                     "cannot ask SDL for an OpenGL 3.3 core context (%s = %d refused): %s",
                     want[i].name, want[i].value, SDL_GetError());
            return false;
        }
    return true;
}

bool ov_glwin_create(ov_glwin *w, const char *title, int width, int height, bool visible,
                     char *err, size_t cap)
{
    memset(w, 0, sizeof(*w));
    choose_driver();
    /* A window's image (SDL_GetWindowSurface, used to show frames drawn by
     * a software renderer) stays a plain X11 image: SDL would otherwise
     * draw it through a renderer of its own on the window's GL context. */
    (void)SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");   /* as above */
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, cap, "cannot start SDL video: %s", SDL_GetError());
        return false;
    }
    ov_stamp("SDL video started");
    if (!ov_glwin_gl_attributes(err, cap)) {
        SDL_Quit();
        return false;
    }
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= visible ? (SDL_WINDOW_RESIZABLE | SDL_WINDOW_SHOWN) : SDL_WINDOW_HIDDEN;
    w->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                                 height, flags);
    if (!w->window) {
        snprintf(err, cap, "cannot create a window: %s", SDL_GetError());
        SDL_Quit();
        return false;
    }
    ov_stamp("window");
    w->context = SDL_GL_CreateContext(w->window);
    if (!w->context) {
        snprintf(err, cap, "no OpenGL 3.3 core context: %s", SDL_GetError());
        SDL_DestroyWindow(w->window);
        w->window = NULL;
        SDL_Quit();
        return false;
    }
    if (SDL_GL_MakeCurrent(w->window, w->context) != 0) {
        snprintf(err, cap, "cannot make the OpenGL context current: %s", SDL_GetError());
        ov_glwin_destroy(w);
        return false;
    }
    return true;
}

void ov_glwin_destroy(ov_glwin *w)
{
    if (w->context)
        SDL_GL_DeleteContext(w->context);
    if (w->window)
        SDL_DestroyWindow(w->window);
    if (w->window || w->context)
        SDL_Quit();
    w->window = NULL;
    w->context = NULL;
}
