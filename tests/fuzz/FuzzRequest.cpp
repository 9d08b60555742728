// Fuzzes the request guard, the router and the controllers with raw HTTP/1.1 input as a client
// sends it on one keep-alive connection, e.g.
//   GET /api/volume-ranking?market=kospi HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nOrigin: ...\r\n\r\n
// A small reader below splits the input into requests the way an HTTP/1.1 parser does (request
// line, header lines, query parameters, percent-decoding); each request then meets what the daemon
// applies before routing (RequestScreening), and goes to two routers over a realistic cache,
// status, event-stream hub and dashboard: one open, one that requires the API token. HttpServer.cpp
// (cpp-httplib, sockets, threads) is not linked: cpp-httplib is fuzzed by its own project, and the
// server's handling of raw bytes is pinned by tests/http/ProbeRegressionTest.cpp.
// Checked for every answer: a status in 200..599; JSON bodies that parse (gzip ones once inflated);
// empty 204 and 304 bodies; an error object for errors; no CR/LF in header names or values;
// Cache-Control and Vary present; Server-Sent Events well formed; and that nothing is served to a
// foreign Host or Origin or, on the token router, without the token (the dashboard's own files
// excepted); and that a control request reaches the session only with the token, from no page or
// the daemon's own.

#include "FuzzCheck.h"

#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/RankingRow.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/http/ApiRouter.h"
#include "kiwoomd/http/AssetSource.h"
#include "kiwoomd/http/ControlController.h"
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/RequestScreening.h"
#include "kiwoomd/http/TransportStats.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

using namespace kiwoomd;
using namespace kiwoomd::http;

namespace {

constexpr int kPort = 8000;
constexpr char kToken[] = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f";
const std::vector<std::string> kAllowedHosts = {"kiwoomd.lan"};
const std::vector<std::string> kAllowedOrigins = {"http://localhost:3000"};
constexpr int kRequestsPerInput = 8; // a keep-alive connection's worth

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

RankingRow row(const tr::TrSpec& spec, int rank, std::vector<std::string> raw) {
    RawRow values;
    values.values = std::move(raw);
    auto parsed = parseRankingRow(spec, values, rank);
    FUZZ_CHECK(parsed.row.has_value());
    return *parsed.row;
}

// The session's side of POST /api/control/...: counts what it was asked to do.
class CountingCommands final : public SessionCommands {
public:
    void pollNow() override { ++calls; }
    void setPollingPaused(bool /*paused*/) override { ++calls; }
    void reconnect() override { ++calls; }
    int calls = 0;
};

// What a daemon holds a minute into a session: two fresh feeds (one big enough to be gzipped),
// one never fetched, one opt10030; a connected status; the dashboard's files; a stream hub.
struct World {
    ManualClock clock{fromKst(2026, 11, 24, 10, 1, 0)};
    SnapshotCache cache;
    StatusBoard board;
    TransportStats transport;
    CountingCommands commands;
    std::unique_ptr<EventStreamHub> hub;
    std::unique_ptr<ApiRouter> open;
    std::unique_ptr<ApiRouter> guarded;

    World() {
        const tr::TrSpec& surge = *tr::findTr(tr::kVolumeSurgeTr);
        const tr::TrSpec& today = *tr::findTr(tr::kTodayVolumeTr);
        std::vector<RankingRow> kospi = {row(surge, 1,
                                             {"005930", "삼성전자", "-27950", "5", "-350", "-1.24", "965388",
                                              "4902578", "+3937190", "+407.83"}),
                                         row(surge, 2,
                                             {"A000660", "SK하이닉스", "+182000", "2", "+500", "+0.28",
                                              "1099609", "4376673", "+3277064", "+298.02"})};
        for (int rank = 3; rank <= 40; ++rank) {
            kospi.push_back(row(surge, rank,
                                {"99" + std::to_string(1000 + rank), "가상코스피" + std::to_string(rank),
                                 "+" + std::to_string(1000 * rank), "2", "+15", "+1.50", "1000", "5000",
                                 "+4000", "+400.00"}));
        }
        publish("kospi", "kospi", surge, 7, std::move(kospi));
        publish("kosdaq", "kosdaq", surge, 0, {});
        publish("all", "all", surge, 3,
                {row(surge, 1,
                     {"005930_NX", "삼성전자", "+74000", "", "--335", "+0.68", "N/A", "5000", "+4000",
                      "+1842.00"})});
        publish("kospi-today", "kospi", today, 2,
                {row(today, 1,
                     {"990034", "가상코스피034", "4210", "3", "0", "0.00", "8571012", "+12.50", "0.81",
                      "3610"})});

        SessionStatus status;
        status.connection = ConnectionState::Connected;
        status.connectionSince = fromKst(2026, 11, 24, 9, 0, 2);
        status.serverKind = ServerKind::Mock;
        status.userIdMasked = maskUserId("simtrader");
        status.startedAt = fromKst(2026, 11, 24, 9, 0, 0);
        status.marketOpen = true;
        status.lastError = ErrorInfo{-200, "조회 과부하 \"throttled\"\n", fromKst(2026, 11, 24, 9, 30, 0)};
        for (const auto& snapshot : cache.all()) {
            FeedStatus feed;
            feed.id = snapshot->feedId;
            feed.market = snapshot->market;
            feed.trCode = snapshot->trCode;
            feed.inputs = {{tr::input::kMarket, tr::kMarketKospi}};
            feed.lastFetch = snapshot->fetchedAt;
            feed.rowCount = static_cast<int>(snapshot->rows.size());
            feed.version = snapshot->version;
            feed.stale = snapshot->stale;
            feed.polling = FeedPolling::Active;
            status.feeds.push_back(feed);
        }
        status.requests.sent = 12;
        status.requests.succeeded = 10;
        status.requests.throttled = 1;
        status.requests.resultsByTr[tr::kVolumeSurgeTr] = {{"0", 10}, {"-200", 1}, {"timeout", 1}};
        status.budget = {{5, 1, 1}, {5, 18, 4}, {25, 90, 12}};
        board.publish(status);

        StreamSettings streams;
        streams.maxSubscribers = 4; // so that "too many subscribers" is reachable
        hub = std::make_unique<EventStreamHub>(cache, board, clock, streams);
        const auto assets =
            std::make_shared<const MemoryAssets>(std::vector<std::pair<std::string, std::string>>{
                {"/index.html", "<!doctype html><html><head><title>kiwoomd</title></head><body>" +
                                    std::string(2000, ' ') + "</body></html>"},
                {"/js/app.js", "import { table } from './table.js';\n"},
                {"/css/app.css", "body { margin: 0 }\n"},
                {"/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"}});
        open = std::make_unique<ApiRouter>(cache, board, clock, "kospi", "0.1.0-fuzz",
                                           GuardSettings{kAllowedHosts, kAllowedOrigins, "", kToken},
                                           RouterParts{hub.get(), &transport, assets, &commands});
        guarded = std::make_unique<ApiRouter>(cache, board, clock, "kospi", "0.1.0-fuzz",
                                              GuardSettings{kAllowedHosts, kAllowedOrigins, kToken, kToken},
                                              RouterParts{hub.get(), &transport, assets, &commands});
        open->setPort(kPort);
        guarded->setPort(kPort);
    }

    void publish(const std::string& id, const std::string& market, const tr::TrSpec& spec,
                 std::uint64_t version, std::vector<RankingRow> rows) {
        FeedSnapshot snapshot;
        snapshot.feedId = id;
        snapshot.market = market;
        snapshot.trCode = spec.code;
        snapshot.version = version;
        snapshot.rows = std::move(rows);
        snapshot.marketOpen = true;
        snapshot.stale = version == 0;
        if (version > 0) {
            snapshot.fetchedAt = fromKst(2026, 11, 24, 10, 0, 30);
        }
        cache.publish(freezeSnapshot(std::move(snapshot)));
    }
};

// The fuzz input as the client side of one connection: requests, one after the other.
class RequestReader {
public:
    explicit RequestReader(std::string_view input)
        : m_input(input) {}

    bool exhausted() const { return m_input.empty(); }

    // The next request, or false when the input holds no well-formed one.
    bool next(ApiRequest& out) {
        std::string_view line;
        if (!nextLine(line)) {
            return false;
        }
        const auto firstSpace = line.find(' ');
        const auto lastSpace = line.rfind(' ');
        if (firstSpace == std::string_view::npos || lastSpace == firstSpace) {
            return false;
        }
        out = ApiRequest();
        out.method = std::string(line.substr(0, firstSpace));
        out.version = std::string(line.substr(lastSpace + 1));
        const std::string_view target = line.substr(firstSpace + 1, lastSpace - firstSpace - 1);
        const auto question = target.find('?');
        out.path = decoded(target.substr(0, question));
        if (question != std::string_view::npos) {
            readQuery(target.substr(question + 1), out);
        }
        while (nextLine(line)) {
            if (line.empty()) {
                return true;
            }
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) {
                return false;
            }
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
                value.remove_prefix(1);
            }
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
                value.remove_suffix(1);
            }
            out.headers.emplace(lower(std::string(line.substr(0, colon))), std::string(value));
        }
        return false;
    }

private:
    bool nextLine(std::string_view& line) {
        const auto end = m_input.find("\r\n");
        if (end == std::string_view::npos) {
            m_input = {};
            return false;
        }
        line = m_input.substr(0, end);
        m_input.remove_prefix(end + 2);
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    static std::string decoded(std::string_view text, bool plusIsSpace = false) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
                hexValue(text[i + 2]) >= 0) {
                out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
                i += 2;
            } else {
                out += plusIsSpace && text[i] == '+' ? ' ' : text[i];
            }
        }
        return out;
    }

    static void readQuery(std::string_view query, ApiRequest& out) {
        while (!query.empty()) {
            const auto amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            const auto equals = pair.find('=');
            out.query.emplace(decoded(pair.substr(0, equals), true),
                              equals == std::string_view::npos ? std::string()
                                                               : decoded(pair.substr(equals + 1), true));
            if (amp == std::string_view::npos) {
                break;
            }
            query.remove_prefix(amp + 1);
        }
    }

    std::string_view m_input;
};

bool hostIsOurs(const ApiRequest& request) {
    const auto it = request.headers.find("host");
    if (it == request.headers.end()) {
        return false;
    }
    const std::string host = lower(it->second);
    const std::string port = ":" + std::to_string(kPort);
    for (const std::string& own : {"127.0.0.1", "localhost", "[::1]"}) {
        if (host == own + port) {
            return true;
        }
    }
    for (const auto& name : kAllowedHosts) {
        if (host == name || host == name + port) {
            return true;
        }
    }
    return false;
}

bool originIsOurs(const ApiRequest& request) {
    const auto it = request.headers.find("origin");
    if (it == request.headers.end()) {
        return true; // no Origin: not a cross-site read by a browser
    }
    const std::string origin = lower(it->second);
    const std::string port = ":" + std::to_string(kPort);
    for (const std::string& own : {"127.0.0.1", "localhost", "[::1]"}) {
        if (origin == "http://" + own + port) {
            return true;
        }
    }
    return std::find(kAllowedOrigins.begin(), kAllowedOrigins.end(), origin) != kAllowedOrigins.end();
}

bool originIsOwn(const ApiRequest& request) {
    const auto it = request.headers.find("origin");
    if (it == request.headers.end()) {
        return true;
    }
    const std::string origin = lower(it->second);
    const std::string port = ":" + std::to_string(kPort);
    return origin == "http://127.0.0.1" + port || origin == "http://localhost" + port ||
           origin == "http://[::1]" + port;
}

// The dashboard's own files, which token_policy "always" serves without the token (no data in them).
bool isDashboardFileRequest(const ApiRequest& request) {
    return (request.method == "GET" || request.method == "HEAD") && request.path.rfind("/api/", 0) != 0 &&
           request.path != "/metrics";
}

bool tokenPresented(const ApiRequest& request) {
    const auto it = request.headers.find("authorization");
    return it != request.headers.end() && it->second.size() == 7 + sizeof(kToken) - 1 &&
           lower(it->second.substr(0, 7)) == "bearer " && it->second.substr(7) == kToken;
}

// What POST /api/control/... needs before the session is told anything: a POST of ours with the
// token and no body, from no page or from the daemon's own page (Origin, Sec-Fetch-Site).
bool stateChangeAllowed(const ApiRequest& request) {
    const auto site = request.headers.find("sec-fetch-site");
    return request.method == "POST" && request.path.rfind("/api/control/", 0) == 0 && !request.hasBody &&
           hostIsOurs(request) && tokenPresented(request) && originIsOwn(request) &&
           (site == request.headers.end() || site->second == "same-origin" || site->second == "none");
}

const std::string* responseHeader(const ApiResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
        if (lower(key) == lower(name)) {
            return &value;
        }
    }
    return nullptr;
}

std::string gunzip(const std::string& compressed) {
    z_stream stream{};
    FUZZ_CHECK(inflateInit2(&stream, 16 + MAX_WBITS) == Z_OK);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[16384];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    FUZZ_CHECK(result == Z_STREAM_END);
    return out;
}

// One line of the Prometheus text format 0.0.4: a comment, or name{labels} value.
bool isExpositionLine(const std::string& line) {
    static const std::regex sample(R"(^[a-zA-Z_:][a-zA-Z0-9_:]*)"
                                   R"((\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*")"
                                   R"((,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*")*\})?)"
                                   R"( (-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?|NaN|[+-]Inf)$)");
    return line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0 || std::regex_match(line, sample);
}

// The first events a subscriber gets: "retry:", the status, then feed events with id and data.
void checkEventStream(StreamSubscription& subscription) {
    std::deque<StreamChunk> chunks;
    subscription.takeInto(chunks);
    FUZZ_CHECK(!chunks.empty());
    for (const auto& chunk : chunks) {
        FUZZ_CHECK(chunk && chunk->size() >= 2 && chunk->compare(chunk->size() - 2, 2, "\n\n") == 0);
        std::size_t start = 0;
        const std::string text = chunk->substr(0, chunk->size() - 1);
        while (start < text.size()) {
            const auto end = text.find('\n', start);
            FUZZ_CHECK(end != std::string::npos);
            const std::string line = text.substr(start, end - start);
            start = end + 1;
            FUZZ_CHECK(line.find('\r') == std::string::npos);
            if (line.rfind(':', 0) == 0 || line.rfind("event: ", 0) == 0 || line.rfind("retry: ", 0) == 0) {
                continue;
            }
            if (line.rfind("id: ", 0) == 0) {
                FUZZ_CHECK(line.size() > 4 && line.find_first_not_of("0123456789", 4) == std::string::npos);
                continue;
            }
            FUZZ_CHECK(line.rfind("data: ", 0) == 0);
            const auto data = nlohmann::json::parse(line.substr(6), nullptr, false);
            FUZZ_CHECK(!data.is_discarded() && data.is_object());
        }
    }
}

void checkResponse(const ApiRequest& request, const ApiResponse& response, bool tokenRequired) {
    FUZZ_CHECK(response.status >= 200 && response.status <= 599);
    for (const auto& [name, value] : response.headers) {
        FUZZ_CHECK(!name.empty() && name.find_first_of("\r\n:") == std::string::npos);
        FUZZ_CHECK(value.find_first_of("\r\n") == std::string::npos);
    }
    FUZZ_CHECK(response.contentType.find_first_of("\r\n") == std::string::npos);
    const std::string* cacheControl = responseHeader(response, "Cache-Control");
    FUZZ_CHECK(cacheControl && (*cacheControl == "no-store" || *cacheControl == "no-cache"));
    FUZZ_CHECK(responseHeader(response, "Vary") != nullptr);

    if (response.status < 400) {
        // The guard let it through: Host and Origin are ours, and the token was there if needed.
        FUZZ_CHECK(hostIsOurs(request));
        FUZZ_CHECK(originIsOurs(request));
        FUZZ_CHECK(!tokenRequired || tokenPresented(request) || request.method == "OPTIONS" ||
                   isDashboardFileRequest(request));
        FUZZ_CHECK(!request.hasBody);
    }
    if (response.eventStream) {
        FUZZ_CHECK(response.status == 200 && request.path == "/api/stream" && request.method == "GET");
        checkEventStream(*response.eventStream);
        return;
    }
    FUZZ_CHECK(response.body != nullptr);
    if (response.status == 204 || response.status == 304) {
        FUZZ_CHECK(response.body->empty());
        return;
    }
    std::string body = *response.body;
    if (const std::string* encoding = responseHeader(response, "Content-Encoding")) {
        FUZZ_CHECK(*encoding == "gzip");
        const std::string* accepted = headerValue(request, "accept-encoding");
        FUZZ_CHECK(accepted != nullptr);
        body = gunzip(body);
    }
    if (response.contentType.rfind("application/json", 0) == 0) {
        const auto json = nlohmann::json::parse(body, nullptr, false);
        FUZZ_CHECK(!json.is_discarded() && json.is_object());
        if (response.status >= 400) {
            FUZZ_CHECK(json.contains("error") && json["error"]["code"].is_string() &&
                       json["error"]["message"].is_string());
        }
        if (response.status == 405) {
            FUZZ_CHECK(responseHeader(response, "Allow") != nullptr);
        }
        if (response.status == 401) {
            FUZZ_CHECK(responseHeader(response, "WWW-Authenticate") != nullptr);
        }
        return;
    }
    FUZZ_CHECK(response.status == 200);
    if (request.path == "/metrics") {
        FUZZ_CHECK(response.contentType.rfind("text/plain", 0) == 0);
        std::size_t start = 0;
        while (start < body.size()) {
            const auto end = body.find('\n', start);
            FUZZ_CHECK(end != std::string::npos); // every line ends in a newline
            FUZZ_CHECK(isExpositionLine(body.substr(start, end - start)));
            start = end + 1;
        }
        return;
    }
    if (request.method == "HEAD" && request.path == "/api/stream") {
        return;
    }
    // Anything else that is not JSON is a dashboard file, which carries the page's security headers.
    FUZZ_CHECK(request.path.rfind("/api/", 0) != 0);
    FUZZ_CHECK(responseHeader(response, "Content-Security-Policy") != nullptr);
    FUZZ_CHECK(responseHeader(response, "X-Frame-Options") != nullptr);
}

// One connection: requests until the input ends, a request is malformed or refused before
// routing (the daemon then closes), the client closes, or a body (never read) would desynchronize
// what follows.
void serve(World& world, std::string_view input) {
    RequestReader reader(input);
    ApiRequest request;
    for (int i = 0; i < kRequestsPerInput && reader.next(request); ++i) {
        request.hasBody = requestHasBody(request);
        if (screenRequest(request, 16 * 1024)) {
            return;
        }
        for (const bool tokenRequired : {false, true}) {
            ApiRouter& router = tokenRequired ? *world.guarded : *world.open;
            const int callsBefore = world.commands.calls;
            const ApiResponse answer = router.handle(request);
            FUZZ_CHECK(world.commands.calls == callsBefore || stateChangeAllowed(request));
            checkResponse(request, answer, tokenRequired);
        }
        if (closesAfterAnswer(request)) {
            return;
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    spdlog::set_level(spdlog::level::off); // refusals log a warning each; keep the fuzzer's output readable
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World world;
    serve(world, std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
