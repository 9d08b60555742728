#include "kiwoomd/kiwoom/HostSource.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/LogText.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>

#include <spdlog/spdlog.h>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;

// How long a host whose connection closed may take to exit by itself.
constexpr milliseconds kExitGrace{1000};

long long seconds(milliseconds duration) {
    return std::chrono::duration_cast<std::chrono::seconds>(duration).count();
}

} // namespace

HostSource::HostSource(HostSettings settings, Scheduler& scheduler, QObject* parent)
    : Source(parent)
    , m_settings(std::move(settings))
    , m_scheduler(scheduler)
    , m_backend(m_settings.backend)
    , m_startTimeout(scheduler)
    , m_pingTask(scheduler)
    , m_killTask(scheduler) {
    qRegisterMetaType<QProcess::ExitStatus>();
}

HostSource::~HostSource() {
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void HostSource::setState(HostState state) {
    m_status.state = state;
    emit hostChanged();
}

void HostSource::startHost() {
    if (!m_server) {
        m_server = std::make_unique<QLocalServer>();
        // Only this user may connect (a Unix socket's mode, a pipe's ACL on Windows).
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        const QString name = QStringLiteral("kiwoomd-host-%1-%2")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        if (!m_server->listen(name)) {
            spdlog::error("cannot open the local socket for the control's host: {}",
                          m_server->errorString().toStdString());
        }
        connect(m_server.get(), &QLocalServer::newConnection, this, &HostSource::onNewConnection);
    }
    m_lines = protocol::LineBuffer();
    m_endReason.clear();
    m_userId.clear();
    m_serverGubun.clear();
    m_phase = Phase::Starting;
    m_status.restarts = m_started++;
    m_status.pid = 0;
    m_status.bits = 0;

    m_process = new QProcess(this);
    m_process->setProgram(m_settings.program);
    m_process->setArguments(QStringList(m_settings.arguments)
                            << QStringLiteral("--connect") << m_server->fullServerName());
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &HostSource::onHostOutput);
    connect(m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            &HostSource::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, &HostSource::onProcessError);
    setState(HostState::Starting);
    m_startTimeout.start(m_settings.startTimeout, [this] {
        endHost("did not answer within " + std::to_string(seconds(m_settings.startTimeout)) +
                " s of its start");
    });
    spdlog::info("starting the control's host: {} {}", m_settings.program.toStdString(),
                 m_settings.arguments.join(QLatin1Char(' ')).toStdString());
    m_process->start();
}

void HostSource::endHost(const std::string& why) {
    if (!m_process || !m_endReason.empty()) {
        return;
    }
    m_endReason = why;
    spdlog::warn("ending the control's host (pid {}): it {}", m_status.pid, why);
    setState(HostState::Stopping);
    m_pingTask.stop();
    m_startTimeout.stop();
    m_process->kill();
}

void HostSource::onNewConnection() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        if (m_socket || m_phase != Phase::Starting) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_socket = socket;
        connect(socket, &QLocalSocket::readyRead, this, &HostSource::onReadyRead);
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            // A host that dies closes its socket first; its exit, a moment later, says how it
            // ended. Only a host that stays up without its connection is ended for it.
            if (socket == m_socket) {
                m_killTask.start(kExitGrace, [this] { endHost("closed its connection"); });
            }
        });
    }
}

void HostSource::onReadyRead() {
    QLocalSocket* socket = m_socket;
    if (!socket) {
        return;
    }
    const QByteArray bytes = socket->readAll();
    if (!m_lines.append(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())))) {
        endHost("sent a line longer than " + std::to_string(protocol::kMaxLineBytes) + " bytes");
        return;
    }
    while (socket == m_socket && m_endReason.empty()) {
        auto line = m_lines.nextLine();
        if (!line) {
            if (m_lines.overflowed()) {
                endHost("sent a line longer than " + std::to_string(protocol::kMaxLineBytes) + " bytes");
            }
            return;
        }
        std::string error;
        const auto message = protocol::decodeHostMessage(*line, error);
        if (!message) {
            endHost("sent a line the protocol does not allow (" + error + ")");
            return;
        }
        handle(*message);
    }
}

void HostSource::handle(const protocol::HostMessage& message) {
    using Kind = protocol::HostMessage::Kind;
    if (m_phase == Phase::Starting && message.kind != Kind::Hello) {
        endHost("spoke before its handshake");
        return;
    }
    switch (message.kind) {
    case Kind::Hello:
        onHello(message.hello);
        return;
    case Kind::LoginInfo:
        if (message.tag == login_tag::kUserId) {
            m_userId = message.value;
        } else if (message.tag == login_tag::kServerKind) {
            m_serverGubun = message.value;
        }
        return;
    case Kind::Connect:
        if (message.code == kiwoom_error::kOk && m_phase == Phase::LoggingIn) {
            m_phase = Phase::LoggedIn;
            emit loggedIn(LoginInfo{protocol::serverKindFor(m_serverGubun), m_userId});
            return;
        }
        if (message.code != kiwoom_error::kOk) {
            // The control in this host cannot log in again: the host goes, and its end is told
            // here as what the control said.
            const Phase was = m_phase;
            m_phase = Phase::Ready;
            m_loginWanted = false;
            const QString reason = QString::fromStdString(kiwoom_error::describeWithCode(message.code));
            endHost(was == Phase::LoggedIn ? "lost its session (" + reason.toStdString() + ")"
                                           : "failed to log in (" + reason.toStdString() + ")");
            if (was == Phase::LoggedIn) {
                emit lost(message.code, reason);
            } else if (was == Phase::LoggingIn) {
                emit loginFailed(message.code, reason);
            }
        }
        return;
    case Kind::RequestResult:
        emit requestSent(QString::fromStdString(message.request.rqName), message.code);
        return;
    case Kind::TrData:
        emit pageArrived(message.page);
        return;
    case Kind::ServerMessage:
        emit serverMessage(QString::fromStdString(message.rqName), QString::fromStdString(message.trCode),
                           QString::fromStdString(message.screenNo), QString::fromStdString(message.text));
        return;
    case Kind::Pong:
        m_lastPong = m_scheduler.now();
        return;
    case Kind::Dialog:
        spdlog::warn("the control's host closed a dialog: {}", escapeForLog(message.text, 400));
        return;
    }
}

void HostSource::onHello(const protocol::Hello& hello) {
    if (m_phase != Phase::Starting) {
        endHost("said hello twice");
        return;
    }
    if (hello.protocol != protocol::kVersion) {
        endHost("speaks protocol version " + std::to_string(hello.protocol) + ", this kiwoomd speaks " +
                std::to_string(protocol::kVersion) + " (install matching kiwoomd and kiwoomd-host)");
        return;
    }
    if (hello.pid != m_process->processId()) {
        endHost("answered from pid " + std::to_string(hello.pid) + ", not the process started");
        return;
    }
    m_startTimeout.stop();
    m_phase = Phase::Ready;
    m_status.pid = hello.pid;
    m_status.bits = hello.bits;
    m_backend = hello.backend;
    spdlog::info("the control's host is up: pid {}, {}-bit, {} control", hello.pid, hello.bits,
                 backendName(hello.backend));
    setState(HostState::Running);
    m_lastPong = m_scheduler.now();
    m_pingTask.start(m_settings.pingInterval, [this] { sendPing(); });
    if (m_loginWanted) {
        m_phase = Phase::LoggingIn;
        send({protocol::Command::Kind::Login, {}, {}, 0});
    }
}

void HostSource::sendPing() {
    if (m_scheduler.now() - m_lastPong > m_settings.pingTimeout) {
        endHost("answered no ping for " + std::to_string(seconds(m_settings.pingTimeout)) +
                " s (hung, e.g. in a dialog nobody closed)");
        return;
    }
    send({protocol::Command::Kind::Ping, {}, {}, ++m_pingSeq});
    m_pingTask.start(m_settings.pingInterval, [this] { sendPing(); });
}

void HostSource::send(const protocol::Command& command) {
    if (!m_socket) {
        return;
    }
    std::string line = protocol::encode(command);
    line += '\n';
    m_socket->write(line.data(), static_cast<qint64>(line.size()));
}

void HostSource::onHostOutput() {
    if (!m_process) {
        return;
    }
    while (m_process->canReadLine()) {
        const QByteArray line = m_process->readLine().trimmed();
        if (!line.isEmpty()) {
            spdlog::info("host {}: {}", m_status.pid, escapeForLog(line.toStdString(), 2000));
        }
    }
}

void HostSource::onProcessError(QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart && m_process) {
        // No finished() follows a process that never started.
        m_endReason = "could not be started: " + m_process->errorString().toStdString();
        onProcessFinished(-1, QProcess::CrashExit);
    }
}

void HostSource::onProcessFinished(int exitCode, QProcess::ExitStatus status) {
    if (!m_process) {
        return;
    }
    std::string why = m_endReason;
    if (why.empty()) {
        why = status == QProcess::CrashExit ? "crashed (or was killed)"
                                            : "exited with code " + std::to_string(exitCode);
    }
    spdlog::warn("the control's host (pid {}) has ended: it {}", m_status.pid, why);
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_startTimeout.stop();
    m_pingTask.stop();
    m_killTask.stop();
    m_status.lastExit = why;
    m_status.pid = 0;
    setState(HostState::Stopped);
    reportEnd(why);
}

void HostSource::reportEnd(const std::string& why) {
    const Phase was = m_phase;
    m_phase = Phase::Stopped;
    const QString reason = QString::fromStdString("the control's host " + why);
    if (was == Phase::LoggedIn) {
        emit lost(kiwoom_error::kSocketClosed, reason);
    } else if (m_loginWanted && (was == Phase::Starting || was == Phase::LoggingIn)) {
        m_loginWanted = false;
        emit loginFailed(kiwoom_error::kFail, reason);
    }
    if (m_loginWanted) {
        startHost(); // a login asked for while the previous host was still going
    }
}

void HostSource::logIn() {
    m_loginWanted = true;
    switch (m_phase) {
    case Phase::Stopped:
        startHost();
        return;
    case Phase::Starting:
        return; // sent with the hello
    case Phase::Ready:
        if (m_endReason.empty()) {
            m_phase = Phase::LoggingIn;
            send({protocol::Command::Kind::Login, {}, {}, 0});
        }
        return; // else: a fresh host starts once this one has ended
    case Phase::LoggingIn:
    case Phase::LoggedIn:
        // A control logs in once: a fresh host for this login, once the old one has ended.
        m_phase = Phase::Ready;
        endHost("was replaced for a new login");
        return;
    }
}

void HostSource::logOut() {
    m_loginWanted = false;
    if (m_process) {
        m_phase = Phase::Ready;
        endHost("was ended by a logout");
    }
}

void HostSource::shutDown() {
    m_loginWanted = false;
    if (!m_process) {
        return;
    }
    m_phase = Phase::Ready;
    m_endReason = "was ended with kiwoomd";
    send({protocol::Command::Kind::Quit, {}, {}, 0});
    if (m_socket) {
        m_socket->flush();
    }
    if (!m_process->waitForFinished(static_cast<int>(m_settings.quitGrace.count()))) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void HostSource::request(const PageRequest& request) {
    if (m_phase != Phase::LoggedIn || !m_endReason.empty()) {
        emit requestSent(QString::fromStdString(request.rqName), kiwoom_error::kSocketClosed);
        return;
    }
    send({protocol::Command::Kind::Request, request, {}, 0});
}

void HostSource::releaseScreen(const std::string& screenNo) {
    if (m_phase == Phase::LoggedIn) {
        send({protocol::Command::Kind::Release, {}, screenNo, 0});
    }
}

} // namespace kiwoomd
