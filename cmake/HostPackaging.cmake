# The install folder of the 32-bit control host (preset windows-x86), included from the top-level
# CMakeLists.txt when KIWOOMD_HOST_ONLY is ON and the kiwoomd-host target exists. `cmake --install`
# gives bin/kiwoomd-host.exe with its own 32-bit Qt (windeployqt, ActiveQt included) and MSVC
# runtime; the windows-x64 installer copies that folder whole under host/ (cmake/Packaging.cmake),
# so 32-bit and 64-bit DLLs never share a folder.
get_target_property(_kiwoomd_qmake Qt5::qmake IMPORTED_LOCATION)
get_filename_component(_kiwoomd_qt_bin "${_kiwoomd_qmake}" DIRECTORY)
find_program(KIWOOMD_WINDEPLOYQT windeployqt HINTS "${_kiwoomd_qt_bin}" REQUIRED)
install(CODE "
    set(exe \"\${CMAKE_INSTALL_PREFIX}/bin/kiwoomd-host.exe\")
    if(EXISTS \"\${exe}\")
        execute_process(
            COMMAND \"${KIWOOMD_WINDEPLOYQT}\" $<IF:$<CONFIG:Debug>,--debug,--release>
                    --no-translations --no-system-d3d-compiler --no-opengl-sw --no-compiler-runtime \"\${exe}\"
            RESULT_VARIABLE result)
        if(NOT result EQUAL 0)
            message(FATAL_ERROR \"windeployqt failed with \${result}\")
        endif()
    endif()
")
# The v143 runtime of this build, 32-bit, next to kiwoomd-host.exe.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)
