#pragma once
// The OpenAPI control's modal dialogs that an unattended host closes by itself, as plain data.
// While one is open the host's GUI thread sits in a nested modal loop, so the public wrappers
// close them by window title and text (shared/kiwoom-openapi.md, "Sessions, login, outages").
// Pure: the Win32 layer (src/host/DialogCloser.h) reads the windows and applies these rules; the
// rules are tested on every platform.

#include <string>
#include <string_view>
#include <vector>

namespace kiwoomd {

enum class DialogKind {
    MaintenanceNotice, // ~04:45: the daily maintenance is coming
    ConnectionLost,    // 05:05 (Sun 04:00): the connection dropped; the process must restart
    ReloginAdvisory,   // 06:50: log in again if you logged in before 06:50
    QueryOverload,     // the stricter query limit was hit
    VersionUpdate,     // the module wants to update itself; the host must exit first
};

enum class DialogAction {
    PressDefaultButton, // its OK button (or first button), as a user would
    Close,              // WM_CLOSE
    LeaveOpen,          // only reported: the caller decides (the updater needs the host gone)
};

struct DialogRule {
    DialogKind kind;
    std::string title;        // the window title, exactly (spaces around it ignored); "" = any
    std::string bodyPrefix;   // the body text starts with this; "" = no condition
    std::string bodyContains; // the body text contains this; "" = no condition
    DialogAction action;
};

// The dialogs public wrappers close, first match wins (UTF-8 text).
const std::vector<DialogRule>& knownDialogRules();

// The first rule `title` and `body` (a dialog's static texts, joined by '\n') satisfy, or nullptr.
const DialogRule* matchDialog(std::string_view title, std::string_view body,
                              const std::vector<DialogRule>& rules = knownDialogRules());

// "maintenance_notice", "connection_lost", ...: stable names for logs and the API.
std::string_view dialogKindName(DialogKind kind);

} // namespace kiwoomd
