#pragma once
// What the session knows about itself, as an immutable value for HTTP threads and the tray.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/TrPage.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiwoomd {

// disconnected -> logging_in -> connected; a drop goes to lost and a failed login (a version
// update among them) to waiting_to_reconnect, both back to logging_in when their timer fires.
enum class ConnectionState { Disconnected, LoggingIn, Connected, Lost, WaitingToReconnect };

// The states' API names ("logging_in", ...): /api/status, the stream, the metrics' labels.
std::string connectionStateName(ConnectionState state);

// Why a feed is or is not being polled, as /api/status shows it under "polling".
enum class FeedPolling {
    WaitingForConnection, // not logged in
    Paused,               // the user paused polling and no ranking of this feed is under way
    Fetching,             // a poll of this feed is queued or in flight
    IdleMarketClosed,     // fetched after the close; nothing to poll until the open
    Active,               // polled every interval
};

// "waiting for connection", "paused", "fetching", "idle: market closed", "active".
std::string feedPollingName(FeedPolling polling);

// The control's host process (kiwoomd-host), as /api/status shows it under "host"."state".
enum class HostState { Starting, Running, Stopping, Stopped };

// "starting", "running", "stopping", "stopped".
std::string hostStateName(HostState state);

// What answers the session's requests: the real OCX, the emulator, a recording (--replay), or
// Kiwoom's REST API (--source rest).
enum class Backend { ActiveX, Emulator, Replay, Rest };

// "activex", "emulator", "replay", "rest": /api/status's "backend", the metrics' label, the host's
// hello and a recording's header all carry these, so a recording made before the enum still reads.
std::string backendName(Backend backend);
// The backend of one of those names; none for any other text (a host of another make, say).
std::optional<Backend> backendFromName(std::string_view name);

struct ErrorInfo {
    int kiwoomCode = 0; // the OpenAPI result code, 0 when the error is our own (e.g. a timeout)
    std::string message;
    Timestamp at{};
};

struct FeedStatus {
    std::string id;
    std::string market;
    std::string trCode;
    std::vector<std::pair<std::string, std::string>> inputs;
    std::optional<Timestamp> lastFetch;   // last good snapshot
    std::optional<Timestamp> lastAttempt; // last poll started
    int rowCount = 0;
    int skippedRows = 0; // rows of the last fetch that could not be read
    std::uint64_t version = 0;
    std::optional<ErrorInfo> lastError;
    bool stale = true;
    bool restored = false; // the rows come from the data dir, not from this run
    FeedPolling polling = FeedPolling::WaitingForConnection;
    std::string note; // e.g. "no data outside the session"
};

struct WindowUsage {
    int maxRequests = 0;
    int seconds = 0;
    int used = 0;
};

struct RequestCounters {
    std::uint64_t pacingWaits = 0;  // times a request had to wait for the pacing windows
    double pacingWaitSeconds = 0.0; // and for how long in all
    // CommRqData results (0, -200, ...) and timeouts ("timeout") by TR code.
    std::map<std::string, std::map<std::string, std::uint64_t>> resultsByTr;
    std::uint64_t sent = 0;
    std::uint64_t succeeded = 0;
    std::uint64_t throttled = 0; // -200 answers
    std::uint64_t failed = 0;    // other non-zero CommRqData results
    std::uint64_t timedOut = 0;

    // A request waited `wait` for the pacing windows.
    void notePacingWait(std::chrono::milliseconds wait);
    // One more `result` ("0", "-200", "timeout", ...) for `trCode`.
    void noteResult(const std::string& trCode, const std::string& result);
};

// The process that hosts the control (kiwoomd-host), as /api/status shows it under "host".
struct HostStatus {
    std::int64_t pid = 0; // 0 while no host runs
    int restarts = 0;     // hosts started after the first
    HostState state = HostState::Stopped;
    std::string lastExit; // why the last host ended; "" before any ended
    int bits = 0;         // the running host's pointer width (32 on Windows)
};

struct SessionStatus {
    Backend backend = Backend::Emulator;
    ConnectionState connection = ConnectionState::Disconnected;
    Timestamp connectionSince{};
    int reconnectCount = 0; // connections lost since start
    std::optional<Timestamp> nextReconnectAt;
    std::optional<ErrorInfo> lastError;          // the last error of the session, whatever its kind
    ServerKind serverKind = ServerKind::Unknown; // mock or real once logged in (GetServerGubun)
    std::string userIdMasked;
    std::optional<ErrorInfo> loginError;
    std::vector<FeedStatus> feeds;
    RequestCounters requests;
    std::vector<WindowUsage> budget; // request budget used in each pacing window
    int pollIntervalSeconds = 60;
    bool pollIntervalAuto = false; // chosen by the source's limit windows ("interval_seconds": "auto")
    bool marketOpen = false;
    bool pollingPaused = false; // the user paused polling (tray); no request is sent until resumed
    Timestamp startedAt{};
    std::optional<HostStatus> host; // none when the control runs in this process
};

// "ab****" style masking: the first two characters, then one '*' for each of the rest.
std::string maskUserId(const std::string& userId);

} // namespace kiwoomd
