#pragma once
// A TCP client that sends and reads raw bytes, for transport tests that a well-behaved HTTP
// client cannot express: half-sent heads, oversized headers, pipelining, streams read by hand or
// not read at all. QTcpSocket's blocking calls, so it is portable and needs no event loop.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include <functional>
#include <string>

namespace kiwoomd::test {

class RawConnection {
public:
    explicit RawConnection(int port) {
        m_socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
        m_connected = m_socket.waitForConnected(3000);
    }

    bool connected() const { return m_connected; }

    bool send(const std::string& bytes) {
        m_socket.write(bytes.data(), static_cast<qint64>(bytes.size()));
        return m_socket.waitForBytesWritten(3000);
    }

    // Reads until `done(received)` holds, the peer closes, or `timeoutMs` pass; returns what came.
    std::string readUntil(const std::function<bool(const std::string&)>& done, int timeoutMs = 5000) {
        QElapsedTimer timer;
        timer.start();
        while (!done(m_received) && timer.elapsed() < timeoutMs) {
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(50)) {
                if (m_socket.state() != QAbstractSocket::ConnectedState) {
                    m_closed = true;
                    break;
                }
                continue;
            }
            const QByteArray chunk = m_socket.readAll();
            m_received.append(chunk.constData(), static_cast<std::size_t>(chunk.size()));
        }
        return m_received;
    }

    std::string readFor(int milliseconds) {
        return readUntil([](const std::string&) { return false; }, milliseconds);
    }

    // True when the server closed the connection within `timeoutMs`.
    bool closedWithin(int timeoutMs) {
        readUntil([this](const std::string&) { return m_closed; }, timeoutMs);
        return m_closed || m_socket.state() != QAbstractSocket::ConnectedState;
    }

    const std::string& received() const { return m_received; }
    void clearReceived() { m_received.clear(); }
    void close() { m_socket.abort(); }

    static int countOf(const std::string& text, const std::string& needle) {
        int count = 0;
        for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
            ++count;
        }
        return count;
    }

private:
    QTcpSocket m_socket;
    bool m_connected = false;
    bool m_closed = false;
    std::string m_received;
};

} // namespace kiwoomd::test
