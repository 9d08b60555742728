#include "kiwoomd/core/StatusJson.h"

#include "kiwoomd/core/JsonKeys.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

const Timestamp kNow{std::chrono::seconds(1'800'000'000)};

// The states travel as enums up to here; /api/status and the stream show their API names
// (docs/api.md), byte for byte.
TEST(StatusJson, StatesAppearUnderTheirApiNames) {
    SessionStatus status;
    status.backend = Backend::Rest;
    status.connection = ConnectionState::WaitingToReconnect;
    status.serverKind = ServerKind::Real;
    status.host = HostStatus{};
    status.host->state = HostState::Stopping;
    FeedStatus feed;
    feed.id = "kospi";
    feed.polling = FeedPolling::IdleMarketClosed;
    status.feeds.push_back(feed);

    const auto json = sessionStatusToJson(status, kNow);
    EXPECT_EQ(json[json::kBackend], "rest");
    EXPECT_EQ(json[json::kConnection], "waiting_to_reconnect");
    EXPECT_EQ(json[json::kServer], "real");
    EXPECT_EQ(json[json::kHost][json::kState], "stopping");
    EXPECT_EQ(json[json::kFeeds][0][json::kPolling], "idle: market closed");
}

TEST(StatusJson, ABareStatusWaitsForItsFirstLogin) {
    SessionStatus status;
    status.feeds.push_back(FeedStatus{});
    const auto json = sessionStatusToJson(status, kNow);
    EXPECT_EQ(json[json::kBackend], "emulator");
    EXPECT_EQ(json[json::kConnection], "disconnected");
    EXPECT_EQ(json[json::kServer], "unknown");
    EXPECT_TRUE(json[json::kHost].is_null());
    EXPECT_EQ(json[json::kFeeds][0][json::kPolling], "waiting for connection");
}

} // namespace
} // namespace kiwoomd
