# The faces name nothing below core: no storage:: or crypto:: and no
# sqlite3.h or sodium.h in app/gui and app/cli. Run with -DSOURCE_DIR=...
file(GLOB_RECURSE face_files "${SOURCE_DIR}/app/gui/*.cpp" "${SOURCE_DIR}/app/gui/*.h"
                              "${SOURCE_DIR}/app/cli/*.cpp" "${SOURCE_DIR}/app/cli/*.h")
set(found "")
foreach(file IN LISTS face_files)
  file(STRINGS "${file}" lines REGEX "storage::|crypto::|sqlite3\\.h|sodium\\.h|fieldvault/storage/|fieldvault/crypto/")
  foreach(line IN LISTS lines)
    string(APPEND found "${file}: ${line}\n")
  endforeach()
endforeach()
if(found)
  message(FATAL_ERROR "a face reaches below app/core:\n${found}")
endif()
list(LENGTH face_files count)
message(STATUS "checked ${count} face files: nothing below core named")
