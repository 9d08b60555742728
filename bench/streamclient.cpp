// Many GET /api/stream subscribers on one epoll loop. For every feed event it records the delay
// from the event's ": published <ms>" comment (the daemon's clock when it published the snapshot)
// to the moment the event's last line arrived here (same machine, same clock), and at the end it
// checks that every subscriber received every feed event published during the window.
//
// Usage: streamclient --port P [--host 127.0.0.1] [--subscribers 64] [--duration 30]
//                     [--grace 2] [--ready-file PATH] [--busy-file PATH]
// The window starts once every subscriber has its stream open; events published in its last
// `grace` seconds are received but not judged, so that a late event is not counted as missing.
// --ready-file is created when the window starts (the benchmark script starts its pollers then).
// --busy-file, read at the end, holds "start_ms end_ms" lines (Unix epoch): the delays of events
// published inside those spans (while the script's pollers ran) are also reported on their own.
// The last line is machine-readable: "RESULT key=value ...".
//
// Thread: one.

#include "Percentile.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace {

using kiwoomd::bench::percentile;

using SteadyClock = std::chrono::steady_clock;

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    int subscribers = 64;
    double duration = 30.0;
    double grace = 2.0;
    std::string readyFile;
    std::string busyFile;
};

// A feed event as every subscriber should see it: the same chunk, so the same publish time.
using EventKey = std::tuple<std::string, std::uint64_t, long long>; // feed, id, published ms

struct Subscriber {
    int fd = -1;
    bool headDone = false;
    bool open = false;
    bool refused = false; // 503 or a closed connection before the head
    std::string head;
    std::string line; // the first bytes of the current line (enough for the field names)
    bool lineTruncated = false;
    // The event being received.
    long long published = -1;
    std::string event;
    std::uint64_t id = 0;
    bool hasId = false;
    std::set<EventKey> received;
};

double nowMillis() {
    return static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count()) /
           1000.0;
}

int connectTo(const Options& options) {
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
    const std::string request = "GET /api/stream HTTP/1.1\r\nHost: " + options.host + ":" +
                                std::to_string(options.port) + "\r\nAccept: text/event-stream\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
        ::close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
    return fd;
}

class StreamBench {
public:
    explicit StreamBench(const Options& options)
        : m_options(options)
        , m_subscribers(static_cast<std::size_t>(options.subscribers)) {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
    }

    int run() {
        if (!openAll()) {
            return 1;
        }
        m_windowStart = nowMillis();
        if (!m_options.readyFile.empty()) {
            if (FILE* ready = std::fopen(m_options.readyFile.c_str(), "w")) {
                std::fclose(ready);
            }
        }
        const auto end = SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                                  std::chrono::duration<double>(m_options.duration));
        m_judgeUntil = m_windowStart + (m_options.duration - m_options.grace) * 1000.0;
        while (SteadyClock::now() < end) {
            poll(10);
        }
        return report();
    }

private:
    // Opens the streams with at most kOpening waiting for their response head at a time, so a
    // burst does not overflow the listen backlog; a 503 is tried again.
    bool openAll() {
        const auto deadline = SteadyClock::now() + std::chrono::seconds(60);
        constexpr std::size_t kOpening = 100;
        for (;;) {
            std::size_t pending = 0;
            std::size_t opening = 0;
            for (const auto& s : m_subscribers) {
                opening += s.fd >= 0 && !s.open ? 1 : 0;
            }
            for (std::size_t i = 0; i < m_subscribers.size(); ++i) {
                Subscriber& s = m_subscribers[i];
                if (s.open) {
                    continue;
                }
                if (s.fd >= 0 || opening >= kOpening) {
                    ++pending;
                    continue;
                }
                s = Subscriber{};
                s.fd = connectTo(m_options);
                if (s.fd < 0) {
                    ++pending;
                    continue;
                }
                epoll_event event{};
                event.events = EPOLLIN;
                event.data.u64 = i;
                epoll_ctl(m_epoll, EPOLL_CTL_ADD, s.fd, &event);
                ++opening;
                ++pending;
            }
            if (pending == 0) {
                break;
            }
            if (SteadyClock::now() > deadline) {
                std::fprintf(stderr, "streamclient: %zu subscribers could not open their stream\n", pending);
                return false;
            }
            poll(5);
            for (auto& s : m_subscribers) {
                if (s.refused) {
                    closeSubscriber(s);
                    s.refused = false;
                    ++m_retries;
                }
            }
        }
        // The first events (the current snapshots) are on their way; let them arrive before the
        // window opens, so the window holds only what is published while everyone listens.
        const auto settle = SteadyClock::now() + std::chrono::milliseconds(500);
        while (SteadyClock::now() < settle) {
            poll(10);
        }
        return true;
    }

    void closeSubscriber(Subscriber& s) {
        if (s.fd >= 0) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, s.fd, nullptr);
            ::close(s.fd);
            s.fd = -1;
        }
    }

    void poll(int timeoutMs) {
        epoll_event events[256];
        const int ready = epoll_wait(m_epoll, events, 256, timeoutMs);
        for (int e = 0; e < ready; ++e) {
            receive(m_subscribers[events[e].data.u64]);
        }
    }

    void receive(Subscriber& s) {
        char buffer[64 * 1024];
        for (;;) {
            if (s.fd < 0) {
                return;
            }
            const ssize_t n = ::recv(s.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                consume(s, buffer, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
                return;
            }
            if (s.open) {
                ++m_lost; // the daemon dropped an open stream
                s.open = false;
            } else {
                s.refused = true;
            }
            closeSubscriber(s);
            return;
        }
    }

    void consume(Subscriber& s, const char* data, std::size_t size) {
        if (!s.headDone) {
            s.head.append(data, size);
            const std::size_t end = s.head.find("\r\n\r\n");
            if (end == std::string::npos) {
                return;
            }
            if (s.head.compare(9, 3, "200") != 0) {
                s.refused = true;
                return;
            }
            s.headDone = true;
            s.open = true;
            const std::string rest = s.head.substr(end + 4);
            s.head.clear();
            consumeLines(s, rest.data(), rest.size());
            return;
        }
        consumeLines(s, data, size);
    }

    // Server-Sent Events: lines ended by LF; an empty line dispatches the event. Only the start of
    // each line is kept: the data line (the whole ranking) is skipped, not copied. The stream
    // comes with Transfer-Encoding: chunked, one chunk per whole event, so the chunk
    // framing shows up here only as lines between events: a chunk size ("1f3a\r"), which is no
    // SSE field and is ignored, and the CR LF after a chunk, which dispatches nothing.
    void consumeLines(Subscriber& s, const char* data, std::size_t size) {
        constexpr std::size_t kKeep = 64;
        std::size_t pos = 0;
        while (pos < size) {
            const void* found = std::memchr(data + pos, '\n', size - pos);
            const std::size_t end =
                found ? static_cast<std::size_t>(static_cast<const char*>(found) - data) : size;
            if (!s.lineTruncated) {
                const std::size_t room = kKeep - std::min(kKeep, s.line.size());
                const std::size_t take = std::min(room, end - pos);
                s.line.append(data + pos, take);
                s.lineTruncated = take < end - pos;
            }
            if (!found) {
                return;
            }
            handleLine(s);
            s.line.clear();
            s.lineTruncated = false;
            pos = end + 1;
        }
    }

    void handleLine(Subscriber& s) {
        const std::string& line = s.line;
        if (line.empty() || line == "\r") {
            dispatch(s);
            return;
        }
        if (line.rfind(": published ", 0) == 0) {
            s.published = std::atoll(line.c_str() + 12);
        } else if (line.rfind("event: ", 0) == 0) {
            s.event = line.substr(7);
        } else if (line.rfind("id: ", 0) == 0) {
            s.id = std::strtoull(line.c_str() + 4, nullptr, 10);
            s.hasId = true;
        }
    }

    void dispatch(Subscriber& s) {
        const double now = nowMillis();
        if (!s.event.empty() && s.event != "status" && s.hasId && s.published >= 0) {
            const double published = static_cast<double>(s.published);
            if (m_windowStart > 0 && published >= m_windowStart) {
                s.received.emplace(s.event, s.id, s.published);
                if (published < m_judgeUntil) {
                    m_delays.push_back(now - published);
                    m_delayPublished.push_back(published);
                }
            }
        }
        s.event.clear();
        s.hasId = false;
        s.published = -1;
    }

    int report() {
        // Every event any subscriber saw in the judged part of the window.
        std::set<EventKey> published;
        for (const auto& s : m_subscribers) {
            for (const auto& key : s.received) {
                if (static_cast<double>(std::get<2>(key)) < m_judgeUntil) {
                    published.insert(key);
                }
            }
        }
        std::size_t missing = 0;
        std::size_t subscribersMissing = 0;
        for (const auto& s : m_subscribers) {
            std::size_t mine = 0;
            for (const auto& key : published) {
                mine += s.received.count(key) == 0 ? 1 : 0;
            }
            missing += mine;
            subscribersMissing += mine > 0 ? 1 : 0;
        }
        // Versions count up across all feeds, one per new ranking: a hole in the union means a
        // version no subscriber received (a snapshot re-published with only a flag changed keeps its
        // version and is a separate event).
        std::set<std::uint64_t> versions;
        for (const auto& key : published) {
            versions.insert(std::get<1>(key));
        }
        std::size_t gaps = 0;
        if (!versions.empty()) {
            gaps = static_cast<std::size_t>(*versions.rbegin() - *versions.begin() + 1) - versions.size();
        }
        // Split by the busy spans before m_delays is sorted (it is parallel to m_delayPublished).
        std::vector<std::pair<double, double>> spans;
        if (!m_options.busyFile.empty()) {
            if (FILE* file = std::fopen(m_options.busyFile.c_str(), "r")) {
                double from = 0;
                double to = 0;
                while (std::fscanf(file, "%lf %lf", &from, &to) == 2) {
                    spans.emplace_back(from, to);
                }
                std::fclose(file);
            }
        }
        std::vector<double> busy;
        std::vector<double> quiet;
        for (std::size_t i = 0; i < m_delays.size(); ++i) {
            bool inside = false;
            for (const auto& [from, to] : spans) {
                inside = inside || (m_delayPublished[i] >= from && m_delayPublished[i] < to);
            }
            (inside ? busy : quiet).push_back(m_delays[i]);
        }
        std::sort(busy.begin(), busy.end());
        std::sort(quiet.begin(), quiet.end());
        std::sort(m_delays.begin(), m_delays.end());
        std::size_t open = 0;
        for (const auto& s : m_subscribers) {
            open += s.open ? 1 : 0;
        }
        const double p50 = percentile(m_delays, 0.50);
        const double p99 = percentile(m_delays, 0.99);
        const double worst = m_delays.empty() ? 0.0 : m_delays.back();
        std::printf(
            "%d subscribers (%zu still open, %zu dropped, %zu retried after 503): %zu events published "
            "in the judged window (versions %llu..%llu, %zu gaps), %zu deliveries; delay p50 %.1f ms, "
            "p99 %.1f ms, max %.1f ms; missing %zu (on %zu subscribers)\n",
            m_options.subscribers, open, m_lost, m_retries, published.size(),
            versions.empty() ? 0ull : static_cast<unsigned long long>(*versions.begin()),
            versions.empty() ? 0ull : static_cast<unsigned long long>(*versions.rbegin()), gaps,
            m_delays.size(), p50, p99, worst, missing, subscribersMissing);
        if (!spans.empty()) {
            std::printf("  while the pollers ran: %zu deliveries, p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        "otherwise: %zu "
                        "deliveries, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                        busy.size(), percentile(busy, 0.5), percentile(busy, 0.99),
                        busy.empty() ? 0.0 : busy.back(), quiet.size(), percentile(quiet, 0.5),
                        percentile(quiet, 0.99), quiet.empty() ? 0.0 : quiet.back());
        }
        std::printf(
            "RESULT subscribers=%d open=%zu dropped=%zu events=%zu deliveries=%zu p50_ms=%.1f p99_ms=%.1f "
            "max_ms=%.1f missing=%zu version_gaps=%zu busy_deliveries=%zu busy_p50_ms=%.1f busy_p99_ms=%.1f "
            "busy_max_ms=%.1f quiet_deliveries=%zu quiet_p50_ms=%.1f quiet_p99_ms=%.1f quiet_max_ms=%.1f\n",
            m_options.subscribers, open, m_lost, published.size(), m_delays.size(), p50, p99, worst, missing,
            gaps, busy.size(), percentile(busy, 0.5), percentile(busy, 0.99),
            busy.empty() ? 0.0 : busy.back(), quiet.size(), percentile(quiet, 0.5), percentile(quiet, 0.99),
            quiet.empty() ? 0.0 : quiet.back());
        for (auto& s : m_subscribers) {
            closeSubscriber(s);
        }
        return 0;
    }

    const Options& m_options;
    std::vector<Subscriber> m_subscribers;
    int m_epoll = -1;
    double m_windowStart = 0;
    double m_judgeUntil = 0;
    std::vector<double> m_delays;
    std::vector<double> m_delayPublished; // the publish time of each entry of m_delays
    std::size_t m_lost = 0;
    std::size_t m_retries = 0;
};

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const char* value = argv[i + 1];
        if (name == "--host") {
            options.host = value;
        } else if (name == "--port") {
            options.port = std::atoi(value);
        } else if (name == "--subscribers") {
            options.subscribers = std::atoi(value);
        } else if (name == "--duration") {
            options.duration = std::atof(value);
        } else if (name == "--grace") {
            options.grace = std::atof(value);
        } else if (name == "--ready-file") {
            options.readyFile = value;
        } else if (name == "--busy-file") {
            options.busyFile = value;
        } else {
            std::fprintf(stderr, "streamclient: unknown option %s\n", name.c_str());
            return false;
        }
    }
    return argc % 2 == 1 && options.port > 0 && options.subscribers > 0 && options.duration > options.grace;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::fprintf(stderr, "usage: streamclient --port P [--host H] [--subscribers N] [--duration S] "
                             "[--grace S] [--ready-file PATH] [--busy-file PATH]\n");
        return 2;
    }
    StreamBench bench(options);
    return bench.run();
}
