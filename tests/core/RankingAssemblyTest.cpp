#include "kiwoomd/core/RankingAssembly.h"

#include "kiwoomd/core/TrCatalogue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiwoomd {
namespace {

using Page = std::vector<std::vector<std::string>>;

const tr::TrSpec& surgeSpec() {
    return *tr::findTr(tr::kVolumeSurgeTr);
}

std::vector<std::string> stockRow(const std::string& code, const std::string& price = "-69800") {
    return {code + "              ",
            "종목 " + code,
            "          " + price,
            "5",
            "-1200",
            "-1.69",
            "12000000",
            "15000000",
            "+3000000",
            "+25.00"};
}

std::vector<std::string> blankRow() {
    return std::vector<std::string>(surgeSpec().fields.size(), "                    ");
}

std::vector<std::string> unreadableRow() {
    return stockRow("000001", "--335"); // no readable price
}

TEST(RankingAssembly, RowsOfEveryPageAreRankedInTheOrderTheyCame) {
    RankingAssembly assembly;
    assembly.addPage(surgeSpec(), Page{stockRow("005930"), stockRow("000660")});
    assembly.addPage(surgeSpec(), Page{stockRow("035720")});
    EXPECT_EQ(assembly.pagesRead(), 2);
    const auto outcome = assembly.finish();
    ASSERT_EQ(outcome.kind, RankingOutcome::Kind::Rows);
    ASSERT_EQ(outcome.rows.size(), 3u);
    EXPECT_EQ(outcome.rows[0].code, "005930");
    EXPECT_EQ(outcome.rows[2].code, "035720");
    EXPECT_EQ(outcome.rows[2].rank, 3);
    EXPECT_EQ(outcome.skippedRows, 0);
}

TEST(RankingAssembly, FieldsAreTrimmedBeforeParsing) {
    RankingAssembly assembly;
    assembly.addPage(surgeSpec(), Page{stockRow("005930")});
    const auto outcome = assembly.finish();
    ASSERT_EQ(outcome.rows.size(), 1u);
    EXPECT_EQ(outcome.rows[0].code, "005930");
    EXPECT_EQ(outcome.rows[0].price, 69800);
}

TEST(RankingAssembly, AnUnreadableRowKeepsItsRankAndIsCountedAsSkipped) {
    RankingAssembly assembly;
    const auto problems =
        assembly.addPage(surgeSpec(), Page{stockRow("005930"), unreadableRow(), stockRow("000660")});
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rank, 2);
    EXPECT_FALSE(problems[0].problem.empty());
    EXPECT_EQ(assembly.skippedRows(), 1);
    const auto outcome = assembly.finish();
    ASSERT_EQ(outcome.rows.size(), 2u);
    EXPECT_EQ(outcome.rows[1].rank, 3);
    EXPECT_EQ(outcome.skippedRows, 1);
}

TEST(RankingAssembly, BlankPaddingRowsHaveNoRankAndAreNotSkipped) {
    RankingAssembly assembly;
    const auto problems =
        assembly.addPage(surgeSpec(), Page{stockRow("005930"), blankRow(), stockRow("000660")});
    EXPECT_TRUE(problems.empty());
    const auto outcome = assembly.finish();
    ASSERT_EQ(outcome.rows.size(), 2u);
    EXPECT_EQ(outcome.rows[1].rank, 2);
    EXPECT_EQ(outcome.skippedRows, 0);
}

TEST(RankingAssembly, AnswerWithoutRowsIsNoData) {
    RankingAssembly assembly;
    assembly.addPage(surgeSpec(), Page{blankRow()});
    const auto outcome = assembly.finish();
    EXPECT_EQ(outcome.kind, RankingOutcome::Kind::NoData);
    EXPECT_TRUE(outcome.rows.empty());
}

TEST(RankingAssembly, AnswerWhoseRowsAreAllUnreadableIsUnreadableNotNoData) {
    RankingAssembly assembly;
    assembly.addPage(surgeSpec(), Page{unreadableRow(), unreadableRow()});
    const auto outcome = assembly.finish();
    EXPECT_EQ(outcome.kind, RankingOutcome::Kind::Unreadable);
    EXPECT_EQ(outcome.skippedRows, 2);
}

TEST(RankingAssembly, AsksForAnotherPageOnlyWhileTheServerHasOneAndThePageLimitIsNotReached) {
    RankingAssembly assembly;
    assembly.addPage(surgeSpec(), Page{stockRow("005930")});
    EXPECT_TRUE(assembly.wantsNextPage(true, 2));
    EXPECT_FALSE(assembly.wantsNextPage(false, 2));
    assembly.addPage(surgeSpec(), Page{stockRow("000660")});
    EXPECT_FALSE(assembly.wantsNextPage(true, 2)) << "two pages read, two allowed";
    EXPECT_TRUE(assembly.wantsNextPage(true, 3));
}

TEST(RankingAssembly, RestartForgetsRowsPagesAndSkips) {
    RankingAssembly assembly;
    assembly.addPage(surgeSpec(), Page{stockRow("005930"), unreadableRow()});
    assembly.restart();
    EXPECT_EQ(assembly.pagesRead(), 0);
    EXPECT_EQ(assembly.rowCount(), 0u);
    EXPECT_EQ(assembly.skippedRows(), 0);
    assembly.addPage(surgeSpec(), Page{stockRow("000660")});
    const auto outcome = assembly.finish();
    ASSERT_EQ(outcome.rows.size(), 1u);
    EXPECT_EQ(outcome.rows[0].rank, 1);
}

TEST(RankingAssembly, FinishingStartsTheNextPollAfresh) {
    RankingAssembly assembly;
    assembly.addPage(surgeSpec(), Page{stockRow("005930"), unreadableRow()});
    assembly.finish();
    EXPECT_EQ(assembly.pagesRead(), 0);
    EXPECT_EQ(assembly.skippedRows(), 0);
    EXPECT_EQ(assembly.finish().kind, RankingOutcome::Kind::NoData);
}

} // namespace
} // namespace kiwoomd
