# Runs the real app (the screen driver, or the shipping program for SCREEN
# "start") under Xvfb with Mesa's software GL, asks for a screenshot
# of one screen, and checks the PNG. Variables: APP, MAKE_VAULT, PNG_CHECK,
# XVFB_RUN, WORK_DIR, SCREEN, OUT; MAKE_EXCHANGE (optional, for the exchange
# screens) adds contacts and bundles to the test vault; MAKE_EVIDENCE
# (optional, for the evidence screen) adds a report with a generated picture,
# whose magenta bar the check then looks for in the screenshot. LANGUAGE and
# SETTINGS_JSON (optional): the language and the settings it is drawn with.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(passphrase_file "${WORK_DIR}/passphrase.txt")
file(WRITE "${passphrase_file}" "screenshot test passphrase\n")
file(WRITE "${WORK_DIR}/notes.txt" "evidence file for the screenshot test\n")

set(vault "${WORK_DIR}/vault")
if(NOT SCREEN MATCHES "^(create|welcome|start)$")
  execute_process(COMMAND "${MAKE_VAULT}" "${vault}" "${WORK_DIR}/notes.txt"
                  INPUT_FILE "${passphrase_file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not create the test vault (${rc})")
  endif()
endif()
if(MAKE_EXCHANGE)
  execute_process(COMMAND "${MAKE_EXCHANGE}" "${vault}" "${WORK_DIR}"
                  INPUT_FILE "${passphrase_file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not add contacts and bundles to the test vault (${rc})")
  endif()
endif()
# MAKE_REPORT (optional): adds a report of its own, which SCREEN report then
# shows (the newest); e.g. a long narrative for the wrapping editor.
if(MAKE_REPORT)
  execute_process(COMMAND "${MAKE_REPORT}" "${vault}" "${WORK_DIR}"
                  INPUT_FILE "${passphrase_file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not add the report to the test vault (${rc})")
  endif()
endif()
set(check_colour)
if(MAKE_EVIDENCE)
  execute_process(COMMAND "${MAKE_EVIDENCE}" "${vault}" "${WORK_DIR}"
                  INPUT_FILE "${passphrase_file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not add the report with a picture to the test vault (${rc})")
  endif()
  if(EXISTS "${WORK_DIR}/demo-test-pattern.png")
    message(FATAL_ERROR "the generated picture was left behind after attaching it")
  endif()
  set(check_colour 255 0 255 5000)  # the pattern's magenta bar is 68 x 150 pixels
endif()
# SCREEN "start": the shipping program itself, on whatever it shows first.
set(extra --screen "${SCREEN}")
if(SCREEN STREQUAL "start")
  set(extra)
endif()
if(SCREEN STREQUAL "import")
  list(APPEND extra --bundle "${WORK_DIR}/incoming.fvb")  # made by MAKE_EXCHANGE
endif()

# LANGUAGE (optional): draw in that language; SETTINGS_JSON (optional): the
# app's settings file before it starts (e.g. 200 % text, high contrast).
if(LANGUAGE)
  list(APPEND extra --language "${LANGUAGE}")
endif()
# KEYS (optional): keys pressed before the picture, e.g. "down,down" (the
# keyboard focus is then drawn).
if(KEYS)
  list(APPEND extra --keys "${KEYS}")
endif()
if(SETTINGS_JSON)
  file(WRITE "${WORK_DIR}/config/fieldvault/settings.json" "${SETTINGS_JSON}")
endif()

file(REMOVE "${OUT}")
execute_process(
  COMMAND "${XVFB_RUN}" -a -s "-screen 0 1280x800x24"
          env LIBGL_ALWAYS_SOFTWARE=1 FIELDVAULT_TEST_FAST_KDF=1 ASAN_OPTIONS=detect_leaks=0
          "XDG_CONFIG_HOME=${WORK_DIR}/config" "HOME=${WORK_DIR}"
          "${APP}" --vault "${vault}" --screenshot "${OUT}" ${extra}
  INPUT_FILE "${passphrase_file}"
  RESULT_VARIABLE rc
  TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fieldvault --screenshot failed (${rc})")
endif()
if(NOT EXISTS "${OUT}")
  message(FATAL_ERROR "no screenshot written at ${OUT}")
endif()
# FOCUS_COLOUR (optional, "R G B MIN_PIXELS"): the keyboard focus ring's colour
# must be in the picture (with KEYS).
if(FOCUS_COLOUR)
  separate_arguments(check_colour UNIX_COMMAND "${FOCUS_COLOUR}")
endif()
execute_process(COMMAND "${PNG_CHECK}" "${OUT}" 800 600 ${check_colour} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the screenshot is not a usable image")
endif()
file(REMOVE_RECURSE "${vault}" "${WORK_DIR}/sender" "${WORK_DIR}/other")
