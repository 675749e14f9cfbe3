# Instrumented builds of the engine (scripts/sanitize.sh, scripts/fuzz.sh). An instrumented engine cannot be
# loaded into soffice, so these builds leave the add-in (and its integration tests) out.
option(CPOM_SANITIZE "Build the engine and its unit tests with AddressSanitizer and UBSan" OFF)
option(CPOM_BUILD_FUZZERS "Build the libFuzzer targets of fuzz/ (needs CXX=clang++)" OFF)

# GCC leaves float-cast-overflow out of `undefined`: named here because a huge double cast to int is a real risk.
set(CPOM_SANITIZERS address,undefined,float-cast-overflow)

if(CPOM_SANITIZE OR CPOM_BUILD_FUZZERS)
  if(CPOM_BUILD_ADDIN)
    message(STATUS "Instrumented build: the add-in is not built")
  endif()
  set(CPOM_BUILD_ADDIN OFF)
  add_compile_options(-g -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fno-sanitize-recover=all)
endif()

if(CPOM_SANITIZE)
  add_compile_options(-fsanitize=${CPOM_SANITIZERS})
  add_link_options(-fsanitize=${CPOM_SANITIZERS})
endif()

if(CPOM_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CPOM_BUILD_FUZZERS needs clang: configure with CXX=clang++")
  endif()
  # Coverage feedback on the engine; the fuzzer executables add -fsanitize=fuzzer (fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link,${CPOM_SANITIZERS})
  add_link_options(-fsanitize=${CPOM_SANITIZERS})
endif()
