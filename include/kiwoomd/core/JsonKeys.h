#pragma once
// JSON field names of the HTTP API. They are a contract with users' scripts: extend, never
// rename without a migration note in README.md.

namespace kiwoomd::json {

// GET /api/volume-ranking
inline constexpr char kFeed[] = "feed";
inline constexpr char kMarket[] = "market";
inline constexpr char kTr[] = "tr";
inline constexpr char kData[] = "data";
inline constexpr char kLastUpdate[] = "last_update";
inline constexpr char kMarketOpen[] = "market_open";
inline constexpr char kStale[] = "stale";
inline constexpr char kVersion[] = "version";
inline constexpr char kRowCount[] = "row_count";

// One ranking row
inline constexpr char kRank[] = "rank";
inline constexpr char kCode[] = "code";
inline constexpr char kVenue[] = "venue";
inline constexpr char kName[] = "name";
inline constexpr char kPrice[] = "price";
inline constexpr char kDirection[] = "direction";
inline constexpr char kChange[] = "change";
inline constexpr char kChangeRate[] = "change_rate";
inline constexpr char kPrevVolume[] = "prev_volume";
inline constexpr char kVolume[] = "volume";
inline constexpr char kSurgeVolume[] = "surge_volume";
inline constexpr char kSurgeRate[] = "surge_rate";
inline constexpr char kInvalidFields[] = "invalid_fields";

// GET /api/status
inline constexpr char kBackend[] = "backend";
inline constexpr char kConnection[] = "connection";
inline constexpr char kServer[] = "server";
inline constexpr char kUserId[] = "user_id";
inline constexpr char kLoginError[] = "login_error";
inline constexpr char kFeeds[] = "feeds";
inline constexpr char kId[] = "id";
inline constexpr char kInputs[] = "inputs";
inline constexpr char kLastFetch[] = "last_fetch";
inline constexpr char kLastAttempt[] = "last_attempt";
inline constexpr char kSkippedRows[] = "skipped_rows";
inline constexpr char kLastError[] = "last_error";
inline constexpr char kRequests[] = "requests";
inline constexpr char kSent[] = "sent";
inline constexpr char kSucceeded[] = "succeeded";
inline constexpr char kThrottled[] = "throttled";
inline constexpr char kFailed[] = "failed";
inline constexpr char kTimedOut[] = "timed_out";
inline constexpr char kPollInterval[] = "poll_interval_seconds";
inline constexpr char kStartedAt[] = "started_at";
inline constexpr char kUptime[] = "uptime_seconds";
inline constexpr char kAt[] = "at";
inline constexpr char kConnectionSince[] = "connection_since";
inline constexpr char kReconnectCount[] = "reconnect_count";
inline constexpr char kNextReconnectAt[] = "next_reconnect_at";
inline constexpr char kBudget[] = "budget";
inline constexpr char kMaxRequests[] = "max_requests";
inline constexpr char kSeconds[] = "seconds";
inline constexpr char kUsed[] = "used";
inline constexpr char kAgeSeconds[] = "age_seconds";
inline constexpr char kRestored[] = "restored";
inline constexpr char kPolling[] = "polling";
inline constexpr char kPollingPaused[] = "polling_paused";
inline constexpr char kPollIntervalAuto[] = "poll_interval_auto";
inline constexpr char kNote[] = "note";
inline constexpr char kMeaning[] = "meaning";
// /api/status "host": the process that hosts the control (null when it runs in this process)
inline constexpr char kHost[] = "host";
inline constexpr char kPid[] = "pid";
inline constexpr char kRestarts[] = "restarts";
inline constexpr char kState[] = "state";
inline constexpr char kLastExit[] = "last_exit";
inline constexpr char kBits[] = "bits";

// Errors: {"error": {"code": ..., "message": ...}}
inline constexpr char kError[] = "error";
inline constexpr char kErrorCode[] = "code";
inline constexpr char kErrorMessage[] = "message";
inline constexpr char kKiwoomCode[] = "kiwoom_code";

// GET /api/health
inline constexpr char kStatus[] = "status";

// POST /api/control/{action}
inline constexpr char kAccepted[] = "accepted";

} // namespace kiwoomd::json
