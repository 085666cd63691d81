# Each library's own include folder (design.md "One door per record"): build/include/LAYER/LAYER/ holds links to
# the headers of src/LAYER/, and a library gets on its include path only the folders of the libraries it links,
# so that `#include "store/Database.h"` in the window or the CLI does not compile (nothing there links store).
# The source files stay where they are.
#
# dangbo_layer_includes(TARGET LAYER [PRIVATE_HEADERS NAME...]): TARGET publishes src/LAYER's headers but the
# PRIVATE_HEADERS, which only TARGET's own sources see.
function(dangbo_layer_includes target layer)
  cmake_parse_arguments(ARG "" "" "PRIVATE_HEADERS" ${ARGN})
  set(public ${CMAKE_BINARY_DIR}/include/${layer})
  set(internal ${CMAKE_BINARY_DIR}/include-internal/${layer})
  file(REMOVE_RECURSE ${public} ${internal})
  file(MAKE_DIRECTORY ${public}/${layer} ${internal})
  file(GLOB headers CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${layer}/*.h)
  foreach(h IN LISTS headers)
    get_filename_component(name ${h} NAME)
    if(NOT name IN_LIST ARG_PRIVATE_HEADERS)
      file(CREATE_LINK ${h} ${public}/${layer}/${name} SYMBOLIC)
    endif()
  endforeach()
  # Sub-folders (src/cli/record/) are published whole.
  file(GLOB entries LIST_DIRECTORIES true ${CMAKE_SOURCE_DIR}/src/${layer}/*)
  foreach(e IN LISTS entries)
    if(IS_DIRECTORY ${e})
      get_filename_component(name ${e} NAME)
      file(CREATE_LINK ${e} ${public}/${layer}/${name} SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(${target} PUBLIC ${public})
  if(ARG_PRIVATE_HEADERS)
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${layer} ${internal}/${layer} SYMBOLIC)
    target_include_directories(${target} PRIVATE ${internal})
  endif()
endfunction()
