#include "kiwoomd/core/KstTime.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>

namespace kiwoomd {
namespace {

constexpr std::int64_t kKstOffsetSeconds = 9 * 3600;
constexpr std::int64_t kSecondsPerDay = 86400;

// Howard Hinnant's days-from-civil algorithm (public domain), proleptic Gregorian calendar.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& year, int& month, int& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

} // namespace

KstDateTime toKst(Timestamp time) {
    const auto secondsUtc = std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
    const std::int64_t local = secondsUtc + kKstOffsetSeconds;
    const std::int64_t days = floorDiv(local, kSecondsPerDay);
    const std::int64_t secondOfDay = local - days * kSecondsPerDay;

    KstDateTime out;
    civilFromDays(days, out.year, out.month, out.day);
    out.hour = static_cast<int>(secondOfDay / 3600);
    out.minute = static_cast<int>((secondOfDay % 3600) / 60);
    out.second = static_cast<int>(secondOfDay % 60);
    out.weekday = static_cast<int>(((days % 7) + 11) % 7); // day 0 was a Thursday (4)
    return out;
}

Timestamp fromKst(int year, int month, int day, int hour, int minute, int second) {
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t seconds =
        days * kSecondsPerDay + hour * 3600 + minute * 60 + second - kKstOffsetSeconds;
    return Timestamp{std::chrono::seconds{seconds}};
}

bool isCalendarDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string toKstIso8601(Timestamp time) {
    const KstDateTime t = toKst(time);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+09:00", t.year, t.month, t.day,
                  t.hour, t.minute, t.second);
    return buffer;
}

std::optional<Timestamp> parseKstIso8601(const std::string& text) {
    // "YYYY-MM-DDTHH:MM:SS+09:00": fixed positions, digits only. std::from_chars rather than
    // sscanf, which MSVC flags as unsafe (C4996) and which would also take a sign or a space.
    if (text.size() != 25 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text.compare(19, 6, "+09:00") != 0) {
        return std::nullopt;
    }
    const auto field = [&text](std::size_t at, std::size_t length, int& out) {
        const char* begin = text.data() + at;
        const char* end = begin + length;
        if (!std::all_of(begin, end, [](char c) { return c >= '0' && c <= '9'; })) {
            return false;
        }
        return std::from_chars(begin, end, out).ptr == end;
    };
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!field(0, 4, year) || !field(5, 2, month) || !field(8, 2, day) || !field(11, 2, hour) ||
        !field(14, 2, minute) || !field(17, 2, second)) {
        return std::nullopt;
    }
    // The year check keeps fromKst inside the nanosecond range of Timestamp: "1013-11-24T..." in a
    // saved snapshot overflowed it (found by tests/fuzz/FuzzSnapshotJson).
    if (year < kMinTimestampYear || year > kMaxTimestampYear || !isCalendarDate(year, month, day) ||
        hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    const Timestamp time = fromKst(year, month, day, hour, minute, second);
    // Rejects dates such as 02-31 that the arithmetic would silently roll over.
    return toKstIso8601(time) == text ? std::optional<Timestamp>(time) : std::nullopt;
}

} // namespace kiwoomd
