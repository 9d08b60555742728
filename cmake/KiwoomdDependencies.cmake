# Every dependency is found by target; the build never downloads anything.

find_package(Qt5 5.15 REQUIRED COMPONENTS Core Gui Widgets Network)
# lrelease, which builds the tray's translations (src/app/translations) into the daemon; the
# host-only build has no tray.
if(NOT KIWOOMD_HOST_ONLY)
    find_package(Qt5 5.15 REQUIRED COMPONENTS LinguistTools)
endif()
find_package(nlohmann_json 3.9 REQUIRED)
find_package(spdlog REQUIRED)
find_package(Threads REQUIRED)
# gzip bodies for the HTTP API (compressed once per snapshot)
find_package(ZLIB REQUIRED)

# cpp-httplib: vcpkg and upstream installs ship a CMake package; Debian ships a compiled
# library with only a pkg-config file (libcpp-httplib-dev), so fall back to that.
find_package(httplib CONFIG QUIET)
if(NOT TARGET httplib::httplib)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
    add_library(httplib::httplib ALIAS PkgConfig::CPP_HTTPLIB)
endif()

if(WIN32)
    find_package(Qt5 5.15 REQUIRED COMPONENTS AxContainer)
endif()
