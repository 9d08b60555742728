#include "kiwoomd/core/Scheduler.h"

namespace kiwoomd {

void ScheduledTask::start(std::chrono::milliseconds delay, std::function<void()> task) {
    stop();
    m_id = m_scheduler.callAfter(delay, [this, task = std::move(task)] {
        m_id.reset();
        task();
    });
}

void ScheduledTask::stop() {
    if (m_id) {
        m_scheduler.cancel(*m_id);
        m_id.reset();
    }
}

VirtualScheduler::VirtualScheduler(Timestamp start)
    : m_clock(start) {}

TaskId VirtualScheduler::callAfter(std::chrono::milliseconds delay, std::function<void()> task) {
    const TaskId id = m_nextId++;
    const Timestamp due = m_clock.now() + std::max(delay, std::chrono::milliseconds(0));
    m_tasks.emplace(std::make_pair(due, id), std::move(task));
    m_dueById.emplace(id, due);
    return id;
}

void VirtualScheduler::cancel(TaskId id) {
    const auto it = m_dueById.find(id);
    if (it == m_dueById.end()) {
        return;
    }
    m_tasks.erase(std::make_pair(it->second, id));
    m_dueById.erase(it);
}

bool VirtualScheduler::runNext(Timestamp notAfter) {
    if (m_tasks.empty() || m_tasks.begin()->first.first > notAfter) {
        return false;
    }
    auto node = m_tasks.extract(m_tasks.begin());
    m_dueById.erase(node.key().second);
    if (node.key().first > m_clock.now()) {
        m_clock.set(node.key().first);
    }
    node.mapped()();
    return true;
}

void VirtualScheduler::runFor(std::chrono::milliseconds duration) {
    const Timestamp end = m_clock.now() + std::max(duration, std::chrono::milliseconds(0)); // never backwards
    while (runNext(end)) {
    }
    m_clock.set(end);
}

bool VirtualScheduler::runUntil(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const Timestamp end = m_clock.now() + std::max(limit, std::chrono::milliseconds(0));
    while (!done()) {
        if (!runNext(end)) {
            m_clock.set(end);
            return done();
        }
    }
    return true;
}

} // namespace kiwoomd
