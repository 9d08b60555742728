#include "kiwoomd/core/MaintenanceWindow.h"

#include "kiwoomd/core/KstTime.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kiwoomd {
namespace {

constexpr int kSunday = 0;
constexpr int kSaturday = 6;

constexpr std::array<const char*, 7> kWeekdayNames = {"sunday",   "monday", "tuesday", "wednesday",
                                                      "thursday", "friday", "saturday"};

} // namespace

std::vector<MaintenanceWindow> kiwoomMaintenanceWindows() {
    Weekdays mondayToSaturday;
    for (int day = kSunday + 1; day <= kSaturday; ++day) {
        mondayToSaturday.set(static_cast<std::size_t>(day));
    }
    Weekdays sunday;
    sunday.set(kSunday);
    return {
        {5 * 60 + 5, 5 * 60 + 10, mondayToSaturday},
        {4 * 60, 4 * 60 + 30, sunday},
    };
}

std::optional<Timestamp> maintenanceEndsAt(const std::vector<MaintenanceWindow>& windows, Timestamp now) {
    const KstDateTime t = toKst(now);
    const int minute = t.minutesSinceMidnight();
    for (const auto& window : windows) {
        if (window.contains(t.weekday, minute)) {
            return fromKst(t.year, t.month, t.day, window.endMinute / 60, window.endMinute % 60);
        }
    }
    return std::nullopt;
}

std::optional<int> weekdayFromName(const std::string& name) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (std::size_t day = 0; day < kWeekdayNames.size(); ++day) {
        const std::string full = kWeekdayNames[day];
        if (lower == full || lower == full.substr(0, 3)) {
            return static_cast<int>(day);
        }
    }
    return std::nullopt;
}

} // namespace kiwoomd
