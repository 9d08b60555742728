#include "kiwoomd/http/HttpServer.h"

#include "kiwoomd/http/ApiError.h"

#include <httplib.h>
#ifndef _WIN32
#include <sys/socket.h>
#endif
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <chrono>

namespace kiwoomd::http {
namespace {

ApiRequest toApiRequest(const httplib::Request& in) {
    ApiRequest out;
    out.method = in.method;
    out.path = in.path;
    for (const auto& [name, value] : in.params) {
        out.query.emplace(name, value);
    }
    for (const auto& [name, value] : in.headers) {
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        out.headers.emplace(std::move(lower), value);
    }
    return out;
}

// httplib's default also sets SO_REUSEPORT, which lets a second daemon bind the same port and
// silently share its traffic. One owner per port: SO_REUSEADDR only (so a restart need not wait
// out TIME_WAIT), and on Windows SO_EXCLUSIVEADDRUSE, whose SO_REUSEADDR would allow port theft.
void setExclusivePortOptions(socket_t socket) {
    int on = 1;
#ifdef _WIN32
    setsockopt(socket, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&on), sizeof on);
#else
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
#endif
}

void writeResponse(const ApiResponse& in, httplib::Response& out) {
    out.status = in.status;
    for (const auto& [name, value] : in.headers) {
        out.set_header(name, value);
    }
    out.set_header("X-Content-Type-Options", "nosniff");
    out.set_content(in.body ? *in.body : std::string(), in.contentType.c_str());
}

} // namespace

HttpServer::HttpServer(RequestHandler& handler)
    : m_handler(handler) {}

HttpServer::~HttpServer() {
    stop();
}

bool HttpServer::start(const std::string& host, int port) {
    m_server = std::make_unique<httplib::Server>();
    auto& server = *m_server;

    server.set_socket_options(setExclusivePortOptions);
    // Every request, whatever its method or path, goes to the one handler before httplib's own
    // routing; the handler decides 404 and 405 itself.
    server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        // JSON snapshots are small and change every poll; a byte range of one is useless, and httplib
        // would cut our 200 answer to it. RFC 9110 §14.2 lets a server ignore Range, so drop it. The
        // request object is httplib's own mutable local, handed to us as const.
        const_cast<httplib::Request&>(request).ranges.clear();
        writeResponse(m_handler.handle(toApiRequest(request)), response);
        return httplib::Server::HandlerResponse::Handled;
    });
    // Nothing may escape into httplib's thread: a last-resort JSON 500.
    server.set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                    std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            spdlog::error("unhandled exception serving {} {}: {}", request.method, request.path, e.what());
        } catch (...) {
            spdlog::error("unhandled non-standard exception serving {} {}", request.method, request.path);
        }
        writeResponse(toErrorResponse(ApiError(ApiErrorKind::Internal, "internal", "internal server error")),
                      response);
    });
    // Errors httplib raises before routing (400 on a malformed request line, 414 on a long URI)
    // get the same JSON shape as ours.
    server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) {
            return;
        }
        const std::string message =
            "request rejected by the HTTP layer (status " + std::to_string(response.status) + ")";
        const bool notFound = response.status == 404;
        const ApiError error(notFound ? ApiErrorKind::NotFound : ApiErrorKind::BadRequest,
                             notFound ? "not_found" : "bad_request", message);
        const int status = response.status;
        writeResponse(toErrorResponse(error), response);
        response.status = status;
    });

    if (port == 0) {
        m_port = server.bind_to_any_port(host);
        if (m_port <= 0) {
            m_error = "cannot bind " + host + " to a free port";
            return false;
        }
    } else {
        if (!server.bind_to_port(host, port)) {
            m_error = "cannot listen on " + host + ":" + std::to_string(port) +
                      " (the port is in use or the address is not local)";
            return false;
        }
        m_port = port;
    }
    // The socket is listening once bound; connections made now wait in the backlog.
    m_thread = std::thread([&server] { server.listen_after_bind(); });
    // stop() only interrupts a running accept loop, so wait for it to run before returning.
    for (int i = 0; i < 5000 && !server.is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

void HttpServer::stop() {
    if (m_server) {
        m_server->stop();
    }
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace kiwoomd::http
