// The session against the emulator on virtual time: every wait is exact and nothing sleeps.
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"
#include "support/SessionFixtures.h"

#include <QSignalSpy>

#include <set>

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;

using test::fastEmulator;
using test::fastSession;
using test::kTuesdayMorning;

class KiwoomSessionTest : public ::testing::Test {
protected:
    void build(emulator::EmulatorSettings emu = fastEmulator(), SessionSettings settings = fastSession()) {
        emulators = std::make_unique<test::EmulatorSource>(emu, scheduler);
        session = std::make_unique<KiwoomSession>(emulators->source(), settings, cache, board, scheduler);
    }
    emulator::EmulatedControl* control() { return &emulators->control(); }

    bool runUntilVersion(const std::string& feed, std::uint64_t version,
                         std::chrono::milliseconds limit = 10min) {
        return test::runUntilVersion(scheduler, cache, feed, version, limit);
    }

    VirtualScheduler scheduler{kTuesdayMorning};
    SnapshotCache cache;
    StatusBoard board;
    std::unique_ptr<test::EmulatorSource> emulators;
    std::unique_ptr<KiwoomSession> session;
};

TEST_F(KiwoomSessionTest, EveryFeedAnswersEmptyAndStaleBeforeLogin) {
    build();
    for (const char* feed : {"kospi", "kosdaq", "all"}) {
        const auto s = cache.get(feed);
        ASSERT_TRUE(s) << feed;
        EXPECT_TRUE(s->rows.empty());
        EXPECT_TRUE(s->stale);
        EXPECT_FALSE(s->fetchedAt);
    }
}

TEST_F(KiwoomSessionTest, LogsInAndPublishesAFreshRankingForEveryFeed) {
    build();
    session->start();
    for (const char* feed : {"kospi", "kosdaq", "all"}) {
        ASSERT_TRUE(runUntilVersion(feed, 1)) << feed;
        const auto s = cache.get(feed);
        EXPECT_FALSE(s->stale);
        EXPECT_TRUE(s->marketOpen);
        ASSERT_FALSE(s->rows.empty());
        for (std::size_t i = 0; i < s->rows.size(); ++i) {
            EXPECT_EQ(s->rows[i].rank, static_cast<int>(i + 1));
            EXPECT_EQ(s->rows[i].code.size(), 6u);
            EXPECT_GT(s->rows[i].price, 0);
            EXPECT_TRUE(s->rows[i].invalidFields.empty());
        }
    }
    const auto status = board.current();
    EXPECT_EQ(status->connection, ConnectionState::Connected);
    EXPECT_EQ(status->serverKind, ServerKind::Mock);
    EXPECT_EQ(status->userIdMasked, "si*******");
    EXPECT_TRUE(control()->unknownCalls().empty()) << control()->unknownCalls().front();
}

TEST_F(KiwoomSessionTest, InputsAreSetInTheDocumentedOrderForEveryRequest) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    ASSERT_FALSE(control()->requestLog().empty());
    EXPECT_EQ(control()->requestLog().front(),
              "opt10023 0 "
              "시장구분=001;정렬구분=1;시간구분=2;거래량구분=5;시간=;종목조건=0;가격구분=0;거래소구분=;");
}

TEST_F(KiwoomSessionTest, ContinuationPagesAreFollowedUpToThePageLimit) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    const auto all = cache.get("all");
    ASSERT_EQ(all->rows.size(), 80u) << "two pages of 40";
    EXPECT_EQ(all->rows.back().rank, 80);
    int continuations = 0;
    for (const auto& line : control()->requestLog()) {
        if (line.rfind("opt10023 2 시장구분=000;", 0) == 0) {
            ++continuations;
        }
    }
    EXPECT_EQ(continuations, 1) << "the continuation sets the inputs again and asks with prevNext 2";
}

TEST_F(KiwoomSessionTest, PerFieldGetCommDataGivesTheSameRowsAsGetCommDataEx) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("kospi", 1));
    const auto withEx = cache.get("kospi")->rows;

    VirtualScheduler otherScheduler{kTuesdayMorning};
    SnapshotCache otherCache;
    StatusBoard otherBoard;
    ControlSourceSettings perField;
    perField.useCommDataEx = false;
    test::EmulatorSource otherControl(fastEmulator(), otherScheduler, perField);
    KiwoomSession other(otherControl.source(), fastSession(), otherCache, otherBoard, otherScheduler);
    other.start();
    ASSERT_TRUE(otherScheduler.runUntil([&] { return otherCache.get("kospi")->version >= 1; }));
    EXPECT_EQ(otherCache.get("kospi")->rows, withEx);
}

TEST_F(KiwoomSessionTest, AFeedOfAnotherTrIsServedFromItsCatalogueEntry) {
    SessionSettings settings = fastSession();
    FeedDefinition volume;
    volume.id = "kosdaq-volume";
    volume.market = "kosdaq";
    volume.trCode = tr::kTodayVolumeTr;
    for (const auto& input : tr::findTr(tr::kTodayVolumeTr)->inputs) {
        volume.inputs.emplace_back(input.name, input.name == tr::input::kMarket ? "101" : input.defaultValue);
    }
    volume.maxPages = 1;
    settings.feeds = {volume};
    build(fastEmulator(), settings);
    session->start();
    ASSERT_TRUE(runUntilVersion("kosdaq-volume", 1));
    const auto s = cache.get("kosdaq-volume");
    ASSERT_EQ(s->rows.size(), 40u);
    for (std::size_t i = 1; i < s->rows.size(); ++i) {
        EXPECT_GE(*s->rows[i - 1].integer("volume"), *s->rows[i].integer("volume")) << "sorted by volume";
    }
    EXPECT_TRUE(s->rows[0].number("turnover_ratio"));
    EXPECT_NE(s->body.find("\"volume_vs_prev_day\""), std::string::npos);
    EXPECT_EQ(s->body.find("surge_rate"), std::string::npos);
}

TEST_F(KiwoomSessionTest, HigherPriorityFeedsAreAskedFirst) {
    SessionSettings settings = fastSession();
    settings.feeds[2].priority = -1; // "all" before the others
    build(fastEmulator(), settings);
    session->start();
    ASSERT_TRUE(runUntilVersion("kosdaq", 1));
    EXPECT_EQ(control()->requestLog().front().rfind("opt10023 0 시장구분=000;", 0), 0u);
}

TEST_F(KiwoomSessionTest, ThrottledRequestIsCountedAndRetriedAfterABackoff) {
    build();
    control()->failNextRequests(kiwoom_error::kQueryOverload, 1);
    session->start();
    ASSERT_TRUE(runUntilVersion("kospi", 1));
    EXPECT_EQ(board.current()->requests.throttled, 1u);
    EXPECT_GE(cache.get("kospi")->fetchedAt.value() - kTuesdayMorning, 800ms) << "the retry waited";
}

TEST_F(KiwoomSessionTest, FailedRequestKeepsTheLastGoodRanking) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    const auto before = cache.get("kospi");
    control()->failNextRequests(kiwoom_error::kRequestInitFailed, 3);
    session->pollNow();
    ASSERT_TRUE(scheduler.runUntil([&] { return board.current()->feeds[0].lastError.has_value(); }));
    const auto after = cache.get("kospi");
    EXPECT_EQ(after->version, before->version);
    EXPECT_EQ(after->rows, before->rows);
    EXPECT_EQ(board.current()->feeds[0].lastError->kiwoomCode, kiwoom_error::kRequestInitFailed);
}

TEST_F(KiwoomSessionTest, GarbledValuesAreFlaggedOrSkippedNeverInvented) {
    build();
    control()->garbleNextResponses(1);
    session->start();
    ASSERT_TRUE(runUntilVersion("kospi", 1));
    const auto s = cache.get("kospi");
    int flagged = 0;
    for (const auto& row : s->rows) {
        flagged += row.invalidFields.empty() ? 0 : 1;
    }
    const int skipped = board.current()->feeds[0].skippedRows;
    EXPECT_GT(flagged + skipped, 0);
    int previousRank = 0;
    for (const auto& row : s->rows) {
        EXPECT_GT(row.rank, previousRank) << "ranks keep the server's order; skipped rows leave a gap";
        previousRank = row.rank;
        EXPECT_GT(row.price, 0);
    }
}

TEST_F(KiwoomSessionTest, UnansweredRequestTimesOutOnAFreshScreenAndIsRetried) {
    build();
    control()->dropNextResponses(1);
    session->start();
    ASSERT_TRUE(runUntilVersion("kospi", 1)) << "the retry succeeds";
    const auto status = board.current();
    EXPECT_EQ(status->requests.timedOut, 1u);
    EXPECT_FALSE(status->feeds[0].lastError) << "cleared by the good answer";
}

TEST_F(KiwoomSessionTest, RequestThatNeverAnswersGivesUpAfterTheRetry) {
    build();
    control()->dropNextResponses(2);
    session->start();
    ASSERT_TRUE(runUntilVersion("kosdaq", 1)) << "the next feed is not held up by the silent one";
    const auto status = board.current();
    EXPECT_EQ(status->requests.timedOut, 2u);
    ASSERT_TRUE(status->feeds[0].lastError);
    EXPECT_EQ(status->feeds[0].lastError->message, "request timed out");
    EXPECT_EQ(cache.get("kospi")->version, 0u);
}

TEST_F(KiwoomSessionTest, ALostContinuationPageRestartsTheRankingFromItsFirstPage) {
    SessionSettings settings = fastSession();
    settings.feeds = {defaultFeeds()[2]}; // "all": two pages of 40
    build(fastEmulator(), settings);
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    // Lose the second page of the next poll: once its first page has been asked for, drop the
    // next answer, which is the continuation's.
    const auto asked = control()->requestLog().size();
    ASSERT_TRUE(scheduler.runUntil([&] { return control()->requestLog().size() > asked; }));
    control()->dropNextResponses(1);
    ASSERT_TRUE(runUntilVersion("all", 2));
    const auto rows = cache.get("all")->rows;
    ASSERT_EQ(rows.size(), 80u);
    std::set<std::string> codes;
    for (const auto& row : rows) {
        codes.insert(row.code);
    }
    EXPECT_EQ(codes.size(), rows.size()) << "no page counted twice";
    EXPECT_EQ(board.current()->requests.timedOut, 1u);
}

TEST_F(KiwoomSessionTest, ReconfiguringAddsAndRemovesFeedsAndKeepsUnchangedOnes) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    const auto kospiBefore = cache.get("kospi");

    SessionSettings next = fastSession();
    FeedDefinition byRate = defaultFeeds()[1];
    byRate.id = "kosdaq-rate";
    byRate.inputs[1].second = "2"; // 정렬구분: surge rate
    next.feeds = {defaultFeeds()[0], byRate};
    next.pollInterval = 20s;
    session->reconfigure(next);

    EXPECT_EQ(cache.get("kospi")->rows, kospiBefore->rows) << "an unchanged feed keeps its ranking";
    EXPECT_EQ(cache.get("kospi")->version, kospiBefore->version);
    EXPECT_FALSE(cache.get("kosdaq")) << "removed feeds are no longer served";
    EXPECT_FALSE(cache.get("all"));
    ASSERT_TRUE(runUntilVersion("kosdaq-rate", 1, 30s));
    const auto rate = cache.get("kosdaq-rate");
    for (std::size_t i = 1; i < rate->rows.size(); ++i) {
        EXPECT_GE(*rate->rows[i - 1].number("surge_rate"), *rate->rows[i].number("surge_rate"));
    }
    const auto kospiVersion = cache.get("kospi")->version;
    scheduler.runFor(21s);
    EXPECT_GT(cache.get("kospi")->version, kospiVersion) << "the new interval applies";
    EXPECT_EQ(board.current()->feeds.size(), 2u);
}

TEST_F(KiwoomSessionTest, BlankPaddingRowsTakeNoRankAndAreNotCountedAsSkipped) {
    auto emu = fastEmulator();
    emu.faults = {{"blank-rows", 0ms, std::nullopt}};
    build(emu);
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    const auto all = cache.get("all");
    ASSERT_FALSE(all->rows.empty());
    for (std::size_t i = 0; i < all->rows.size(); ++i) {
        EXPECT_EQ(all->rows[i].rank, static_cast<int>(i + 1)) << "no gap for the padding of earlier pages";
    }
    for (const auto& feed : board.current()->feeds) {
        EXPECT_EQ(feed.skippedRows, 0) << feed.id;
    }
}

TEST_F(KiwoomSessionTest, LostConnectionMarksDataStaleThenLogsInAgain) {
    auto emu = fastEmulator();
    emu.loginAgainAfterDrop = true; // in-process re-login; the real control needs a new host process
    build(emu);
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    control()->dropConnection(kiwoom_error::kSocketClosed);
    EXPECT_EQ(session->connectionState(), ConnectionState::Lost);
    EXPECT_TRUE(cache.get("kospi")->stale);
    EXPECT_FALSE(cache.get("kospi")->rows.empty()) << "the last ranking is still served";
    EXPECT_EQ(board.current()->reconnectCount, 1);
    ASSERT_TRUE(board.current()->lastError);
    EXPECT_EQ(board.current()->lastError->kiwoomCode, -106);
    ASSERT_TRUE(scheduler.runUntil([&] { return session->connectionState() == ConnectionState::Connected; }));
    ASSERT_TRUE(runUntilVersion("kospi", 2));
    EXPECT_FALSE(cache.get("kospi")->stale);
}

TEST_F(KiwoomSessionTest, LoginFailureIsReportedWithItsMeaningAndRetried) {
    build();
    control()->failNextLogin(kiwoom_error::kServerConnectionFailed);
    session->start();
    ASSERT_TRUE(scheduler.runUntil([&] { return board.current()->loginError.has_value(); }));
    const auto status = board.current();
    EXPECT_EQ(status->connection, ConnectionState::WaitingToReconnect);
    EXPECT_NE(status->loginError->message.find("server connection failed"), std::string::npos);
    EXPECT_TRUE(status->nextReconnectAt);
    ASSERT_TRUE(runUntilVersion("kospi", 1)) << "the next login succeeds";
}

TEST_F(KiwoomSessionTest, VersionUpdateSaysSoAndLogsInAgainWithAFreshControl) {
    build();
    QSignalSpy spy(session.get(), &KiwoomSession::versionUpdateRequired);
    control()->failNextLogin(kiwoom_error::kVersionProcessingFailed);
    session->start();
    ASSERT_TRUE(scheduler.runUntil([&] { return spy.count() == 1; }));
    EXPECT_EQ(session->connectionState(), ConnectionState::WaitingToReconnect);
    ASSERT_TRUE(runUntilVersion("kospi", 1)) << "the fresh control logs in once the update is done";
    EXPECT_EQ(emulators->controlsMade(), 2);
}

TEST_F(KiwoomSessionTest, DataOlderThanThreeIntervalsIsStale) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    control()->dropNextResponses(1000); // from now on nothing comes back
    const Timestamp fetched = *cache.get("kospi")->fetchedAt;
    scheduler.runFor(std::chrono::duration_cast<std::chrono::milliseconds>(fetched + 179s - scheduler.now()));
    EXPECT_FALSE(cache.get("kospi")->stale) << "three intervals have not passed";
    scheduler.runFor(3s);
    EXPECT_TRUE(cache.get("kospi")->stale);
    EXPECT_TRUE(board.current()->feeds[0].stale);
}

TEST_F(KiwoomSessionTest, OutsideTheSessionItFetchesOnceAfterTheCloseThenIdles) {
    scheduler.runFor(std::chrono::duration_cast<std::chrono::milliseconds>(
        fromKst(2026, 11, 24, 15, 29, 0) - kTuesdayMorning)); // a minute before the close
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("kospi", 1));
    const auto sentBeforeClose = board.current()->requests.sent;
    scheduler.runFor(3min); // the close passes; the next poll fetches the final ranking
    const auto afterClose = board.current()->requests.sent;
    EXPECT_GT(afterClose, sentBeforeClose);
    EXPECT_FALSE(cache.get("kospi")->marketOpen);
    EXPECT_FALSE(cache.get("kospi")->stale) << "fetched after the close: the final ranking is current";
    scheduler.runFor(2h);
    EXPECT_EQ(board.current()->requests.sent, afterClose) << "idle until the next session";
    EXPECT_EQ(board.current()->feeds[0].polling, FeedPolling::IdleMarketClosed);
}

TEST_F(KiwoomSessionTest, NoDataOutsideTheSessionIsNotAnError) {
    scheduler.runFor(std::chrono::duration_cast<std::chrono::milliseconds>(fromKst(2026, 11, 24, 20, 0, 0) -
                                                                           kTuesdayMorning));
    build();
    control()->failNextRequests(kiwoom_error::kNoData, 3);
    session->start();
    scheduler.runFor(30s);
    const auto status = board.current();
    for (const auto& feed : status->feeds) {
        EXPECT_FALSE(feed.lastError) << feed.id;
        EXPECT_NE(feed.note.find("no data outside the session"), std::string::npos);
    }
}

TEST_F(KiwoomSessionTest, RestoredRowsAreServedStaleUntilFreshDataArrives) {
    FeedSnapshot saved;
    saved.feedId = "kospi";
    saved.market = "kospi";
    saved.trCode = "opt10023";
    saved.version = 41;
    saved.fetchedAt = kTuesdayMorning - 1h;
    RankingRow row;
    row.rank = 1;
    row.code = "005930";
    row.name = "삼성전자";
    row.price = 70000;
    saved.rows = {row};
    FeedSnapshot foreign = saved;
    foreign.feedId = "gone";

    build();
    session->restore({saved, foreign});
    EXPECT_EQ(cache.get("kospi")->rows, saved.rows);
    EXPECT_TRUE(cache.get("kospi")->stale);
    EXPECT_FALSE(cache.get("gone"));
    EXPECT_TRUE(board.current()->feeds[0].restored);
    session->start();
    ASSERT_TRUE(runUntilVersion("kospi", 42));
    EXPECT_FALSE(cache.get("kospi")->stale);
    EXPECT_FALSE(board.current()->feeds[0].restored);
}

TEST_F(KiwoomSessionTest, VersionsAreSharedByAllFeedsSoEachNewSnapshotOutnumbersEveryEarlierOne) {
    FeedSnapshot saved;
    saved.feedId = "kosdaq";
    saved.market = "kosdaq";
    saved.trCode = "opt10023";
    saved.version = 41;
    saved.fetchedAt = kTuesdayMorning - 1h;
    RankingRow row;
    row.rank = 1;
    row.code = "215600";
    row.name = "신라젠";
    row.price = 3000;
    saved.rows = {row};

    build();
    session->restore({saved});
    session->start();
    std::uint64_t highest = 41;
    for (int round = 0; round < 2; ++round) {
        const std::uint64_t floor = highest;
        ASSERT_TRUE(scheduler.runUntil([&] {
            for (const char* feed : {"kospi", "kosdaq", "all"}) {
                if (cache.get(feed)->version <= floor) {
                    return false;
                }
            }
            return true;
        }));
        std::set<std::uint64_t> versions;
        for (const char* feed : {"kospi", "kosdaq", "all"}) {
            const std::uint64_t version = cache.get(feed)->version;
            EXPECT_GT(version, floor) << feed << " in round " << round;
            versions.insert(version);
            highest = std::max(highest, version);
        }
        EXPECT_EQ(versions.size(), 3u) << "no two feeds share a version";
    }
}

TEST_F(KiwoomSessionTest, DuringMaintenanceItWaitsForTheWindowToEnd) {
    // 2026-11-25 is a Wednesday: the server is down 05:05-05:10 KST.
    scheduler.runFor(std::chrono::duration_cast<std::chrono::milliseconds>(fromKst(2026, 11, 25, 4, 59, 0) -
                                                                           kTuesdayMorning));
    auto emu = fastEmulator();
    emu.loginAgainAfterDrop = true; // in-process re-login; the real control needs a new host process
    build(emu);
    session->start();
    ASSERT_TRUE(scheduler.runUntil([&] { return session->connectionState() == ConnectionState::Connected; }));
    scheduler.runFor(7min); // 05:06, inside the window
    control()->dropConnection();
    const auto next = board.current()->nextReconnectAt;
    ASSERT_TRUE(next);
    EXPECT_GE(*next, fromKst(2026, 11, 25, 5, 10, 0));
    scheduler.runFor(3min); // 05:09: still waiting, not hammering
    EXPECT_EQ(session->connectionState(), ConnectionState::Lost);
    ASSERT_TRUE(
        scheduler.runUntil([&] { return session->connectionState() == ConnectionState::Connected; }, 30min));
    EXPECT_GE(scheduler.now(), fromKst(2026, 11, 25, 5, 10, 0));
}

} // namespace
} // namespace kiwoomd
