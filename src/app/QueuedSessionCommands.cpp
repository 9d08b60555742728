#include "QueuedSessionCommands.h"

#include <QMetaObject>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {

void QueuedSessionCommands::pollNow() {
    spdlog::info("API: refresh requested");
    QMetaObject::invokeMethod(
        &m_session, [this] { m_session.pollNow(); }, Qt::QueuedConnection);
}

void QueuedSessionCommands::setPollingPaused(bool paused) {
    spdlog::info("API: polling {} requested", paused ? "pause" : "resume");
    QMetaObject::invokeMethod(
        &m_session, [this, paused] { m_session.setPollingPaused(paused); }, Qt::QueuedConnection);
}

void QueuedSessionCommands::reconnect() {
    spdlog::info("API: reconnect requested");
    QMetaObject::invokeMethod(
        &m_session, [this] { m_session.reconnectNow(); }, Qt::QueuedConnection);
}

} // namespace kiwoomd::app
