#pragma once
// The HTTP transport: cpp-httplib parses each request and writes each response; around it this
// class runs the connections itself. A connection gets a thread of its own from a pool that grows
// on demand, reads are bounded (head size, head time, keep-alive idle time: no slowloris), writes
// leave in one gathered send per response, connections beyond server.max_connections get a clean
// 503, and a GET /api/stream connection is handed to one writer thread so a thousand subscribers
// do not hold a thousand threads. Every request goes to one RequestHandler; only the transport
// files (this one's .cpp and src/http/transport) include httplib.h.
// Thread: start() and stop() from the owner's thread; requests run on the pool's threads.

#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/TransportStats.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <thread>

namespace kiwoomd::http {

class EventStreamHub;

struct TransportSettings {
    int maxConnections = 512; // request/response connections at once; stream clients count apart
    std::chrono::milliseconds keepAliveTimeout{5000};
    std::chrono::milliseconds requestHeadTimeout{10000}; // from a request's first byte to its blank line
    std::size_t maxRequestHeadBytes = 16 * 1024;
    std::chrono::milliseconds writeTimeout{10000}; // a client that takes nothing this long is dropped
    std::size_t maxRequestsPerConnection = 10000;
};

class HttpServer {
public:
    // `streams`: where GET /api/stream connections go (the handler subscribes them); may be null.
    explicit HttpServer(RequestHandler& handler, TransportSettings settings = {},
                        EventStreamHub* streams = nullptr, TransportStats* stats = nullptr);
    ~HttpServer();

    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds (port 0: any free port) and starts serving. False when the address cannot be bound;
    // error() says why.
    bool start(const std::string& host, int port);
    void stop(); // stops accepting, ends every connection and stream, joins; safe to call twice

    int port() const { return m_port; }
    const std::string& error() const { return m_error; }
    const TransportStats& stats() const { return *m_stats; }

    class Transport; // the cpp-httplib server, in HttpServer.cpp

private:
    RequestHandler& m_handler;
    TransportSettings m_settings;
    EventStreamHub* m_streams;
    TransportStats m_ownStats;
    TransportStats* m_stats;
    std::unique_ptr<Transport> m_transport;
    std::thread m_thread;
    int m_port = 0;
    std::string m_error;
};

} // namespace kiwoomd::http
