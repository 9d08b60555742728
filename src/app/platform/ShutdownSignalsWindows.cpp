#include "../ShutdownSignals.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <windows.h>

namespace kiwoomd::app {
namespace {

QPointer<ShutdownSignals> g_instance;

BOOL WINAPI onConsoleEvent(DWORD type) {
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        // Runs on a thread the system creates: hand over to the main thread and return.
        if (g_instance) {
            QMetaObject::invokeMethod(g_instance.data(), "shutdownRequested", Qt::QueuedConnection);
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
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
}

void ShutdownSignals::install() {
    g_instance = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

} // namespace kiwoomd::app
