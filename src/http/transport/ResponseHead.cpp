#include "ResponseHead.h"

#include <charconv>

namespace kiwoomd::http {
namespace {

bool safeHeaderText(std::string_view text) {
    return text.find_first_of("\r\n") == std::string_view::npos;
}

void appendNumber(std::string& out, std::size_t value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

void appendHeader(std::string& out, std::string_view name, std::string_view value) {
    out.append(name.data(), name.size());
    out += ": ";
    out.append(value.data(), value.size());
    out += "\r\n";
}

} // namespace

const char* reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return status < 400 ? "OK" : status < 500 ? "Bad Request" : "Internal Server Error";
    }
}

void appendResponseHead(std::string& out, const ApiResponse& response, const HeadFraming& framing) {
    out += "HTTP/1.1 ";
    appendNumber(out, static_cast<std::size_t>(response.status));
    out += ' ';
    out += reasonPhrase(response.status);
    out += "\r\n";
    for (const auto& [name, value] : response.headers) {
        if (safeHeaderText(name) && safeHeaderText(value)) {
            appendHeader(out, name, value);
        }
    }
    out += "X-Content-Type-Options: nosniff\r\n";
    // 204 and 304 have no content, hence no type or length (RFC 9110 §8.6, §15.3.5, §15.4.5).
    const bool noContent = response.status == 204 || response.status == 304;
    if (!noContent) {
        appendHeader(out, "Content-Type", response.contentType);
        if (!framing.untilClose) {
            out += "Content-Length: ";
            appendNumber(out, response.body ? response.body->size() : 0);
            out += "\r\n";
        }
    }
    if (framing.close || framing.untilClose) {
        out += "Connection: close\r\n";
    } else {
        appendHeader(out, "Keep-Alive", framing.keepAlive);
    }
    out += "\r\n";
}

} // namespace kiwoomd::http
