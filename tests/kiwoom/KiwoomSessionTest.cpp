#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"
#include "support/EventLoop.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;
using test::processEventsUntil;

emulator::EmulatorSettings fastEmulator() {
    emulator::EmulatorSettings s;
    s.seed = 2024;
    s.loginDelayMs = 0;
    s.minLatencyMs = 0;
    s.maxLatencyMs = 2;
    s.tickMs = 0;
    s.pageSize = 40;
    s.windows = {{50, 1000ms}}; // the pacing test narrows these; the others are not about limits
    return s;
}

SessionSettings fastSession() {
    SessionSettings s;
    s.limitWindows = {{50, 1000ms}};
    s.pollInterval = 60s;
    s.requestTimeout = 2000ms;
    s.reconnectDelay = 10ms;
    s.maxThrottleBackoff = 0ms;
    return s;
}

class KiwoomSessionTest : public ::testing::Test {
protected:
    void build(emulator::EmulatorSettings emu = fastEmulator(), SessionSettings settings = fastSession()) {
        control = std::make_unique<emulator::EmulatedControl>(emu, *clock);
        session = std::make_unique<KiwoomSession>(*control, settings, cache, board, *clock);
    }

    bool waitForVersion(const std::string& feed, std::uint64_t version) {
        return processEventsUntil([&] {
            const auto s = cache.get(feed);
            return s && s->version >= version;
        });
    }

    std::unique_ptr<Clock> clock = std::make_unique<SystemClock>();
    SnapshotCache cache;
    StatusBoard board;
    std::unique_ptr<emulator::EmulatedControl> control;
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
        ASSERT_TRUE(waitForVersion(feed, 1)) << feed;
        const auto s = cache.get(feed);
        EXPECT_FALSE(s->stale);
        EXPECT_TRUE(s->fetchedAt);
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
    EXPECT_EQ(status->serverKind, "mock");
    EXPECT_EQ(status->userIdMasked, "si*******");
    EXPECT_TRUE(control->unknownCalls().empty()) << control->unknownCalls().front();
}

TEST_F(KiwoomSessionTest, InputsAreSetInTheDocumentedOrderForEveryRequest) {
    build();
    session->start();
    ASSERT_TRUE(waitForVersion("all", 1));
    ASSERT_FALSE(control->requestLog().empty());
    EXPECT_EQ(control->requestLog().front(),
              "opt10023 0 시장구분=001;정렬구분=1;시간구분=2;거래량구분=5;시간=;종목조건=0;가격구분=0;");
}

TEST_F(KiwoomSessionTest, ContinuationPagesAreFollowedUpToThePageLimit) {
    build();
    session->start();
    ASSERT_TRUE(waitForVersion("all", 1));
    const auto all = cache.get("all");
    ASSERT_EQ(all->rows.size(), 80u) << "two pages of 40";
    EXPECT_EQ(all->rows.back().rank, 80);
    int continuations = 0;
    for (const auto& line : control->requestLog()) {
        if (line.rfind("opt10023 2 시장구분=000;", 0) == 0) {
            ++continuations;
        }
    }
    EXPECT_EQ(continuations, 1) << "the continuation sets the inputs again and asks with prevNext 2";
}

TEST_F(KiwoomSessionTest, PerFieldGetCommDataGivesTheSameRowsAsGetCommDataEx) {
    build();
    session->start();
    ASSERT_TRUE(waitForVersion("kospi", 1));
    const auto withEx = cache.get("kospi")->rows;

    SnapshotCache otherCache;
    StatusBoard otherBoard;
    emulator::EmulatedControl otherControl(fastEmulator(), *clock);
    SessionSettings settings = fastSession();
    settings.useCommDataEx = false;
    KiwoomSession other(otherControl, settings, otherCache, otherBoard, *clock);
    other.start();
    ASSERT_TRUE(processEventsUntil([&] { return otherCache.get("kospi")->version >= 1; }));
    EXPECT_EQ(otherCache.get("kospi")->rows, withEx);
}

TEST_F(KiwoomSessionTest, ThrottledRequestIsCountedAndRetried) {
    build();
    control->failNextRequests(kiwoom_error::kQueryOverload, 1);
    session->start();
    ASSERT_TRUE(waitForVersion("kospi", 1));
    EXPECT_EQ(board.current()->requests.throttled, 1u);
}

TEST_F(KiwoomSessionTest, PacingKeepsInsideTheServersLimits) {
    emulator::EmulatorSettings emu = fastEmulator();
    emu.windows = {{3, 300ms}};
    SessionSettings settings = fastSession();
    settings.limitWindows = {{3, 300ms}};
    settings.safetyMargin = 20ms;
    build(emu, settings);
    session->start();
    ASSERT_TRUE(waitForVersion("all", 1));
    const auto requests = board.current()->requests;
    EXPECT_GT(requests.sent, 3u) << "more requests than one window holds, so the pacer had to wait";
    EXPECT_EQ(requests.sent, control->requestLog().size());
    EXPECT_EQ(requests.throttled, 0u);
}

TEST_F(KiwoomSessionTest, FailedRequestKeepsTheLastGoodRanking) {
    build();
    session->start();
    ASSERT_TRUE(waitForVersion("all", 1));
    const auto before = cache.get("kospi");
    control->failNextRequests(kiwoom_error::kNoData, 3);
    session->pollNow();
    ASSERT_TRUE(processEventsUntil([&] {
        const auto status = board.current();
        return status->feeds[0].lastError.has_value();
    }));
    const auto after = cache.get("kospi");
    EXPECT_EQ(after->version, before->version);
    EXPECT_EQ(after->rows, before->rows);
    EXPECT_EQ(board.current()->feeds[0].lastError->kiwoomCode, kiwoom_error::kNoData);
}

TEST_F(KiwoomSessionTest, GarbledValuesAreFlaggedOrSkippedNeverInvented) {
    build();
    control->garbleNextResponses(1);
    session->start();
    ASSERT_TRUE(waitForVersion("kospi", 1));
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
    EXPECT_LE(previousRank, static_cast<int>(s->rows.size()) + skipped);
}

TEST_F(KiwoomSessionTest, UnansweredRequestTimesOutReleasesTheScreenAndMovesOn) {
    SessionSettings settings = fastSession();
    settings.requestTimeout = 30ms;
    build(fastEmulator(), settings);
    control->dropNextResponses(1);
    session->start();
    ASSERT_TRUE(waitForVersion("kosdaq", 1)) << "the next feed is not held up by the silent one";
    const auto status = board.current();
    EXPECT_EQ(status->requests.timedOut, 1u);
    ASSERT_TRUE(status->feeds[0].lastError);
    EXPECT_EQ(status->feeds[0].lastError->message, "request timed out");
    EXPECT_EQ(cache.get("kospi")->version, 0u);
}

TEST_F(KiwoomSessionTest, LostConnectionMarksDataStaleThenLogsInAgain) {
    build();
    QSignalSpy states(session.get(), &KiwoomSession::connectionStateChanged);
    session->start();
    ASSERT_TRUE(waitForVersion("all", 1));
    control->dropConnection(kiwoom_error::kSocketClosed);
    EXPECT_EQ(session->connectionState(), ConnectionState::Lost);
    EXPECT_TRUE(cache.get("kospi")->stale);
    EXPECT_FALSE(cache.get("kospi")->rows.empty()) << "the last ranking is still served";
    ASSERT_TRUE(processEventsUntil([&] { return session->connectionState() == ConnectionState::Connected; }));
    ASSERT_TRUE(waitForVersion("kospi", 2));
    EXPECT_FALSE(cache.get("kospi")->stale);
}

TEST_F(KiwoomSessionTest, LoginFailureIsReportedWithItsMeaning) {
    build();
    control->failNextLogin(kiwoom_error::kServerConnectionFailed);
    session->start();
    ASSERT_TRUE(processEventsUntil([&] { return board.current()->loginError.has_value(); }));
    const auto status = board.current();
    EXPECT_NE(status->loginError->message.find("server connection failed"), std::string::npos);
    EXPECT_EQ(status->loginError->kiwoomCode, -101);
}

TEST_F(KiwoomSessionTest, VersionUpdateAsksTheHostToRestart) {
    build();
    QSignalSpy spy(session.get(), &KiwoomSession::versionUpdateRequired);
    control->failNextLogin(kiwoom_error::kVersionProcessingFailed);
    session->start();
    ASSERT_TRUE(processEventsUntil([&] { return spy.count() == 1; }));
}

TEST_F(KiwoomSessionTest, DataOlderThanThreeIntervalsIsStale) {
    auto manual = std::make_unique<ManualClock>(std::chrono::system_clock::now());
    ManualClock& manualClock = *manual;
    clock = std::move(manual);
    build();
    session->start();
    ASSERT_TRUE(waitForVersion("all", 1));
    EXPECT_FALSE(cache.get("kospi")->stale);
    manualClock.advance(180s);
    session->refreshFreshness();
    EXPECT_FALSE(cache.get("kospi")->stale) << "exactly three intervals is not yet stale";
    manualClock.advance(1s);
    session->refreshFreshness();
    EXPECT_TRUE(cache.get("kospi")->stale);
}

} // namespace
} // namespace kiwoomd
