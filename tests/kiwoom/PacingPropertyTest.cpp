// Pacing, tested as a property on virtual time: whatever the feeds, pages, intervals, latencies
// and lost answers, the session never makes the (exact) emulated server answer -200.
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"
#include "kiwoomd/kiwoom/emulator/SeededRandom.h"

#include "support/SessionFixtures.h"

#include <gtest/gtest.h>

#include <spdlog/spdlog.h>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;

class QuietLogs : public ::testing::Test {
protected:
    void SetUp() override { spdlog::set_level(spdlog::level::err); }
    void TearDown() override { spdlog::set_level(spdlog::level::info); }
};

using PacingProperty = QuietLogs;
using TradingDay = QuietLogs;

FeedDefinition randomFeed(emulator::SeededRandom& random, int index) {
    static const char* const markets[] = {"001", "101", "000"};
    FeedDefinition feed = defaultFeeds()[0];
    feed.id = "feed" + std::to_string(index);
    const std::string market = markets[random.uniformInt(0, 2)];
    feed.inputs[0].second = market;
    feed.market = marketNameForCode(market);
    feed.inputs[1].second = std::to_string(random.uniformInt(1, 2)); // sort by amount or rate
    feed.maxPages = static_cast<int>(random.uniformInt(1, 4));
    feed.priority = static_cast<int>(random.uniformInt(-2, 2));
    return feed;
}

TEST_F(PacingProperty, NoInterleavingOfFeedsAndContinuationsEverTripsTheServersLimits) {
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        emulator::SeededRandom random(seed);
        VirtualScheduler scheduler(fromKst(2026, 11, 24, 9, 0, 0));

        emulator::EmulatorSettings emu;
        emu.seed = seed;
        emu.loginDelayMs = 0;
        emu.minLatencyMs = static_cast<int>(random.uniformInt(0, 50));
        emu.maxLatencyMs = emu.minLatencyMs + static_cast<int>(random.uniformInt(0, 3000));
        emu.pageSize = static_cast<int>(random.uniformInt(10, 120));
        emu.windows = kiwoomLimitWindows(); // the server counts exactly
        emu.tickMs = 60000;                 // the market moves a step a minute, as in real time

        SessionSettings settings;
        settings.feeds.clear();
        const int feeds = static_cast<int>(random.uniformInt(1, 8));
        for (int i = 0; i < feeds; ++i) {
            settings.feeds.push_back(randomFeed(random, i));
        }
        settings.pollInterval = std::chrono::seconds(random.uniformInt(1, 120));
        settings.requestTimeout = std::chrono::milliseconds(random.uniformInt(500, 4000));
        settings.calendar = MarketCalendar::alwaysOpen();

        test::EmulatorSource control(emu, scheduler);
        SnapshotCache cache;
        StatusBoard board;
        KiwoomSession session(control.source(), settings, cache, board, scheduler);
        if (random.chance(0.5)) {
            control.control().dropNextResponses(static_cast<int>(random.uniformInt(1, 5)));
        }
        session.start();
        scheduler.runFor(30min);

        const auto status = board.current();
        SCOPED_TRACE("seed " + std::to_string(seed) + ", " + std::to_string(feeds) + " feeds, interval " +
                     std::to_string(settings.pollInterval.count()) + " s");
        EXPECT_EQ(status->requests.throttled, 0u);
        EXPECT_GT(status->requests.succeeded, 20u) << "the property means little if nothing was asked";
    }
}

TEST_F(TradingDay, AFullSessionOfThreeFeedsNeverTripsMinusTwoHundred) {
    // A Tuesday from before the open to after the close, on the KRX calendar, every default.
    VirtualScheduler scheduler(fromKst(2026, 11, 24, 8, 30, 0));
    emulator::EmulatorSettings emu;
    emu.seed = 7;
    emu.tickMs = 60000; // one step of the random walk per real minute
    SessionSettings settings;
    settings.calendar = MarketCalendar(defaultKrxHolidays(), defaultKrxSpecialDays());
    test::EmulatorSource control(emu, scheduler);
    SnapshotCache cache;
    StatusBoard board;
    KiwoomSession session(control.source(), settings, cache, board, scheduler);
    session.start();

    scheduler.runFor(std::chrono::duration_cast<std::chrono::milliseconds>(fromKst(2026, 11, 24, 15, 40, 0) -
                                                                           scheduler.now()));
    const auto atClose = board.current();
    EXPECT_EQ(atClose->requests.throttled, 0u);
    EXPECT_EQ(atClose->requests.timedOut, 0u);
    for (const auto& feed : atClose->feeds) {
        // One good ranking a minute through the 390-minute session, give or take the edges.
        EXPECT_GE(feed.version, 380u) << feed.id;
        EXPECT_FALSE(feed.lastError) << feed.id;
    }
    const auto kospi = cache.get("kospi");
    EXPECT_FALSE(kospi->marketOpen);
    EXPECT_FALSE(kospi->stale) << "the ranking fetched after the close is the final one";
    EXPECT_GE(*kospi->fetchedAt, fromKst(2026, 11, 24, 15, 30, 0));

    scheduler.runFor(3h);
    EXPECT_EQ(board.current()->requests.sent, atClose->requests.sent) << "idle after the close";
}

} // namespace
} // namespace kiwoomd
