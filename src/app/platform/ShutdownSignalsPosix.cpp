#include "../ShutdownSignals.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace kiwoomd::app {
namespace {

// The self-pipe pattern from Qt's "Calling Qt Functions From Unix Signal Handlers": the handler
// only writes a byte, which is async-signal-safe; a QSocketNotifier reads it on the main thread.
int g_signalFds[2] = {-1, -1};

void onSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, sizeof byte);
}

} // namespace

ShutdownSignals::ShutdownSignals(QObject* parent)
    : QObject(parent) {
    install();
}

ShutdownSignals::~ShutdownSignals() = default;

void ShutdownSignals::install() {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        qWarning("cannot create the shutdown signal socket pair; Ctrl+C will end the process abruptly");
        return;
    }
    auto* notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalFds[1], &byte, sizeof byte);
        emit shutdownRequested();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace kiwoomd::app
