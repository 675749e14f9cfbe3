# LibreOffice's SDK as one INTERFACE target, LibreOffice::SDK: the SDK's headers and the C++ headers of the office's
# UNO types (Debian ships none: cppumaker generates them here, once), the defines and the UNO libraries. The add-in,
# cpom-run and the benchmark's minimal add-in link it; cpom_uno_types() compiles an IDL tree of our own into a types
# rdb and its C++ headers (docs: /work/shared/platform/libreoffice-notes.md).
set(LO_PROGRAM /usr/lib/libreoffice/program CACHE PATH "LibreOffice program folder")
set(LO_SDK /usr/lib/libreoffice/sdk CACHE PATH "LibreOffice SDK folder")
set(LO_INCLUDE /usr/include/libreoffice CACHE PATH "LibreOffice SDK headers")
find_program(UNOIDL_WRITE unoidl-write HINTS ${LO_SDK}/bin REQUIRED)
find_program(UNOIDL_READ unoidl-read HINTS ${LO_SDK}/bin REQUIRED)
find_program(CPPUMAKER cppumaker HINTS ${LO_SDK}/bin REQUIRED)
set(LO_TYPES_RDB ${LO_PROGRAM}/types.rdb)
set(LO_OFFAPI_RDB ${LO_PROGRAM}/types/offapi.rdb)

# cppumaker wants absolute paths; the office's headers take about 26 MB and under a second.
set(lo_headers ${CMAKE_BINARY_DIR}/libreoffice/include)
add_custom_command(
  OUTPUT ${lo_headers}/com/sun/star/uno/XInterface.hpp
  COMMAND ${CPPUMAKER} -Gc -O${lo_headers} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
  COMMENT "Generating the C++ headers of LibreOffice's UNO types")
add_custom_target(libreoffice_uno_headers DEPENDS ${lo_headers}/com/sun/star/uno/XInterface.hpp)

add_library(libreoffice_sdk INTERFACE)
add_library(LibreOffice::SDK ALIAS libreoffice_sdk)
target_include_directories(libreoffice_sdk SYSTEM INTERFACE ${lo_headers} ${LO_INCLUDE})
target_compile_definitions(libreoffice_sdk INTERFACE LINUX UNX CPPU_ENV=gcc3)
target_link_directories(libreoffice_sdk INTERFACE ${LO_SDK}/lib ${LO_PROGRAM})
target_link_libraries(libreoffice_sdk INTERFACE uno_cppuhelpergcc3 uno_cppu uno_sal)
add_dependencies(libreoffice_sdk libreoffice_uno_headers)

# cpom_uno_types(<target> IDL_DIR <root of the IDL tree> RDB <file name> HEADER <one generated header, relative>
#                DEPENDS <idl files>)
# An INTERFACE target <target> (alias cpom::<target>) giving the C++ headers of the tree's types; its property
# TYPES_RDB is the compiled rdb that the extension ships (under the name its manifest gives).
function(cpom_uno_types target)
  cmake_parse_arguments(arg "" "IDL_DIR;RDB;HEADER" "DEPENDS" ${ARGN})
  set(rdb ${CMAKE_CURRENT_BINARY_DIR}/${arg_RDB})
  set(headers ${CMAKE_CURRENT_BINARY_DIR}/${target}/include)
  # unoidl-write writes the entities of its last input only: give it the IDL root folder.
  add_custom_command(
    OUTPUT ${rdb}
    COMMAND ${UNOIDL_WRITE} ${LO_TYPES_RDB} ${arg_IDL_DIR} ${rdb}
    DEPENDS ${arg_DEPENDS}
    COMMENT "Compiling the UNO interface ${target}")
  add_custom_command(
    OUTPUT ${headers}/${arg_HEADER}
    COMMAND ${CPPUMAKER} -Gc -O${headers} -X${LO_TYPES_RDB} ${rdb}
    DEPENDS ${rdb}
    COMMENT "Generating the C++ headers of ${target}")
  add_custom_target(${target}_generated DEPENDS ${rdb} ${headers}/${arg_HEADER})
  add_library(${target} INTERFACE)
  add_library(cpom::${target} ALIAS ${target})
  target_include_directories(${target} SYSTEM INTERFACE ${headers})
  target_link_libraries(${target} INTERFACE LibreOffice::SDK)
  set_target_properties(${target} PROPERTIES TYPES_RDB ${rdb})
  add_dependencies(${target} ${target}_generated)
endfunction()
