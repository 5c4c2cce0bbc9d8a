# Writes files into OUT as NUL-terminated C strings. By default every shader
# in SRC_DIR, named ov_shader_<file>_<ext> (e.g. ov_shader_contour_frag).
# With -DFILES=<list> those files instead, and -DPREFIX=<p> names them
# <p><file>_<ext> (e.g. PREFIX=ov_asset_ gives ov_asset_presets_txt).
if(DEFINED FILES)
  set(shaders ${FILES})
else()
  file(GLOB shaders ${SRC_DIR}/*.vert ${SRC_DIR}/*.frag)
endif()
if(NOT DEFINED PREFIX)
  set(PREFIX ov_shader_)
endif()
list(SORT shaders)
set(body "/* Generated at build time by scripts/embed_shaders.cmake; do not edit. */\n")
foreach(f ${shaders})
  get_filename_component(base ${f} NAME_WE)
  get_filename_component(ext ${f} LAST_EXT)
  string(SUBSTRING ${ext} 1 -1 ext)
  file(READ ${f} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
  string(APPEND body "extern const char ${PREFIX}${base}_${ext}[];\n")
  string(APPEND body "const char ${PREFIX}${base}_${ext}[] = {${hex}0x00};\n")
endforeach()
file(WRITE ${OUT} "${body}")
