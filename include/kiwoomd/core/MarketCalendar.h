#pragma once
// When the KRX regular session is open, in KST. Pure and thread-safe.
// Regular session 09:00-15:30 KST, Monday to Friday, minus configured exchange holidays.

#include "kiwoomd/core/Clock.h"

#include <string>
#include <vector>

namespace kiwoomd {

class MarketCalendar {
public:
    MarketCalendar() = default;
    // Holidays as "YYYY-MM-DD" in KST; malformed entries are the config loader's to reject.
    explicit MarketCalendar(std::vector<std::string> holidays);

    bool isRegularSessionOpen(Timestamp time) const;
    bool isHoliday(Timestamp time) const;

private:
    std::vector<std::string> m_holidays;
};

} // namespace kiwoomd
