#pragma once
// What a request must be before any route or guard looks at it, and whether its connection may
// carry another request after the answer. Both read only the parsed request (ApiRequest), so the
// rules are unit tested without sockets; HttpServer applies them to every request.
//
// The rules close the gaps through which a body could be read as a second request (request
// smuggling, RFC 9112 §6.3 and §11.2) and through which a forged header could reach a log.
// Thread-safe: pure functions.

#include "kiwoomd/http/ApiError.h"
#include "kiwoomd/http/ApiTypes.h"

#include <cstddef>
#include <optional>

namespace kiwoomd::http {

// The error to answer before routing, or nothing when the request may be routed. Such an error is
// always answered with `Connection: close`: after it, the server no longer trusts where the
// request ends. Checked, in this order:
// - a header name that is not an RFC 9110 §5.6.2 token (whitespace before the colon, an obs-fold
//   continuation line, a control or NUL byte): 400 bad_header;
// - a header value holding CR, LF or NUL (RFC 9110 §5.5): 400 bad_header;
// - more than one Content-Length or Transfer-Encoding line, both at once, a Content-Length that is
//   not digits, or a Transfer-Encoding other than chunked (RFC 9112 §6.1, §6.3): 400 bad_framing;
// - more than one Host line (RFC 9112 §3.2): 400 bad_host;
// - a request line and headers longer than `maxHeadBytes`: 431 headers_too_large.
std::optional<ApiError> screenRequest(const ApiRequest& request, std::size_t maxHeadBytes);

// True when the answer must end the connection (RFC 9112 §9.3, §9.6): the client said `close`
// in any Connection line, the request is HTTP/1.0 (kiwoomd keeps no HTTP/1.0 connection open),
// or it carried a body, which no endpoint reads.
bool closesAfterAnswer(const ApiRequest& request);

// True for Content-Length above 0 or any Transfer-Encoding.
bool requestHasBody(const ApiRequest& request);

} // namespace kiwoomd::http
