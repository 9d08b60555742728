#pragma once
// One daemon per data dir. Two kiwoomd processes would fight over the OCX login, the port and the
// log file, so a second start finds the running one instead: a QLockFile in the data dir says who
// owns it (a lock left by a crash is detected and taken over), and a QLocalServer named after the
// data dir lets the second start ask the running daemon for its pid and URL, and to show its
// status (in its log and, with a tray, as a pop-up).
// Thread: main thread. acquire() blocks for at most a few seconds, before the event loop runs.

#include <QLockFile>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QLocalServer;

namespace kiwoomd::app {

class SingleInstance : public QObject {
    Q_OBJECT

public:
    explicit SingleInstance(const QString& dataDir, QObject* parent = nullptr);
    ~SingleInstance() override;

    enum class Result {
        Acquired,       // this process owns the data dir
        AlreadyRunning, // another kiwoomd does; `message` says which and where it serves
        Failed,         // the lock file cannot be created; `message` says why
    };
    Result acquire(QString& message);

    // What the next start that asks is told: the URL, and whether a tray icon is showing (asked at
    // that moment, since the tray may appear late or never).
    void setServingUrl(const QString& url) { m_servingUrl = url; }
    void setTrayShown(std::function<bool()> trayShown) { m_trayShown = std::move(trayShown); }

    // The local socket name for a data dir: the same dir always gives the same name.
    static QString serverNameFor(const QString& dataDir);

signals:
    // Another start (process `pid`) found this daemon and asked it to show its status.
    void statusRequested(qint64 pid);

private:
    void listen();
    void answer();
    QString askRunning(qint64 lockPid) const;

    QString m_dataDir;
    QString m_lockPath;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
    QString m_servingUrl;
    std::function<bool()> m_trayShown;
};

} // namespace kiwoomd::app
