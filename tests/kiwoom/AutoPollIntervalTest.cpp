// "polling.interval_seconds": "auto" on a virtual trading day: the interval PollBudget chooses
// never trips the (exact) emulated server's limits, and keeps the data about as fresh as the
// limits allow.
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/PollBudget.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"

#include "support/SessionFixtures.h"

#include <gtest/gtest.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

class AutoPollInterval : public ::testing::Test {
protected:
    void SetUp() override { spdlog::set_level(spdlog::level::err); }
    void TearDown() override { spdlog::set_level(spdlog::level::info); }
};

TEST_F(AutoPollInterval, AFullKrxSessionIsNeverThrottledAndDataIsAsFreshAsTheWindowsAllow) {
    // A Tuesday on the KRX calendar, from before the open; the default feeds on the OpenAPI's
    // windows, which the emulator enforces exactly.
    VirtualScheduler scheduler(fromKst(2026, 11, 24, 8, 30, 0));
    emulator::EmulatorSettings emu;
    emu.seed = 11;
    emu.tickMs = 60000;
    emu.windows = kiwoomLimitWindows();
    SessionSettings settings;
    settings.calendar = MarketCalendar(defaultKrxHolidays(), defaultKrxSpecialDays());
    settings.feeds = defaultFeeds();
    settings.limitWindows = kiwoomLimitWindows();
    settings.safetyMargin = 250ms;
    settings.pollIntervalAuto = true;
    settings.pollInterval = autoPollInterval(settings.feeds, settings.limitWindows, settings.safetyMargin);
    const milliseconds sustainable =
        sustainableInterval(settings.feeds, settings.limitWindows, settings.safetyMargin);
    // Polling exactly at the sustainable rate, a ranking is on average half an interval old.
    const double optimumAgeMs = static_cast<double>(sustainable.count()) / 2.0;

    test::EmulatorSource control(emu, scheduler);
    SnapshotCache cache;
    StatusBoard board;
    KiwoomSession session(control.source(), settings, cache, board, scheduler);
    session.start();
    scheduler.runFor(
        std::chrono::duration_cast<milliseconds>(fromKst(2026, 11, 24, 9, 0, 0) - scheduler.now()));

    // Every second of the session, each feed's age: now − its last good fetch.
    const Timestamp close = fromKst(2026, 11, 24, 15, 30, 0);
    std::vector<double> agesMs;
    while (scheduler.now() < close) {
        const auto status = board.current();
        for (const auto& feed : status->feeds) {
            ASSERT_TRUE(feed.lastFetch) << feed.id << " has nothing at " << toKstIso8601(scheduler.now());
            agesMs.push_back(static_cast<double>(
                std::chrono::duration_cast<milliseconds>(scheduler.now() - *feed.lastFetch).count()));
        }
        scheduler.runFor(1s);
    }
    ASSERT_EQ(agesMs.size(), 3u * 390u * 60u);
    std::nth_element(agesMs.begin(), agesMs.begin() + agesMs.size() / 2, agesMs.end());
    const double medianAgeMs = agesMs[agesMs.size() / 2];

    const auto atClose = board.current();
    // In the XML report (--gtest_output=xml), so the figures can be compared across changes.
    RecordProperty("auto_interval_s", static_cast<int>(settings.pollInterval.count()));
    RecordProperty("sustainable_interval_ms", static_cast<int>(sustainable.count()));
    RecordProperty("median_age_ms", static_cast<int>(medianAgeMs));
    RecordProperty("requests_sent", static_cast<int>(atClose->requests.sent));
    SCOPED_TRACE("auto interval " + std::to_string(settings.pollInterval.count()) + " s, sustainable " +
                 std::to_string(sustainable.count()) + " ms, median age " + std::to_string(medianAgeMs) +
                 " ms, optimum " + std::to_string(optimumAgeMs) + " ms, " +
                 std::to_string(atClose->requests.sent) + " requests");
    EXPECT_EQ(atClose->requests.throttled, 0u);
    EXPECT_EQ(atClose->requests.timedOut, 0u);
    EXPECT_LE(medianAgeMs, 1.2 * optimumAgeMs);
    for (const auto& feed : atClose->feeds) {
        EXPECT_FALSE(feed.lastError) << feed.id;
    }
}

} // namespace
} // namespace kiwoomd
