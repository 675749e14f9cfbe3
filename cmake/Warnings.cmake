# Warnings of our own targets: every library, executable, test and benchmark links cpom_warnings (PRIVATE), so that
# none builds without them. CI turns them into errors (CPOM_WARNINGS_AS_ERRORS=ON, .ci/run); third-party headers
# (LibreOffice's, GoogleTest's) are SYSTEM includes and stay out of it.
option(CPOM_WARNINGS_AS_ERRORS "Treat warnings as errors on cpom-calc's own targets (CI)" OFF)

add_library(cpom_warnings INTERFACE)
target_compile_options(cpom_warnings INTERFACE -Wall -Wextra -Wpedantic
                                               $<$<BOOL:${CPOM_WARNINGS_AS_ERRORS}>:-Werror>)
# GCC 12 (Debian 12) reports these two inside libstdc++'s std::string and std::variant code when tests build
# vectors of aggregates from initializer lists (GCC bugs 105562, 105651): shown, never fatal.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(cpom_warnings INTERFACE -Wno-error=maybe-uninitialized -Wno-error=restrict)
endif()
