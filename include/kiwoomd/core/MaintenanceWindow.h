#pragma once
// Kiwoom's daily server maintenance as plain data: a span of KST wall-clock minutes on chosen
// weekdays. The server is down Monday–Saturday 05:05–05:10 and Sunday 04:00–04:30 KST
// (shared/kiwoom-openapi.md, "Sessions, login, outages"); a login inside a window only fails.

#include "kiwoomd/core/Clock.h"

#include <bitset>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

// KST weekdays as KstDateTime numbers them: 0 = Sunday .. 6 = Saturday.
using Weekdays = std::bitset<7>;
inline const Weekdays kEveryDay = Weekdays().set();

struct MaintenanceWindow {
    int startMinute = 0; // KST minutes since midnight, [start, end)
    int endMinute = 0;
    Weekdays days = kEveryDay;

    bool contains(int weekday, int minute) const {
        return weekday >= 0 && weekday < 7 && days.test(static_cast<std::size_t>(weekday)) &&
               minute >= startMinute && minute < endMinute;
    }
};

// Monday–Saturday 05:05–05:10 and Sunday 04:00–04:30 KST.
std::vector<MaintenanceWindow> kiwoomMaintenanceWindows();

// When the window that holds `now` ends, or nullopt when `now` is outside every window.
std::optional<Timestamp> maintenanceEndsAt(const std::vector<MaintenanceWindow>& windows, Timestamp now);

// The weekday of a name, English and case-insensitive: "mon" or "monday" -> 1; nullopt otherwise.
std::optional<int> weekdayFromName(const std::string& name);

} // namespace kiwoomd
