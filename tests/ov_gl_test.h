/* Shared by the render tests and benchmarks: a hidden SDL window with an
 * OpenGL 3.3 core context (SDL's offscreen driver gives EGL on Mesa
 * llvmpipe, no X server), and a renderer on it with the system font. */
#ifndef OV_GL_TEST_H
#define OV_GL_TEST_H

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/render.h"

typedef struct ov_gl_test {
    SDL_Window *win;
    SDL_GLContext ctx;
} ov_gl_test;

/* Opens the hidden window and makes its GL context current. */
static inline bool ov_gl_test_init(ov_gl_test *t)
{
    t->win = NULL;
    t->ctx = NULL;
    if (!getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "offscreen", 0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return false;
    }
    if (SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3) != 0 ||
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3) != 0 ||
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE) != 0 ||
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG) != 0) {
        fprintf(stderr, "SDL_GL_SetAttribute: %s\n", SDL_GetError());
        SDL_Quit();
        return false;
    }
    t->win = SDL_CreateWindow("optiviz test", 0, 0, 64, 64,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    if (!t->win) {
        fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError());
        SDL_Quit();
        return false;
    }
    t->ctx = SDL_GL_CreateContext(t->win);
    if (!t->ctx || SDL_GL_MakeCurrent(t->win, t->ctx) != 0) {
        fprintf(stderr, "SDL_GL_CreateContext: %s\n", SDL_GetError());
        SDL_DestroyWindow(t->win);
        SDL_Quit();
        return false;
    }
    return true;
}

static inline void ov_gl_test_deinit(ov_gl_test *t)
{
    if (t->ctx)
        SDL_GL_DeleteContext(t->ctx);
    if (t->win)
        SDL_DestroyWindow(t->win);
    SDL_Quit();
}

/* A renderer of width x height with DejaVu Sans; NULL (reason printed). */
static inline ov_renderer *ov_gl_test_renderer(int width, int height)
{
    char font[1024], err[2048];
    if (!ov_font_find(font, sizeof font, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return NULL;
    }
    ov_renderer *r = ov_renderer_create(width, height, font, err, sizeof err);
    if (!r)
        fprintf(stderr, "ov_renderer_create: %s\n", err);
    return r;
}

#endif
