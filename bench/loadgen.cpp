// A closed-loop HTTP/1.1 load client that counts answers per connection, which wrk does not: N
// keep-alive connections, one request outstanding on each (no pipelining), for a fixed time. It
// reports the total rate, the per-connection answer counts (min / median / max: the slowest
// connection shows whether a server starves anyone) and the latency percentiles.
//
// Usage: loadgen --port P [--host 127.0.0.1] [--path /api/volume-ranking] [--connections 64]
//                [--duration 10] [--warmup 1] [--threads 1]
// The last line is machine-readable: "RESULT key=value ...".
//
// Thread: each worker thread owns an epoll set and its share of the connections; they meet only
// at the start barrier and when their results are merged.

#include "Percentile.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using kiwoomd::bench::percentile;

using Clock = std::chrono::steady_clock;

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path = "/api/volume-ranking";
    int connections = 64;
    double duration = 10.0;
    double warmup = 1.0;
    int threads = 1;
};

struct Connection {
    int fd = -1;
    std::string head; // response head bytes received so far
    std::size_t bodyRemaining = 0;
    bool inBody = false;
    bool closeAfter = false; // the server said "Connection: close"
    Clock::time_point sentAt;
    std::size_t unsent = 0;    // request bytes still to send (a partial send)
    std::uint64_t answers = 0; // counted inside the measured window
};

struct Totals {
    std::vector<std::uint64_t> perConnection;
    std::vector<std::uint32_t> latencyMicros;
    std::uint64_t non200 = 0;
    std::uint64_t reconnects = 0;
    std::uint64_t failures = 0; // connect or socket errors
};

int openConnection(const Options& options) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(options.port));
    inet_pton(AF_INET, options.host.c_str(), &address.sin_addr);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
    return fd;
}

// Case-insensitive search for a header's value in a response head; empty when absent.
std::string headerValue(const std::string& head, const char* name) {
    const std::size_t length = std::strlen(name);
    std::size_t line = head.find("\r\n");
    while (line != std::string::npos && line + 2 < head.size()) {
        const std::size_t start = line + 2;
        if (head.size() - start > length && strncasecmp(head.c_str() + start, name, length) == 0 &&
            head[start + length] == ':') {
            std::size_t value = start + length + 1;
            while (value < head.size() && head[value] == ' ') {
                ++value;
            }
            const std::size_t end = head.find("\r\n", value);
            return head.substr(value, end == std::string::npos ? std::string::npos : end - value);
        }
        line = head.find("\r\n", start);
    }
    return {};
}

class Worker {
public:
    Worker(const Options& options, int connections)
        : m_options(options)
        , m_connections(static_cast<std::size_t>(connections)) {
        m_request = "GET " + options.path + " HTTP/1.1\r\nHost: " + options.host + ":" +
                    std::to_string(options.port) + "\r\nUser-Agent: kiwoomd-loadgen\r\n\r\n";
    }

    // Connects every connection of this worker; false when one cannot connect.
    bool connectAll() {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        for (std::size_t i = 0; i < m_connections.size(); ++i) {
            if (!reopen(i)) {
                return false;
            }
        }
        return true;
    }

    void run(Clock::time_point start, Clock::time_point recordFrom, Clock::time_point end) {
        std::this_thread::sleep_until(start);
        for (std::size_t i = 0; i < m_connections.size(); ++i) {
            sendRequest(i);
        }
        std::vector<epoll_event> events(256);
        std::vector<char> scratch(256 * 1024);
        for (;;) {
            const auto now = Clock::now();
            if (now >= end) {
                break;
            }
            m_recording = now >= recordFrom;
            const int ready = epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()), 5);
            for (int e = 0; e < ready; ++e) {
                const auto index = static_cast<std::size_t>(events[static_cast<std::size_t>(e)].data.u64);
                if (events[static_cast<std::size_t>(e)].events & EPOLLOUT) {
                    sendRequest(index);
                }
                if (events[static_cast<std::size_t>(e)].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                    receive(index, scratch, end);
                }
            }
        }
        for (auto& connection : m_connections) {
            m_totals.perConnection.push_back(connection.answers);
            if (connection.fd >= 0) {
                ::close(connection.fd);
            }
        }
        ::close(m_epoll);
    }

    Totals& totals() { return m_totals; }

private:
    bool reopen(std::size_t index) {
        Connection& connection = m_connections[index];
        if (connection.fd >= 0) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
            ::close(connection.fd);
        }
        connection.fd = openConnection(m_options);
        connection.head.clear();
        connection.inBody = false;
        connection.closeAfter = false;
        connection.unsent = 0;
        if (connection.fd < 0) {
            ++m_totals.failures;
            return false;
        }
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = index;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection.fd, &event);
        return true;
    }

    void watchWrites(std::size_t index, bool on) {
        epoll_event event{};
        event.events = EPOLLIN | (on ? EPOLLOUT : 0u);
        event.data.u64 = index;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, m_connections[index].fd, &event);
    }

    void sendRequest(std::size_t index) {
        Connection& connection = m_connections[index];
        const bool resuming = connection.unsent > 0;
        if (!resuming) {
            connection.unsent = m_request.size();
            connection.sentAt = Clock::now();
        }
        const char* from = m_request.data() + (m_request.size() - connection.unsent);
        const ssize_t n = ::send(connection.fd, from, connection.unsent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            ++m_totals.failures;
            if (reopen(index)) {
                ++m_totals.reconnects;
                sendRequest(index);
            }
            return;
        }
        connection.unsent -= n > 0 ? static_cast<std::size_t>(n) : 0;
        if (connection.unsent > 0 && !resuming) {
            watchWrites(index, true);
        } else if (connection.unsent == 0 && resuming) {
            watchWrites(index, false);
        }
    }

    void receive(std::size_t index, std::vector<char>& scratch, Clock::time_point end) {
        for (;;) {
            Connection& connection = m_connections[index];
            const ssize_t n = ::recv(connection.fd, scratch.data(), scratch.size(), 0);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                // The server closed (after its keep-alive limit, or an error): open a new one.
                if (n < 0) {
                    ++m_totals.failures;
                }
                if (Clock::now() < end && reopen(index)) {
                    ++m_totals.reconnects;
                    sendRequest(index);
                }
                return;
            }
            if (n < 0) {
                return;
            }
            if (!consume(index, scratch.data(), static_cast<std::size_t>(n))) {
                return; // the connection was replaced
            }
        }
    }

    // Feeds received bytes through the response parser; false when the connection was reopened.
    bool consume(std::size_t index, const char* data, std::size_t size) {
        Connection& connection = m_connections[index];
        std::size_t pos = 0;
        while (pos < size) {
            if (!connection.inBody) {
                const std::size_t before = connection.head.size();
                connection.head.append(data + pos, size - pos);
                const std::size_t searchFrom = before >= 3 ? before - 3 : 0;
                const std::size_t endOfHead = connection.head.find("\r\n\r\n", searchFrom);
                if (endOfHead == std::string::npos) {
                    return true;
                }
                const std::size_t headLength = endOfHead + 4;
                pos += headLength - before;
                connection.head.resize(headLength);
                const std::string length = headerValue(connection.head, "Content-Length");
                connection.bodyRemaining = length.empty() ? 0 : std::strtoull(length.c_str(), nullptr, 10);
                const std::string closing = headerValue(connection.head, "Connection");
                connection.closeAfter = strncasecmp(closing.c_str(), "close", 5) == 0;
                if (connection.head.compare(9, 3, "200") != 0 && m_recording) {
                    ++m_totals.non200;
                }
                connection.inBody = true;
            }
            const std::size_t take = std::min(connection.bodyRemaining, size - pos);
            connection.bodyRemaining -= take;
            pos += take;
            if (connection.bodyRemaining > 0) {
                return true;
            }
            // One whole answer.
            if (m_recording) {
                ++connection.answers;
                const auto micros =
                    std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - connection.sentAt)
                        .count();
                m_totals.latencyMicros.push_back(
                    static_cast<std::uint32_t>(std::min<long long>(micros, UINT32_MAX)));
            }
            connection.inBody = false;
            connection.head.clear();
            if (connection.closeAfter) {
                if (reopen(index)) {
                    ++m_totals.reconnects;
                    sendRequest(index);
                }
                return false;
            }
            sendRequest(index);
        }
        return true;
    }

    const Options& m_options;
    std::vector<Connection> m_connections;
    std::string m_request;
    int m_epoll = -1;
    bool m_recording = false;
    Totals m_totals;
};

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const char* value = argv[i + 1];
        if (name == "--host") {
            options.host = value;
        } else if (name == "--port") {
            options.port = std::atoi(value);
        } else if (name == "--path") {
            options.path = value;
        } else if (name == "--connections") {
            options.connections = std::atoi(value);
        } else if (name == "--duration") {
            options.duration = std::atof(value);
        } else if (name == "--warmup") {
            options.warmup = std::atof(value);
        } else if (name == "--threads") {
            options.threads = std::atoi(value);
        } else {
            std::fprintf(stderr, "loadgen: unknown option %s\n", name.c_str());
            return false;
        }
    }
    return argc % 2 == 1 && options.port > 0 && options.connections > 0 && options.threads > 0 &&
           options.duration > 0;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::fprintf(stderr, "usage: loadgen --port P [--host H] [--path P] [--connections N] [--duration S] "
                             "[--warmup S] [--threads T]\n");
        return 2;
    }
    options.threads = std::min(options.threads, options.connections);
    std::vector<Worker> workers;
    workers.reserve(static_cast<std::size_t>(options.threads));
    for (int t = 0; t < options.threads; ++t) {
        const int share =
            options.connections / options.threads + (t < options.connections % options.threads ? 1 : 0);
        workers.emplace_back(options, share);
    }
    for (auto& worker : workers) {
        if (!worker.connectAll()) {
            std::fprintf(stderr, "loadgen: cannot connect to %s:%d\n", options.host.c_str(), options.port);
            return 1;
        }
    }
    // Every connection is open before the clock starts, so the counts compare like with like.
    const auto start = Clock::now() + std::chrono::milliseconds(50);
    const auto recordFrom =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.warmup));
    const auto end = recordFrom + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(options.duration));
    std::vector<std::thread> threads;
    for (auto& worker : workers) {
        threads.emplace_back([&worker, start, recordFrom, end] { worker.run(start, recordFrom, end); });
    }
    for (auto& thread : threads) {
        thread.join();
    }

    Totals all;
    for (auto& worker : workers) {
        auto& t = worker.totals();
        all.perConnection.insert(all.perConnection.end(), t.perConnection.begin(), t.perConnection.end());
        all.latencyMicros.insert(all.latencyMicros.end(), t.latencyMicros.begin(), t.latencyMicros.end());
        all.non200 += t.non200;
        all.reconnects += t.reconnects;
        all.failures += t.failures;
    }
    std::uint64_t requests = 0;
    for (const auto count : all.perConnection) {
        requests += count;
    }
    auto counts = all.perConnection;
    std::sort(counts.begin(), counts.end());
    const std::uint64_t minimum = counts.front();
    const std::uint64_t median = counts[counts.size() / 2];
    const std::uint64_t maximum = counts.back();
    const std::size_t starved = static_cast<std::size_t>(std::count(counts.begin(), counts.end(), 0u));
    const double rate = static_cast<double>(requests) / options.duration;
    const auto p50 = percentile(all.latencyMicros, 0.50);
    const auto p99 = percentile(all.latencyMicros, 0.99);
    const auto worst = all.latencyMicros.empty()
                           ? 0u
                           : *std::max_element(all.latencyMicros.begin(), all.latencyMicros.end());

    std::printf(
        "%d connections, %.1f s: %llu answers, %.0f/s; per connection min %llu, median %llu, max %llu "
        "(%zu with none); latency p50 %u us, p99 %u us, max %u us; non-200 %llu, reconnects %llu, "
        "failures %llu\n",
        options.connections, options.duration, static_cast<unsigned long long>(requests), rate,
        static_cast<unsigned long long>(minimum), static_cast<unsigned long long>(median),
        static_cast<unsigned long long>(maximum), starved, p50, p99, worst,
        static_cast<unsigned long long>(all.non200), static_cast<unsigned long long>(all.reconnects),
        static_cast<unsigned long long>(all.failures));
    std::printf("RESULT connections=%d requests=%llu rps=%.0f conn_min=%llu conn_median=%llu conn_max=%llu "
                "starved=%zu p50_us=%u p99_us=%u max_us=%u non200=%llu reconnects=%llu failures=%llu\n",
                options.connections, static_cast<unsigned long long>(requests), rate,
                static_cast<unsigned long long>(minimum), static_cast<unsigned long long>(median),
                static_cast<unsigned long long>(maximum), starved, p50, p99, worst,
                static_cast<unsigned long long>(all.non200), static_cast<unsigned long long>(all.reconnects),
                static_cast<unsigned long long>(all.failures));
    return 0;
}
