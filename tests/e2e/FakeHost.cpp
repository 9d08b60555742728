// fake_kiwoomd_host: a kiwoomd-host that misbehaves on purpose, for the supervision tests
// (HostSupervisionEndToEndTest.cpp). kiwoomd starts it with --host-program and its usual host
// arguments (--log-level, --emulator JSON, --simulate, --connect NAME); only --connect is read.
// How it misbehaves comes from FAKE_HOST_MODE, which it inherits from the kiwoomd the test starts:
//   garbage        hello, then a line that is not JSON
//   oversized      hello, then 5 MiB without a newline
//   silent         connects and says nothing, not even to "quit"
//   wrong-version  hello with protocol 999
//   unknown-backend  hello naming a backend kiwoomd does not know ("abacus")
//   no-pongs       hello, logs in when asked (GetLoginInfo lines, connect 0), then answers no ping
// Like the real host it exits when kiwoomd's socket closes, so a test leaves no orphan behind.

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/protocol/HostProtocol.h"

#include <QCoreApplication>
#include <QLocalSocket>

#include <cstdio>
#include <string>

namespace {

using namespace kiwoomd;

constexpr char kModeVariable[] = "FAKE_HOST_MODE";
constexpr int kOversizedBytes = 5 * 1024 * 1024; // past protocol::kMaxLineBytes (4 MiB)

void say(const char* text) {
    std::fprintf(stderr, "fake_kiwoomd_host: %s\n", text);
    std::fflush(stderr);
}

void sendLine(QLocalSocket& socket, const std::string& line) {
    const std::string framed = line + '\n';
    socket.write(framed.data(), static_cast<qint64>(framed.size()));
    socket.flush();
}

void sendHello(QLocalSocket& socket, int protocolVersion) {
    protocol::Hello hello;
    hello.protocol = protocolVersion;
    hello.pid = QCoreApplication::applicationPid();
    hello.bits = static_cast<int>(sizeof(void*) * 8);
    hello.backend = Backend::Emulator;
    sendLine(socket, protocol::encode(protocol::helloMessage(hello)));
}

// Answers the daemon's commands as the no-pongs host does: a login succeeds, pings go unanswered,
// requests are swallowed, quit is obeyed.
void obeyAllButPings(QLocalSocket& socket, protocol::LineBuffer& lines) {
    const QByteArray bytes = socket.readAll();
    if (!lines.append(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())))) {
        say("kiwoomd sent an oversized line");
        QCoreApplication::exit(1);
        return;
    }
    while (auto line = lines.nextLine()) {
        std::string error;
        const auto command = protocol::decodeCommand(*line, error);
        if (!command) {
            say("kiwoomd sent a line the protocol does not allow");
            QCoreApplication::exit(1);
            return;
        }
        switch (command->kind) {
        case protocol::Command::Kind::Login:
            sendLine(socket, protocol::encode(protocol::loginInfoMessage(login_tag::kServerKind, "1")));
            sendLine(socket, protocol::encode(protocol::loginInfoMessage(login_tag::kUserId, "fakeuser")));
            sendLine(socket, protocol::encode(protocol::connectMessage(0)));
            break;
        case protocol::Command::Kind::Quit:
            QCoreApplication::exit(0);
            return;
        case protocol::Command::Kind::Logout:
        case protocol::Command::Kind::Request:
        case protocol::Command::Kind::Release:
        case protocol::Command::Kind::Ping:
            break;
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int connectAt = static_cast<int>(arguments.indexOf(QStringLiteral("--connect")));
    if (connectAt < 0 || connectAt + 1 >= arguments.size()) {
        say("--connect NAME missing");
        return 2;
    }
    const QByteArray mode = qgetenv(kModeVariable);
    const bool known = mode == "garbage" || mode == "oversized" || mode == "silent" ||
                       mode == "wrong-version" || mode == "unknown-backend" || mode == "no-pongs";
    if (!known) {
        say("FAKE_HOST_MODE must be garbage, oversized, silent, wrong-version, unknown-backend or no-pongs");
        return 2;
    }
    std::fprintf(stderr, "fake_kiwoomd_host: mode %s\n", mode.constData());

    QLocalSocket socket;
    socket.connectToServer(arguments.at(connectAt + 1));
    if (!socket.waitForConnected(10000)) {
        say("cannot reach kiwoomd");
        return 1;
    }
    QObject::connect(&socket, &QLocalSocket::disconnected, &app, [] { QCoreApplication::exit(0); });

    protocol::LineBuffer lines;
    if (mode == "garbage") {
        sendHello(socket, protocol::kVersion);
        sendLine(socket, "this is not JSON {");
    } else if (mode == "oversized") {
        sendHello(socket, protocol::kVersion);
        const QByteArray flood(kOversizedBytes, 'x');
        socket.write(flood);
        socket.flush();
    } else if (mode == "wrong-version") {
        sendHello(socket, 999);
    } else if (mode == "unknown-backend") {
        // Written by hand: protocol::Hello can only hold the backends kiwoomd knows.
        sendLine(socket, R"({"event":"hello","protocol":)" + std::to_string(protocol::kVersion) +
                             R"(,"pid":)" + std::to_string(QCoreApplication::applicationPid()) +
                             R"(,"bits":64,"backend":"abacus"})");
    } else if (mode == "no-pongs") {
        sendHello(socket, protocol::kVersion);
        QObject::connect(&socket, &QLocalSocket::readyRead, &app,
                         [&socket, &lines] { obeyAllButPings(socket, lines); });
    }
    // silent: nothing at all; kiwoomd's start timeout ends it.
    return QCoreApplication::exec();
}
