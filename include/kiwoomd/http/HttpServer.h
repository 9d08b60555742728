#pragma once
// The HTTP transport: cpp-httplib listening on its own thread, handing every request to one
// RequestHandler. Nothing else in the project includes httplib.h.
// Thread: start() and stop() from the owner's thread; requests run on httplib's worker pool.

#include "kiwoomd/http/ApiTypes.h"

#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace kiwoomd::http {

class HttpServer {
public:
    explicit HttpServer(RequestHandler& handler);
    ~HttpServer();

    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds (port 0: any free port) and starts serving on a worker thread. False when the address
    // cannot be bound; error() says why.
    bool start(const std::string& host, int port);
    void stop(); // stops accepting, finishes, joins; safe to call twice

    int port() const { return m_port; }
    const std::string& error() const { return m_error; }

private:
    RequestHandler& m_handler;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    std::string m_error;
};

} // namespace kiwoomd::http
