#pragma once
// Turns SIGINT/SIGTERM (Ctrl+C, console close and logoff on Windows) into a Qt signal on the
// main thread, so shutdown runs through the event loop instead of inside a signal handler.
// Destroy it only once the daemon has stopped: on Windows, closing the console window lets the
// process live only until the console handler returns, and that handler waits for this
// destructor (at most about 5 s). One implementation per platform, chosen in CMake.
// Thread: main thread.

#include <QObject>

namespace kiwoomd::app {

class ShutdownSignals : public QObject {
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

signals:
    void shutdownRequested();

private:
    void install();
};

} // namespace kiwoomd::app
