#include "kiwoomd/core/MarketCalendar.h"
#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

const MarketCalendar krx(defaultKrxHolidays(), defaultKrxSpecialDays());

TEST(MarketCalendar, RegularSessionIsNineToHalfPastThreeKst) {
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 11, 24, 8, 59, 59)));
    EXPECT_TRUE(krx.isRegularSessionOpen(fromKst(2026, 11, 24, 9, 0, 0)));
    EXPECT_TRUE(krx.isRegularSessionOpen(fromKst(2026, 11, 24, 15, 29, 59)));
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 11, 24, 15, 30, 0)));
}

TEST(MarketCalendar, WeekendsAreClosed) {
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 11, 28, 10, 0, 0))); // Saturday
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 11, 29, 10, 0, 0))); // Sunday
    EXPECT_FALSE(krx.isTradingDay(fromKst(2026, 11, 29, 10, 0, 0)));
}

TEST(MarketCalendar, HolidaysAreClosed) {
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 12, 25, 10, 0, 0))); // Christmas
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 12, 31, 10, 0, 0))); // year-end closing day
    EXPECT_TRUE(krx.isHoliday(fromKst(2027, 2, 8, 10, 0, 0)));               // Seollal
    EXPECT_TRUE(krx.isRegularSessionOpen(fromKst(2026, 12, 24, 10, 0, 0)));
}

TEST(MarketCalendar, ConfiguredHolidaysReplaceTheDefaults) {
    const MarketCalendar custom({"2026-11-24"}, {});
    EXPECT_FALSE(custom.isRegularSessionOpen(fromKst(2026, 11, 24, 10, 0, 0)));
    EXPECT_TRUE(custom.isRegularSessionOpen(fromKst(2026, 12, 25, 10, 0, 0)));
}

TEST(MarketCalendar, FirstTradingDayOfTheYearOpensAnHourLate) {
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2027, 1, 4, 9, 30, 0)));
    EXPECT_TRUE(krx.isRegularSessionOpen(fromKst(2027, 1, 4, 10, 0, 0)));
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2027, 1, 4, 15, 30, 0)));
}

TEST(MarketCalendar, ExamDayShiftsTheWholeSession) {
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 11, 19, 9, 30, 0)));
    EXPECT_TRUE(krx.isRegularSessionOpen(fromKst(2026, 11, 19, 16, 0, 0)));
    EXPECT_FALSE(krx.isRegularSessionOpen(fromKst(2026, 11, 19, 16, 30, 0)));
}

TEST(MarketCalendar, LastCloseSkipsWeekendsAndHolidays) {
    // Monday morning before the open: the last close was Friday's.
    EXPECT_EQ(krx.lastCloseAtOrBefore(fromKst(2026, 11, 30, 8, 0, 0)), fromKst(2026, 11, 27, 15, 30, 0));
    // The day after Christmas (a Saturday): Thursday the 24th closed last.
    EXPECT_EQ(krx.lastCloseAtOrBefore(fromKst(2026, 12, 26, 12, 0, 0)), fromKst(2026, 12, 24, 15, 30, 0));
    EXPECT_EQ(krx.lastCloseAtOrBefore(fromKst(2026, 11, 19, 17, 0, 0)), fromKst(2026, 11, 19, 16, 30, 0));
}

TEST(MarketCalendar, NextOpenSkipsTheYearEnd) {
    EXPECT_EQ(krx.nextOpenAfter(fromKst(2026, 12, 30, 16, 0, 0)), fromKst(2027, 1, 4, 10, 0, 0));
}

TEST(MarketCalendar, AlwaysOpenNeverCloses) {
    const auto always = MarketCalendar::alwaysOpen();
    EXPECT_TRUE(always.isRegularSessionOpen(fromKst(2026, 11, 29, 3, 0, 0)));
    EXPECT_FALSE(always.lastCloseAtOrBefore(fromKst(2026, 11, 29, 3, 0, 0)));
}

TEST(MarketCalendar, ClockTimesParseStrictly) {
    EXPECT_EQ(parseClockMinutes("09:00"), 540);
    EXPECT_EQ(parseClockMinutes("16:30"), 990);
    EXPECT_FALSE(parseClockMinutes("9:00"));
    EXPECT_FALSE(parseClockMinutes("24:00"));
    EXPECT_FALSE(parseClockMinutes("12:60"));
}

} // namespace
} // namespace kiwoomd
