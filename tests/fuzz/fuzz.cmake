# The libFuzzer configuration (cmake -DOV_FUZZ=ON -DCMAKE_C_COMPILER=clang):
# only the pure layers core and cli, built with ASan + UBSan and libFuzzer's
# coverage, and one fuzz_<name> executable per tests/fuzz/fuzz_<name>.c.
# Included by the top-level CMakeLists.txt, which then stops: no SDL, GL or
# image library is needed. scripts/fuzz builds and runs it.
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "OV_FUZZ needs clang (-DCMAKE_C_COMPILER=clang)")
endif()
set(OV_FUZZ_SAN -fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
add_compile_options(${OV_FUZZ_SAN} -fsanitize=fuzzer-no-link)

find_library(M_LIBRARY m REQUIRED)
# OV_PRESETS_C (the embedded presets) is set up by the top-level file.
file(GLOB OV_FUZZ_CORE CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/core/*.c)
file(GLOB OV_FUZZ_CLI CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/*.c)
list(FILTER OV_FUZZ_CLI EXCLUDE REGEX ".*/main\\.c$")
add_library(ov_core STATIC ${OV_FUZZ_CORE})
target_include_directories(ov_core PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/src)
target_link_libraries(ov_core PUBLIC ${M_LIBRARY})
# The cli reads --data files through io's text reader (plain stdio).
add_library(ov_cli STATIC ${OV_FUZZ_CLI} ${OV_PRESETS_C} ${OV_LECTURES_C}
            ${CMAKE_CURRENT_SOURCE_DIR}/src/io/text_file.c)
target_link_libraries(ov_cli PUBLIC ov_core)

file(GLOB OV_FUZZERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/fuzz_*.c)
foreach(f ${OV_FUZZERS})
  get_filename_component(name ${f} NAME_WE)
  add_executable(${name} ${f})
  target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz)
  target_link_libraries(${name} PRIVATE ov_cli)
  target_link_options(${name} PRIVATE ${OV_FUZZ_SAN} -fsanitize=fuzzer)
endforeach()
