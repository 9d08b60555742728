#include "SocketIo.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include <algorithm>
#include <climits>

namespace kiwoomd::http::net {
namespace {

#ifdef MSG_NOSIGNAL
constexpr int kSendFlags = MSG_NOSIGNAL; // a vanished peer is an error code, not a SIGPIPE
#else
constexpr int kSendFlags = 0;
#endif

timeval toTimeval(std::chrono::milliseconds duration) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(duration.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((duration.count() % 1000) * 1000);
    return tv;
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
    const int on = 1;
    setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    // A blocking receive with a timeout is one system call per request; poll + recv would be two.
    const timeval tick = toTimeval(kReceiveTick);
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &tick, sizeof tick);
    const timeval write = toTimeval(writeTimeout);
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &write, sizeof write);
#ifdef SO_NOSIGPIPE
    setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
}

ReceiveStatus receiveSome(NativeSocket socket, char* buffer, std::size_t capacity, std::size_t& received) {
    for (;;) {
        const ssize_t n = ::recv(socket, buffer, capacity, 0);
        if (n > 0) {
            received = static_cast<std::size_t>(n);
            return ReceiveStatus::Data;
        }
        if (n == 0) {
            return ReceiveStatus::Closed;
        }
        if (errno == EINTR) {
            continue;
        }
        return errno == EAGAIN || errno == EWOULDBLOCK ? ReceiveStatus::TimedOut : ReceiveStatus::Failed;
    }
}

bool sendAll(NativeSocket socket, const ConstBuffer* buffers, std::size_t count) {
    constexpr std::size_t kMaxParts = 8;
    iovec parts[kMaxParts];
    std::size_t first = 0;
    std::size_t offset = 0; // into buffers[first]
    while (first < count) {
        std::size_t used = 0;
        for (std::size_t i = first; i < count && used < kMaxParts; ++i) {
            const std::size_t skip = i == first ? offset : 0;
            if (buffers[i].size > skip) {
                parts[used].iov_base = const_cast<char*>(buffers[i].data + skip);
                parts[used].iov_len = buffers[i].size - skip;
                ++used;
            }
        }
        if (used == 0) {
            return true;
        }
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = used;
        const ssize_t n = ::sendmsg(socket, &message, kSendFlags);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false; // EAGAIN here means SO_SNDTIMEO passed: the peer stopped reading
        }
        auto sent = static_cast<std::size_t>(n);
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
    const int flags = fcntl(socket, F_GETFL, 0);
    fcntl(socket, F_SETFL, on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK));
}

SendStatus sendSome(NativeSocket socket, const char* data, std::size_t size, std::size_t& sent) {
    sent = 0;
    for (;;) {
        const ssize_t n = ::send(socket, data, size, kSendFlags | MSG_DONTWAIT);
        if (n >= 0) {
            sent = static_cast<std::size_t>(n);
            return SendStatus::Progress;
        }
        if (errno == EINTR) {
            continue;
        }
        return errno == EAGAIN || errno == EWOULDBLOCK ? SendStatus::WouldBlock : SendStatus::Failed;
    }
}

bool drainIncoming(NativeSocket socket) {
    char scratch[4096];
    for (;;) {
        const ssize_t n = ::recv(socket, scratch, sizeof scratch, MSG_DONTWAIT);
        if (n > 0) {
            continue;
        }
        if (n == 0) {
            return false;
        }
        if (errno == EINTR) {
            continue;
        }
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

void shutdownWrites(NativeSocket socket) {
    ::shutdown(socket, SHUT_WR);
}

void shutdownBoth(NativeSocket socket) {
    ::shutdown(socket, SHUT_RDWR);
}

void closeSocket(NativeSocket socket) {
    ::close(socket);
}

void peerAddress(NativeSocket socket, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    ip.clear();
    port = -1;
    if (::getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        addressOf(address, ip, port);
    }
}

void localAddress(NativeSocket socket, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    ip.clear();
    port = -1;
    if (::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        addressOf(address, ip, port);
    }
}

void widenListenBacklog(NativeSocket listening) {
    // Calling listen() again on a listening socket only changes its backlog.
    ::listen(listening, SOMAXCONN);
}

bool pollSockets(std::vector<PollItem>& items, std::chrono::milliseconds timeout) {
    std::vector<pollfd> fds(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        fds[i].fd = items[i].socket;
        fds[i].events =
            static_cast<short>((items[i].wantRead ? POLLIN : 0) | (items[i].wantWrite ? POLLOUT : 0));
    }
    const int wait = static_cast<int>(std::min<std::chrono::milliseconds::rep>(timeout.count(), INT_MAX));
    int ready = 0;
    do {
        ready = ::poll(fds.data(), static_cast<nfds_t>(fds.size()), wait);
    } while (ready < 0 && errno == EINTR);
    if (ready < 0) {
        return false;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const short got = fds[i].revents;
        items[i].readable = (got & (POLLIN | POLLHUP | POLLERR)) != 0;
        items[i].writable = (got & POLLOUT) != 0;
        items[i].failed = (got & (POLLERR | POLLNVAL)) != 0;
    }
    return true;
}

void lowerCurrentThreadPriority() {
#ifdef __linux__
    // On Linux the nice value belongs to each thread (setpriority with a thread id, see sched(7)),
    // and a new thread inherits its creator's. Counting from the main thread's value (its id is
    // the process id) keeps the result the same whichever thread started this one.
    const int mainThreadNice = getpriority(PRIO_PROCESS, static_cast<id_t>(getpid()));
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), mainThreadNice + 3);
#endif
}

Wakeup::Wakeup() {
    int ends[2];
    if (::pipe(ends) == 0) {
        m_readEnd = ends[0];
        m_writeEnd = ends[1];
        for (const int end : ends) {
            fcntl(end, F_SETFL, fcntl(end, F_GETFL, 0) | O_NONBLOCK);
            fcntl(end, F_SETFD, FD_CLOEXEC);
        }
        m_valid = true;
    }
}

Wakeup::~Wakeup() {
    if (m_valid) {
        ::close(m_readEnd);
        ::close(m_writeEnd);
    }
}

void Wakeup::signal() {
    const char byte = 1;
    // A full pipe already holds a wake-up; nothing is lost by dropping this one.
    [[maybe_unused]] const ssize_t n = ::write(m_writeEnd, &byte, 1);
}

void Wakeup::drain() {
    char scratch[256];
    while (::read(m_readEnd, scratch, sizeof scratch) > 0) {
    }
}

} // namespace kiwoomd::http::net
