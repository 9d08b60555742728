#pragma once
// The few socket calls the transport makes itself, beyond what cpp-httplib does for it: reads
// and gathered writes with timeouts, non-blocking writes and polling for the event-stream writer,
// and a wake-up handle. One implementation per platform (SocketIoPosix.cpp, SocketIoWindows.cpp);
// CMake picks one, so no other transport file needs an #ifdef.
// Thread: any; the functions keep no state of their own.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiwoomd::http::net {

// SOCKET on Windows (UINT_PTR, the width of a pointer), a file descriptor elsewhere.
#ifdef _WIN32
using NativeSocket = std::uintptr_t;
#else
using NativeSocket = int;
#endif

// How long one blocking receive may wait before the caller gets to check its deadlines and the
// server's stop flag again.
inline constexpr std::chrono::milliseconds kReceiveTick{250};

// TCP_NODELAY (each response leaves in one gathered write, so Nagle's algorithm only adds the
// peer's delayed-ACK wait to every exchange), the receive tick and the write timeout.
void configureConnection(NativeSocket socket, std::chrono::milliseconds writeTimeout);

enum class ReceiveStatus { Data, Closed, TimedOut, Failed };

// Receives up to `capacity` bytes, waiting at most about one kReceiveTick. `received` is set with
// Data only.
ReceiveStatus receiveSome(NativeSocket socket, char* buffer, std::size_t capacity, std::size_t& received);

struct ConstBuffer {
    const char* data;
    std::size_t size;
};

// Sends every byte of the buffers, in order, as few system calls as the kernel allows. False when
// the peer is gone or the write timeout passed without progress.
bool sendAll(NativeSocket socket, const ConstBuffer* buffers, std::size_t count);

void setNonBlocking(NativeSocket socket, bool on);

enum class SendStatus { Progress, WouldBlock, Failed };

// One non-blocking send; `sent` bytes went out (possibly 0 with WouldBlock).
SendStatus sendSome(NativeSocket socket, const char* data, std::size_t size, std::size_t& sent);

// Reads and throws away what the peer sent; false once the peer has closed or failed.
bool drainIncoming(NativeSocket socket);

void shutdownWrites(NativeSocket socket);
void shutdownBoth(NativeSocket socket); // wakes any thread blocked on the socket
void closeSocket(NativeSocket socket);

// Peer and local address as text ("127.0.0.1", "::1") and port; empty and -1 when unknown.
void peerAddress(NativeSocket socket, std::string& ip, int& port);
void localAddress(NativeSocket socket, std::string& ip, int& port);

// Raises the accept backlog of a listening socket (cpp-httplib 0.11 listens with a backlog of 5,
// which drops connection bursts into SYN retries a second apart).
void widenListenBacklog(NativeSocket listening);

struct PollItem {
    NativeSocket socket;
    bool wantRead = false;
    bool wantWrite = false;
    // Results.
    bool readable = false; // data, end of stream or an error waits: a read will not block
    bool writable = false;
    bool failed = false; // hang-up or error
};

// Waits until one of the items is ready or `timeout` passes. False on an unexpected error.
bool pollSockets(std::vector<PollItem>& items, std::chrono::milliseconds timeout);

// Lowers the calling thread's scheduling priority a little below the main thread's: HTTP workers
// serve throughput, while the session's thread must answer the control in time and the
// event-stream writers have a thousand clients waiting for each snapshot. When the CPU is saturated
// those go first. Not a socket call, but as platform-bound as one.
void lowerCurrentThreadPriority();

// Something another thread can make pollSockets return for: a pipe on POSIX, a loopback UDP
// socket that sends to itself on Windows (whose poll takes sockets only).
class Wakeup {
public:
    Wakeup();
    ~Wakeup();
    Wakeup(const Wakeup&) = delete;
    Wakeup& operator=(const Wakeup&) = delete;

    bool valid() const { return m_valid; }
    NativeSocket handle() const { return m_readEnd; }
    void signal();
    void drain();

private:
    NativeSocket m_readEnd{};
    NativeSocket m_writeEnd{};
    bool m_valid = false;
};

} // namespace kiwoomd::http::net
