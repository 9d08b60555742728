// The Win32 side of DialogCloser: EnumWindows, GetWindowThreadProcessId, GetClassNameW,
// GetWindowTextW, EnumChildWindows, GetDlgItem and PostMessageW, all documented user32 calls.
#include "DialogCloser.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

namespace kiwoomd::host {
namespace {

// The class of dialog boxes and message boxes (Win32 "About Window Classes": system classes).
constexpr wchar_t kDialogClass[] = L"#32770";

std::string toUtf8(const std::wstring& text) {
    if (text.empty()) {
        return {};
    }
    const int size = static_cast<int>(text.size());
    const int bytes = WideCharToMultiByte(CP_UTF8, 0, text.data(), size, nullptr, 0, nullptr, nullptr);
    std::string out(static_cast<std::size_t>(bytes > 0 ? bytes : 0), '\0');
    if (bytes > 0) {
        WideCharToMultiByte(CP_UTF8, 0, text.data(), size, out.data(), bytes, nullptr, nullptr);
    }
    return out;
}

std::wstring windowText(HWND window) {
    const int length = GetWindowTextLengthW(window);
    if (length <= 0) {
        return {};
    }
    std::wstring text(static_cast<std::size_t>(length) + 1, L'\0');
    const int copied = GetWindowTextW(window, text.data(), length + 1);
    text.resize(static_cast<std::size_t>(copied > 0 ? copied : 0));
    return text;
}

std::wstring className(HWND window) {
    wchar_t name[256] = {};
    const int length = GetClassNameW(window, name, 256);
    return std::wstring(name, static_cast<std::size_t>(length > 0 ? length : 0));
}

BOOL CALLBACK collectOwnDialog(HWND window, LPARAM param) {
    DWORD processId = 0;
    GetWindowThreadProcessId(window, &processId);
    if (processId == GetCurrentProcessId() && IsWindowVisible(window) && className(window) == kDialogClass) {
        reinterpret_cast<std::vector<HWND>*>(param)->push_back(window);
    }
    return TRUE;
}

struct DialogContent {
    std::wstring body;
    HWND firstButton = nullptr;
};

BOOL CALLBACK readChild(HWND child, LPARAM param) {
    auto* content = reinterpret_cast<DialogContent*>(param);
    const std::wstring name = className(child);
    if (name == L"Static" || name == L"Edit") {
        const std::wstring text = windowText(child);
        if (!text.empty()) {
            content->body += (content->body.empty() ? L"" : L"\n") + text;
        }
    } else if (name == L"Button" && !content->firstButton) {
        content->firstButton = child;
    }
    return TRUE;
}

void pressDefaultButton(HWND dialog, HWND firstButton) {
    HWND button = GetDlgItem(dialog, IDOK);
    if (!button) {
        button = firstButton;
    }
    if (!button) {
        PostMessageW(dialog, WM_CLOSE, 0, 0);
        return;
    }
    // BM_CLICK may fail while the dialog is not the active window (BM_CLICK's documentation), and
    // an unattended host's dialog often is not; the button's click notification to the dialog,
    // which is what BM_CLICK ends in, works either way.
    const int id = GetDlgCtrlID(button);
    PostMessageW(dialog, WM_COMMAND, MAKEWPARAM(id, BN_CLICKED), reinterpret_cast<LPARAM>(button));
}

} // namespace

std::vector<HandledDialog> DialogCloser::closeKnownDialogs() const {
    std::vector<HWND> dialogs;
    EnumWindows(collectOwnDialog, reinterpret_cast<LPARAM>(&dialogs));

    std::vector<HandledDialog> handled;
    for (HWND dialog : dialogs) {
        DialogContent content;
        EnumChildWindows(dialog, readChild, reinterpret_cast<LPARAM>(&content));
        std::string title = toUtf8(windowText(dialog));
        std::string body = toUtf8(content.body);
        const DialogRule* rule = matchDialog(title, body, m_rules);
        if (!rule) {
            continue;
        }
        switch (rule->action) {
        case DialogAction::PressDefaultButton:
            pressDefaultButton(dialog, content.firstButton);
            break;
        case DialogAction::Close:
            PostMessageW(dialog, WM_CLOSE, 0, 0);
            break;
        case DialogAction::LeaveOpen:
            break;
        }
        handled.push_back({rule->kind, rule->action, std::move(title), std::move(body)});
    }
    return handled;
}

} // namespace kiwoomd::host
