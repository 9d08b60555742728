#include "SocketIo.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>

#include <algorithm>
#include <climits>

namespace kiwoomd::http::net {
namespace {

SOCKET native(NativeSocket socket) {
    return static_cast<SOCKET>(socket);
}

void addressOf(const sockaddr_storage& address, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

} // namespace

void configureConnection(NativeSocket socket, std::chrono::milliseconds writeTimeout) {
    const BOOL on = TRUE;
    setsockopt(native(socket), IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&on), sizeof on);
    // No SO_RCVTIMEO here: after a timed-out receive Winsock leaves the socket in an undefined
    // state, so receiveSome waits with WSAPoll instead. A timed-out send ends the connection
    // anyway, so SO_SNDTIMEO is safe.
    const DWORD write = static_cast<DWORD>(writeTimeout.count());
    setsockopt(native(socket), SOL_SOCKET, SO_SNDTIMEO, reinterpret_cast<const char*>(&write), sizeof write);
}

ReceiveStatus receiveSome(NativeSocket socket, char* buffer, std::size_t capacity, std::size_t& received) {
    WSAPOLLFD item{};
    item.fd = native(socket);
    item.events = POLLRDNORM;
    const int ready = WSAPoll(&item, 1, static_cast<INT>(kReceiveTick.count()));
    if (ready == 0) {
        return ReceiveStatus::TimedOut;
    }
    if (ready < 0) {
        return ReceiveStatus::Failed;
    }
    const int n =
        ::recv(native(socket), buffer, static_cast<int>(std::min<std::size_t>(capacity, INT_MAX)), 0);
    if (n > 0) {
        received = static_cast<std::size_t>(n);
        return ReceiveStatus::Data;
    }
    return n == 0 ? ReceiveStatus::Closed : ReceiveStatus::Failed;
}

bool sendAll(NativeSocket socket, const ConstBuffer* buffers, std::size_t count) {
    constexpr std::size_t kMaxParts = 8;
    WSABUF parts[kMaxParts];
    std::size_t first = 0;
    std::size_t offset = 0;
    while (first < count) {
        DWORD used = 0;
        for (std::size_t i = first; i < count && used < kMaxParts; ++i) {
            const std::size_t skip = i == first ? offset : 0;
            if (buffers[i].size > skip) {
                parts[used].buf = const_cast<char*>(buffers[i].data + skip);
                parts[used].len = static_cast<ULONG>(buffers[i].size - skip);
                ++used;
            }
        }
        if (used == 0) {
            return true;
        }
        DWORD sentBytes = 0;
        if (WSASend(native(socket), parts, used, &sentBytes, 0, nullptr, nullptr) != 0) {
            return false;
        }
        std::size_t sent = sentBytes;
        while (first < count && sent >= buffers[first].size - offset) {
            sent -= buffers[first].size - offset;
            ++first;
            offset = 0;
        }
        offset += sent;
    }
    return true;
}

void setNonBlocking(NativeSocket socket, bool on) {
    u_long mode = on ? 1 : 0;
    ioctlsocket(native(socket), FIONBIO, &mode);
}

SendStatus sendSome(NativeSocket socket, const char* data, std::size_t size, std::size_t& sent) {
    sent = 0;
    const int n = ::send(native(socket), data, static_cast<int>(std::min<std::size_t>(size, INT_MAX)), 0);
    if (n >= 0) {
        sent = static_cast<std::size_t>(n);
        return SendStatus::Progress;
    }
    return WSAGetLastError() == WSAEWOULDBLOCK ? SendStatus::WouldBlock : SendStatus::Failed;
}

bool drainIncoming(NativeSocket socket) {
    char scratch[4096];
    for (;;) {
        const int n = ::recv(native(socket), scratch, sizeof scratch, 0);
        if (n > 0) {
            continue;
        }
        if (n == 0) {
            return false;
        }
        return WSAGetLastError() == WSAEWOULDBLOCK;
    }
}

void shutdownWrites(NativeSocket socket) {
    ::shutdown(native(socket), SD_SEND);
}

void shutdownBoth(NativeSocket socket) {
    ::shutdown(native(socket), SD_BOTH);
}

void closeSocket(NativeSocket socket) {
    ::closesocket(native(socket));
}

void peerAddress(NativeSocket socket, std::string& ip, int& port) {
    sockaddr_storage address{};
    int length = sizeof address;
    ip.clear();
    port = -1;
    if (::getpeername(native(socket), reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        addressOf(address, ip, port);
    }
}

void localAddress(NativeSocket socket, std::string& ip, int& port) {
    sockaddr_storage address{};
    int length = sizeof address;
    ip.clear();
    port = -1;
    if (::getsockname(native(socket), reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        addressOf(address, ip, port);
    }
}

void widenListenBacklog(NativeSocket listening) {
    // Winsock keeps the first backlog of a listening socket; SOMAXCONN only helps on sockets that
    // listen for the first time, so this is a no-op kept for symmetry with POSIX.
    ::listen(native(listening), SOMAXCONN);
}

bool pollSockets(std::vector<PollItem>& items, std::chrono::milliseconds timeout) {
    std::vector<WSAPOLLFD> fds(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        fds[i].fd = native(items[i].socket);
        fds[i].events =
            static_cast<SHORT>((items[i].wantRead ? POLLRDNORM : 0) | (items[i].wantWrite ? POLLWRNORM : 0));
    }
    const INT wait = static_cast<INT>(std::min<std::chrono::milliseconds::rep>(timeout.count(), INT_MAX));
    if (WSAPoll(fds.data(), static_cast<ULONG>(fds.size()), wait) == SOCKET_ERROR) {
        return false;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const SHORT got = fds[i].revents;
        items[i].readable = (got & (POLLRDNORM | POLLHUP | POLLERR)) != 0;
        items[i].writable = (got & POLLWRNORM) != 0;
        items[i].failed = (got & (POLLERR | POLLNVAL)) != 0;
    }
    return true;
}

void lowerCurrentThreadPriority() {
    SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
}

Wakeup::Wakeup() {
    // WSAPoll accepts sockets only, so a UDP socket on loopback that sends datagrams to itself.
    const SOCKET udp = ::socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    if (udp == INVALID_SOCKET) {
        return;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int length = sizeof address;
    if (::bind(udp, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(udp, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
        ::connect(udp, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::closesocket(udp);
        return;
    }
    u_long nonBlocking = 1;
    ioctlsocket(udp, FIONBIO, &nonBlocking);
    m_readEnd = udp;
    m_writeEnd = udp;
    m_valid = true;
}

Wakeup::~Wakeup() {
    if (m_valid) {
        ::closesocket(native(m_readEnd));
    }
}

void Wakeup::signal() {
    const char byte = 1;
    ::send(native(m_writeEnd), &byte, 1, 0);
}

void Wakeup::drain() {
    char scratch[256];
    while (::recv(native(m_readEnd), scratch, sizeof scratch, 0) > 0) {
    }
}

} // namespace kiwoomd::http::net
