#include "kiwoomd/core/SessionStatus.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

// These names are the API's (/api/status, the event stream, /metrics): docs/api.md lists them.
TEST(SessionStatus, ConnectionStatesHaveTheirApiNames) {
    EXPECT_EQ(connectionStateName(ConnectionState::Disconnected), "disconnected");
    EXPECT_EQ(connectionStateName(ConnectionState::LoggingIn), "logging_in");
    EXPECT_EQ(connectionStateName(ConnectionState::Connected), "connected");
    EXPECT_EQ(connectionStateName(ConnectionState::Lost), "lost");
    EXPECT_EQ(connectionStateName(ConnectionState::WaitingToReconnect), "waiting_to_reconnect");
}

TEST(SessionStatus, FeedPollingStatesHaveTheirApiNames) {
    EXPECT_EQ(feedPollingName(FeedPolling::WaitingForConnection), "waiting for connection");
    EXPECT_EQ(feedPollingName(FeedPolling::Paused), "paused");
    EXPECT_EQ(feedPollingName(FeedPolling::Fetching), "fetching");
    EXPECT_EQ(feedPollingName(FeedPolling::IdleMarketClosed), "idle: market closed");
    EXPECT_EQ(feedPollingName(FeedPolling::Active), "active");
}

TEST(SessionStatus, HostStatesHaveTheirApiNames) {
    EXPECT_EQ(hostStateName(HostState::Starting), "starting");
    EXPECT_EQ(hostStateName(HostState::Running), "running");
    EXPECT_EQ(hostStateName(HostState::Stopping), "stopping");
    EXPECT_EQ(hostStateName(HostState::Stopped), "stopped");
}

TEST(SessionStatus, BackendsHaveTheirApiNames) {
    EXPECT_EQ(backendName(Backend::ActiveX), "activex");
    EXPECT_EQ(backendName(Backend::Emulator), "emulator");
    EXPECT_EQ(backendName(Backend::Replay), "replay");
    EXPECT_EQ(backendName(Backend::Rest), "rest");
}

TEST(SessionStatus, EveryBackendIsReadBackFromItsName) {
    for (const Backend backend : {Backend::ActiveX, Backend::Emulator, Backend::Replay, Backend::Rest}) {
        EXPECT_EQ(backendFromName(backendName(backend)), backend) << backendName(backend);
    }
}

TEST(SessionStatus, ANameOfNoBackendIsReadAsNone) {
    EXPECT_EQ(backendFromName("scripted"), std::nullopt);
    EXPECT_EQ(backendFromName(""), std::nullopt);
    EXPECT_EQ(backendFromName("ActiveX"), std::nullopt); // the names are exact, as on the wire
    EXPECT_EQ(backendFromName("emulator "), std::nullopt);
}

TEST(SessionStatus, ServerKindsHaveTheirApiNames) {
    EXPECT_STREQ(serverKindName(ServerKind::Unknown), "unknown");
    EXPECT_STREQ(serverKindName(ServerKind::Mock), "mock");
    EXPECT_STREQ(serverKindName(ServerKind::Real), "real");
}

TEST(SessionStatus, AFeedWaitsForTheConnectionAndAHostIsStoppedUntilToldOtherwise) {
    EXPECT_EQ(FeedStatus{}.polling, FeedPolling::WaitingForConnection);
    EXPECT_EQ(HostStatus{}.state, HostState::Stopped);
    EXPECT_EQ(SessionStatus{}.connection, ConnectionState::Disconnected);
    EXPECT_EQ(SessionStatus{}.serverKind, ServerKind::Unknown);
}

TEST(SessionStatus, MaskedUserIdKeepsTheFirstTwoCharacters) {
    EXPECT_EQ(maskUserId("abcdef"), "ab****");
    EXPECT_EQ(maskUserId("ab"), "**");
    EXPECT_EQ(maskUserId(""), "");
}

TEST(RequestCounters, PacingWaitsAddUpInSeconds) {
    RequestCounters counters;
    counters.notePacingWait(std::chrono::milliseconds(1500));
    counters.notePacingWait(std::chrono::milliseconds(250));
    EXPECT_EQ(counters.pacingWaits, 2u);
    EXPECT_DOUBLE_EQ(counters.pacingWaitSeconds, 1.75);
}

TEST(RequestCounters, ResultsAreCountedByTrAndResult) {
    RequestCounters counters;
    counters.noteResult("opt10023", "0");
    counters.noteResult("opt10023", "0");
    counters.noteResult("opt10023", "timeout");
    counters.noteResult("opt10030", "-200");
    EXPECT_EQ(counters.resultsByTr["opt10023"]["0"], 2u);
    EXPECT_EQ(counters.resultsByTr["opt10023"]["timeout"], 1u);
    EXPECT_EQ(counters.resultsByTr["opt10030"]["-200"], 1u);
    EXPECT_EQ(counters.resultsByTr.size(), 2u);
}

} // namespace
} // namespace kiwoomd
