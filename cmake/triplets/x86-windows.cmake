# vcpkg's x86-windows triplet (dynamic libraries, dynamic CRT), plus spdlog built with wide file
# names: SPDLOG_WCHAR_FILENAMES can only be set in a triplet, and without it spdlog opens its log
# file through the ANSI code page, which loses a Korean profile path (src/app/Logging.cpp).
# The windows presets put this folder on VCPKG_OVERLAY_TRIPLETS.
set(VCPKG_TARGET_ARCHITECTURE x86)
set(VCPKG_CRT_LINKAGE dynamic)
set(VCPKG_LIBRARY_LINKAGE dynamic)
if(PORT STREQUAL "spdlog")
    set(SPDLOG_WCHAR_FILENAMES ON)
endif()
