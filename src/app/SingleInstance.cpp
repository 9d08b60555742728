#include "SingleInstance.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QOperatingSystemVersion>
#include <QThread>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

constexpr char kLockFileName[] = "kiwoomd.lock";
constexpr char kStatusRequest[] = "status";
// The running daemon may itself be starting (it listens right after taking the lock), so the
// second start keeps trying for a little while before it calls the owner unresponsive.
constexpr int kAskForMs = 3000;
constexpr int kRetryEveryMs = 100;

} // namespace

SingleInstance::SingleInstance(const QString& dataDir, QObject* parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_lockPath(QDir(dataDir).filePath(QLatin1String(kLockFileName)))
    , m_lock(m_lockPath) {
    // The daemon holds the lock for days: never call a live owner's lock stale because of its age.
    // A crashed owner is still detected, by its process id (QLockFile checks that it is alive).
    m_lock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString& dataDir) {
    const QFileInfo info(dataDir);
    QString path = QDir::cleanPath(info.exists() ? info.canonicalFilePath() : info.absoluteFilePath());
    // Windows paths are case-insensitive: "C:\Users\..." and "c:\users\..." are the same data dir.
    if (QOperatingSystemVersion::currentType() == QOperatingSystemVersion::Windows) {
        path = path.toLower();
    }
    const QByteArray hash = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("kiwoomd-%1").arg(QString::fromLatin1(hash.left(16)));
}

SingleInstance::Result SingleInstance::acquire(QString& message) {
    if (m_lock.tryLock(0)) {
        listen();
        return Result::Acquired;
    }
    if (m_lock.error() != QLockFile::LockFailedError) {
        message = QStringLiteral("cannot create the lock file %1 (%2); is the data dir writable?")
                      .arg(QDir::toNativeSeparators(m_lockPath), m_lock.error() == QLockFile::PermissionError
                                                                     ? QStringLiteral("permission denied")
                                                                     : QStringLiteral("unknown error"));
        return Result::Failed;
    }
    qint64 pid = 0;
    QString host;
    QString app;
    m_lock.getLockInfo(&pid, &host, &app);
    const QString answer = askRunning(pid);
    if (!answer.isEmpty()) {
        message = answer;
        return Result::AlreadyRunning;
    }
    // Nobody answers. A lock whose owner is gone or is not a kiwoomd can be removed; one held by a
    // live process (it keeps a file-level lock) cannot, and that owner is only not answering.
    if (m_lock.removeStaleLockFile() && m_lock.tryLock(0)) {
        spdlog::warn("took over the lock of pid {}, which held it without answering", pid);
        listen();
        return Result::Acquired;
    }
    message = QStringLiteral("kiwoomd is already running (pid %1) for %2 but does not answer; if it hangs, "
                             "end it and start kiwoomd again")
                  .arg(pid)
                  .arg(QDir::toNativeSeparators(m_dataDir));
    return Result::AlreadyRunning;
}

void SingleInstance::listen() {
    const QString name = serverNameFor(m_dataDir);
    // We own the lock, so a socket of that name is a leftover of a crashed run (Unix keeps the
    // socket file); remove it before listening.
    QLocalServer::removeServer(name);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(name)) {
        spdlog::warn("cannot listen on local socket {} ({}); a second start will not find this one",
                     name.toStdString(), m_server->errorString().toStdString());
        return;
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::answer);
}

void SingleInstance::answer() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                return;
            }
            const QList<QByteArray> request = socket->readLine().trimmed().split(' ');
            if (request.value(0) != kStatusRequest) {
                socket->disconnectFromServer();
                return;
            }
            const QJsonObject reply{{QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                    {QStringLiteral("url"), m_servingUrl},
                                    {QStringLiteral("tray"), m_trayShown && m_trayShown()},
                                    {QStringLiteral("version"), QCoreApplication::applicationVersion()}};
            socket->write(QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
            socket->flush();
            socket->disconnectFromServer(); // after the pending bytes are written
            emit statusRequested(request.value(1).toLongLong());
        });
    }
}

QString SingleInstance::askRunning(qint64 lockPid) const {
    const QString name = serverNameFor(m_dataDir);
    QDeadlineTimer deadline(kAskForMs);
    while (!deadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(name);
        if (!socket.waitForConnected(kRetryEveryMs)) {
            QThread::msleep(kRetryEveryMs);
            continue;
        }
        socket.write(QByteArray(kStatusRequest) + ' ' +
                     QByteArray::number(QCoreApplication::applicationPid()) + '\n');
        socket.flush();
        while (!socket.canReadLine() && socket.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
        }
        const QJsonObject reply = QJsonDocument::fromJson(socket.readLine()).object();
        if (reply.isEmpty()) {
            continue;
        }
        const qint64 pid = reply.value(QStringLiteral("pid")).toVariant().toLongLong();
        const QString url = reply.value(QStringLiteral("url")).toString();
        const QString where =
            url.isEmpty() ? QStringLiteral("still starting") : QStringLiteral("serving %1").arg(url);
        const QString how =
            reply.value(QStringLiteral("tray")).toBool()
                ? QStringLiteral("its tray icon shows its status")
                : QStringLiteral("it runs without a tray icon; its log is in %1")
                      .arg(QDir::toNativeSeparators(QDir(m_dataDir).filePath(QStringLiteral("logs"))));
        return QStringLiteral("kiwoomd is already running (pid %1, %2); %3")
            .arg(pid > 0 ? pid : lockPid)
            .arg(where, how);
    }
    return {};
}

} // namespace kiwoomd::app
