#include "kiwoomd/core/Config.h"

#include <algorithm>

namespace kiwoomd {
namespace {

std::optional<std::int64_t> parseSeconds(const std::string& text) {
    if (text.empty() || text.size() > 7 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return std::stoll(text);
}

} // namespace

const std::vector<std::string>& emulatorFaultNames() {
    // clang-format off
    static const std::vector<std::string> names = {
        "login-fail", "disconnect", "throttle", "drop", "slow", "malformed", "empty", "version-update",
        "server-refuse", "blank-rows", "commdataex-empty", "commdataex-mismatch"};
    // clang-format on
    return names;
}

std::optional<EmulatorFault> parseFaultSpec(const std::string& text, std::string& error) {
    EmulatorFault fault;
    std::string rest = text;
    const auto plus = rest.find('+');
    if (plus != std::string::npos) {
        const auto duration = parseSeconds(rest.substr(plus + 1));
        if (!duration || *duration == 0) {
            error = "'" + text + "': the duration after '+' must be whole seconds above 0";
            return std::nullopt;
        }
        fault.duration = std::chrono::seconds(*duration);
        rest = rest.substr(0, plus);
    }
    const auto at = rest.find('@');
    if (at != std::string::npos) {
        const auto seconds = parseSeconds(rest.substr(at + 1));
        if (!seconds) {
            error = "'" + text + "': the time after '@' must be whole seconds";
            return std::nullopt;
        }
        fault.at = std::chrono::seconds(*seconds);
        rest = rest.substr(0, at);
    }
    const auto& names = emulatorFaultNames();
    if (std::find(names.begin(), names.end(), rest) == names.end()) {
        std::string known;
        for (const auto& n : names) {
            known += (known.empty() ? "" : ", ") + n;
        }
        error = "'" + text + "': unknown fault '" + rest + "'; known faults: " + known;
        return std::nullopt;
    }
    fault.name = rest;
    return fault;
}

} // namespace kiwoomd
