# Instrumented builds of the engine and of cpom-run's core (scripts/sanitize.sh, scripts/fuzz.sh). An instrumented
# engine cannot be loaded into soffice, so these builds leave the add-in, cpom-run and the integration tests out.
# The exception is CPOM_SANITIZE_ADDIN (scripts/leak-check.sh): AddressSanitizer only, engine and add-in, to be
# loaded in a stock soffice started with LD_PRELOAD of the ASan runtime (tools/office.py, CPOM_OFFICE_PRELOAD).
option(CPOM_SANITIZE "Build the engine and its unit tests with AddressSanitizer and UBSan" OFF)
option(CPOM_SANITIZE_ADDIN "Build the engine and the add-in with AddressSanitizer (LeakSanitizer) for soffice" OFF)
option(CPOM_BUILD_FUZZERS "Build the libFuzzer targets of fuzz/ (needs CXX=clang++)" OFF)

# GCC leaves float-cast-overflow out of `undefined`: named here because a huge double cast to int is a real risk.
set(CPOM_SANITIZERS address,undefined,float-cast-overflow)

if(CPOM_SANITIZE_ADDIN AND (CPOM_SANITIZE OR CPOM_BUILD_FUZZERS))
  message(FATAL_ERROR "CPOM_SANITIZE_ADDIN is a build of its own: configure it without CPOM_SANITIZE/FUZZERS")
endif()

if(CPOM_SANITIZE OR CPOM_BUILD_FUZZERS)
  if(CPOM_BUILD_ADDIN OR CPOM_BUILD_CLI)
    message(STATUS "Instrumented build: the add-in and cpom-run are not built (cpom-run's core and its tests are)")
  endif()
  set(CPOM_BUILD_ADDIN OFF)
  set(CPOM_BUILD_CLI OFF)
  add_compile_options(-g -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fno-sanitize-recover=all)
endif()

if(CPOM_SANITIZE)
  add_compile_options(-fsanitize=${CPOM_SANITIZERS})
  add_link_options(-fsanitize=${CPOM_SANITIZERS})
endif()

if(CPOM_SANITIZE_ADDIN)
  # ASan only: UBSan is the job of scripts/sanitize.sh and the fuzzers (same engine code), and its vptr check
  # across UNO objects would need the whole office instrumented. Errors are recoverable (halt_on_error=0 at run
  # time) so that one report does not end a soak; leaks are reported by LeakSanitizer when soffice exits.
  add_compile_options(-g -fno-omit-frame-pointer -fsanitize=address -fsanitize-recover=address)
  add_link_options(-fsanitize=address)
endif()

if(CPOM_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CPOM_BUILD_FUZZERS needs clang: configure with CXX=clang++")
  endif()
  # Coverage feedback on the engine; the fuzzer executables add -fsanitize=fuzzer (fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link,${CPOM_SANITIZERS})
  add_link_options(-fsanitize=${CPOM_SANITIZERS})
endif()
