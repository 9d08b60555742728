#include "ConnectionStream.h"

#include <algorithm>
#include <cstring>

namespace kiwoomd::http {
namespace {

using Clock = std::chrono::steady_clock;

// Writes smaller than this wait for the next write or flush(); a response head waits for its
// body and both leave in one gathered send.
constexpr std::size_t kCoalesceLimit = 8 * 1024;
constexpr std::size_t kReceiveChunk = 16 * 1024;

} // namespace

ConnectionStream::ConnectionStream(net::NativeSocket socket, const StreamLimits& limits,
                                   const std::atomic<bool>& stopping)
    : m_socket(socket)
    , m_limits(limits)
    , m_stopping(stopping) {
    net::configureConnection(socket, limits.writeTimeout);
    net::peerAddress(socket, m_remoteIp, m_remotePort);
    net::localAddress(socket, m_localIp, m_localPort);
}

void ConnectionStream::compact() {
    if (m_readPos == 0) {
        return;
    }
    m_buffer.erase(0, m_readPos);
    m_scanPos = m_scanPos > m_readPos ? m_scanPos - m_readPos : 0;
    m_readPos = 0;
}

std::size_t ConnectionStream::headLength() {
    // HTTP/1.1 ends the head with CRLF CRLF; a bare LF LF is tolerated like the parser does.
    for (std::size_t i = std::max(m_scanPos, m_readPos + 1); i < m_buffer.size(); ++i) {
        if (m_buffer[i] != '\n') {
            continue;
        }
        if (m_buffer[i - 1] == '\n' ||
            (i >= m_readPos + 2 && m_buffer[i - 1] == '\r' && m_buffer[i - 2] == '\n')) {
            m_scanPos = i; // found again at once if asked twice
            return i + 1 - m_readPos;
        }
    }
    m_scanPos = m_buffer.size();
    return 0;
}

ConnectionStream::Head ConnectionStream::awaitRequestHead() {
    compact();
    // Stray line breaks between requests are allowed before a request line (RFC 9112 §2.2).
    while (m_readPos < m_buffer.size() && (m_buffer[m_readPos] == '\r' || m_buffer[m_readPos] == '\n')) {
        ++m_readPos;
    }
    const auto idleDeadline = Clock::now() + m_limits.idleTimeout;
    auto headDeadline = Clock::time_point::max();
    if (bufferedBytes() > 0) {
        headDeadline = Clock::now() + m_limits.headTimeout;
    }
    for (;;) {
        const std::size_t head = bufferedBytes() > 0 ? headLength() : 0;
        if (head > m_limits.maxHeadBytes || (head == 0 && bufferedBytes() > m_limits.maxHeadBytes)) {
            return Head::TooLarge;
        }
        if (head > 0) {
            return Head::Ready;
        }
        if (m_stopping.load(std::memory_order_relaxed)) {
            return Head::Closed;
        }
        const auto now = Clock::now();
        if (bufferedBytes() == 0 ? now >= idleDeadline : now >= headDeadline) {
            return bufferedBytes() == 0 ? Head::Closed : Head::TimedOut;
        }
        char chunk[kReceiveChunk];
        std::size_t received = 0;
        const auto status = net::receiveSome(m_socket, chunk, sizeof chunk, received);
        switch (status) {
        case net::ReceiveStatus::Data:
            m_buffer.append(chunk, received);
            if (headDeadline == Clock::time_point::max()) {
                headDeadline = Clock::now() + m_limits.headTimeout;
            }
            break;
        case net::ReceiveStatus::TimedOut:
            break;
        case net::ReceiveStatus::Closed:
            return Head::Closed;
        case net::ReceiveStatus::Failed:
            return Head::Failed;
        }
    }
}

bool ConnectionStream::is_readable() const {
    return bufferedBytes() > 0;
}

bool ConnectionStream::is_writable() const {
    return !m_writeFailed;
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
    // The head is complete before the parser runs. A request body is never read: the router
    // refuses requests that have one and the connection closes after the answer.
    if (bufferedBytes() == 0) {
        return -1;
    }
    const std::size_t n = std::min(size, bufferedBytes());
    std::memcpy(ptr, m_buffer.data() + m_readPos, n);
    m_readPos += n;
    return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
    if (m_discard) {
        return static_cast<ssize_t>(size);
    }
    if (m_writeFailed) {
        return -1;
    }
    if (m_out.size() + size <= kCoalesceLimit) {
        m_out.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    const net::ConstBuffer parts[] = {{m_out.data(), m_out.size()}, {ptr, size}};
    if (!net::sendAll(m_socket, parts, 2)) {
        m_writeFailed = true;
        return -1;
    }
    m_out.clear();
    return static_cast<ssize_t>(size);
}

bool ConnectionStream::flush() {
    if (m_discard || m_out.empty() || m_writeFailed) {
        return !m_writeFailed;
    }
    const net::ConstBuffer part{m_out.data(), m_out.size()};
    if (!net::sendAll(m_socket, &part, 1)) {
        m_writeFailed = true;
        return false;
    }
    m_out.clear();
    return true;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    ip = m_remoteIp;
    port = m_remotePort;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
    ip = m_localIp;
    port = m_localPort;
}

socket_t ConnectionStream::socket() const {
    return static_cast<socket_t>(m_socket);
}

} // namespace kiwoomd::http
