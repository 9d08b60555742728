#pragma once
// When the KRX regular session is open, in KST. Pure and thread-safe once built.
// Regular session 09:00-15:30 KST, Monday to Friday, minus exchange holidays; special days move
// the open or close (the first trading day of a year opens at 10:00; on the college entrance exam
// day the session runs 10:00-16:30). Holidays and special days come from config.

#include "kiwoomd/core/Clock.h"

#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

struct SpecialDay {
    std::string date;     // "YYYY-MM-DD", KST
    int openMinute = 540; // minutes after midnight KST
    int closeMinute = 930;
    std::string note;
};

class MarketCalendar {
public:
    MarketCalendar() = default;
    MarketCalendar(std::vector<std::string> holidays, std::vector<SpecialDay> specialDays);

    // A market that never closes: the emulator's demo market.
    static MarketCalendar alwaysOpen();

    bool isRegularSessionOpen(Timestamp time) const;
    bool isHoliday(Timestamp time) const;
    bool isTradingDay(Timestamp time) const;

    // The most recent session close at or before `time` (within the last 30 days), if any.
    std::optional<Timestamp> lastCloseAtOrBefore(Timestamp time) const;
    // The next session open after `time` (within the next 30 days), if any.
    std::optional<Timestamp> nextOpenAfter(Timestamp time) const;

private:
    struct Hours {
        int openMinute;
        int closeMinute;
    };
    std::optional<Hours> hoursOn(int year, int month, int day) const;

    std::vector<std::string> m_holidays;
    std::vector<SpecialDay> m_specialDays;
    bool m_alwaysOpen = false;
};

// The KRX holidays and special days kiwoomd ships (this year and next); config/kiwoomd.example.json
// lists the same. Exchange notices can add days: the config's lists replace these.
std::vector<std::string> defaultKrxHolidays();
std::vector<SpecialDay> defaultKrxSpecialDays();

// "HH:MM" to minutes after midnight; nullopt when malformed.
std::optional<int> parseClockMinutes(const std::string& text);

} // namespace kiwoomd
