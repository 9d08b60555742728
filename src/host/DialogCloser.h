#pragma once
// Closes the OpenAPI control's known modal dialogs in this process (the rules: KnownDialogs.h),
// so an unattended host does not sit in a nested modal loop that nobody clicks. Windows only
// (platform/DialogCloserWindows.cpp, documented Win32 calls, no Qt). It only posts messages, so
// any thread may call it; the host calls it from a timer on its GUI thread, whose timers keep
// firing inside the control's modal loops. A dialog it does not know is left alone: a host that
// hangs on one is the supervisor's business (heartbeat, restart).

#include "kiwoomd/core/KnownDialogs.h"

#include <string>
#include <utility>
#include <vector>

namespace kiwoomd::host {

struct HandledDialog {
    DialogKind kind;
    DialogAction action; // what was done: LeaveOpen means it is still open
    std::string title;   // UTF-8, for the log
    std::string body;    // UTF-8, the dialog's texts joined by '\n'
};

class DialogCloser {
public:
    explicit DialogCloser(std::vector<DialogRule> rules = knownDialogRules())
        : m_rules(std::move(rules)) {}

    // Finds this process's visible top-level dialogs (window class "#32770"), matches each with
    // the rules, and presses or closes the matches as their rule says. Returns every match, so
    // the caller can log it (and exit for a VersionUpdate).
    std::vector<HandledDialog> closeKnownDialogs() const;

private:
    std::vector<DialogRule> m_rules;
};

} // namespace kiwoomd::host
