#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

TEST(KstTime, UtcMidnightIsNineInTheMorningInSeoul) {
    const Timestamp epoch{};
    EXPECT_EQ(toKstIso8601(epoch), "1970-01-01T09:00:00+09:00");
}

TEST(KstTime, RoundTripsThroughWallClockFields) {
    const Timestamp t = fromKst(2026, 11, 24, 10, 15, 2);
    EXPECT_EQ(toKstIso8601(t), "2026-11-24T10:15:02+09:00");
    const KstDateTime k = toKst(t);
    EXPECT_EQ(k.year, 2026);
    EXPECT_EQ(k.month, 11);
    EXPECT_EQ(k.day, 24);
    EXPECT_EQ(k.weekday, 2); // a Tuesday
}

TEST(KstTime, DateChangesAtKstMidnightNotUtcMidnight) {
    // 2026-12-31 15:00 UTC is already 2027-01-01 00:00 in Seoul.
    const Timestamp t = fromKst(2027, 1, 1, 0, 0, 0);
    EXPECT_EQ(toKst(t).year, 2027);
    EXPECT_EQ(toKst(t - std::chrono::seconds(1)).year, 2026);
    EXPECT_EQ(toKstIso8601(t - std::chrono::seconds(1)), "2026-12-31T23:59:59+09:00");
}

TEST(KstTime, LeapDaysAreCounted) {
    EXPECT_EQ(toKstIso8601(fromKst(2028, 2, 29, 12, 0, 0)), "2028-02-29T12:00:00+09:00");
    EXPECT_EQ(toKst(fromKst(2028, 3, 1)).weekday, 3); // Wednesday
}

} // namespace
} // namespace kiwoomd
