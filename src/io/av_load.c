/* Loading FFmpeg on demand (see av_load.h). */
#include "av_load.h"

#include <dlfcn.h>
#include <libavutil/macros.h>
#include <libavutil/version.h>
#include <stdio.h>
#include <string.h>

/* The shared objects by the major versions of the headers, each library
 * after the ones it needs. */
static const char *const LIBS[4] = {
    "libavutil.so." AV_STRINGIFY(LIBAVUTIL_VERSION_MAJOR),
    "libswscale.so." AV_STRINGIFY(LIBSWSCALE_VERSION_MAJOR),
    "libavcodec.so." AV_STRINGIFY(LIBAVCODEC_VERSION_MAJOR),
    "libavformat.so." AV_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR),
};

/* The function name in whichever library has it. */
static void *find(const ov_av *av, const char *name)
{
    for (int i = 3; i >= 0; i--) {
        void *p = av->lib[i] ? dlsym(av->lib[i], name) : NULL;
        if (p)
            return p;
    }
    return NULL;
}

bool ov_av_load(ov_av *av, char *err, size_t cap)
{
    memset(av, 0, sizeof *av);
    for (int i = 0; i < 4; i++) {
        av->lib[i] = dlopen(LIBS[i], RTLD_NOW | RTLD_LOCAL);
        if (!av->lib[i]) {
            const char *why = dlerror();
            snprintf(err, cap, "cannot load FFmpeg (%s): %s", LIBS[i], why ? why : "not found");
            ov_av_unload(av);
            return false;
        }
    }
    /* dlsym's object pointer becomes a function pointer through memcpy,
     * the conversion POSIX guarantees. */
#define OV_AV_FIND(name)                                                            \
    {                                                                              \
        void *p = find(av, #name);                                                 \
        if (!p) {                                                                  \
            snprintf(err, cap, "cannot load FFmpeg: no %s in %s", #name, LIBS[3]); \
            ov_av_unload(av);                                                      \
            return false;                                                          \
        }                                                                          \
        memcpy(&av->name, &p, sizeof p);                                           \
    }
    OV_AV_FUNCTIONS(OV_AV_FIND)
#undef OV_AV_FIND
    return true;
}

void ov_av_unload(ov_av *av)
{
    for (int i = 3; i >= 0; i--)
        if (av->lib[i])
            dlclose(av->lib[i]);
    memset(av, 0, sizeof *av);
}
