#pragma once
// Turns SIGINT/SIGTERM (Ctrl+C, console close and logoff on Windows) into a Qt signal on the
// main thread, so shutdown runs through the event loop instead of inside a signal handler.
// One implementation per platform, chosen in CMake. Thread: main thread.

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
