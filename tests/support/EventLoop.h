#pragma once
// Runs the Qt event loop until a condition holds. Not a sleep: it returns as soon as the
// condition is true after an event; the deadline only bounds a test that would otherwise hang.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace kiwoomd::test {

inline bool processEventsUntil(const std::function<bool()>& condition, int deadlineMs = 10000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > deadlineMs) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace kiwoomd::test
