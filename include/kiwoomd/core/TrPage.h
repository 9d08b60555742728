#pragma once
// What a Source exchanges, page by page: a request for one page of a TR, the page that answers it
// and who logged in. Plain values, shared by the session, the host protocol and recordings.

#include <string>
#include <utility>
#include <vector>

namespace kiwoomd::prev_next {

inline constexpr int kFirstPage = 0;
inline constexpr int kNextPage = 2;
inline constexpr char kMoreData[] = "2"; // OnReceiveTrData's prevNext when another page exists

} // namespace kiwoomd::prev_next

namespace kiwoomd {

// The server a login reached (GetServerGubun): the mock trading server or the real one; unknown
// until a login says, and when the control leaves it empty (an empty answer is not "real").
enum class ServerKind { Unknown, Mock, Real };

// "unknown", "mock", "real": the API's names (/api/status "server", the event stream).
inline const char* serverKindName(ServerKind kind) {
    switch (kind) {
    case ServerKind::Mock:
        return "mock";
    case ServerKind::Real:
        return "real";
    case ServerKind::Unknown:
        break;
    }
    return "unknown";
}

using TrInputs = std::vector<std::pair<std::string, std::string>>;

struct PageRequest {
    std::string rqName;   // one name for every page of one query, echoed by the answer
    std::string trCode;   // e.g. "opt10023"
    int prevNext = 0;     // 0 first page, 2 next page (prev_next::)
    std::string screenNo; // 4 digits, "0000" not allowed
    TrInputs inputs;      // in the TR's documented SetInputValue order
};

struct TrPage {
    std::string rqName;
    std::string trCode;
    std::string screenNo;
    std::string recordName;
    bool more = false; // prevNext "2": another page exists
    // The rows as the control returned them (UTF-8, padding, signs and leading zeros kept), one
    // string per field in the catalogue's field order.
    std::vector<std::vector<std::string>> rows;
};

struct LoginInfo {
    ServerKind serverKind = ServerKind::Unknown;
    std::string userId; // unmasked: never logged, answered or recorded as it is
};

} // namespace kiwoomd
