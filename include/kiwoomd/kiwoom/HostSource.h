#pragma once
// The control in a separate process, kiwoomd-host, that this source starts, watches and replaces:
// on Windows the OCX is 32-bit, raises modal dialogs, cannot log in again after a drop and can
// crash, and none of that may take the daemon down. Each login runs in a fresh host; a host that
// exits, crashes, stops answering pings or sends what the protocol does not allow is ended and
// reported as a lost session, and ConnectionSupervisor logs in again (a new host) after its
// backoff and Kiwoom's maintenance windows. The host exits by itself when this side goes away.
// Thread: the Qt main thread.

#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/kiwoom/Source.h"
#include "kiwoomd/protocol/HostProtocol.h"

#include <QProcess>
#include <QStringList>

#include <chrono>
#include <memory>

class QLocalServer;
class QLocalSocket;

namespace kiwoomd {

struct HostSettings {
    QString program;       // the kiwoomd-host executable
    QStringList arguments; // what the host runs: "--simulate ...", "--replay FILE", nothing for the OCX
    Backend backend = Backend::Emulator; // what the host will say it runs, for the status before it says so
    std::chrono::milliseconds startTimeout{20000}; // from start to its hello
    std::chrono::milliseconds pingInterval{5000};
    // A host that answers no ping for this long is taken as hung (a modal loop nobody closes).
    std::chrono::milliseconds pingTimeout{20000};
    std::chrono::milliseconds quitGrace{3000}; // after "quit", before it is killed
};

class HostSource final : public Source {
    Q_OBJECT

public:
    HostSource(HostSettings settings, Scheduler& scheduler, QObject* parent = nullptr);
    ~HostSource() override;

    Backend backend() const override { return m_backend; }
    void logIn() override;
    void logOut() override;
    void request(const PageRequest& request) override;
    void releaseScreen(const std::string& screenNo) override;
    std::optional<HostStatus> hostStatus() const override { return m_status; }

    // Ends the host for good (quit, then kill after the grace period); for the daemon's exit.
    void shutDown() override;

private:
    enum class Phase { Stopped, Starting, Ready, LoggingIn, LoggedIn };

    void startHost();
    void endHost(const std::string& why);
    void onNewConnection();
    void onReadyRead();
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void onHostOutput();
    void handle(const protocol::HostMessage& message);
    void onHello(const protocol::Hello& hello);
    void send(const protocol::Command& command);
    void sendPing();
    void setState(HostState state);
    void reportEnd(const std::string& why);

    HostSettings m_settings;
    Scheduler& m_scheduler;
    Backend m_backend;
    std::unique_ptr<QLocalServer> m_server;
    QProcess* m_process = nullptr;
    QLocalSocket* m_socket = nullptr;
    protocol::LineBuffer m_lines;
    Phase m_phase = Phase::Stopped;
    bool m_loginWanted = false;
    int m_started = 0;
    std::string m_endReason; // set when this side ends the host, so its exit is told as that
    std::string m_userId, m_serverGubun;
    std::uint64_t m_pingSeq = 0;
    Timestamp m_lastPong{};
    HostStatus m_status;
    ScheduledTask m_startTimeout;
    ScheduledTask m_pingTask;
    ScheduledTask m_killTask;
};

} // namespace kiwoomd
