#pragma once
// The product's Scheduler: single-shot QTimers on the Qt event loop of the thread that owns it,
// measured against the system clock. Thread: the owner's (the Qt main thread in kiwoomd).

#include "kiwoomd/core/Scheduler.h"

#include <QObject>

#include <map>

class QTimer;

namespace kiwoomd {

class QtScheduler final : public QObject, public Scheduler {
    Q_OBJECT

public:
    explicit QtScheduler(QObject* parent = nullptr);
    ~QtScheduler() override;

    TaskId callAfter(std::chrono::milliseconds delay, std::function<void()> task) override;
    void cancel(TaskId id) override;
    const Clock& clock() const override { return m_clock; }

private:
    SystemClock m_clock;
    TaskId m_nextId = 1;
    std::map<TaskId, QTimer*> m_timers;
};

} // namespace kiwoomd
