#include "kiwoomd/core/MarketCalendar.h"

#include "kiwoomd/core/KstTime.h"

#include <algorithm>
#include <cstdio>

namespace kiwoomd {
namespace {

constexpr int kOpenMinute = 9 * 60;
constexpr int kCloseMinute = 15 * 60 + 30;

std::string dateKey(const KstDateTime& t) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buffer;
}

} // namespace

MarketCalendar::MarketCalendar(std::vector<std::string> holidays)
    : m_holidays(std::move(holidays)) {}

bool MarketCalendar::isHoliday(Timestamp time) const {
    const std::string key = dateKey(toKst(time));
    return std::find(m_holidays.begin(), m_holidays.end(), key) != m_holidays.end();
}

bool MarketCalendar::isRegularSessionOpen(Timestamp time) const {
    const KstDateTime t = toKst(time);
    if (t.weekday == 0 || t.weekday == 6) {
        return false;
    }
    const int minute = t.minutesSinceMidnight();
    if (minute < kOpenMinute || minute >= kCloseMinute) {
        return false;
    }
    return !isHoliday(time);
}

} // namespace kiwoomd
