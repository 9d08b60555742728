# Windows packaging of the 64-bit build (preset windows-x64), included from the top-level
# CMakeLists.txt on Windows only (Linux configures and installs as before). `cmake --install` then
# gives a folder that runs on a machine without Qt or a compiler, and `cpack` wraps it into an NSIS
# installer:
#   bin/kiwoomd.exe                the daemon (icon and version resource from src/app)
#   bin/*.dll, bin/platforms/...   Qt (windeployqt), vcpkg's libraries, the MSVC runtime
#   host/...                       the 32-bit control host's install folder (KIWOOMD_HOST_STAGE_DIR)
#   config/kiwoomd.example.json    the example config, to copy into the data dir as kiwoomd.json
#   docs/windows.md                setup and troubleshooting
# plus a Start-menu entry. The daemon writes nothing under Program Files: config, logs and state
# live in %LOCALAPPDATA%\kiwoomd.

# Runs after bin/kiwoomd.exe is installed: with CMP0082 (CMake 3.14+), install rules run in the
# order they were declared, and this file is included after add_subdirectory(src).

# Qt's DLLs and plugins (platforms/qwindows.dll, which the tray needs) next to the executable.
get_target_property(_kiwoomd_qmake Qt5::qmake IMPORTED_LOCATION)
get_filename_component(_kiwoomd_qt_bin "${_kiwoomd_qmake}" DIRECTORY)
find_program(KIWOOMD_WINDEPLOYQT windeployqt HINTS "${_kiwoomd_qt_bin}" REQUIRED)
install(CODE "
    set(exe \"\${CMAKE_INSTALL_PREFIX}/bin/kiwoomd.exe\")
    message(STATUS \"windeployqt: \${exe}\")
    execute_process(
        COMMAND \"${KIWOOMD_WINDEPLOYQT}\" $<IF:$<CONFIG:Debug>,--debug,--release>
                --no-translations --no-system-d3d-compiler --no-opengl-sw --no-compiler-runtime \"\${exe}\"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR \"windeployqt failed with \${result}\")
    endif()
")

# The MSVC runtime DLLs (vcruntime140.dll, msvcp140.dll) into bin/, so no redistributable
# installer is needed. They are the v143 toolset's, the newest Visual Studio 2022 has, and the
# folder of the executable comes first in the DLL search order, so an older msvcp140.dll elsewhere
# on the PC is never loaded (code built by VS 17.10 or later crashes in std::mutex with one).
# windeployqt is told not to copy a runtime of its own. vcpkg's DLLs (spdlog, fmt, zlib) come with
# the executable itself: X_VCPKG_APPLOCAL_DEPS_INSTALL in the windows presets.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

# The control host, built by the windows-x86 preset and installed into this folder first.
set(KIWOOMD_HOST_STAGE_DIR "" CACHE PATH "Install folder of the windows-x86 build (kiwoomd-host), carried under host/")
if(KIWOOMD_HOST_STAGE_DIR)
    if(NOT EXISTS "${KIWOOMD_HOST_STAGE_DIR}")
        message(FATAL_ERROR "KIWOOMD_HOST_STAGE_DIR ${KIWOOMD_HOST_STAGE_DIR} does not exist: install the windows-x86 build there first")
    endif()
    install(DIRECTORY "${KIWOOMD_HOST_STAGE_DIR}/" DESTINATION host)
endif()

install(FILES "${PROJECT_SOURCE_DIR}/config/kiwoomd.example.json" DESTINATION config)
install(FILES "${PROJECT_SOURCE_DIR}/docs/windows.md" DESTINATION docs)

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_NAME kiwoomd)
set(CPACK_PACKAGE_VENDOR kiwoomd)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY kiwoomd)
# A 64-bit daemon with a 32-bit control host inside.
set(CPACK_PACKAGE_FILE_NAME "kiwoomd-${PROJECT_VERSION}-win64")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
# One Start-menu entry, "kiwoomd", for bin/kiwoomd.exe.
set(CPACK_PACKAGE_EXECUTABLES kiwoomd kiwoomd)
set(CPACK_NSIS_DISPLAY_NAME "kiwoomd ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME kiwoomd)
set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/src/app/resources/kiwoomd.ico")
set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/src/app/resources/kiwoomd.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\kiwoomd.exe")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN kiwoomd.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# "Start with Windows" writes a per-user Run value; the uninstaller removes it for the user who
# uninstalls. The data dir (%LOCALAPPDATA%\kiwoomd: logs, saved rankings, token) is kept.
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "DeleteRegValue HKCU 'Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run' 'kiwoomd'")
include(CPack)
