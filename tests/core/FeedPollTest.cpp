#include "kiwoomd/core/FeedPoll.h"

#include "kiwoomd/core/KiwoomErrors.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

const Timestamp kNow = Timestamp(std::chrono::hours(500000));

FeedDefinition kospiFeed() {
    FeedDefinition definition;
    definition.id = "kospi";
    definition.market = "kospi";
    definition.trCode = "opt10023";
    definition.inputs = {{"시장구분", "001"}, {"정렬구분", "1"}};
    return definition;
}

RankingRow row(const std::string& code) {
    RankingRow r;
    r.code = code;
    return r;
}

FeedSnapshot savedKospi() {
    FeedSnapshot saved;
    saved.feedId = "kospi";
    saved.market = "kospi";
    saved.trCode = "opt10023";
    saved.rows = {row("005930"), row("000660")};
    saved.fetchedAt = kNow - std::chrono::hours(20);
    saved.version = 41;
    return saved;
}

TEST(FeedPoll, ANewFeedNamesItselfInItsStatusAndIsNotPolledYet) {
    ScreenNumberPool screens;
    const auto feed = FeedPoll::start(kospiFeed(), screens);
    EXPECT_EQ(feed.screenNo, "1001"); // the pool's first
    EXPECT_EQ(screens.inUse(), 1u);
    EXPECT_EQ(feed.status.id, "kospi");
    EXPECT_EQ(feed.status.market, "kospi");
    EXPECT_EQ(feed.status.trCode, "opt10023");
    EXPECT_EQ(feed.status.inputs, kospiFeed().inputs);
    EXPECT_FALSE(feed.queued);
    EXPECT_FALSE(feed.fetchedThisRun);
    EXPECT_FALSE(feed.status.lastAttempt.has_value());
    EXPECT_EQ(feed.published, nullptr);
}

TEST(FeedPoll, BeginningAPollQueuesItAndStampsTheAttempt) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.begin(kNow);
    EXPECT_TRUE(feed.queued);
    EXPECT_EQ(feed.status.lastAttempt, kNow);
}

TEST(FeedPoll, AFailureKeepsTheLastRankingAndRecordsTheError) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.noteFetched(kNow - std::chrono::minutes(1), 30, 7);
    feed.begin(kNow);
    feed.fail(-202, "request failed", kNow);
    EXPECT_FALSE(feed.queued);
    ASSERT_TRUE(feed.status.lastError.has_value());
    EXPECT_EQ(feed.status.lastError->kiwoomCode, -202);
    EXPECT_EQ(feed.status.lastError->message, "request failed");
    EXPECT_EQ(feed.status.lastError->at, kNow);
    EXPECT_EQ(feed.status.rowCount, 30);
    EXPECT_EQ(feed.status.version, 7u);
}

TEST(FeedPoll, NoDataOutsideTheSessionCountsAsFetchedWithANote) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.noteNoDataOutsideSession();
    EXPECT_TRUE(feed.fetchedThisRun);
    EXPECT_EQ(feed.status.note, "no data outside the session; serving the last ranking");
    EXPECT_FALSE(feed.status.lastFetch.has_value());
}

TEST(FeedPoll, FreshRowsClearTheErrorTheNoteAndTheRestoredFlag) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.noteRestored(savedKospi());
    feed.noteNoDataOutsideSession();
    feed.fail(-200, "throttled", kNow - std::chrono::seconds(5));
    feed.noteFetched(kNow, 100, 42);
    EXPECT_TRUE(feed.fetchedThisRun);
    EXPECT_EQ(feed.status.lastFetch, kNow);
    EXPECT_EQ(feed.status.rowCount, 100);
    EXPECT_EQ(feed.status.version, 42u);
    EXPECT_FALSE(feed.status.lastError.has_value());
    EXPECT_TRUE(feed.status.note.empty());
    EXPECT_FALSE(feed.status.restored);
}

TEST(FeedPoll, RestoredRowsTakeTheSavedTimeCountAndVersionButNotThisRun) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.noteRestored(savedKospi());
    EXPECT_EQ(feed.status.lastFetch, savedKospi().fetchedAt);
    EXPECT_EQ(feed.status.rowCount, 2);
    EXPECT_EQ(feed.status.version, 41u);
    EXPECT_TRUE(feed.status.restored);
    EXPECT_FALSE(feed.fetchedThisRun);
}

TEST(FeedPoll, AFirstPageGetsAFreshRequestNameAndItsNextPagesKeepIt) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    std::uint64_t serial = 4;
    const auto first = feed.pageRequest(prev_next::kFirstPage, serial);
    EXPECT_EQ(first.rqName, "kospi#5");
    EXPECT_EQ(first.trCode, "opt10023");
    EXPECT_EQ(first.prevNext, prev_next::kFirstPage);
    EXPECT_EQ(first.screenNo, "1001");
    EXPECT_EQ(first.inputs, kospiFeed().inputs);
    const auto next = feed.pageRequest(prev_next::kNextPage, serial);
    EXPECT_EQ(next.rqName, "kospi#5");
    EXPECT_EQ(next.prevNext, prev_next::kNextPage);
    EXPECT_EQ(serial, 5u); // a next page spends no number
    EXPECT_EQ(feed.pageRequest(prev_next::kFirstPage, serial).rqName, "kospi#6");
}

TEST(FeedPoll, ANextPageWithoutAQueryUnderWayGetsItsOwnName) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    std::uint64_t serial = 2;
    EXPECT_EQ(feed.pageRequest(prev_next::kNextPage, serial).rqName, "kospi#3");
}

TEST(FeedPoll, ASnapshotCarriesTheFeedsIdentityTimeAndVersion) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.noteFetched(kNow, 1, 9);
    const auto snapshot = feed.snapshot({row("005930")}, true, false);
    EXPECT_EQ(snapshot.feedId, "kospi");
    EXPECT_EQ(snapshot.market, "kospi");
    EXPECT_EQ(snapshot.trCode, "opt10023");
    ASSERT_EQ(snapshot.rows.size(), 1u);
    EXPECT_EQ(snapshot.rows[0].code, "005930");
    EXPECT_EQ(snapshot.fetchedAt, kNow);
    EXPECT_TRUE(snapshot.marketOpen);
    EXPECT_FALSE(snapshot.stale);
    EXPECT_EQ(snapshot.version, 9u);
}

TEST(FeedPoll, OnlyAFlippedFlagOrNothingPublishedCallsForARepublish) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    EXPECT_TRUE(feed.needsRepublish(true, false));
    feed.published = freezeSnapshot(feed.snapshot({}, false, true));
    EXPECT_FALSE(feed.needsRepublish(true, false));
    EXPECT_TRUE(feed.needsRepublish(false, false));
    EXPECT_TRUE(feed.needsRepublish(true, true));
}

TEST(FeedPoll, WithEveryScreenTakenAFeedStillGetsOne) {
    ScreenNumberPool screens(1001, 1);
    screens.acquire();
    EXPECT_EQ(FeedPoll::start(kospiFeed(), screens).screenNo, "9999");
}

FeedDefinition feedNamed(const std::string& id, const std::string& trCode = "opt10023") {
    auto definition = kospiFeed();
    definition.id = id;
    definition.trCode = trCode;
    return definition;
}

TEST(EditFeedList, AKeptFeedKeepsItsRankingAndScreenButDropsItsPollUnderWay) {
    ScreenNumberPool screens;
    std::vector<FeedPoll> feeds;
    feeds.push_back(FeedPoll::start(feedNamed("a"), screens));
    feeds[0].noteFetched(kNow, 30, 5);
    feeds[0].begin(kNow);
    auto edited = feedNamed("a");
    edited.priority = 7;
    const auto edit = editFeedList(std::move(feeds), {edited}, screens);
    ASSERT_EQ(edit.feeds.size(), 1u);
    EXPECT_EQ(edit.feeds[0].definition.priority, 7);
    EXPECT_EQ(edit.feeds[0].screenNo, "1001");
    EXPECT_EQ(edit.feeds[0].status.version, 5u);
    EXPECT_FALSE(edit.feeds[0].queued);
    EXPECT_TRUE(edit.added.empty());
    EXPECT_TRUE(edit.removedIds.empty());
}

TEST(EditFeedList, ANewFeedNeverTakesTheScreenOfOneThatIsGone) {
    ScreenNumberPool screens;
    std::vector<FeedPoll> feeds;
    feeds.push_back(FeedPoll::start(feedNamed("a"), screens));
    const auto edit = editFeedList(std::move(feeds), {feedNamed("b")}, screens);
    ASSERT_EQ(edit.feeds.size(), 1u);
    EXPECT_EQ(edit.feeds[0].definition.id, "b");
    EXPECT_EQ(edit.feeds[0].screenNo, "1002");
    EXPECT_EQ(edit.added, std::vector<std::size_t>{0});
    EXPECT_EQ(edit.removedIds, std::vector<std::string>{"a"});
    EXPECT_EQ(screens.inUse(), 1u); // 1001 went back
}

TEST(EditFeedList, AFeedWhoseQueryChangedStartsAfreshUnderItsId) {
    ScreenNumberPool screens;
    std::vector<FeedPoll> feeds;
    feeds.push_back(FeedPoll::start(feedNamed("a"), screens));
    feeds[0].noteFetched(kNow, 30, 5);
    const auto edit = editFeedList(std::move(feeds), {feedNamed("a", "opt10030")}, screens);
    ASSERT_EQ(edit.feeds.size(), 1u);
    EXPECT_EQ(edit.feeds[0].definition.trCode, "opt10030");
    EXPECT_EQ(edit.feeds[0].status.version, 0u);
    EXPECT_EQ(edit.added, std::vector<std::size_t>{0});
    EXPECT_TRUE(edit.removedIds.empty());
}

TEST(FeedStatusesOf, EachFeedCarriesItsPollingState) {
    ScreenNumberPool screens;
    std::vector<FeedPoll> feeds;
    feeds.push_back(FeedPoll::start(feedNamed("a"), screens));
    feeds.push_back(FeedPoll::start(feedNamed("b"), screens));
    feeds[1].begin(kNow);
    const auto statuses = feedStatusesOf(feeds, false, true, true);
    ASSERT_EQ(statuses.size(), 2u);
    EXPECT_EQ(statuses[0].id, "a");
    EXPECT_EQ(statuses[0].polling, FeedPolling::Active);
    EXPECT_EQ(statuses[1].polling, FeedPolling::Fetching);
    EXPECT_EQ(feedStatusesOf(feeds, false, false, true)[0].polling, FeedPolling::WaitingForConnection);
    EXPECT_EQ(feedStatusesOf(feeds, true, true, true)[0].polling, FeedPolling::Paused);
    feeds[0].noteFetched(kNow, 1, 1);
    EXPECT_EQ(feedStatusesOf(feeds, false, true, false)[0].polling, FeedPolling::IdleMarketClosed);
}

TEST(CanRestore, ASavedRankingOfTheSameFeedTrAndMarketIsServed) {
    const auto feed = kospiFeed();
    EXPECT_TRUE(canRestore(&feed, savedKospi()));
}

TEST(CanRestore, ASavedRankingOfAFeedThatIsGoneIsNot) {
    EXPECT_FALSE(canRestore(nullptr, savedKospi()));
}

TEST(CanRestore, ASavedRankingOfAnotherTrOrMarketIsNot) {
    auto otherTr = kospiFeed();
    otherTr.trCode = "opt10030";
    EXPECT_FALSE(canRestore(&otherTr, savedKospi()));
    auto otherMarket = kospiFeed();
    otherMarket.market = "kosdaq";
    EXPECT_FALSE(canRestore(&otherMarket, savedKospi()));
}

TEST(CanRestore, ASavedSnapshotWithoutRowsOrFetchTimeIsNot) {
    const auto feed = kospiFeed();
    auto empty = savedKospi();
    empty.rows.clear();
    EXPECT_FALSE(canRestore(&feed, empty));
    auto neverFetched = savedKospi();
    neverFetched.fetchedAt.reset();
    EXPECT_FALSE(canRestore(&feed, neverFetched));
}

TEST(SnapshotVersions, EveryNewSnapshotGetsALargerVersion) {
    SnapshotVersions versions;
    EXPECT_EQ(versions.next(), 1u);
    EXPECT_EQ(versions.next(), 2u);
}

TEST(SnapshotVersions, NewVersionsFollowTheLargestRestoredOne) {
    SnapshotVersions versions;
    versions.noteRestored(41);
    versions.noteRestored(12);
    EXPECT_EQ(versions.last(), 41u);
    EXPECT_EQ(versions.next(), 42u);
}

TEST(FeedPoll, AThrottleIsRecordedAsTheFeedsErrorWithItsMeaning) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.noteThrottled(-200, kNow);
    ASSERT_TRUE(feed.status.lastError.has_value());
    EXPECT_EQ(feed.status.lastError->kiwoomCode, -200);
    EXPECT_EQ(feed.status.lastError->message, kiwoom_error::describe(-200));
    EXPECT_EQ(feed.status.lastError->at, kNow);
}

// A readable row of opt10023 (the volume surge TR), and one without a readable price.
std::vector<std::string> stockRow(const std::string& code, const std::string& price = "-69800") {
    return {code, "종목 " + code, price, "5", "-1200", "-1.69", "12000000", "15000000", "+3000000", "+25.00"};
}

std::vector<std::vector<std::string>> onePageOfRows() {
    return {stockRow("005930")};
}

TEST(FeedPoll, AnUnknownTrCannotReadItsPage) {
    ScreenNumberPool screens;
    auto definition = kospiFeed();
    definition.trCode = "opt99999";
    auto feed = FeedPoll::start(definition, screens);
    EXPECT_FALSE(feed.addPage({{"005930"}}).has_value());
    EXPECT_EQ(feed.ranking.pagesRead(), 0);
}

TEST(FeedPoll, AKnownTrAddsItsPageToTheRanking) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    EXPECT_TRUE(feed.addPage(onePageOfRows()).has_value());
    EXPECT_EQ(feed.ranking.pagesRead(), 1);
}

TEST(FeedPoll, ATimedOutNextPageDropsThePagesReadAndRecordsTheRetry) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.begin(kNow);
    feed.addPage(onePageOfRows());
    feed.noteRetryAfterTimeout(prev_next::kNextPage, kNow);
    EXPECT_EQ(feed.ranking.pagesRead(), 0);
    ASSERT_TRUE(feed.status.lastError.has_value());
    EXPECT_EQ(feed.status.lastError->kiwoomCode, 0);
    EXPECT_EQ(feed.status.lastError->message, "request timed out; trying again");
    EXPECT_TRUE(feed.queued); // still under way
}

TEST(FeedPoll, ATimedOutFirstPageKeepsThePollUnderWay) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.begin(kNow);
    feed.noteRetryAfterTimeout(prev_next::kFirstPage, kNow);
    EXPECT_TRUE(feed.queued);
    EXPECT_EQ(feed.status.lastError->message, "request timed out; trying again");
}

TEST(FeedPoll, FinishingARankingEndsThePollAndCountsSkippedRows) {
    ScreenNumberPool screens;
    auto feed = FeedPoll::start(kospiFeed(), screens);
    feed.begin(kNow);
    feed.addPage({stockRow("005930"), stockRow("000001", "--335")});
    const auto outcome = feed.finishRanking();
    EXPECT_FALSE(feed.queued);
    EXPECT_EQ(outcome.kind, RankingOutcome::Kind::Rows);
    EXPECT_EQ(outcome.rows.size(), 1u);
    EXPECT_EQ(feed.status.skippedRows, 1);
    EXPECT_EQ(feed.ranking.pagesRead(), 0);
}

} // namespace
} // namespace kiwoomd
