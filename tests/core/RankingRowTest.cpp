#include "kiwoomd/core/RankingRow.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

const tr::TrSpec& surgeSpec() {
    return *tr::findTr(tr::kVolumeSurgeTr);
}

RawRow samsungDown() {
    return RawRow{{"005930              ", "삼성전자                 ", "          -69800", "5", "-1200",
                   "-1.69", "12000000", "15000000", "+3000000", "+25.00"}};
}

TEST(RankingRow, DownPriceIsAbsoluteWithNegativeChange) {
    const auto result = parseRankingRow(surgeSpec(), samsungDown(), 1);
    ASSERT_TRUE(result.row);
    const RankingRow& row = *result.row;
    EXPECT_EQ(row.rank, 1);
    EXPECT_EQ(row.code, "005930");
    EXPECT_EQ(row.name, "삼성전자");
    EXPECT_EQ(row.price, 69800);
    EXPECT_EQ(row.direction, Direction::Down);
    EXPECT_EQ(row.integer("change"), -1200);
    EXPECT_DOUBLE_EQ(*row.number("change_rate"), -1.69);
    EXPECT_EQ(row.integer("prev_volume"), 12000000);
    EXPECT_EQ(row.integer("volume"), 15000000);
    EXPECT_EQ(row.integer("surge_volume"), 3000000);
    EXPECT_DOUBLE_EQ(*row.number("surge_rate"), 25.0);
    EXPECT_TRUE(row.invalidFields.empty());
    EXPECT_TRUE(result.problem.empty());
}

TEST(RankingRow, UpperLimitComesFromTheSignField) {
    RawRow raw{{"000660", "SK하이닉스", "+236600", "1", "+54600", "+30.00", "100", "200", "+100", "+100.00"}};
    const auto result = parseRankingRow(surgeSpec(), raw, 3);
    ASSERT_TRUE(result.row);
    EXPECT_EQ(result.row->direction, Direction::UpperLimit);
    EXPECT_EQ(result.row->price, 236600);
}

TEST(RankingRow, UnsignedChangeTakesTheSignOfADownDirection) {
    RawRow raw = samsungDown();
    raw.values[4] = "1200";
    const auto result = parseRankingRow(surgeSpec(), raw, 1);
    ASSERT_TRUE(result.row);
    EXPECT_EQ(result.row->integer("change"), -1200);
}

TEST(RankingRow, GarbageInOptionalFieldsIsFlaggedNotInvented) {
    RawRow raw = samsungDown();
    raw.values[5] = "--1.69";
    raw.values[6] = "";
    const auto result = parseRankingRow(surgeSpec(), raw, 2);
    ASSERT_TRUE(result.row);
    EXPECT_FALSE(result.row->number("change_rate"));
    EXPECT_FALSE(result.row->integer("prev_volume"));
    EXPECT_EQ(result.row->invalidFields, (std::vector<std::string>{"change_rate", "prev_volume"}));
    EXPECT_NE(result.problem.find("change_rate"), std::string::npos);
}

TEST(RankingRow, RowWithoutAReadablePriceIsSkipped) {
    RawRow raw = samsungDown();
    raw.values[2] = "--335";
    const auto result = parseRankingRow(surgeSpec(), raw, 1);
    EXPECT_FALSE(result.row);
    EXPECT_NE(result.problem.find("--335"), std::string::npos);
}

TEST(RankingRow, RowWithoutACodeOrNameIsSkipped) {
    RawRow noCode = samsungDown();
    noCode.values[0] = "";
    EXPECT_FALSE(parseRankingRow(surgeSpec(), noCode, 1).row);
    RawRow noName = samsungDown();
    noName.values[1] = "    ";
    EXPECT_FALSE(parseRankingRow(surgeSpec(), noName, 1).row);
}

TEST(RankingRow, RowWithEveryFieldBlankIsAbsentNotUnreadable) {
    // The server pads some pages with rows of spaces: padding, not a row it failed to send.
    RawRow blank{std::vector<std::string>(surgeSpec().fields.size(), "                    ")};
    blank.values[1] = "";
    const auto result = parseRankingRow(surgeSpec(), blank, 7);
    EXPECT_TRUE(result.absent);
    EXPECT_FALSE(result.row);
    EXPECT_TRUE(result.problem.empty());
    EXPECT_TRUE(parseRankingRow(surgeSpec(), RawRow{}, 1).absent) << "a row without fields is absent too";
}

TEST(RankingRow, RowWithOneFieldLeftIsUnreadableNotAbsent) {
    RawRow almostBlank{std::vector<std::string>(surgeSpec().fields.size(), "   ")};
    almostBlank.values[6] = "12000000";
    const auto result = parseRankingRow(surgeSpec(), almostBlank, 1);
    EXPECT_FALSE(result.absent);
    EXPECT_FALSE(result.row);
    EXPECT_FALSE(result.problem.empty());
    EXPECT_FALSE(parseRankingRow(surgeSpec(), samsungDown(), 1).absent);
}

TEST(RankingRow, ShortRowsFlagTheMissingFields) {
    RawRow raw = samsungDown();
    raw.values.resize(8);
    const auto result = parseRankingRow(surgeSpec(), raw, 1);
    ASSERT_TRUE(result.row);
    EXPECT_EQ(result.row->invalidFields, (std::vector<std::string>{"surge_volume", "surge_rate"}));
}

TEST(RankingRow, AnotherTrIsReadFromItsCatalogueEntry) {
    const tr::TrSpec& spec = *tr::findTr(tr::kTodayVolumeTr);
    const RawRow raw{
        {"247540", "에코프로비엠", "+198500", "2", "+3500", "+1.79", "1523000", "152.30", "1.25", "302315"}};
    const auto result = parseRankingRow(spec, raw, 1);
    ASSERT_TRUE(result.row);
    EXPECT_EQ(result.row->price, 198500);
    EXPECT_EQ(result.row->direction, Direction::Up);
    EXPECT_EQ(result.row->integer("volume"), 1523000);
    EXPECT_DOUBLE_EQ(*result.row->number("volume_vs_prev_day"), 152.3);
    EXPECT_DOUBLE_EQ(*result.row->number("turnover_ratio"), 1.25);
    EXPECT_EQ(result.row->integer("turnover_million_krw"), 302315);
    EXPECT_FALSE(result.row->integer("surge_volume")) << "not a field of this TR";
}

} // namespace
} // namespace kiwoomd
