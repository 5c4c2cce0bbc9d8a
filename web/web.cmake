# The browser build (included by CMakeLists.txt under Emscripten only; run
# through scripts/build-web): the same sources as the desktop program, less
# the MP4 writer (FFmpeg stays on the desktop) and src/main.c, plus
# src/web (the browser's entry point and the MP4 stand-in), linked against
# the libraries scripts/build-web built from Debian's source packages into
# OV_WEB_PREFIX. Output: optiviz.js, optiviz.wasm and optiviz.data (the
# font), which scripts/build-web puts beside web/index.html.
if(NOT OV_WEB_PREFIX)
  message(FATAL_ERROR "OV_WEB_PREFIX (the libraries built by scripts/build-web) is not set")
endif()
set(P ${OV_WEB_PREFIX})
set(S ${CMAKE_CURRENT_SOURCE_DIR})

file(GLOB OV_SHADERS CONFIGURE_DEPENDS ${S}/shaders/*.vert ${S}/shaders/*.frag)
set(OV_SHADER_C ${CMAKE_CURRENT_BINARY_DIR}/ov_shaders.c)
add_custom_command(
  OUTPUT ${OV_SHADER_C}
  COMMAND ${CMAKE_COMMAND} -DOUT=${OV_SHADER_C} -DSRC_DIR=${S}/shaders
          -P ${S}/scripts/embed_shaders.cmake
  DEPENDS ${OV_SHADERS} ${S}/scripts/embed_shaders.cmake
  COMMENT "Embedding shaders")

file(GLOB OV_WEB_SRC CONFIGURE_DEPENDS ${S}/src/core/*.c ${S}/src/cli/*.c ${S}/src/io/*.c
     ${S}/src/render/*.c ${S}/src/app/*.c ${S}/src/web/*.c)
list(REMOVE_ITEM OV_WEB_SRC ${S}/src/io/mp4_write.c ${S}/src/io/av_load.c)

add_executable(optiviz ${OV_WEB_SRC} ${OV_SHADER_C} ${OV_PRESETS_C} ${OV_LECTURES_C})
# The libraries' headers before Emscripten's own (its sysroot has an older
# SDL); cglm's headers were copied into the prefix; web/include stands in
# for fontconfig.
target_include_directories(optiviz PRIVATE ${S}/src ${S}/web/include ${P}/include
                           ${P}/include/SDL2)
# EM_ASM (JavaScript in C) needs the GNU dialect: only the entry point has it.
set_source_files_properties(${S}/src/web/main_web.c PROPERTIES COMPILE_OPTIONS -std=gnu11)
set(OV_WEB_FONT /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)
if(OV_WEB_FONT_FILE)
  set(OV_FONT_SRC ${OV_WEB_FONT_FILE})
else()
  set(OV_FONT_SRC ${OV_WEB_FONT})
endif()
target_link_libraries(optiviz PRIVATE ${P}/lib/libSDL2_ttf.a ${P}/lib/libfreetype.a
                      ${P}/lib/libSDL2.a ${P}/lib/libpng16.a ${P}/lib/libz.a
                      ${P}/lib/libgif.a)
target_link_options(optiviz PRIVATE
  -O2
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864
  -sENVIRONMENT=web -sEXIT_RUNTIME=0
  "-sEXPORTED_RUNTIME_METHODS=['FS']"
  # A call whose signature differs from the library's (a header that does
  # not match how the library was built) links as a trap: refuse it.
  "-Wl,--fatal-warnings"
  --preload-file ${OV_FONT_SRC}@${OV_WEB_FONT})
set_target_properties(optiviz PROPERTIES LINK_DEPENDS ${OV_FONT_SRC})
