#include "kiwoomd/core/MaintenanceWindow.h"

#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

using namespace kiwoomd;

// 2026-11-22 is a Sunday, 2026-11-23 a Monday, 2026-11-28 a Saturday.

TEST(MaintenanceWindow, SundayMaintenanceStartsAtFourAndEndsAtFourThirty) {
    const auto windows = kiwoomMaintenanceWindows();
    EXPECT_EQ(maintenanceEndsAt(windows, fromKst(2026, 11, 22, 4, 0)), fromKst(2026, 11, 22, 4, 30));
    EXPECT_EQ(maintenanceEndsAt(windows, fromKst(2026, 11, 22, 4, 29, 59)), fromKst(2026, 11, 22, 4, 30));
    EXPECT_FALSE(maintenanceEndsAt(windows, fromKst(2026, 11, 22, 4, 30)));
    EXPECT_FALSE(maintenanceEndsAt(windows, fromKst(2026, 11, 22, 3, 59, 59)));
}

TEST(MaintenanceWindow, SundayHasNoFiveOClockWindow) {
    EXPECT_FALSE(maintenanceEndsAt(kiwoomMaintenanceWindows(), fromKst(2026, 11, 22, 5, 7)));
}

TEST(MaintenanceWindow, SaturdayFiveOhNineIsInsideTheWeekdayWindow) {
    EXPECT_EQ(maintenanceEndsAt(kiwoomMaintenanceWindows(), fromKst(2026, 11, 28, 5, 9, 30)),
              fromKst(2026, 11, 28, 5, 10));
}

TEST(MaintenanceWindow, WeekdayWindowIsFiveOhFiveToFiveTen) {
    const auto windows = kiwoomMaintenanceWindows();
    EXPECT_FALSE(maintenanceEndsAt(windows, fromKst(2026, 11, 23, 5, 4, 59)));
    EXPECT_EQ(maintenanceEndsAt(windows, fromKst(2026, 11, 23, 5, 5)), fromKst(2026, 11, 23, 5, 10));
    EXPECT_FALSE(maintenanceEndsAt(windows, fromKst(2026, 11, 23, 5, 10)));
}

TEST(MaintenanceWindow, MondayFourThirtyIsNotAWindow) {
    EXPECT_FALSE(maintenanceEndsAt(kiwoomMaintenanceWindows(), fromKst(2026, 11, 23, 4, 30)));
    EXPECT_FALSE(maintenanceEndsAt(kiwoomMaintenanceWindows(), fromKst(2026, 11, 23, 4, 15)));
}

TEST(MaintenanceWindow, TheAdvisoryAtSixFiftyIsNotAnOutage) {
    EXPECT_FALSE(maintenanceEndsAt(kiwoomMaintenanceWindows(), fromKst(2026, 11, 24, 6, 50)));
}

TEST(MaintenanceWindow, WindowWithoutDaysAppliesEveryDay) {
    const std::vector<MaintenanceWindow> windows = {{23 * 60, 23 * 60 + 30}};
    for (int day = 22; day <= 28; ++day) {
        EXPECT_EQ(maintenanceEndsAt(windows, fromKst(2026, 11, day, 23, 10)), fromKst(2026, 11, day, 23, 30))
            << day;
    }
}

TEST(MaintenanceWindow, NoWindowsMeansNeverInMaintenance) {
    EXPECT_FALSE(maintenanceEndsAt({}, fromKst(2026, 11, 23, 5, 7)));
}

TEST(MaintenanceWindow, WeekdayNamesAreShortOrFullAndIgnoreCase) {
    EXPECT_EQ(weekdayFromName("sun"), 0);
    EXPECT_EQ(weekdayFromName("Monday"), 1);
    EXPECT_EQ(weekdayFromName("SAT"), 6);
    EXPECT_FALSE(weekdayFromName("mo"));
    EXPECT_FALSE(weekdayFromName(""));
    EXPECT_FALSE(weekdayFromName("weekday"));
}
