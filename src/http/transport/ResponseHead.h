#pragma once
// The status line and headers of an answer, written by the transport itself (RFC 9112 §4, §6):
// cpp-httplib's own writer formats each header with snprintf and a stringstream per answer, which
// cost more CPU than the rest of a request together (callgrind, docs/benchmarks.md).
// Thread: any; pure functions.

#include "kiwoomd/http/ApiTypes.h"

#include <string>
#include <string_view>

namespace kiwoomd::http {

struct HeadFraming {
    bool close = false;         // "Connection: close"; otherwise "Keep-Alive: <keepAlive>"
    std::string_view keepAlive; // e.g. "timeout=5, max=10000"
    bool untilClose = false;    // an event stream: no length, the body ends with the connection
};

// Appends "HTTP/1.1 <status> <reason>", the answer's headers, X-Content-Type-Options, the content
// type and length (none on 204 and 304, none on a stream), the connection header and the blank
// line. A header whose name or value holds CR or LF is left out, so no value can split the head.
void appendResponseHead(std::string& out, const ApiResponse& response, const HeadFraming& framing);

const char* reasonPhrase(int status);

} // namespace kiwoomd::http
