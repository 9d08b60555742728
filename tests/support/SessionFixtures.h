#pragma once
// Settings for driving a KiwoomSession against the emulator on virtual time: instant logins,
// short answer latencies, small pages and the KRX calendar, from a Tuesday mid-session.

#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace kiwoomd::test {

// A Tuesday, mid-session.
inline const Timestamp kTuesdayMorning = fromKst(2026, 11, 24, 10, 0, 0);

inline emulator::EmulatorSettings fastEmulator(std::uint64_t seed = 2024) {
    emulator::EmulatorSettings s;
    s.seed = seed;
    s.loginDelayMs = 0;
    s.minLatencyMs = 20;
    s.maxLatencyMs = 80;
    s.tickMs = 1000;
    s.pageSize = 40;
    return s;
}

inline SessionSettings fastSession(std::chrono::milliseconds reconnectMin = std::chrono::milliseconds(1000),
                                   std::chrono::milliseconds reconnectMax = std::chrono::milliseconds(8000)) {
    SessionSettings s;
    s.pollInterval = std::chrono::seconds(60);
    s.requestTimeout = std::chrono::milliseconds(2000);
    s.calendar = MarketCalendar(defaultKrxHolidays(), defaultKrxSpecialDays());
    s.connection.reconnectMin = reconnectMin;
    s.connection.reconnectMax = reconnectMax;
    return s;
}

// Runs virtual time until `feed` has published `version` or later; false when `limit` passed first.
inline bool runUntilVersion(VirtualScheduler& scheduler, const SnapshotCache& cache, const std::string& feed,
                            std::uint64_t version, std::chrono::milliseconds limit) {
    return scheduler.runUntil(
        [&] {
            const auto snapshot = cache.get(feed);
            return snapshot && snapshot->version >= version;
        },
        limit);
}

} // namespace kiwoomd::test
