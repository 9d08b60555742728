#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

#include <string>

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

TEST(KstTime, ParsingWhatToKstIso8601WritesGivesTheSameInstant) {
    for (const Timestamp t : {Timestamp{}, fromKst(2026, 11, 24, 10, 15, 2), fromKst(2028, 2, 29, 23, 59, 59),
                              fromKst(2027, 1, 1, 0, 0, 0), fromKst(1999, 12, 31, 8, 59, 59)}) {
        const std::string text = toKstIso8601(t);
        const auto parsed = parseKstIso8601(text);
        ASSERT_TRUE(parsed.has_value()) << text;
        EXPECT_EQ(*parsed, t) << text;
    }
}

TEST(KstTime, ParsingReadsTheWallClockAsKst) {
    const auto parsed = parseKstIso8601("1970-01-01T09:00:00+09:00");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, Timestamp{});
}

TEST(KstTime, ParsingRejectsOtherOffsets) {
    for (const char* text :
         {"2026-11-24T01:15:02Z", "2026-11-24T10:15:02+0900", "2026-11-24T01:15:02+00:00",
          "2026-11-24T10:15:02-09:00", "2026-11-24T11:15:02+10:00", "2026-11-24T10:15:02+09:30"}) {
        EXPECT_FALSE(parseKstIso8601(text).has_value()) << text;
    }
}

TEST(KstTime, ParsingRejectsWrongLengths) {
    for (const char* text :
         {"", "2026-11-24", "2026-11-24T10:15+09:00", "2026-11-24T10:15:02.5+09:00",
          "2026-11-24T10:15:02+09:00 ", " 2026-11-24T10:15:02+09:00", "2026-1-24T10:15:02+09:00"}) {
        EXPECT_FALSE(parseKstIso8601(text).has_value()) << "\"" << text << "\"";
    }
}

TEST(KstTime, ParsingRejectsRightLengthButWrongShape) {
    for (const char* text :
         {"2026-11-24 10:15:02+09:00", "2026/11/24T10:15:02+09:00", "2026-11-24T10-15-02+09:00",
          "2026-11-2410:15:02++09:00", "abcd-ef-ghTij:kl:mn+09:00", "2026-+1-24T10:15:02+09:00"}) {
        EXPECT_FALSE(parseKstIso8601(text).has_value()) << text;
    }
}

TEST(KstTime, ParsingRejectsDaysTheMonthDoesNotHave) {
    EXPECT_FALSE(parseKstIso8601("2026-02-31T10:00:00+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("2026-02-29T10:00:00+09:00").has_value()); // not a leap year
    EXPECT_FALSE(parseKstIso8601("2026-04-31T10:00:00+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("2026-00-10T10:00:00+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("2026-13-10T10:00:00+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("2026-01-00T10:00:00+09:00").has_value());
    EXPECT_TRUE(parseKstIso8601("2028-02-29T10:00:00+09:00").has_value()); // a leap year
}

TEST(KstTime, ParsingRejectsTimesOutsideTheDay) {
    EXPECT_FALSE(parseKstIso8601("2026-11-24T24:00:00+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("2026-11-24T10:60:00+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("2026-11-24T10:15:60+09:00").has_value()); // no leap seconds
    EXPECT_TRUE(parseKstIso8601("2026-11-24T23:59:59+09:00").has_value());
}

TEST(KstTime, CalendarDatesFollowTheGregorianLeapYearRule) {
    EXPECT_TRUE(isCalendarDate(2028, 2, 29));
    EXPECT_FALSE(isCalendarDate(2026, 2, 29));
    EXPECT_FALSE(isCalendarDate(2100, 2, 29));
    EXPECT_TRUE(isCalendarDate(2400, 2, 29));
    EXPECT_FALSE(isCalendarDate(2026, 4, 31));
    EXPECT_TRUE(isCalendarDate(9999, 12, 31));
    EXPECT_FALSE(isCalendarDate(2026, 0, 1));
    EXPECT_FALSE(isCalendarDate(2026, 13, 1));
    EXPECT_FALSE(isCalendarDate(2026, 1, 0));
}

// Found by tests/fuzz/FuzzSnapshotJson: a saved snapshot's last_update of the year 1013 overflowed
// the 64-bit nanoseconds of a Timestamp (undefined behaviour) instead of being refused.
TEST(KstTime, ParsingRejectsYearsATimestampCannotHold) {
    EXPECT_FALSE(parseKstIso8601("1013-11-24T15:30:00+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("9999-12-31T23:59:59+09:00").has_value());
    EXPECT_FALSE(parseKstIso8601("0000-01-01T00:00:00+09:00").has_value());
    EXPECT_TRUE(parseKstIso8601("1900-01-01T00:00:00+09:00").has_value());
    EXPECT_TRUE(parseKstIso8601("2200-12-31T23:59:59+09:00").has_value());
}

TEST(KstTime, ParsingTakesOnlyDigitsInEachField) {
    EXPECT_TRUE(parseKstIso8601("2026-11-25T10:00:05+09:00"));
    EXPECT_FALSE(parseKstIso8601("2026-11-+5T10:00:05+09:00"));
    EXPECT_FALSE(parseKstIso8601("2026-11- 5T10:00:05+09:00"));
    EXPECT_FALSE(parseKstIso8601("2026/11/25T10:00:05+09:00"));
    EXPECT_FALSE(parseKstIso8601("2026-11-25T10:00:05+09:01"));
}

} // namespace
} // namespace kiwoomd
