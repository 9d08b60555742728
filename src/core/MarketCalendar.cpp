#include "kiwoomd/core/MarketCalendar.h"

#include "kiwoomd/core/KstTime.h"

#include <algorithm>
#include <cstdio>

namespace kiwoomd {
namespace {

constexpr int kRegularOpenMinute = 9 * 60;
constexpr int kRegularCloseMinute = 15 * 60 + 30;
constexpr int kSearchDays = 30;

std::string dateKey(int year, int month, int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

} // namespace

std::optional<int> parseClockMinutes(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    for (const std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    const int hour = (text[0] - '0') * 10 + (text[1] - '0');
    const int minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (hour > 23 || minute > 59) {
        return std::nullopt;
    }
    return hour * 60 + minute;
}

MarketCalendar::MarketCalendar(std::vector<std::string> holidays, std::vector<SpecialDay> specialDays)
    : m_holidays(std::move(holidays))
    , m_specialDays(std::move(specialDays)) {}

MarketCalendar MarketCalendar::alwaysOpen() {
    MarketCalendar calendar;
    calendar.m_alwaysOpen = true;
    return calendar;
}

std::optional<MarketCalendar::Hours> MarketCalendar::hoursOn(int year, int month, int day) const {
    const Timestamp noon = fromKst(year, month, day, 12);
    const KstDateTime t = toKst(noon);
    if (t.weekday == 0 || t.weekday == 6) {
        return std::nullopt;
    }
    const std::string key = dateKey(year, month, day);
    if (std::find(m_holidays.begin(), m_holidays.end(), key) != m_holidays.end()) {
        return std::nullopt;
    }
    const auto special = std::find_if(m_specialDays.begin(), m_specialDays.end(),
                                      [&](const SpecialDay& d) { return d.date == key; });
    if (special != m_specialDays.end()) {
        return Hours{special->openMinute, special->closeMinute};
    }
    return Hours{kRegularOpenMinute, kRegularCloseMinute};
}

bool MarketCalendar::isHoliday(Timestamp time) const {
    const KstDateTime t = toKst(time);
    return std::find(m_holidays.begin(), m_holidays.end(), dateKey(t.year, t.month, t.day)) !=
           m_holidays.end();
}

bool MarketCalendar::isTradingDay(Timestamp time) const {
    if (m_alwaysOpen) {
        return true;
    }
    const KstDateTime t = toKst(time);
    return hoursOn(t.year, t.month, t.day).has_value();
}

bool MarketCalendar::isRegularSessionOpen(Timestamp time) const {
    if (m_alwaysOpen) {
        return true;
    }
    const KstDateTime t = toKst(time);
    const auto hours = hoursOn(t.year, t.month, t.day);
    const int minute = t.minutesSinceMidnight();
    return hours && minute >= hours->openMinute && minute < hours->closeMinute;
}

std::optional<Timestamp> MarketCalendar::lastCloseAtOrBefore(Timestamp time) const {
    if (m_alwaysOpen) {
        return std::nullopt;
    }
    for (int back = 0; back <= kSearchDays; ++back) {
        const KstDateTime day = toKst(time - std::chrono::hours(24 * back));
        if (const auto hours = hoursOn(day.year, day.month, day.day)) {
            const Timestamp close =
                fromKst(day.year, day.month, day.day, hours->closeMinute / 60, hours->closeMinute % 60);
            if (close <= time) {
                return close;
            }
        }
    }
    return std::nullopt;
}

std::optional<Timestamp> MarketCalendar::nextOpenAfter(Timestamp time) const {
    if (m_alwaysOpen) {
        return std::nullopt;
    }
    for (int ahead = 0; ahead <= kSearchDays; ++ahead) {
        const KstDateTime day = toKst(time + std::chrono::hours(24 * ahead));
        if (const auto hours = hoursOn(day.year, day.month, day.day)) {
            const Timestamp open =
                fromKst(day.year, day.month, day.day, hours->openMinute / 60, hours->openMinute % 60);
            if (open > time) {
                return open;
            }
        }
    }
    return std::nullopt;
}

} // namespace kiwoomd
