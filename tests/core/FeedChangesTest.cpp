#include "kiwoomd/core/FeedChanges.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

FeedDefinition feed(const std::string& id, const std::string& marketCode = "001") {
    FeedDefinition definition;
    definition.id = id;
    definition.market = marketNameForCode(marketCode);
    definition.trCode = "opt10023";
    definition.inputs = {{"시장구분", marketCode}, {"정렬구분", "1"}};
    return definition;
}

TEST(FeedChanges, AnUnchangedListKeepsEveryFeedInPlace) {
    const std::vector<FeedDefinition> feeds{feed("kospi"), feed("kosdaq", "101")};
    const auto changes = planFeedChanges(feeds, feeds);
    ASSERT_EQ(changes.keptFrom.size(), 2u);
    EXPECT_EQ(changes.keptFrom[0], std::optional<std::size_t>(0));
    EXPECT_EQ(changes.keptFrom[1], std::optional<std::size_t>(1));
    EXPECT_TRUE(changes.dropped.empty());
    EXPECT_TRUE(changes.removedIds.empty());
}

TEST(FeedChanges, APriorityOrPageLimitChangeKeepsTheRanking) {
    auto edited = feed("kospi");
    edited.priority = 3;
    edited.maxPages = 1;
    const auto changes = planFeedChanges({feed("kospi")}, {edited});
    EXPECT_EQ(changes.keptFrom[0], std::optional<std::size_t>(0));
    EXPECT_TRUE(changes.dropped.empty());
}

TEST(FeedChanges, ReorderedFeedsAreFoundWhereverTheyWere) {
    const auto changes =
        planFeedChanges({feed("kospi"), feed("kosdaq", "101")}, {feed("kosdaq", "101"), feed("kospi")});
    EXPECT_EQ(changes.keptFrom[0], std::optional<std::size_t>(1));
    EXPECT_EQ(changes.keptFrom[1], std::optional<std::size_t>(0));
}

TEST(FeedChanges, AFeedWithChangedInputsStartsAfreshUnderItsIdWhichStaysServed) {
    auto changed = feed("kospi");
    changed.inputs[1].second = "2";
    const auto changes = planFeedChanges({feed("kospi")}, {changed});
    EXPECT_FALSE(changes.keptFrom[0]);
    EXPECT_EQ(changes.dropped, std::vector<std::size_t>{0});
    EXPECT_TRUE(changes.removedIds.empty());
}

TEST(FeedChanges, AChangedMarketOrTrIsANewRankingToo) {
    auto otherMarket = feed("kospi");
    otherMarket.market = "all";
    EXPECT_FALSE(planFeedChanges({feed("kospi")}, {otherMarket}).keptFrom[0]);
    auto otherTr = feed("kospi");
    otherTr.trCode = "opt10030";
    EXPECT_FALSE(planFeedChanges({feed("kospi")}, {otherTr}).keptFrom[0]);
}

TEST(FeedChanges, AddedFeedsAreNewAndRemovedOnesAreNamed) {
    const auto changes =
        planFeedChanges({feed("kospi"), feed("all", "000")}, {feed("kospi"), feed("kosdaq", "101")});
    EXPECT_EQ(changes.keptFrom[0], std::optional<std::size_t>(0));
    EXPECT_FALSE(changes.keptFrom[1]);
    EXPECT_EQ(changes.dropped, std::vector<std::size_t>{1});
    EXPECT_EQ(changes.removedIds, std::vector<std::string>{"all"});
}

TEST(FeedChanges, TheSameQueryUnderAnotherIdIsNotKept) {
    auto renamed = feed("kospi");
    renamed.id = "kospi-surge";
    const auto changes = planFeedChanges({feed("kospi")}, {renamed});
    EXPECT_FALSE(changes.keptFrom[0]);
    EXPECT_EQ(changes.removedIds, std::vector<std::string>{"kospi"});
}

} // namespace
} // namespace kiwoomd
