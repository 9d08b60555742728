#pragma once
// One client connection as cpp-httplib's Stream: reads are buffered and bounded, writes are
// gathered so a response leaves in one system call (head and body together), and the peer's
// addresses are looked up once per connection instead of once per request.
// Thread: the HTTP worker thread serving the connection.

#include "SocketIo.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>

namespace kiwoomd::http {

struct StreamLimits {
    std::chrono::milliseconds idleTimeout{5000};  // keep-alive: wait for a next request this long
    std::chrono::milliseconds headTimeout{10000}; // a whole request head must arrive in this time
    std::size_t maxHeadBytes = 16 * 1024;         // request line and headers together
    std::chrono::milliseconds writeTimeout{10000};
};

class ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(net::NativeSocket socket, const StreamLimits& limits, const std::atomic<bool>& stopping);

    enum class Head {
        Ready,    // a complete request head is buffered
        Closed,   // the peer closed, went idle past the keep-alive timeout, or the server stops
        TooLarge, // the head grew past maxHeadBytes (431)
        TimedOut, // the head started but did not finish in headTimeout (408; slowloris)
        Failed,   // a socket error
    };
    // Waits for the next request's head. Everything the parser reads afterwards is in the buffer,
    // so a slow or stalled client can hold this thread only for the two timeouts.
    Head awaitRequestHead();

    // httplib::Stream
    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override;

    // Sends what write() held back; false when the peer is gone.
    bool flush();
    // Whatever the HTTP library writes from now on is dropped: the transport wrote the answer
    // itself, or handed the connection to the event-stream writer.
    void discardWrites() { m_discard = true; }
    void acceptWrites() { m_discard = false; } // the next request's answer goes out again
    // A buffer the transport formats each answer's head in, reused for the connection's life.
    std::string& headBuffer() { return m_head; }
    std::size_t bufferedBytes() const { return m_buffer.size() - m_readPos; }

private:
    // Bytes from the read position to the end of the head's blank line; 0 while incomplete.
    std::size_t headLength();
    void compact();

    net::NativeSocket m_socket;
    StreamLimits m_limits;
    const std::atomic<bool>& m_stopping;
    std::string m_buffer;      // received, not yet parsed
    std::size_t m_readPos = 0; // parser's position in m_buffer
    std::size_t m_scanPos = 0; // where to resume looking for the end of the head
    std::string m_out;         // small writes waiting to leave with the next large one or flush()
    std::string m_head;
    bool m_discard = false;
    bool m_writeFailed = false;
    std::string m_remoteIp;
    int m_remotePort = -1;
    std::string m_localIp;
    int m_localPort = -1;
};

} // namespace kiwoomd::http
