#pragma once
// Deferred callbacks on the owner's thread, with the clock they are measured against. The session
// and the emulator do all their timing through it, so the product runs on the Qt event loop
// (QtScheduler) while tests and fast replays run on virtual time (VirtualScheduler) without
// sleeping. Not thread-safe: one scheduler per thread, used from that thread only.

#include "kiwoomd/core/Clock.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <utility>

namespace kiwoomd {

using TaskId = std::uint64_t;

class Scheduler {
public:
    virtual ~Scheduler() = default;

    // Runs `task` once, `delay` from now (zero: after the current callback returns).
    virtual TaskId callAfter(std::chrono::milliseconds delay, std::function<void()> task) = 0;
    // Forgets a pending task; unknown or finished ids are ignored.
    virtual void cancel(TaskId id) = 0;
    virtual const Clock& clock() const = 0;

    Timestamp now() const { return clock().now(); }
};

// At most one pending callback, like a single-shot QTimer: starting it again replaces the
// pending one, and destroying it cancels it.
class ScheduledTask {
public:
    explicit ScheduledTask(Scheduler& scheduler)
        : m_scheduler(scheduler) {}
    ~ScheduledTask() { stop(); }
    ScheduledTask(const ScheduledTask&) = delete;
    ScheduledTask& operator=(const ScheduledTask&) = delete;

    void start(std::chrono::milliseconds delay, std::function<void()> task);
    void stop();
    bool isActive() const { return m_id.has_value(); }

private:
    Scheduler& m_scheduler;
    std::optional<TaskId> m_id;
};

// Virtual time: tasks run in due order when the test (or a replay) advances the clock, so a whole
// trading day passes in milliseconds and timing is exact and repeatable.
class VirtualScheduler final : public Scheduler {
public:
    explicit VirtualScheduler(Timestamp start = Timestamp{});

    TaskId callAfter(std::chrono::milliseconds delay, std::function<void()> task) override;
    void cancel(TaskId id) override;
    const Clock& clock() const override { return m_clock; }

    // Runs every task due within `duration`, advancing the clock to each task's time, then to the end.
    void runFor(std::chrono::milliseconds duration);
    // Runs tasks in due order until `done()` holds or `limit` of virtual time has passed; true if done.
    bool runUntil(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::hours(1));
    std::size_t pendingTasks() const { return m_tasks.size(); }

private:
    bool runNext(Timestamp notAfter);

    ManualClock m_clock;
    TaskId m_nextId = 1;
    // Ordered by due time, then by scheduling order.
    std::map<std::pair<Timestamp, TaskId>, std::function<void()>> m_tasks;
    std::map<TaskId, Timestamp> m_dueById;
};

} // namespace kiwoomd
