#include "kiwoomd/http/HttpServer.h"

#include "kiwoomd/http/ApiError.h"
#include "kiwoomd/http/AsciiCase.h"
#include "transport/ConnectionStream.h"
#include "transport/ElasticThreadPool.h"
#include "transport/RequestConversion.h"
#include "transport/ResponseHead.h"
#include "transport/StreamWriter.h"

#include <httplib.h>
#ifndef _WIN32
#include <sys/socket.h>
#endif
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace kiwoomd::http {
namespace {

// Threads beyond max_connections, so connections over the cap can still be told 503 quickly.
constexpr std::size_t kRefusalThreads = 16;
constexpr std::chrono::milliseconds kIdleThreadExit{30000};

// What the connection's thread knows about the request being served. The pre-routing handler runs
// on that same thread inside process_request, so a thread-local is how it reaches the connection.
struct ConnectionContext {
    ConnectionStream* stream = nullptr;
    bool lastRequest = false; // the connection's request limit, or the server stops
    bool answered = false;    // serve() wrote the answer itself
    bool closeAfterResponse = false;
    std::shared_ptr<StreamSubscription> handOver; // set when the request opened an event stream
};

// Whether the client asked to close after this answer (RFC 9112 §9.3, §9.6).
bool clientCloses(const httplib::Request& request) {
    const std::string connection = request.get_header_value("Connection");
    if (request.version == "HTTP/1.0") {
        return !equalsIgnoringAsciiCase(connection, "keep-alive");
    }
    return equalsIgnoringAsciiCase(connection, "close");
}
thread_local ConnectionContext* t_connection = nullptr;

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

// Fills httplib's own answer, which is sent only for what httplib answers itself: a request it
// could not parse, or an exception out of the handler. Small JSON errors, never 204 or 304; every
// other answer the transport writes itself (serve).
void writeErrorResponse(const ApiResponse& in, httplib::Response& out) {
    out.status = in.status;
    for (const auto& [name, value] : in.headers) {
        out.set_header(name.c_str(), value);
    }
    out.set_header("X-Content-Type-Options", "nosniff");
    out.set_content(in.body ? *in.body : std::string(), in.contentType.c_str());
}

void sendRefusal(net::NativeSocket socket, ApiError error) {
    ApiResponse response = toErrorResponse(error);
    response.headers.emplace_back("Cache-Control", "no-store");
    std::string head;
    HeadFraming framing;
    framing.close = true;
    appendResponseHead(head, response, framing);
    const net::ConstBuffer parts[] = {{head.data(), head.size()},
                                      {response.body->data(), response.body->size()}};
    net::sendAll(socket, parts, 2);
}

// Closes after the response has left: the peer may still be sending (a body we did not read, the
// rest of a refused head), and closing with unread input would reset the connection and could
// destroy the response on its way. So: no more writes, read what comes for a moment, then close.
void lingerClose(net::NativeSocket socket, std::chrono::milliseconds linger) {
    net::shutdownWrites(socket);
    const auto deadline = std::chrono::steady_clock::now() + linger;
    char scratch[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        std::size_t received = 0;
        const auto status = net::receiveSome(socket, scratch, sizeof scratch, received);
        if (status == net::ReceiveStatus::Closed || status == net::ReceiveStatus::Failed) {
            break;
        }
    }
    net::closeSocket(socket);
}

} // namespace

// cpp-httplib's server with the connection handling replaced: process_and_close_socket is the
// virtual through which httplib hands over each accepted socket, and process_request (protected)
// parses and answers one request on any Stream.
class HttpServer::Transport final : public httplib::Server {
public:
    Transport(RequestHandler& handler, const TransportSettings& settings, EventStreamHub* streams,
              TransportStats& stats)
        : m_handler(handler)
        , m_settings(settings)
        , m_stats(stats)
        , m_limits{settings.keepAliveTimeout, settings.requestHeadTimeout, settings.maxRequestHeadBytes,
                   settings.writeTimeout} {
        if (streams) {
            // One writer per core (at most four): a snapshot reaches a thousand subscribers as a
            // thousand sends, which the writers share out, each over its own subscribers.
            const unsigned cores = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
            for (unsigned i = 0; i < cores; ++i) {
                const bool ticksHub = i == 0;
                m_writers.push_back(
                    std::make_unique<StreamWriter>(*streams, settings.writeTimeout, stats, ticksHub));
            }
            m_streams = streams;
        }
        const std::size_t threads =
            static_cast<std::size_t>(std::max(1, settings.maxConnections)) + kRefusalThreads;
        new_task_queue = [threads] { return new ElasticThreadPool(threads, kIdleThreadExit); };
        set_socket_options(setExclusivePortOptions);
        m_keepAliveHeader =
            "timeout=" +
            std::to_string(std::max<long long>(
                1, std::chrono::duration_cast<std::chrono::seconds>(settings.keepAliveTimeout).count())) +
            ", max=" + std::to_string(settings.maxRequestsPerConnection);
        // Every request, whatever its method or path, goes to the one handler before httplib's own
        // routing; the handler decides 404 and 405 itself.
        set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
            serve(request, response);
            return HandlerResponse::Handled;
        });
        set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                 std::exception_ptr error) {
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                spdlog::error("unhandled exception serving {} {}: {}", request.method, request.path,
                              e.what());
            } catch (...) {
                spdlog::error("unhandled non-standard exception serving {} {}", request.method, request.path);
            }
            writeErrorResponse(
                toErrorResponse(ApiError(ApiErrorKind::Internal, "internal", "internal server error")),
                response);
        });
        // Errors httplib raises itself (400 on a malformed request line, 414 on a long URI) get the
        // same JSON shape as ours.
        set_error_handler([](const httplib::Request&, httplib::Response& response) {
            // httplib calls this for every status from 400 on, ours included: an answer of the API
            // was written whole by serve(), and its connection goes on.
            if ((t_connection && t_connection->answered) || !response.body.empty()) {
                return;
            }
            const int status = response.status;
            const bool notFound = status == 404;
            const ApiError error(notFound ? ApiErrorKind::NotFound : ApiErrorKind::BadRequest,
                                 notFound ? "not_found" : "bad_request",
                                 "request rejected by the HTTP layer (status " + std::to_string(status) +
                                     ")");
            writeErrorResponse(toErrorResponse(error), response);
            response.status = status;
            if (t_connection) {
                t_connection->closeAfterResponse = true; // the parser lost its place in the input
            }
        });
    }

    bool startWriters() {
        for (auto& writer : m_writers) {
            if (!writer->start()) {
                return false;
            }
        }
        if (m_streams) {
            m_streams->setWakeup([this] {
                for (auto& writer : m_writers) {
                    writer->wake();
                }
            });
        }
        return true;
    }
    bool stopping() const { return m_stopping; }
    void widenBacklog() { net::widenListenBacklog(static_cast<net::NativeSocket>(svr_sock_.load())); }

    void beginStop() {
        m_stopping = true;
        std::lock_guard lock(m_openMutex);
        for (const auto socket : m_open) {
            net::shutdownBoth(socket); // wakes the thread blocked reading it
        }
    }
    void stopWriters() {
        if (m_streams) {
            m_streams->setWakeup(nullptr);
        }
        for (auto& writer : m_writers) {
            writer->stop();
        }
    }

private:
    // Answers one request. The answer is written here, whole, so nothing httplib would do with a
    // response applies to it: it is never cut to a Range (a byte range of a JSON snapshot is useless,
    // and RFC 9110 §14.2 lets a server ignore Range), never compressed per request (the router
    // serves bodies compressed once per snapshot), and its headers are formatted without printf.
    void serve(const httplib::Request& request, httplib::Response& response) {
        const ApiRequest apiRequest = toApiRequest(request);
        ApiResponse answer = m_handler.handle(apiRequest);
        if (!t_connection) {
            // Cannot happen: only process_and_close_socket calls process_request, and it sets
            // t_connection. Should httplib ever call it another way, say so rather than crash.
            spdlog::error("request served outside the transport's connection loop");
            writeErrorResponse(
                toErrorResponse(ApiError(ApiErrorKind::Internal, "internal", "internal server error")),
                response);
            return;
        }
        ConnectionContext& connection = *t_connection;
        ConnectionStream& stream = *connection.stream;
        if (apiRequest.hasBody || connection.lastRequest || clientCloses(request)) {
            connection.closeAfterResponse = true; // a body is never read, so it must not be parsed next
        }
        std::string& head = stream.headBuffer();
        head.clear();
        HeadFraming framing;
        framing.keepAlive = m_keepAliveHeader;
        framing.close = connection.closeAfterResponse;
        if (answer.eventStream && !m_writers.empty()) {
            framing.untilClose = true;
            appendResponseHead(head, answer, framing);
            stream.write(head.data(), head.size());
            stream.flush();
            stream.discardWrites(); // what httplib writes after this goes nowhere
            connection.handOver = std::move(answer.eventStream);
            response.status = 200;
            return;
        }
        // The whole answer goes out here, head and body in one gathered send; httplib's own writer
        // runs after us on an empty answer and is discarded (see ConnectionStream::discardWrites).
        appendResponseHead(head, answer, framing);
        stream.write(head.data(), head.size());
        if (request.method != "HEAD" && answer.body && !answer.body->empty() && answer.status != 204 &&
            answer.status != 304) {
            stream.write(answer.body->data(), answer.body->size());
        }
        stream.discardWrites();
        connection.answered = true;
        response.status = answer.status;
    }

    bool process_and_close_socket(socket_t rawSocket) override {
        const auto socket = static_cast<net::NativeSocket>(rawSocket);
        ++m_stats.acceptedConnections;
        if (++m_stats.openConnections > m_settings.maxConnections) {
            --m_stats.openConnections;
            ++m_stats.refusedConnections;
            net::configureConnection(socket, std::chrono::milliseconds(1000));
            ApiError busy(ApiErrorKind::Unavailable, "too_many_connections",
                          "kiwoomd serves at most " + std::to_string(m_settings.maxConnections) +
                              " connections at once (server.max_connections); try again shortly");
            busy.retryAfterSeconds = 1;
            sendRefusal(socket, busy);
            lingerClose(socket, std::chrono::milliseconds(250));
            return true;
        }
        {
            std::lock_guard lock(m_openMutex);
            m_open.insert(socket);
        }
        if (m_stopping) {
            net::shutdownBoth(socket); // accepted while stop() was closing the others
        }
        ConnectionStream stream(socket, m_limits, m_stopping);
        ConnectionContext context;
        context.stream = &stream;
        bool linger = false;
        for (std::size_t served = 0; served < m_settings.maxRequestsPerConnection;) {
            const auto head = stream.awaitRequestHead();
            if (head == ConnectionStream::Head::TooLarge || head == ConnectionStream::Head::TimedOut) {
                const bool tooLarge = head == ConnectionStream::Head::TooLarge;
                ++(tooLarge ? m_stats.oversizedHeads : m_stats.headTimeouts);
                sendRefusal(socket,
                            tooLarge ? ApiError(ApiErrorKind::HeadersTooLarge, "headers_too_large",
                                                "the request line and headers exceed " +
                                                    std::to_string(m_settings.maxRequestHeadBytes) + " bytes")
                                     : ApiError(ApiErrorKind::RequestTimeout, "request_timeout",
                                                "the request head did not arrive within " +
                                                    std::to_string(m_settings.requestHeadTimeout.count()) +
                                                    " ms"));
                linger = true;
                break;
            }
            if (head != ConnectionStream::Head::Ready) {
                break;
            }
            ++served;
            bool clientClosing = false;
            context.closeAfterResponse = false;
            context.answered = false;
            context.lastRequest = served == m_settings.maxRequestsPerConnection || m_stopping;
            t_connection = &context;
            // close_connection: httplib only answers by itself when something went wrong before our
            // handler ran (a malformed request, a URI too long), and then the connection ends.
            const bool ok = process_request(stream, true, clientClosing, nullptr);
            t_connection = nullptr;
            if (context.handOver) {
                break;
            }
            if (context.answered) {
                stream.acceptWrites();
            } else {
                context.closeAfterResponse = true;
            }
            const bool flushed = stream.flush();
            if (!flushed || (!ok && !context.answered) || clientClosing || context.closeAfterResponse) {
                linger = flushed && context.closeAfterResponse;
                break;
            }
        }
        {
            std::lock_guard lock(m_openMutex);
            m_open.erase(socket);
        }
        --m_stats.openConnections;
        if (context.handOver && !m_stopping) {
            // Round robin: each writer gets about the same number of subscribers.
            const std::size_t next = m_nextWriter.fetch_add(1, std::memory_order_relaxed);
            m_writers[next % m_writers.size()]->adopt(socket, std::move(context.handOver));
            return true;
        }
        if (linger && !m_stopping) {
            lingerClose(socket, std::chrono::milliseconds(1000));
        } else {
            net::shutdownBoth(socket);
            net::closeSocket(socket);
        }
        return true;
    }

    RequestHandler& m_handler;
    const TransportSettings m_settings;
    TransportStats& m_stats;
    const StreamLimits m_limits;
    std::string m_keepAliveHeader; // "timeout=5, max=10000"
    EventStreamHub* m_streams = nullptr;
    std::vector<std::unique_ptr<StreamWriter>> m_writers;
    std::atomic<std::size_t> m_nextWriter{0};
    std::atomic<bool> m_stopping{false};
    std::mutex m_openMutex;
    std::unordered_set<net::NativeSocket> m_open;
};

HttpServer::HttpServer(RequestHandler& handler, TransportSettings settings, EventStreamHub* streams,
                       TransportStats* stats)
    : m_handler(handler)
    , m_settings(settings)
    , m_streams(streams)
    , m_stats(stats ? stats : &m_ownStats) {}

HttpServer::~HttpServer() {
    stop();
}

bool HttpServer::start(const std::string& host, int port) {
    m_transport = std::make_unique<Transport>(m_handler, m_settings, m_streams, *m_stats);
    auto& server = *m_transport;
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
    server.widenBacklog();
    if (!server.startWriters()) {
        m_error = "cannot start the event-stream writers";
        return false;
    }
    // The socket is listening once bound; connections made now wait in the backlog.
    m_thread = std::thread([&server] {
        if (!server.listen_after_bind() && !server.stopping()) {
            spdlog::critical("the HTTP listener stopped accepting connections");
        }
    });
    // stop() only interrupts a running accept loop, so wait for it to run before returning.
    for (int i = 0; i < 5000 && !server.is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

void HttpServer::stop() {
    if (!m_transport) {
        return;
    }
    m_transport->beginStop();
    m_transport->stop(); // closes the listening socket; the accept loop then joins the pool
    if (m_thread.joinable()) {
        m_thread.join();
    }
    m_transport->stopWriters();
    m_transport.reset();
}

} // namespace kiwoomd::http
