#include "../ShutdownSignals.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <windows.h>

namespace kiwoomd::app {
namespace {

QPointer<ShutdownSignals> g_instance;
// Set once the daemon has stopped (ShutdownSignals is destroyed at the very end of runDaemon).
HANDLE g_stopped = nullptr;
// After CTRL_CLOSE_EVENT, Windows ends the process when the handler returns, or about 5 s later
// whatever it does (SetConsoleCtrlHandler, "Remarks"); so the handler waits for the clean stop,
// a little less than that.
constexpr DWORD kCloseWaitMs = 4500;

BOOL WINAPI onConsoleEvent(DWORD type) {
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
        // Runs on a thread the system creates: hand over to the main thread and return.
        if (g_instance) {
            QMetaObject::invokeMethod(g_instance.data(), "shutdownRequested", Qt::QueuedConnection);
        }
        return TRUE;
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        // Returning would end the process at once, before the main thread has stopped the server
        // and flushed the log: hand over, then wait until it is done.
        if (g_instance) {
            QMetaObject::invokeMethod(g_instance.data(), "shutdownRequested", Qt::QueuedConnection);
            if (g_stopped) {
                WaitForSingleObject(g_stopped, kCloseWaitMs);
            }
        }
        return TRUE;
    default:
        return FALSE;
    }
}

} // namespace

ShutdownSignals::ShutdownSignals(QObject* parent)
    : QObject(parent) {
    install();
}

ShutdownSignals::~ShutdownSignals() {
    if (g_stopped) {
        SetEvent(g_stopped); // releases a console-close handler waiting for this
    }
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
}

void ShutdownSignals::install() {
    g_instance = this;
    if (!g_stopped) {
        g_stopped = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    }
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

} // namespace kiwoomd::app
