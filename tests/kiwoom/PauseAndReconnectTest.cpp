// The tray's session controls, "Pause/Resume polling" and "Log in now / Reconnect", against the
// emulator on virtual time: every wait is exact and nothing sleeps.
#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/StatusJson.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"
#include "support/SessionFixtures.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;

using test::kTuesdayMorning;

emulator::EmulatorSettings fastEmulator() {
    return test::fastEmulator(99);
}

SessionSettings fastSession() {
    return test::fastSession(30000ms, 120000ms); // long, so that "Log in now" visibly skips the wait
}

class PauseAndReconnectTest : public ::testing::Test {
protected:
    void build(emulator::EmulatorSettings emu = fastEmulator()) {
        emulators = std::make_unique<test::EmulatorSource>(emu, scheduler);
        session =
            std::make_unique<KiwoomSession>(emulators->source(), fastSession(), cache, board, scheduler);
    }
    emulator::EmulatedControl* control() { return &emulators->control(); }

    bool runUntilVersion(const std::string& feed, std::uint64_t version,
                         std::chrono::milliseconds limit = 10min) {
        return test::runUntilVersion(scheduler, cache, feed, version, limit);
    }
    bool runUntilState(ConnectionState state, std::chrono::milliseconds limit = 10min) {
        return scheduler.runUntil([&] { return session->connectionState() == state; }, limit);
    }
    std::size_t firstPagesSent() {
        const auto& log = control()->requestLog();
        return static_cast<std::size_t>(std::count_if(log.begin(), log.end(), [](const std::string& line) {
            return line.rfind("opt10023 0 ", 0) == 0;
        }));
    }

    VirtualScheduler scheduler{kTuesdayMorning};
    SnapshotCache cache;
    StatusBoard board;
    std::unique_ptr<test::EmulatorSource> emulators;
    std::unique_ptr<KiwoomSession> session;
};

TEST_F(PauseAndReconnectTest, PausedSessionSendsNoRequestAndSaysPausedInTheStatus) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    scheduler.runFor(5s);
    session->setPollingPaused(true);
    EXPECT_TRUE(session->isPollingPaused());
    const auto sent = control()->requestLog().size();

    scheduler.runFor(10min);
    EXPECT_EQ(control()->requestLog().size(), sent) << "no request while paused";
    EXPECT_EQ(session->connectionState(), ConnectionState::Connected) << "the login is kept";
    const auto status = board.current();
    EXPECT_TRUE(status->pollingPaused);
    for (const auto& feed : status->feeds) {
        EXPECT_EQ(feed.polling, FeedPolling::Paused) << feed.id;
    }
    EXPECT_TRUE(cache.get("kospi")->stale) << "paused data ages like any other";
    const auto json = sessionStatusToJson(*status, scheduler.now());
    EXPECT_EQ(json[json::kPollingPaused], true);
    EXPECT_EQ(json[json::kFeeds][0][json::kPolling], "paused");
}

TEST_F(PauseAndReconnectTest, ResumingPollsAtOnceInsteadOfWaitingAnInterval) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    const auto version = cache.get("kospi")->version;
    session->setPollingPaused(true);
    scheduler.runFor(5min);
    session->setPollingPaused(false);
    const Timestamp resumed = scheduler.now();
    EXPECT_FALSE(board.current()->pollingPaused);
    ASSERT_TRUE(runUntilVersion("kospi", version + 1));
    EXPECT_LT(*cache.get("kospi")->fetchedAt - resumed, 5s);
    EXPECT_FALSE(cache.get("kospi")->stale);
    const auto json = sessionStatusToJson(*board.current(), scheduler.now());
    EXPECT_EQ(json[json::kPollingPaused], false);
}

TEST_F(PauseAndReconnectTest, PausingLetsARankingAlreadyUnderWayFinish) {
    build();
    session->start();
    ASSERT_TRUE(scheduler.runUntil([&] {
        const auto& log = control()->requestLog();
        return std::any_of(log.begin(), log.end(), [](const std::string& line) {
            return line.rfind("opt10023 0 시장구분=000;", 0) == 0;
        });
    }));
    const auto firstPages = firstPagesSent();
    session->setPollingPaused(true);
    ASSERT_TRUE(runUntilVersion("all", 1, 1min)) << "the ranking in flight is completed";
    EXPECT_EQ(cache.get("all")->rows.size(), 80u) << "both pages, never half a ranking";
    scheduler.runFor(5min);
    EXPECT_EQ(firstPagesSent(), firstPages) << "no new ranking was started";
}

TEST_F(PauseAndReconnectTest, PausedBeforeLoginPollsNothingOnceConnected) {
    build();
    session->setPollingPaused(true);
    session->start();
    ASSERT_TRUE(runUntilState(ConnectionState::Connected));
    scheduler.runFor(5min);
    EXPECT_TRUE(control()->requestLog().empty());
    EXPECT_EQ(board.current()->feeds[0].polling, FeedPolling::Paused);
    session->setPollingPaused(false);
    EXPECT_TRUE(runUntilVersion("kospi", 1, 10s));
}

TEST_F(PauseAndReconnectTest, LogInNowSkipsTheBackoffWait) {
    build();
    control()->failNextLogin(kiwoom_error::kServerConnectionFailed);
    session->start();
    ASSERT_TRUE(runUntilState(ConnectionState::WaitingToReconnect));
    ASSERT_TRUE(board.current()->nextReconnectAt);
    EXPECT_GE(*board.current()->nextReconnectAt - scheduler.now(), 20s);

    session->reconnectNow();
    EXPECT_EQ(session->connectionState(), ConnectionState::LoggingIn);
    EXPECT_FALSE(board.current()->nextReconnectAt);
    EXPECT_TRUE(runUntilState(ConnectionState::Connected, 1s)) << "logged in without the backoff";
}

TEST_F(PauseAndReconnectTest, ReconnectWhileConnectedLogsInAgainWithoutCountingALoss) {
    build();
    session->start();
    ASSERT_TRUE(runUntilVersion("all", 1));
    const auto version = cache.get("kospi")->version;

    session->reconnectNow();
    EXPECT_EQ(session->connectionState(), ConnectionState::LoggingIn);
    EXPECT_TRUE(cache.get("kospi")->stale) << "not connected, so not fresh";
    ASSERT_TRUE(runUntilState(ConnectionState::Connected, 1s));
    ASSERT_TRUE(runUntilVersion("kospi", version + 1, 10s)) << "polls again right after the new login";
    EXPECT_EQ(board.current()->reconnectCount, 0) << "a requested reconnect is not a lost connection";
}

TEST_F(PauseAndReconnectTest, ReconnectIsIgnoredWhileLoggingIn) {
    auto slowLogin = fastEmulator();
    slowLogin.loginDelayMs = 5000;
    build(slowLogin);
    session->start();
    scheduler.runFor(1s);
    session->reconnectNow();
    EXPECT_EQ(session->connectionState(), ConnectionState::LoggingIn);
    ASSERT_TRUE(runUntilState(ConnectionState::Connected, 5s)) << "the first login still completes";
}

TEST_F(PauseAndReconnectTest, ReconnectLogsInWithAFreshControl) {
    build();
    session->start();
    ASSERT_TRUE(runUntilState(ConnectionState::Connected));
    EXPECT_EQ(emulators->controlsMade(), 1);
    session->reconnectNow();
    ASSERT_TRUE(runUntilState(ConnectionState::Connected, 5s));
    EXPECT_EQ(emulators->controlsMade(), 2) << "the control that logged in once never logs in again";
}

TEST_F(PauseAndReconnectTest, AVersionUpdateEndsTheControlAndLogsInLaterWithAFreshOne) {
    build();
    control()->failNextLogin(kiwoom_error::kVersionProcessingFailed);
    session->start();
    ASSERT_TRUE(runUntilState(ConnectionState::WaitingToReconnect));
    EXPECT_EQ(board.current()->loginError->kiwoomCode, kiwoom_error::kVersionProcessingFailed);
    ASSERT_TRUE(runUntilState(ConnectionState::Connected));
    EXPECT_EQ(emulators->controlsMade(), 2);
}

} // namespace
} // namespace kiwoomd
