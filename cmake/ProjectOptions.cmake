# Warnings and hardening as INTERFACE targets: every first-party target links
# fieldvault_options, so the flags live in one place.
add_library(fieldvault_options INTERFACE)

target_compile_options(fieldvault_options INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(FIELDVAULT_WARNINGS_AS_ERRORS)
  target_compile_options(fieldvault_options INTERFACE -Werror)
endif()

# Hardening: fortify needs optimisation, so only where the build optimises.
target_compile_options(fieldvault_options INTERFACE
  -fstack-protector-strong -fstack-clash-protection -fcf-protection
  $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
target_compile_definitions(fieldvault_options INTERFACE _GLIBCXX_ASSERTIONS)
target_link_options(fieldvault_options INTERFACE -pie -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)

set(FIELDVAULT_SANITIZE "" CACHE STRING "Sanitizers, e.g. address,undefined")
if(FIELDVAULT_SANITIZE)
  target_compile_options(fieldvault_options INTERFACE
    -fsanitize=${FIELDVAULT_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(fieldvault_options INTERFACE -fsanitize=${FIELDVAULT_SANITIZE})
endif()
