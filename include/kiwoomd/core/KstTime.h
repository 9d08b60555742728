#pragma once
// Korea Standard Time (UTC+9, no daylight saving since 1988) calendar arithmetic without the
// platform's time-zone database, so it behaves the same on Windows, Linux and in tests.

#include "kiwoomd/core/Clock.h"

#include <optional>
#include <string>

namespace kiwoomd {

struct KstDateTime {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
    int weekday = 4; // 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday)

    int minutesSinceMidnight() const { return hour * 60 + minute; }
};

KstDateTime toKst(Timestamp time);

// Builds the instant of a KST wall-clock time; out-of-range fields are not normalised. Only for
// years kMinTimestampYear..kMaxTimestampYear: system_clock counts nanoseconds in 64 bits, which
// reach about 292 years either side of 1970, and a year beyond that overflows.
inline constexpr int kMinTimestampYear = 1900;
inline constexpr int kMaxTimestampYear = 2200;
Timestamp fromKst(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);

// Whether year-month-day is a day of the (proleptic Gregorian) calendar, e.g. not 02-30. Pure
// arithmetic, so any year may be asked about, unlike fromKst.
bool isCalendarDate(int year, int month, int day);

// ISO 8601 with an explicit +09:00 offset, e.g. "2026-11-24T10:15:02+09:00".
std::string toKstIso8601(Timestamp time);

// Reads what toKstIso8601 writes ("...+09:00" only); nullopt for anything else.
std::optional<Timestamp> parseKstIso8601(const std::string& text);

} // namespace kiwoomd
