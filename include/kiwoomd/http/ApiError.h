#pragma once
// Typed API errors. Controllers throw them; toErrorResponse() is the one place that turns an
// error into an HTTP status and the JSON body {"error": {"code", "message"}}.

#include "kiwoomd/http/ApiTypes.h"

#include <stdexcept>
#include <string>

namespace kiwoomd::http {

enum class ApiErrorKind {
    BadRequest,       // 400: a parameter the API does not accept
    NotFound,         // 404: no such endpoint or feed
    Unauthorized,     // 401: the API token is required and was not presented
    Forbidden,        // 403: a request this server must not serve (foreign Host or Origin)
    MethodNotAllowed, // 405: the endpoint exists, the method does not
    ContentTooLarge,  // 413: a request body, which no endpoint takes (RFC 9110 §15.5.14)
    HeadersTooLarge,  // 431: the request head is over the limit (RFC 6585 §5)
    Unavailable,      // 503: the daemon cannot answer now (no feeds yet, or at the subscriber cap)
    Internal,         // 500: a bug; the message stays generic
};

class ApiError : public std::runtime_error {
public:
    ApiError(ApiErrorKind kind, std::string code, const std::string& message);

    ApiErrorKind kind() const { return m_kind; }
    const std::string& code() const { return m_code; }
    // The whole message; what() would end at a NUL byte that a request put into it.
    const std::string& message() const { return m_message; }
    // For 405: the methods the endpoint accepts, sent as the Allow header (RFC 9110 §15.5.6).
    std::string allow;
    // For 503 at a cap: seconds after which trying again makes sense (Retry-After, RFC 9110 §10.2.3).
    int retryAfterSeconds = 0;

private:
    ApiErrorKind m_kind;
    std::string m_code;
    std::string m_message;
};

int httpStatusFor(ApiErrorKind kind);
ApiResponse toErrorResponse(const ApiError& error);

} // namespace kiwoomd::http
