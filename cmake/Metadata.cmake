# Runs tools/generate.py on metadata/*.toml. Every target that needs function facts depends on these outputs.
set(CPOM_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
file(GLOB CPOM_METADATA_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/metadata/*.toml)
set(CPOM_GENERATOR ${CMAKE_SOURCE_DIR}/tools/generate.py)
set(CPOM_GENERATED_FUNCTION_TABLE ${CPOM_GENERATED_DIR}/cpp/function_table.cpp)
set(CPOM_GENERATED_ADAPTERS ${CPOM_GENERATED_DIR}/cpp/generated_adapters.cpp)
set(CPOM_GENERATED_IDL ${CPOM_GENERATED_DIR}/idl/org/cpom/calc/XCpomFunctions.idl)
set(CPOM_GENERATED_XCU ${CPOM_GENERATED_DIR}/CalcAddIns.xcu)
set(CPOM_GENERATED_EXAMPLES ${CPOM_GENERATED_DIR}/examples.json)
set(CPOM_GENERATED_OUTPUTS
    ${CPOM_GENERATED_FUNCTION_TABLE} ${CPOM_GENERATED_ADAPTERS} ${CPOM_GENERATED_DIR}/cpp/adapters.hpp
    ${CPOM_GENERATED_DIR}/cpp/function_arguments.hpp ${CPOM_GENERATED_DIR}/include/cpom/role.hpp
    ${CPOM_GENERATED_DIR}/cpp/addin_methods.hpp ${CPOM_GENERATED_DIR}/cpp/addin_methods.inc
    ${CPOM_GENERATED_IDL} ${CPOM_GENERATED_XCU} ${CPOM_GENERATED_EXAMPLES})

add_custom_command(
  OUTPUT ${CPOM_GENERATED_OUTPUTS}
  COMMAND ${Python3_EXECUTABLE} ${CPOM_GENERATOR} ${CMAKE_SOURCE_DIR}/metadata --out ${CPOM_GENERATED_DIR}
          --examples ${CPOM_GENERATED_EXAMPLES}
  DEPENDS ${CPOM_METADATA_FILES} ${CPOM_GENERATOR}
  COMMENT "Generating the function metadata (IDL, xcu, tables)"
  VERBATIM)
add_custom_target(cpom_metadata DEPENDS ${CPOM_GENERATED_OUTPUTS})

# `cmake --build build --target docs` rewrites docs/functions.md from the metadata.
add_custom_target(docs
  COMMAND ${Python3_EXECUTABLE} ${CPOM_GENERATOR} ${CMAKE_SOURCE_DIR}/metadata --docs ${CMAKE_SOURCE_DIR}/docs/functions.md
  DEPENDS ${CPOM_METADATA_FILES} ${CPOM_GENERATOR}
  COMMENT "Writing docs/functions.md")
