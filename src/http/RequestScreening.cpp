#include "kiwoomd/http/RequestScreening.h"

#include "AsciiCase.h"

#include <string_view>

namespace kiwoomd::http {
namespace {

// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_"
// / "`" / "|" / "~" / DIGIT / ALPHA.
bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

bool isDigits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string_view trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) {
        return {};
    }
    const auto end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

// Whether a comma-separated header value (RFC 9110 §5.6.1) lists `token`, ignoring case.
bool listsToken(std::string_view value, std::string_view token) {
    while (!value.empty()) {
        const auto comma = value.find(',');
        if (equalsIgnoringAsciiCase(trimmed(value.substr(0, comma)), token)) {
            return true;
        }
        if (comma == std::string_view::npos) {
            break;
        }
        value.remove_prefix(comma + 1);
    }
    return false;
}

ApiError badRequest(const char* code, const std::string& message) {
    return ApiError(ApiErrorKind::BadRequest, code, message);
}

std::size_t headBytes(const ApiRequest& request) {
    // The request line as sent is not kept; method, path, version and a query of the same
    // length come close enough for a limit that is meant to be far above any real client.
    std::size_t bytes = request.method.size() + request.path.size() + request.version.size() + 4;
    for (const auto& [name, value] : request.query) {
        bytes += name.size() + value.size() + 2;
    }
    for (const auto& [name, value] : request.headers) {
        bytes += name.size() + value.size() + 4; // ": " and CRLF
    }
    return bytes;
}

} // namespace

bool requestHasBody(const ApiRequest& request) {
    if (request.headers.count("transfer-encoding") > 0) {
        return true;
    }
    const auto length = request.headers.find("content-length");
    return length != request.headers.end() && length->second.find_first_not_of('0') != std::string::npos;
}

std::optional<ApiError> screenRequest(const ApiRequest& request, std::size_t maxHeadBytes) {
    for (const auto& [name, value] : request.headers) {
        if (!isToken(name)) {
            return badRequest("bad_header", "a header name holds whitespace, a control byte or a separator");
        }
        if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
            return badRequest("bad_header", "a header value holds CR, LF or NUL");
        }
    }
    const std::size_t lengths = request.headers.count("content-length");
    const std::size_t encodings = request.headers.count("transfer-encoding");
    if (lengths > 1 || encodings > 1 || (lengths == 1 && encodings == 1)) {
        return badRequest("bad_framing", "the request has more than one Content-Length or Transfer-Encoding");
    }
    if (lengths == 1 && !isDigits(trimmed(request.headers.find("content-length")->second))) {
        return badRequest("bad_framing", "Content-Length is not a number");
    }
    if (encodings == 1 &&
        !equalsIgnoringAsciiCase(trimmed(request.headers.find("transfer-encoding")->second), "chunked")) {
        return badRequest("bad_framing", "Transfer-Encoding other than chunked");
    }
    if (request.headers.count("host") > 1) {
        return badRequest("bad_host", "the request has more than one Host header");
    }
    if (headBytes(request) > maxHeadBytes) {
        return ApiError(ApiErrorKind::HeadersTooLarge, "headers_too_large",
                        "the request line and headers exceed " + std::to_string(maxHeadBytes) + " bytes");
    }
    return std::nullopt;
}

bool closesAfterAnswer(const ApiRequest& request) {
    if (request.version != "HTTP/1.1" || requestHasBody(request)) {
        return true;
    }
    const auto [begin, end] = request.headers.equal_range("connection");
    for (auto it = begin; it != end; ++it) {
        if (listsToken(it->second, "close")) {
            return true;
        }
    }
    return false;
}

} // namespace kiwoomd::http
