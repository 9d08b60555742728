#include "kiwoomd/core/KnownDialogs.h"

namespace kiwoomd {
namespace {

// Spaces, tabs and line breaks; the dialogs pad their texts with them.
std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool matches(const DialogRule& rule, std::string_view title, std::string_view body) {
    if (!rule.title.empty() && trimmed(title) != rule.title) {
        return false;
    }
    const std::string_view text = trimmed(body);
    if (!rule.bodyPrefix.empty() && text.substr(0, rule.bodyPrefix.size()) != rule.bodyPrefix) {
        return false;
    }
    return rule.bodyContains.empty() || text.find(rule.bodyContains) != std::string_view::npos;
}

} // namespace

const std::vector<DialogRule>& knownDialogRules() {
    // Titles and texts from shared/kiwoom-openapi.md; the updater's title "opstarter" is the
    // window koapy's version updater waits for.
    static const std::vector<DialogRule> rules = {
        {DialogKind::MaintenanceNotice, "안녕하세요. 키움증권 입니다.", "", "",
         DialogAction::PressDefaultButton},
        // "KHOpenAPI" titles every message box of the control, so the body decides.
        {DialogKind::ConnectionLost, "KHOpenAPI", "통신 연결이 끊겼습니다", "",
         DialogAction::PressDefaultButton},
        {DialogKind::ReloginAdvisory, "[HTS 재접속 안내]", "", "", DialogAction::PressDefaultButton},
        // Its title is not documented; the text names the overload.
        {DialogKind::QueryOverload, "", "", "조회 과부하", DialogAction::PressDefaultButton},
        // Its button starts the update, which must not run while the host holds the module.
        {DialogKind::VersionUpdate, "opstarter", "", "", DialogAction::LeaveOpen},
    };
    return rules;
}

const DialogRule* matchDialog(std::string_view title, std::string_view body,
                              const std::vector<DialogRule>& rules) {
    for (const auto& rule : rules) {
        if (matches(rule, title, body)) {
            return &rule;
        }
    }
    return nullptr;
}

std::string_view dialogKindName(DialogKind kind) {
    switch (kind) {
    case DialogKind::MaintenanceNotice:
        return "maintenance_notice";
    case DialogKind::ConnectionLost:
        return "connection_lost";
    case DialogKind::ReloginAdvisory:
        return "relogin_advisory";
    case DialogKind::QueryOverload:
        return "query_overload";
    case DialogKind::VersionUpdate:
        return "version_update";
    }
    return "unknown";
}

} // namespace kiwoomd
