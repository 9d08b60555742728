#pragma once
// Wall-clock source for everything time-based in the core (pacing, freshness, market hours).
// Thread-safe: SystemClock is stateless; ManualClock locks its own state so a test thread may
// advance it while another reads it.

#include <chrono>
#include <mutex>

namespace kiwoomd {

using Timestamp = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
public:
    Timestamp now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to: unit tests and replays drive it so nothing sleeps.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Timestamp start = Timestamp{})
        : m_now(start) {}

    Timestamp now() const override {
        std::lock_guard lock(m_mutex);
        return m_now;
    }

    void advance(std::chrono::milliseconds by) {
        std::lock_guard lock(m_mutex);
        m_now += by;
    }

    void set(Timestamp to) {
        std::lock_guard lock(m_mutex);
        m_now = to;
    }

private:
    mutable std::mutex m_mutex;
    Timestamp m_now;
};

} // namespace kiwoomd
