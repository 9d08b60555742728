#include "../Console.h"

#include <cstdio>
#include <io.h>
#include <windows.h>

namespace kiwoomd::app {
namespace {

// True when the handle already goes somewhere: a file or pipe the caller redirected it to.
bool isRedirected(DWORD which) {
    const HANDLE handle = GetStdHandle(which);
    return handle != nullptr && handle != INVALID_HANDLE_VALUE && GetFileType(handle) != FILE_TYPE_UNKNOWN;
}

// Points both the C runtime's stream and the Win32 standard handle at the console: spdlog's
// console sink writes through the handle, printf-style code through the stream.
void bindToConsole(FILE* stream, const char* device, const char* mode, DWORD which) {
    FILE* reopened = nullptr;
    if (freopen_s(&reopened, device, mode, stream) != 0 || reopened == nullptr) {
        return;
    }
    SetStdHandle(which, reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(reopened))));
}

} // namespace

void attachConsole(bool createIfNone) {
    static bool attached = false;
    if (attached) {
        return;
    }
    const bool outRedirected = isRedirected(STD_OUTPUT_HANDLE);
    const bool errRedirected = isRedirected(STD_ERROR_HANDLE);
    if (!AttachConsole(ATTACH_PARENT_PROCESS) && (!createIfNone || !AllocConsole())) {
        return;
    }
    attached = true;
    SetConsoleOutputCP(CP_UTF8); // the log carries Korean names as UTF-8
    if (!outRedirected) {
        bindToConsole(stdout, "CONOUT$", "w", STD_OUTPUT_HANDLE);
    }
    if (!errRedirected) {
        bindToConsole(stderr, "CONOUT$", "w", STD_ERROR_HANDLE);
    }
}

} // namespace kiwoomd::app
