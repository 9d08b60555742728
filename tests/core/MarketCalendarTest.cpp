#include "kiwoomd/core/MarketCalendar.h"
#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

TEST(MarketCalendar, RegularSessionIsNineToHalfPastThreeKst) {
    const MarketCalendar calendar;
    EXPECT_FALSE(calendar.isRegularSessionOpen(fromKst(2026, 11, 24, 8, 59, 59)));
    EXPECT_TRUE(calendar.isRegularSessionOpen(fromKst(2026, 11, 24, 9, 0, 0)));
    EXPECT_TRUE(calendar.isRegularSessionOpen(fromKst(2026, 11, 24, 15, 29, 59)));
    EXPECT_FALSE(calendar.isRegularSessionOpen(fromKst(2026, 11, 24, 15, 30, 0)));
}

TEST(MarketCalendar, WeekendsAreClosed) {
    const MarketCalendar calendar;
    EXPECT_FALSE(calendar.isRegularSessionOpen(fromKst(2026, 11, 28, 10, 0, 0))); // Saturday
    EXPECT_FALSE(calendar.isRegularSessionOpen(fromKst(2026, 11, 29, 10, 0, 0))); // Sunday
}

TEST(MarketCalendar, ConfiguredHolidaysAreClosed) {
    const MarketCalendar calendar({"2026-12-25"});
    EXPECT_FALSE(calendar.isRegularSessionOpen(fromKst(2026, 12, 25, 10, 0, 0)));
    EXPECT_TRUE(calendar.isRegularSessionOpen(fromKst(2026, 12, 24, 10, 0, 0)));
}

} // namespace
} // namespace kiwoomd
