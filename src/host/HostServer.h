#pragma once
// kiwoomd-host's side of the protocol (kiwoomd/protocol/HostProtocol.h): carries the daemon's
// commands to the ControlSource and its answers back, one JSON line each, and ends the host when
// the daemon goes away or says something the protocol does not allow.
// Thread: the host's main thread, the control's thread.

#include "kiwoomd/kiwoom/ControlSource.h"
#include "kiwoomd/protocol/HostProtocol.h"

#include <QLocalSocket>
#include <QObject>

namespace kiwoomd::host {

class HostServer final : public QObject {
    Q_OBJECT

public:
    HostServer(ControlSource& source, QLocalSocket& socket, QObject* parent = nullptr);

    // Says hello: the protocol version, this pid, its bitness and the control's backend.
    void greet();
    // Tells the daemon what a dialog closer closed, so that its log has it.
    void reportDialog(const std::string& whatClosed);

signals:
    // The daemon is gone, asked to quit, or broke the protocol: the host must exit.
    void finished(int exitCode);

private:
    void onReadyRead();
    void execute(const protocol::Command& command);
    void send(const protocol::HostMessage& message);

    ControlSource& m_source;
    QLocalSocket& m_socket;
    protocol::LineBuffer m_lines;
};

} // namespace kiwoomd::host
