/* The window's GL context request: every SDL_GL_SetAttribute is checked.
 * Before SDL's video is initialised SDL refuses them all, and
 * ov_glwin_gl_attributes must say so, naming the attribute; once it is,
 * they are accepted and the window with its 3.3 core context opens
 * (offscreen driver), the driver's threads started with SIGINT and SIGTERM
 * blocked. */
#include <SDL.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "app/glwin.h"
#include "ov_thread_mask.h"
#include "ov_test.h"

int main(void)
{
    if (!getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "offscreen", 0);
    char err[512] = "";
    CHECK(!ov_glwin_gl_attributes(err, sizeof err));
    CHECK_MSG(strstr(err, "SDL_GL_CONTEXT_MAJOR_VERSION = 3 refused") != NULL, "err: \"%s\"",
              err);
    CHECK_MSG(strstr(err, "OpenGL 3.3 core") != NULL, "err: \"%s\"", err);

    CHECK(SDL_Init(SDL_INIT_VIDEO) == 0);
    err[0] = '\0';
    CHECK_MSG(ov_glwin_gl_attributes(err, sizeof err), "%s", err);
    int major = 0, profile = 0;
    CHECK(SDL_GL_GetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, &major) == 0 && major == 3);
    CHECK(SDL_GL_GetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, &profile) == 0 &&
          profile == SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_Quit();

    ov_glwin w;
    bool made = ov_glwin_create(&w, "optiviz test", 64, 48, false, err, sizeof err);
    CHECK_MSG(made, "%s", err);
    /* The driver's threads (llvmpipe's rasterizers) block SIGINT and
     * SIGTERM (Mesa starts its threads with every signal blocked), so a
     * signal reaches this thread, which still takes both: an export stops
     * cleanly (io/interrupt.h). */
    int others, unblocked;
    CHECK(ov_test_thread_masks(&others, &unblocked));
    CHECK_MSG(others > 0, "the GL driver started no thread: nothing checked");
    CHECK_MSG(unblocked == 0, "%d of %d driver threads can receive SIGINT or SIGTERM", unblocked,
              others);
    sigset_t mine;
    CHECK(pthread_sigmask(SIG_SETMASK, NULL, &mine) == 0);
    CHECK(!sigismember(&mine, SIGINT) && !sigismember(&mine, SIGTERM));
    if (made)
        ov_glwin_destroy(&w);
    return ov_test_finish("test_app_glwin");
}
