#pragma once
// The HTTP server: cpp-httplib's Server, used through its public API only (docs/architecture.md
// lists the calls). Every request goes to one RequestHandler from httplib's pre-routing handler,
// after RequestScreening; the answer goes back through httplib's Response. GET /api/stream is a
// chunked content provider that waits on the subscription, so each subscriber holds one worker
// thread of the pool while it is connected; the hub's subscriber cap bounds how many.
// Only this class's .cpp includes httplib.h.
// Thread: start() and stop() from the owner's thread; requests run on httplib's pool threads.

#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/TransportStats.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace kiwoomd::http {

class EventStreamHub;

// The server.* limits of docs/config.md, as httplib takes them.
struct TransportSettings {
    // Worker threads for request/response connections (server.max_connections). A connection
    // holds a worker while it is open; more connections wait in the queue until one is free.
    // The pool also gets one worker per stream subscriber the hub allows.
    int maxConnections = 64;
    std::chrono::milliseconds keepAliveTimeout{5000}; // idle time between requests
    // The longest pause while a request arrives (httplib's read timeout, per read).
    std::chrono::milliseconds readTimeout{10000};
    std::size_t maxRequestHeadBytes = 16 * 1024;
    std::chrono::milliseconds writeTimeout{10000}; // a client that takes nothing this long is dropped
};

class HttpServer {
public:
    // `streams`: where GET /api/stream subscriptions come from (the handler subscribes them); may
    // be null.
    explicit HttpServer(RequestHandler& handler, TransportSettings settings = {},
                        EventStreamHub* streams = nullptr, TransportStats* stats = nullptr);
    ~HttpServer();

    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds (port 0: any free port) and starts serving. False when the address cannot be bound;
    // error() says why.
    bool start(const std::string& host, int port);
    void stop(); // stops accepting, ends every stream and connection, joins; safe to call twice

    int port() const { return m_port; }
    const std::string& error() const { return m_error; }
    const TransportStats& stats() const { return *m_stats; }

    class Impl; // the httplib::Server and its handlers, in HttpServer.cpp

private:
    RequestHandler& m_handler;
    TransportSettings m_settings;
    EventStreamHub* m_streams;
    TransportStats m_ownStats;
    TransportStats* m_stats;
    std::unique_ptr<Impl> m_impl;
    int m_port = 0;
    std::string m_error;
};

} // namespace kiwoomd::http
