#include "kiwoomd/kiwoom/QtScheduler.h"

#include <QTimer>

#include <algorithm>

namespace kiwoomd {

QtScheduler::QtScheduler(QObject* parent)
    : QObject(parent) {}

QtScheduler::~QtScheduler() = default; // the timers are children and go with it

TaskId QtScheduler::callAfter(std::chrono::milliseconds delay, std::function<void()> task) {
    const TaskId id = m_nextId++;
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id, timer, task = std::move(task)] {
        m_timers.erase(id);
        timer->deleteLater();
        task();
    });
    m_timers.emplace(id, timer);
    // QTimer takes an int; a day is far beyond any delay the daemon uses.
    timer->start(static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(delay.count(), 0, 86400000)));
    return id;
}

void QtScheduler::cancel(TaskId id) {
    const auto it = m_timers.find(id);
    if (it == m_timers.end()) {
        return;
    }
    it->second->stop();
    it->second->deleteLater();
    m_timers.erase(it);
}

} // namespace kiwoomd
