#include "kiwoomd/http/HttpServer.h"

#include "AsciiCase.h"
#include "kiwoomd/core/LogText.h"
#include "kiwoomd/http/ApiError.h"
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/HttpDate.h"
#include "kiwoomd/http/RequestScreening.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

namespace kiwoomd::http {
namespace {

using HandlerResponse = httplib::Server::HandlerResponse;

// A connection is closed after this many requests, so no client keeps a worker for ever.
constexpr std::size_t kMaxRequestsPerConnection = 10000;
// No endpoint takes a body, and httplib never reads one here (every request is answered from the
// pre-routing handler); should it ever try, it stops at this.
constexpr std::size_t kMaxPayloadBytes = 64 * 1024;
// How long a stream worker waits for an event before it checks that its client is still there.
constexpr std::chrono::milliseconds kStreamPoll{1000};
// The hub's heartbeats are decided once a second.
constexpr std::chrono::milliseconds kTickInterval{1000};

// Marks every answer this file builds, so the error handler can tell them from the bare answers
// httplib makes for requests it could not parse. Sent anyway: it stops MIME sniffing.
constexpr char kOwnAnswerHeader[] = "X-Content-Type-Options";

// httplib's default sets SO_REUSEPORT, which lets a second daemon bind the same port and silently
// share its traffic. One owner per port: SO_REUSEADDR only (so a restart need not wait out
// TIME_WAIT), and on Windows SO_EXCLUSIVEADDRUSE, whose SO_REUSEADDR would allow port theft.
void setExclusivePortOptions(socket_t socket) {
    int on = 1;
#ifdef _WIN32
    setsockopt(socket, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&on), sizeof on);
#else
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
#endif
}

// httplib 0.11 adds these to every request's headers from the socket; the router has no use for them.
bool isAddedByHttplib(const std::string& name) {
    return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

ApiRequest toApiRequest(const httplib::Request& in) {
    ApiRequest out;
    out.method = in.method;
    out.version = in.version;
    out.path = in.path;
    for (const auto& [name, value] : in.params) {
        out.query.emplace(name, value);
    }
    for (const auto& [name, value] : in.headers) {
        if (!isAddedByHttplib(name)) {
            out.headers.emplace(asciiLower(name), value);
        }
    }
    out.hasBody = requestHasBody(out);
    return out;
}

// The API has no ranges (RFC 9110 §14.2 lets a server ignore Range): a byte range of a JSON
// snapshot is of no use. httplib parses Range into the public Request::ranges before routing and
// httplib 0.11 cuts any answer to it, whatever its status, so the list is emptied here. The
// request object is httplib's own, non-const one; the handlers only see it through const.
void ignoreRanges(const httplib::Request& request) {
    const_cast<httplib::Request&>(request).ranges.clear();
}

// Copies an answer into httplib's Response. Bodies go out through a content provider of known
// length: httplib then neither compresses them (the router compresses once per snapshot) nor
// copies them, and when `close` is set the provider ends the connection after the last byte,
// which is how a handler closes a connection through httplib's public API.
void fillResponse(const ApiResponse& answer, bool close, httplib::Response& out) {
    out.status = answer.status;
    for (const auto& [name, value] : answer.headers) {
        out.set_header(name.c_str(), value); // httplib drops a header that holds CR or LF
    }
    out.set_header(kOwnAnswerHeader, "nosniff");
    if (close) {
        out.set_header("Connection", "close");
    }
    // 204 and 304 have no content, hence no type or length (RFC 9110 §8.6, §15.3.5, §15.4.5).
    if (answer.status == 204 || answer.status == 304) {
        return;
    }
    if (!answer.body || answer.body->empty()) {
        out.set_header("Content-Type", answer.contentType);
        return;
    }
    std::shared_ptr<const std::string> body = answer.body;
    out.set_content_provider(body->size(), answer.contentType.c_str(),
                             [body, close](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return sink.write(body->data() + offset, length) && !close;
                             });
}

// An answer made before routing: the request never reached the router, which adds the CORS and
// caching headers to its own answers, so they are added here (Vary: Origin because a later,
// well-formed request from an allowed origin gets CORS headers). It always closes.
void fillPreRoutingError(const ApiError& error, httplib::Response& out) {
    ApiResponse answer = toErrorResponse(error);
    answer.headers.emplace_back("Cache-Control", "no-store");
    answer.headers.emplace_back("Vary", "Origin");
    fillResponse(answer, true, out);
}

bool saysClose(const httplib::Response& response) {
    const auto [begin, end] = response.headers.equal_range("Connection");
    return std::any_of(begin, end, [](const auto& header) { return header.second == "close"; });
}

} // namespace

class HttpServer::Impl {
public:
    Impl(RequestHandler& handler, const TransportSettings& settings, EventStreamHub* streams,
         TransportStats& stats)
        : m_handler(handler)
        , m_settings(settings)
        , m_streams(streams)
        , m_stats(stats) {
        const int subscribers = streams ? std::max(0, streams->settings().maxSubscribers) : 0;
        const auto threads = static_cast<std::size_t>(std::max(1, settings.maxConnections) + subscribers);
        m_server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        m_server.set_socket_options([this](socket_t socket) {
            setExclusivePortOptions(socket);
            m_listenSocket = socket; // the last one tried is the one httplib binds
        });
        m_server.set_tcp_nodelay(true);
        m_server.set_keep_alive_max_count(kMaxRequestsPerConnection);
        m_server.set_keep_alive_timeout(
            static_cast<time_t>(std::max<long long>(1, (settings.keepAliveTimeout.count() + 999) / 1000)));
        m_server.set_read_timeout(settings.readTimeout);
        m_server.set_write_timeout(settings.writeTimeout);
        m_server.set_payload_max_length(kMaxPayloadBytes);

        m_server.set_pre_routing_handler(
            [this](const httplib::Request& request, httplib::Response& response) {
                serve(request, response);
                return HandlerResponse::Handled;
            });
        // httplib sends "100 Continue" before routing unless this says otherwise. An HTTP/1.0
        // client knows no 100 (RFC 9110 §10.1.1), so it gets the final answer at once; its
        // connection closes after it, which also frames a body that httplib sends without
        // Content-Length on this path.
        m_server.set_expect_100_continue_handler(
            [this](const httplib::Request& request, httplib::Response& response) {
                if (request.version == "HTTP/1.1") {
                    return 100;
                }
                serve(request, response);
                return response.status;
            });
        // Spelled as HandlerWithResponse: httplib 0.11 overloads set_error_handler on two
        // std::function types that a lambda would match equally.
        const httplib::Server::HandlerWithResponse onError = [this](const httplib::Request& request,
                                                                    httplib::Response& response) {
            answerLibraryError(request, response);
            return HandlerResponse::Handled; // httplib then frames the body (Content-Length)
        };
        m_server.set_error_handler(onError);
        m_server.set_exception_handler(
            [](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    spdlog::error("unhandled exception serving {} {}: {}", escapeForLog(request.method),
                                  escapeForLog(request.path), escapeForLog(e.what()));
                } catch (...) {
                    spdlog::error("unhandled non-standard exception serving {} {}",
                                  escapeForLog(request.method), escapeForLog(request.path));
                }
                ignoreRanges(request);
                response.headers.clear(); // whatever the handler had set before it threw
                fillResponse(
                    toErrorResponse(ApiError(ApiErrorKind::Internal, "internal", "internal server error")),
                    false, response);
            });
        m_server.set_post_routing_handler(
            [](const httplib::Request&, httplib::Response& response) { finishHeaders(response); });
    }

    bool bind(const std::string& host, int port, int& boundPort, std::string& error) {
        if (port == 0) {
            boundPort = m_server.bind_to_any_port(host);
            if (boundPort <= 0) {
                error = "cannot bind " + host + " to a free port";
                return false;
            }
            return true;
        }
        if (!m_server.bind_to_port(host, port)) {
            error = "cannot listen on " + host + ":" + std::to_string(port) +
                    " (the port is in use or the address is not local)";
            return false;
        }
        boundPort = port;
        return true;
    }

    // httplib 0.11 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when Debian built
    // it; later releases use 128). A burst of clients connecting or reconnecting at once overflows
    // it, and the connections the kernel drops wait for the client's SYN retry (1 s, then 3 s).
    // POSIX lets listen() set a new backlog on a listening socket, so the socket httplib handed to
    // set_socket_options is listened on again with the system's maximum. Winsock keeps the first
    // backlog, which there is already httplib's current one.
    void widenListenBacklog() {
        if (m_listenSocket != INVALID_SOCKET) {
            ::listen(m_listenSocket, SOMAXCONN);
        }
    }

    void run() {
        if (m_streams) {
            m_ticker = std::thread([this] { tickHub(); });
        }
        m_listener = std::thread([this] {
            if (!m_server.listen_after_bind() && !m_stopping) {
                spdlog::critical("the HTTP listener stopped accepting connections");
            }
        });
        // stop() only interrupts a running accept loop, so wait for it to run before returning.
        for (int i = 0; i < 5000 && !m_server.is_running(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }

    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            for (const auto& subscription : m_subscriptions) {
                subscription->end(); // wakes its worker, which ends the response
            }
        }
        m_wake.notify_all();
        m_server.stop(); // closes the listening socket; the accept loop then joins the pool
        if (m_listener.joinable()) {
            m_listener.join();
        }
        if (m_ticker.joinable()) {
            m_ticker.join();
        }
    }

private:
    // Every request: screened, then answered by the handler.
    void serve(const httplib::Request& request, httplib::Response& response) {
        ++m_stats.requestsInProgress;
        struct InProgress {
            TransportStats& stats;
            ~InProgress() { --stats.requestsInProgress; }
        } inProgress{m_stats};
        ignoreRanges(request);
        const ApiRequest apiRequest = toApiRequest(request);
        if (const auto error = screenRequest(apiRequest, m_settings.maxRequestHeadBytes)) {
            ++m_stats.rejectedRequests;
            if (error->kind() == ApiErrorKind::HeadersTooLarge) {
                ++m_stats.oversizedHeads;
            }
            fillPreRoutingError(*error, response);
            return;
        }
        ApiResponse answer = m_handler.handle(apiRequest);
        if (answer.eventStream) {
            streamTo(std::move(answer), response);
            return;
        }
        fillResponse(answer, closesAfterAnswer(apiRequest), response);
    }

    // httplib calls the error handler for every answer from 400 on, ours included. Its own
    // answers (a request it could not parse, a URI over 8 KB, a Range it could not parse) come
    // without a body and get the API's JSON error shape here.
    void answerLibraryError(const httplib::Request& request, httplib::Response& response) {
        if (response.has_header(kOwnAnswerHeader)) {
            return; // an answer of the API, complete
        }
        if (response.status == 416) {
            // httplib 0.11 refuses a Range it cannot parse before the handlers run, so before the
            // Host and token checks. Range means nothing here: answer the request as if it had
            // none, through every check.
            serve(request, response);
            return;
        }
        ignoreRanges(request);
        const int status = response.status;
        const bool notFound = status == 404;
        ++m_stats.rejectedRequests;
        fillPreRoutingError(
            ApiError(notFound ? ApiErrorKind::NotFound : ApiErrorKind::BadRequest,
                     notFound ? "not_found" : "bad_request",
                     "request rejected by the HTTP layer (status " + std::to_string(status) + ")"),
            response);
        response.status = status; // 414 stays 414
    }

    // The Date header, and the framing headers made consistent with what happens to the
    // connection: one "Connection: close" and no Keep-Alive when it closes (httplib 0.11 writes
    // Keep-Alive unless the client's Connection header is exactly "close"), no length or type on
    // 204 and 304, and no "Accept-Ranges: bytes" (httplib adds it to HEAD answers).
    static void finishHeaders(httplib::Response& response) {
        if (!response.has_header("Date")) {
            response.set_header("Date", httpDate(std::chrono::system_clock::now()));
        }
        if (saysClose(response)) {
            response.headers.erase("Connection");
            response.headers.erase("Keep-Alive");
            response.set_header("Connection", "close");
        }
        if (response.status == 204 || response.status == 304) {
            response.headers.erase("Content-Length");
            response.headers.erase("Content-Type");
        }
        response.headers.erase("Accept-Ranges");
    }

    // GET /api/stream: the head now, then the subscription's chunks for as long as the client
    // reads them, each as one HTTP chunk. The worker waits in the subscription between events;
    // every kStreamPoll it checks that the client is still connected. httplib's write timeout drops a client
    // that stops reading; the hub drops one that falls too far behind.
    void streamTo(ApiResponse answer, httplib::Response& response) {
        struct Stream {
            std::shared_ptr<StreamSubscription> subscription;
            std::deque<StreamChunk> pending;
        };
        auto stream = std::make_shared<Stream>();
        stream->subscription = std::move(answer.eventStream);
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                stream->subscription->end();
            }
            m_subscriptions.insert(stream->subscription);
        }
        ++m_stats.streamConnections;
        response.status = answer.status;
        for (const auto& [name, value] : answer.headers) {
            response.set_header(name.c_str(), value);
        }
        response.set_header(kOwnAnswerHeader, "nosniff");
        response.set_header("Connection", "close"); // the stream ends with the connection
        response.set_chunked_content_provider(
            answer.contentType.c_str(),
            [this, stream](std::size_t, httplib::DataSink& sink) {
                if (stream->pending.empty() &&
                    !stream->subscription->waitAndTake(stream->pending, kStreamPoll)) {
                    return false; // dropped by the hub, or the server is stopping
                }
                if (stream->pending.empty()) {
                    return sink.is_writable(); // quiet: is the client still there?
                }
                // Each event as it was formatted once for every subscriber: no copy per subscriber
                // is kept (with 64 subscribers and three feeds that was megabytes).
                while (!stream->pending.empty()) {
                    const StreamChunk chunk = std::move(stream->pending.front());
                    stream->pending.pop_front();
                    if (!sink.write(chunk->data(), chunk->size())) {
                        ++m_stats.streamWriteFailures;
                        return false;
                    }
                }
                return true;
            },
            [this, stream](bool) {
                {
                    std::lock_guard lock(m_mutex);
                    m_subscriptions.erase(stream->subscription);
                }
                stream->subscription.reset(); // unsubscribes
                --m_stats.streamConnections;
            });
    }

    void tickHub() {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            m_wake.wait_for(lock, kTickInterval, [this] { return m_stopping; });
            if (!m_stopping) {
                lock.unlock();
                m_streams->tick();
                lock.lock();
            }
        }
    }

    RequestHandler& m_handler;
    const TransportSettings m_settings;
    EventStreamHub* m_streams;
    TransportStats& m_stats;
    httplib::Server m_server;
    socket_t m_listenSocket = INVALID_SOCKET;
    std::thread m_listener;
    std::thread m_ticker;
    std::mutex m_mutex; // guards what follows
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::set<std::shared_ptr<StreamSubscription>> m_subscriptions;
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
    m_impl = std::make_unique<Impl>(m_handler, m_settings, m_streams, *m_stats);
    if (!m_impl->bind(host, port, m_port, m_error)) {
        m_impl.reset();
        return false;
    }
    m_impl->widenListenBacklog();
    m_impl->run();
    return true;
}

void HttpServer::stop() {
    if (!m_impl) {
        return;
    }
    m_impl->stop();
    m_impl.reset();
}

} // namespace kiwoomd::http
