#include "HostServer.h"

#include "kiwoomd/core/ControlCalls.h"

#include <QCoreApplication>

#include <spdlog/spdlog.h>

namespace kiwoomd::host {

HostServer::HostServer(ControlSource& source, QLocalSocket& socket, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_socket(socket) {
    connect(&m_socket, &QLocalSocket::readyRead, this, &HostServer::onReadyRead);
    connect(&m_socket, &QLocalSocket::disconnected, this, [this] {
        spdlog::info("kiwoomd has gone; the host exits");
        emit finished(0);
    });
    connect(&m_source, &Source::loggedIn, this, [this](const LoginInfo& info) {
        send(protocol::loginInfoMessage(login_tag::kServerKind, protocol::serverGubunFor(info.serverKind)));
        send(protocol::loginInfoMessage(login_tag::kUserId, info.userId));
        send(protocol::connectMessage(0));
    });
    connect(&m_source, &Source::loginFailed, this,
            [this](int code, const QString&) { send(protocol::connectMessage(code)); });
    connect(&m_source, &Source::lost, this,
            [this](int code, const QString&) { send(protocol::connectMessage(code)); });
    connect(&m_source, &Source::pageArrived, this,
            [this](const TrPage& page) { send(protocol::trDataMessage(page)); });
    connect(
        &m_source, &Source::serverMessage, this,
        [this](const QString& rqName, const QString& trCode, const QString& screenNo, const QString& text) {
            send(protocol::serverMessage(screenNo.toStdString(), rqName.toStdString(), trCode.toStdString(),
                                         text.toStdString()));
        });
}

void HostServer::greet() {
    protocol::Hello hello;
    hello.protocol = protocol::kVersion;
    hello.pid = QCoreApplication::applicationPid();
    hello.bits = static_cast<int>(sizeof(void*) * 8);
    hello.backend = m_source.backend();
    send(protocol::helloMessage(hello));
}

void HostServer::reportDialog(const std::string& whatClosed) {
    send(protocol::dialogMessage(whatClosed));
}

void HostServer::send(const protocol::HostMessage& message) {
    std::string line = protocol::encode(message);
    line += '\n';
    m_socket.write(line.data(), static_cast<qint64>(line.size()));
}

void HostServer::onReadyRead() {
    const QByteArray bytes = m_socket.readAll();
    if (!m_lines.append(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())))) {
        spdlog::error("kiwoomd sent a line longer than the protocol allows; the host exits");
        emit finished(1);
        return;
    }
    while (auto line = m_lines.nextLine()) {
        std::string error;
        const auto command = protocol::decodeCommand(*line, error);
        if (!command) {
            spdlog::error("kiwoomd sent a line the protocol does not allow ({}); the host exits", error);
            emit finished(1);
            return;
        }
        execute(*command);
    }
}

void HostServer::execute(const protocol::Command& command) {
    using Kind = protocol::Command::Kind;
    switch (command.kind) {
    case Kind::Login:
        m_source.logIn();
        return;
    case Kind::Logout:
        m_source.logOut();
        return;
    case Kind::Request: {
        // CommRqData's result is sent here, with the request it answers, before any page of it:
        // the source emits pages only after request() has returned.
        int result = 0;
        const auto connection = connect(&m_source, &Source::requestSent, this,
                                        [&result](const QString&, int code) { result = code; });
        m_source.request(command.request);
        disconnect(connection);
        send(protocol::requestResultMessage(command.request, result));
        return;
    }
    case Kind::Release:
        m_source.releaseScreen(command.screenNo);
        return;
    case Kind::Ping:
        send(protocol::pongMessage(command.seq));
        return;
    case Kind::Quit:
        spdlog::info("kiwoomd asked the host to quit");
        m_source.logOut();
        emit finished(0);
        return;
    }
}

} // namespace kiwoomd::host
