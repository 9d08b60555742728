#include "kiwoomd/http/ApiError.h"

#include "kiwoomd/core/JsonKeys.h"

#include <nlohmann/json.hpp>

namespace kiwoomd::http {

ApiError::ApiError(ApiErrorKind kind, std::string code, const std::string& message)
    : std::runtime_error(message)
    , m_kind(kind)
    , m_code(std::move(code))
    , m_message(message) {}

int httpStatusFor(ApiErrorKind kind) {
    switch (kind) {
    case ApiErrorKind::BadRequest:
        return 400;
    case ApiErrorKind::Unauthorized:
        return 401;
    case ApiErrorKind::Forbidden:
        return 403;
    case ApiErrorKind::NotFound:
        return 404;
    case ApiErrorKind::MethodNotAllowed:
        return 405;
    case ApiErrorKind::ContentTooLarge:
        return 413;
    case ApiErrorKind::HeadersTooLarge:
        return 431;
    case ApiErrorKind::Unavailable:
        return 503;
    case ApiErrorKind::Internal:
        return 500;
    }
    return 500;
}

ApiResponse toErrorResponse(const ApiError& error) {
    const nlohmann::ordered_json body = {
        {json::kError, {{json::kErrorCode, error.code()}, {json::kErrorMessage, error.message()}}}};
    ApiResponse response =
        ApiResponse::json(body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                          httpStatusFor(error.kind()));
    if (error.kind() == ApiErrorKind::Unauthorized) {
        response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"kiwoomd\""); // RFC 6750 §3
    }
    if (!error.allow.empty()) {
        response.headers.emplace_back("Allow", error.allow);
    }
    if (error.retryAfterSeconds > 0) {
        response.headers.emplace_back("Retry-After", std::to_string(error.retryAfterSeconds));
    }
    return response;
}

} // namespace kiwoomd::http
