#pragma once
// Settings for driving a KiwoomSession against the emulator on virtual time: instant logins,
// short answer latencies, small pages and the KRX calendar, from a Tuesday mid-session.

#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/kiwoom/ControlSource.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"

#include <chrono>
#include <cstdint>
#include <memory>
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

// A ControlSource over emulators, as kiwoomd-host runs one: the first control is made at once, so
// that a test can arm its faults before the login; every later login gets a fresh one, as a fresh
// host process would.
class EmulatorSource {
public:
    EmulatorSource(emulator::EmulatorSettings settings, Scheduler& scheduler,
                   ControlSourceSettings sourceSettings = {})
        : m_first(std::make_unique<emulator::EmulatedControl>(settings, scheduler))
        , m_source(
              Backend::Emulator,
              [this, settings, &scheduler]() -> std::unique_ptr<OpenApiControl> {
                  ++m_made;
                  if (m_first) {
                      return std::move(m_first);
                  }
                  return std::make_unique<emulator::EmulatedControl>(settings, scheduler);
              },
              scheduler, sourceSettings) {}

    ControlSource& source() { return m_source; }
    // The control of the current login (before the first login: the one it will use).
    emulator::EmulatedControl& control() {
        return m_first ? *m_first : static_cast<emulator::EmulatedControl&>(*m_source.control());
    }
    int controlsMade() const { return m_made; }

private:
    std::unique_ptr<emulator::EmulatedControl> m_first;
    int m_made = 0;
    ControlSource m_source;
};

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
